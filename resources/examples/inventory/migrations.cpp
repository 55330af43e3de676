// The migrations compiled into the application, oldest first. Each file that
// `tempest-migrate revision --format cpp` adds to migrations/ defines one function, named
// in its header comment: declare it and list it here.

#include "migrations.h"

tempest::Migration migration_ec40006964b0();
tempest::Migration migration_4d93c8e2867c();

namespace inventory {

std::vector<tempest::Migration> migrations()
{
    return {
        migration_ec40006964b0(),
        migration_4d93c8e2867c(),
    };
}

} // namespace inventory
