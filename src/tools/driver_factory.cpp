#include "tools/driver_factory.h"

#include "drivers/sqlite/sqlite_driver.h"
#ifdef TEMPEST_POSTGRES_LINKED
#include "drivers/postgres/postgres_driver.h"
#else
#include "tools/postgres_loader.h"
#endif

#include <filesystem>
#include <system_error>

namespace tempest {

DriverPtr openProjectDatabase(const ProjectConfig& project, bool mayCreate)
{
    if (project.dialect == "postgresql") {
        try {
            // kDefaultConnectTimeoutSeconds unless the string or PGCONNECT_TIMEOUT says.
#ifdef TEMPEST_POSTGRES_LINKED
            return PostgresDriver::connect(project.database);  // test executables link it
#else
            return connectPostgresThroughModule(project.database);
#endif
        } catch (const ConnectionError& e) {
            throw ConnectionError(maskPassword(e.what()), e.passwordRejected() ? ConnectionError::Cause::PasswordRejected
                                                                                : ConnectionError::Cause::Other);
        }
    }
    std::error_code ec;
    if (!mayCreate && project.database != ":memory:" && !std::filesystem::exists(project.database, ec))
        return nullptr;
    SqliteOpenOptions options;
    options.create = mayCreate;
    options.busyTimeoutMs = 30000;
    return SqliteDriver::open(project.database, options);
}

} // namespace tempest
