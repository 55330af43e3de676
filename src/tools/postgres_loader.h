#pragma once
// tempest-migrate's way to the PostgreSQL driver: tempest-driver-postgres.so, loaded with
// dlopen on the first connection (postgres_module.cpp says why), looked for next to the
// executable, then in <prefix>/lib/tempest-db.

#include "core/driver/driver.h"

#include <string>

namespace tempest {

std::string postgresModuleName();

/// PostgresDriver::connect through the module. Throws ConnectionError as connect does
/// (password masked), or when the module cannot be loaded (naming it and why).
DriverPtr connectPostgresThroughModule(const std::string& conninfo);

} // namespace tempest
