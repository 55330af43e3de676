// Written by cpp_migrations_regenerate with the files beside it: the migrations they
// define, compiled in, in case order.

#include "core/revision/migration.h"

#include <vector>

tempest::Migration migration_c01_shop();
tempest::Migration migration_c02_columns();
tempest::Migration migration_c03_renames();
tempest::Migration migration_c04_constraints();
tempest::Migration migration_c05_drops();
tempest::Migration migration_c06_by_hand();
tempest::Migration migration_c07();

std::vector<tempest::Migration> compiledCppMigrations()
{
    return {
        migration_c01_shop(),
        migration_c02_columns(),
        migration_c03_renames(),
        migration_c04_constraints(),
        migration_c05_drops(),
        migration_c06_by_hand(),
        migration_c07(),
    };
}
