#include "tools/postgres_loader.h"

#include <dlfcn.h>

#include <filesystem>
#include <system_error>
#include <vector>

#ifndef TEMPEST_MODULE_DIR
#define TEMPEST_MODULE_DIR "lib/tempest-db"
#endif

namespace tempest {

std::string postgresModuleName() { return "tempest-driver-postgres.so"; }

namespace {

using Connect = Driver* (*)(const char*, char*, std::size_t, int*);

/// The module's entry point, loaded once (a driver's code must outlive every driver).
Connect loadModule()
{
    static Connect entry = nullptr;
    if (entry)
        return entry;
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    std::vector<std::filesystem::path> candidates;
    if (!ec)
        candidates = {exe.parent_path() / postgresModuleName(),
                      exe.parent_path().parent_path() / TEMPEST_MODULE_DIR / postgresModuleName()};
    std::string tried;
    for (const auto& candidate : candidates) {
        if (!std::filesystem::is_regular_file(candidate, ec))
            continue;
        void* module = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            const char* why = dlerror();
            tried += std::string(tried.empty() ? "" : "; ") + (why ? why : candidate.string());
            continue;
        }
        entry = reinterpret_cast<Connect>(dlsym(module, "tempest_postgres_connect"));
        if (!entry)
            throw ConnectionError(candidate.string() + " is not a tempest-db PostgreSQL driver module");
        return entry;
    }
    std::string places;
    for (const auto& candidate : candidates)
        places += (places.empty() ? "" : " and ") + candidate.parent_path().string();
    throw ConnectionError("PostgreSQL needs " + postgresModuleName() + " (tempest-migrate's PostgreSQL driver), "
                          + (tried.empty() ? "which is not in " + places + ": reinstall tempest-db"
                                           : "which does not load: " + tried));
}

} // namespace

DriverPtr connectPostgresThroughModule(const std::string& conninfo)
{
    const Connect connect = loadModule();
    char error[2048] = {};
    int passwordRejected = 0;
    Driver* driver = connect(conninfo.c_str(), error, sizeof error, &passwordRejected);
    if (!driver)
        throw ConnectionError(maskPassword(error), passwordRejected ? ConnectionError::Cause::PasswordRejected
                                                                    : ConnectionError::Cause::Other);
    return DriverPtr(driver);
}

} // namespace tempest
