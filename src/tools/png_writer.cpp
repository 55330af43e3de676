#include "tools/png_writer.h"

#include "tools/module_loader.h"

#include <stdexcept>

namespace tempest {

std::string graphPngModuleName() { return "tempest-graph-png.so"; }

void writeGraphPngThroughModule(const GraphPicture& picture, const std::string& path)
{
    using Entry = int (*)(const GraphPicture*, const char*, char*, std::size_t);
    // Loaded once and kept: Qt's application object lives until the process exits.
    const ModuleEntry found = loadModuleEntry(graphPngModuleName(), "tempest_graph_png");
    if (found.outcome == ModuleEntry::Outcome::NoSymbol)
        throw std::runtime_error(found.detail + " is not a tempest-db PNG module");
    if (found.outcome != ModuleEntry::Outcome::Found)
        throw std::runtime_error("PNG needs " + graphPngModuleName() + " (tempest-db built with Qt Gui)"
                                 + (found.outcome == ModuleEntry::Outcome::Missing
                                        ? std::string(", which is not installed")
                                        : ": " + found.detail)
                                 + "; use --format svg or --format dot");
    char error[1024] = {};
    if (reinterpret_cast<Entry>(found.entry)(&picture, path.c_str(), error, sizeof error) != 0)
        throw std::runtime_error(error);
}

} // namespace tempest
