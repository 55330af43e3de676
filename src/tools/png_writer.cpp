#include "tools/png_writer.h"

#include <dlfcn.h>

#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <vector>

#ifndef TEMPEST_MODULE_DIR
#define TEMPEST_MODULE_DIR "lib/tempest-db"
#endif

namespace tempest {

std::string graphPngModuleName() { return "tempest-graph-png.so"; }

namespace {

std::vector<std::filesystem::path> moduleCandidates()
{
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return {};
    const std::filesystem::path dir = exe.parent_path();
    return {dir / graphPngModuleName(), dir.parent_path() / TEMPEST_MODULE_DIR / graphPngModuleName()};
}

} // namespace

void writeGraphPngThroughModule(const GraphPicture& picture, const std::string& path)
{
    using Entry = int (*)(const GraphPicture*, const char*, char*, std::size_t);
    std::string tried;
    for (const auto& candidate : moduleCandidates()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(candidate, ec))
            continue;
        // Loaded once and kept: Qt's application object lives until the process exits.
        void* module = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            const char* why = dlerror();
            tried += std::string(tried.empty() ? "" : "; ") + (why ? why : candidate.string());
            continue;
        }
        auto entry = reinterpret_cast<Entry>(dlsym(module, "tempest_graph_png"));
        if (!entry)
            throw std::runtime_error(candidate.string() + " is not a tempest-db PNG module");
        char error[1024] = {};
        if (entry(&picture, path.c_str(), error, sizeof error) != 0)
            throw std::runtime_error(error);
        return;
    }
    throw std::runtime_error("PNG needs " + graphPngModuleName() + " (tempest-db built with Qt Gui)"
                             + (tried.empty() ? std::string(", which is not installed") : ": " + tried)
                             + "; use --format svg or --format dot");
}

} // namespace tempest
