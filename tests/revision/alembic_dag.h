#pragma once
// Test helper: the real Alembic histories in tests/data/dags/*.json (snake_case facts
// extracted from Alembic projects, not our format) turned into our Migration objects
// and migration files, so graph tests run on histories nobody here invented.

#include "core/revision/migration.h"

#include <string>
#include <vector>

namespace tempest::test {

/// One revision as Alembic records it.
struct AlembicRevision {
    std::string revision;
    std::vector<std::string> downRevision;
    std::vector<std::string> dependsOn;
    std::vector<std::string> branchLabels;
};

struct AlembicDag {
    std::string project;
    std::size_t revisionCount = 0;  // the file's own count, to check ours against
    std::vector<AlembicRevision> revisions;
};

/// Reads tests/data/dags/<name>. Throws std::runtime_error on a malformed file.
AlembicDag readAlembicDag(const std::string& path);

/// Our migrations for those facts: no operations, no createdAt, label = the id.
std::vector<Migration> toMigrations(const AlembicDag& dag);

/// Writes each migration as <dir>/<revision>_<slug>.json (our canonical format); returns
/// the number of files written.
std::size_t writeMigrationFiles(const std::string& dir, const std::vector<Migration>& migrations);

} // namespace tempest::test
