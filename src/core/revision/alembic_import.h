#pragma once
// Reading an Alembic history without running it: each revision script's module-level
// `revision`, `down_revision`, `branch_labels` and `depends_on` assignments (plain or
// annotated, `revision: str = "…"`), its docstring (label and `Create Date:`) and whether
// its upgrade()/downgrade() bodies do anything. Only Python literals are read — None, a
// string, or a tuple/list of strings — so nothing in the scripts is ever executed; any
// other right-hand side is refused with the file and line.
//
// What the import writes is our migration format: the graph (parents, dependsOn,
// branchLabels, label, createdAt) is Alembic's, and a revision whose upgrade() does
// something gets one `execute` placeholder whose SQL is the Python body as comments, for
// the user to port. Until then it runs as a no-op; its `down` is present only when the
// Alembic downgrade() was empty, so `downgrade` refuses an unported revision instead of
// pretending to revert it.

#include "core/revision/migration.h"

#include <string>
#include <vector>

namespace tempest {

struct AlembicScript {
    std::string revision;
    std::vector<std::string> downRevision;
    std::vector<std::string> branchLabels;
    std::vector<std::string> dependsOn;
    std::string message;     // the docstring's first line
    std::string createDate;  // "Create Date:" as written (empty when absent)
    std::string upgradeBody;    // upgrade()'s body, empty when it only passes
    std::string downgradeBody;  // downgrade()'s body, empty when it only passes
    int line = 0;               // of the `revision` assignment
    std::string file;           // set by readAlembicVersions
};

/// Parses one script. Returns false (and leaves `out` alone) when the file has no
/// module-level `revision` assignment (`__init__.py`, helpers), as Alembic skips it.
/// Throws InputError naming `file` and the line for a value that is not a literal.
bool parseAlembicScript(const std::string& text, const std::string& file, AlembicScript& out);

/// Every `*.py` under `versionsDir` (recursively, sorted), parsed. Duplicate ids are
/// refused naming both files.
std::vector<AlembicScript> readAlembicVersions(const std::string& versionsDir);

/// Our migration for one script (see the header comment for what its operations are).
Migration migrationFromAlembic(const AlembicScript& script);

/// "2017-01-05 14:03:12.123456" (Alembic's Create Date, local time as written) as
/// "2017-01-05T14:03:12Z"; empty when it does not look like a date.
std::string alembicCreateDateToIso(const std::string& createDate);

} // namespace tempest
