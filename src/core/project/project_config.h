#pragma once
// The project file `tempest.json` (DESIGN.md "Project file"): where the migrations,
// the models and the database are. Relative paths are resolved against the project
// file's folder; the database comes from --database, then TEMPEST_DATABASE, then the file.

#include "core/ir/json.h"

#include <map>
#include <string>
#include <vector>

namespace tempest {

struct ProjectConfig {
    /// Absolute path of the project file, and the folder holding it.
    std::string configFile;
    std::string projectDir;
    /// "sqlite" or "postgresql".
    std::string dialect = "sqlite";
    /// SQLite: an absolute file path. PostgreSQL: a libpq connection string or URI.
    /// Empty when no database is configured anywhere.
    std::string database;
    /// Where `database` came from: "--database", "TEMPEST_DATABASE" or the file's path.
    std::string databaseSource;
    /// Absolute path of the migrations folder.
    std::string migrationsDir;
    /// Absolute path of the models IR file; empty when none (or a command) is configured.
    std::string modelsFile;
    /// The models command (argv), when `models` is {"command": [...]}.
    std::vector<std::string> modelsCommand;
    std::string versionTable = "tempest_db_migrations";
    /// PostgreSQL schema; empty means public.
    std::string schemaName;
    /// PostgreSQL: `versionTableSchema`, the version table's schema when it is not the
    /// project's (Alembic's version_table_schema); empty: not set.
    std::string versionTableSchema;
    /// PostgreSQL: `schemas`, the named schemas the project manages besides its own
    /// (docs/ir.md "Named schemas"): their tables are `schema.table` in the IR. Empty:
    /// the project's schema only.
    std::vector<std::string> schemas;

    /// The schema the version table lives in: versionTableSchema, else schemaName
    /// (empty: unqualified, the connection's search_path — normally public).
    std::string versionTablePlace() const { return versionTableSchema.empty() ? schemaName : versionTableSchema; }

    bool hasModels() const { return !modelsFile.empty() || !modelsCommand.empty(); }
    /// The database as it may be shown: passwords masked.
    std::string displayDatabase() const;
};

/// Where the database setting comes from, in precedence order.
struct DatabaseOverrides {
    std::string flag;         // --database (empty: not given)
    std::string environment;  // TEMPEST_DATABASE (empty: not set)
    std::string cwd;          // the invocation's working directory, for relative SQLite paths
};

/// Reads and validates the project file at `path` (absolute, or relative to
/// overrides.cwd). Strict: unknown keys, wrong types and an unknown dialect throw
/// InputError naming the file and JSON path; a missing file says how to create one.
ProjectConfig loadProjectConfig(const std::string& path, const DatabaseOverrides& overrides);
/// The same for a document already read; `configFile` (absolute) names it in errors and
/// anchors relative paths.
ProjectConfig projectConfigFromJson(const Json& json, const std::string& configFile, const DatabaseOverrides& overrides);

/// `path` made absolute against `base` (unchanged when already absolute), normalised.
std::string absolutePath(const std::string& path, const std::string& base);

} // namespace tempest
