#pragma once
// The C++ form of a migration (`revision --format cpp`): a source file that builds the
// Migration with the Op facade, so an application can compile its history in and run it
// with MigrationRunner. Its JSON twin (what the CLI and the Studio read) is written
// beside it and describes the same operations, so both have the same checksum.

#include "core/revision/migration.h"

#include <string>
#include <string_view>

namespace tempest {

/// "migration_<revision>", '-' folded to '_': the function a generated file defines as
///   tempest::Migration migration_<revision>();
/// (declare it in the application to call it).
std::string migrationFunctionName(std::string_view revision);

/// "<revision>_<slug>.cpp": the JSON twin's file name with the other extension.
std::string migrationCppFileName(const std::string& revision, const std::string& label);

/// The text of the generated C++ file. `jsonTwin` is the file name its header comment
/// names. The code reproduces `migration` as migrationFromJson would load it from its
/// twin (nullable resolved the same way), so migrationChecksum agrees between the two.
std::string generateMigrationCpp(const Migration& migration, const std::string& jsonTwin);

} // namespace tempest
