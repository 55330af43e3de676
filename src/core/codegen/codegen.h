#pragma once
// generateMigration: a Migration → the text of its migration file(s), and the helper
// that writes them without ever overwriting one (DESIGN.md "Migration file").

#include "core/ops/operation.h"
#include "core/revision/migration.h"

#include <string>
#include <vector>

namespace tempest {

enum class MigrationFormat { Json, Cpp };

struct GeneratedMigration {
    /// A bare file name ("<revision>_<slug>.json"), relative to the migrations folder.
    std::string fileName;
    std::string text;
};

/// A new migration: down = invert(up) (left empty when `up` is irreversible, which
/// makes the revision irreversible), createdAt = now (UTC).
Migration makeMigration(std::string revision, std::vector<std::string> parents, std::string label,
                        std::vector<Operation> up);

/// Json: one file, canonical JSON. Cpp: "<rev>_<slug>.cpp" (see codegen_cpp.h), then its
/// JSON twin, the same file Json gives.
std::vector<GeneratedMigration> generateMigration(const Migration& migration, MigrationFormat format);

/// Writes each file into `dir` (created when missing). Refuses, before writing
/// anything, when one of the files already exists: InputError naming it.
void writeGeneratedFiles(const std::string& dir, const std::vector<GeneratedMigration>& files);

} // namespace tempest
