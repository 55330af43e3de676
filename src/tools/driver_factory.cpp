#include "tools/driver_factory.h"

#include "drivers/postgres/postgres_driver.h"
#include "drivers/sqlite/sqlite_driver.h"

#include <filesystem>
#include <system_error>

namespace tempest {

DriverPtr openProjectDatabase(const ProjectConfig& project, bool mayCreate)
{
    if (project.dialect == "postgresql") {
        try {
            // kDefaultConnectTimeoutSeconds unless the string or PGCONNECT_TIMEOUT says.
            return PostgresDriver::connect(project.database);
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
