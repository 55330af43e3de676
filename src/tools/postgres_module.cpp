// tempest-driver-postgres.so: the PostgreSQL driver (libpq) as a module that
// tempest-migrate loads with dlopen the first time a project on PostgreSQL connects
// (postgres_loader.h). libpq brings 28 shared libraries (Kerberos, LDAP, GnuTLS, …):
// mapping them at start-up cost every command ~8 ms, most of `heads`/`history`/`current`
// on a SQLite project (docs/profiles/revision-graph.md), which never needs them.
#include "drivers/postgres/postgres_driver.h"

#include <cstdio>
#include <exception>

/// Connects; on failure returns null, writes the (password-free) message into `error` and
/// sets `*passwordRejected`. The driver is deleted through its virtual destructor by the
/// caller; the module is never unloaded.
extern "C" __attribute__((visibility("default"))) tempest::Driver*
tempest_postgres_connect(const char* conninfo, char* error, std::size_t errorSize, int* passwordRejected)
{
    *passwordRejected = 0;
    try {
        return tempest::PostgresDriver::connect(conninfo).release();
    } catch (const tempest::ConnectionError& e) {
        *passwordRejected = e.passwordRejected() ? 1 : 0;
        std::snprintf(error, errorSize, "%s", e.what());
    } catch (const std::exception& e) {
        std::snprintf(error, errorSize, "%s", e.what());
    }
    return nullptr;
}
