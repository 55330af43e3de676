#pragma once
// tempest-migrate's optional parts (the PostgreSQL driver, the PNG writer) are modules
// loaded with dlopen when first needed, so a command that does not use them does not map
// their libraries. One place says where a module is looked for and how it is loaded.

#include <string>

namespace tempest {

/// What looking for a module's entry point found.
struct ModuleEntry {
    enum class Outcome {
        Found,     ///< `entry` is the symbol's address; the module stays loaded
        Missing,   ///< no candidate file exists; `detail` names the folders searched
        NotLoaded, ///< files exist but none loads; `detail` holds each dlerror()
        NoSymbol,  ///< a file loaded but lacks the symbol; `detail` is that file's path
    };
    Outcome outcome = Outcome::Missing;
    void* entry = nullptr;
    std::string detail;
};

/// Looks for `file` beside the executable, then in <prefix>/<TEMPEST_MODULE_DIR> (the
/// install layout: bin/ and lib/tempest-db/ under one prefix), loads the first one that
/// loads (RTLD_NOW | RTLD_LOCAL, never unloaded) and returns the address of `symbol`.
ModuleEntry loadModuleEntry(const std::string& file, const char* symbol);

} // namespace tempest
