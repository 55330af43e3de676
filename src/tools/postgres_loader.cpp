#include "tools/postgres_loader.h"

#include "tools/module_loader.h"

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
    const ModuleEntry found = loadModuleEntry(postgresModuleName(), "tempest_postgres_connect");
    switch (found.outcome) {
    case ModuleEntry::Outcome::Found:
        entry = reinterpret_cast<Connect>(found.entry);
        return entry;
    case ModuleEntry::Outcome::NoSymbol:
        throw ConnectionError(found.detail + " is not a tempest-db PostgreSQL driver module");
    case ModuleEntry::Outcome::NotLoaded:
        throw ConnectionError("PostgreSQL needs " + postgresModuleName()
                              + " (tempest-migrate's PostgreSQL driver), which does not load: " + found.detail);
    case ModuleEntry::Outcome::Missing:
        break;
    }
    throw ConnectionError("PostgreSQL needs " + postgresModuleName() + " (tempest-migrate's PostgreSQL driver), "
                          + "which is not in " + found.detail + ": reinstall tempest-db");
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
