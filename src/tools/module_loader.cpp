#include "tools/module_loader.h"

#include <dlfcn.h>

#include <filesystem>
#include <system_error>
#include <vector>

#ifndef TEMPEST_MODULE_DIR
#define TEMPEST_MODULE_DIR "lib/tempest-db"
#endif

namespace tempest {

ModuleEntry loadModuleEntry(const std::string& file, const char* symbol)
{
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    std::vector<std::filesystem::path> candidates;
    if (!ec)
        candidates = {exe.parent_path() / file, exe.parent_path().parent_path() / TEMPEST_MODULE_DIR / file};

    std::string notLoaded;
    for (const auto& candidate : candidates) {
        if (!std::filesystem::is_regular_file(candidate, ec))
            continue;
        void* module = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            const char* why = dlerror();
            notLoaded += std::string(notLoaded.empty() ? "" : "; ") + (why ? why : candidate.string());
            continue;
        }
        if (void* entry = dlsym(module, symbol))
            return {ModuleEntry::Outcome::Found, entry, candidate.string()};
        return {ModuleEntry::Outcome::NoSymbol, nullptr, candidate.string()};
    }
    if (!notLoaded.empty())
        return {ModuleEntry::Outcome::NotLoaded, nullptr, notLoaded};
    std::string places;
    for (const auto& candidate : candidates)
        places += (places.empty() ? "" : " and ") + candidate.parent_path().string();
    return {ModuleEntry::Outcome::Missing, nullptr, places};
}

} // namespace tempest
