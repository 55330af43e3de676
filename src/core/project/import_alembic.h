#pragma once
// `import-alembic`: an Alembic history becomes this project's migrations. One use case
// for every door (the CLI verb; Studio could offer the same): read the scripts without
// running them (core/revision/alembic_import.h), check the combined graph, then write
// every file or none.

#include "core/driver/driver.h"
#include "core/project/project.h"
#include "core/revision/migration.h"

#include <string>
#include <vector>

namespace tempest {

struct AlembicImport {
    /// The imported revisions, in topoOrder of the combined graph.
    std::vector<Migration> migrations;
    /// The JSON file written for each, in the same order.
    std::vector<std::string> files;
    /// Heads of the project's graph after the import.
    std::vector<std::string> heads;
    /// Revisions whose upgrade() has code to port (an `execute` placeholder), and those
    /// of them left irreversible because their downgrade() has code too.
    std::size_t toPort = 0;
    std::size_t irreversible = 0;
    /// Graph warnings (a dependsOn that is also a parent, dropped), naming the revision.
    std::vector<std::string> warnings;
};

/// Imports every Alembic revision script under `versionsDir` into the project's
/// migrations folder. Refuses before writing anything (InputError naming the script and
/// line, or the clashing file): a value that is not a literal, a folder without
/// scripts, an id the project already has, a parent that exists nowhere, a cycle.
/// With `forStamp` it also refuses when a head of the project after the import is not
/// an imported revision: stampImport would record that head as applied too.
AlembicImport importAlembic(const Project& project, const std::string& versionsDir, bool forStamp = false);

/// `import-alembic --stamp`: records every revision of the project (read afresh, the
/// imported files included) as applied on `db` without running any operation — the
/// stamp use case (run_plan.h stampDatabase) at `heads`. Call it after an importAlembic
/// with `forStamp`, so those heads are exactly the imported ones. Throws what
/// stampDatabase throws.
RunResult stampImport(const Project& project, Driver& db);

} // namespace tempest
