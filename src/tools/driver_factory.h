#pragma once
// The driver factory tempest-migrate hands to runMigrationCli: the project's dialect
// picks the driver (SQLite file or PostgreSQL connection string).

#include "core/project/project_config.h"
#include "core/driver/driver.h"

namespace tempest {

/// SQLite: opens the file with a 30 s busy timeout; when it does not exist, creates it
/// only if `mayCreate`, and otherwise returns nullptr. PostgreSQL: connects (`mayCreate`
/// does not apply). Throws ConnectionError with the password masked.
DriverPtr openProjectDatabase(const ProjectConfig& project, bool mayCreate);

} // namespace tempest
