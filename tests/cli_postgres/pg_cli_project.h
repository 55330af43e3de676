#pragma once
// A tempest-migrate project (tests/cli's TestProject: temporary folder, files, the real
// binary through QProcess) whose database is a scratch database of the PostgreSQL test
// cluster, with read-only looks at that database through the real PostgresDriver.

#include "cli_test_project.h"
#include "pg_test.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tempest::test {

// Private inheritance: TestProject's database helpers read app.db (SQLite); only its
// dialect-neutral members are re-exported, and the PostgreSQL ones below replace them.
class PgCliProject : private TestProject {
public:
    /// Creates the scratch database (dropped with the project). Throws when the cluster
    /// refuses.
    PgCliProject() = default;

    using TestProject::dir;
    using TestProject::exists;
    using TestProject::isValid;
    using TestProject::path;
    using TestProject::readFile;
    using TestProject::removeFile;
    using TestProject::run;
    using TestProject::start;
    using TestProject::writeFile;
    using TestProject::writeMigration;
    using TestProject::writeModels;

    /// tempest.json with dialect postgresql, the scratch database's admin connection
    /// string, migrations and models.json; `extraMembers` are appended to the object.
    void writeConfig(const std::string& extraMembers = {});
    /// As writeConfig, with `database` as the "database" member (omitted when empty).
    void writeConfigWithDatabase(const std::string& database, const std::string& extraMembers = {});

    const PgScratchDatabase& database() const { return m_db; }
    std::unique_ptr<PostgresDriver> connect() const { return PostgresDriver::connect(m_db.connInfo()); }

    /// Version table ids by seq (empty when the table does not exist).
    std::vector<std::string> appliedIds(const std::string& versionTable = "tempest_db_migrations") const;
    /// Every column of every version-table row by seq ("" when the table does not exist).
    std::string versionTableDump(const std::string& versionTable = "tempest_db_migrations") const;
    /// Ordinary tables of schema public (the version table excluded), sorted.
    std::vector<std::string> tables() const;
    /// Columns of public.`table` in attnum order.
    std::vector<std::string> columns(const std::string& table) const;
    /// `tempest-migrate introspect` output, then the version table: what "the database is
    /// untouched" compares. A failed introspect is in the text, so comparisons show it.
    std::string snapshot() const;

    void execute(const std::string& sql) const;
    /// The first column of the first row as an integer (the query must return one).
    std::int64_t integer(const std::string& sql) const;
    /// The first column of the first row as text ("" for NULL or no row).
    std::string text(const std::string& sql) const;

private:
    PgScratchDatabase m_db;
};

/// An execute operation with PostgreSQL SQL (JSON-escaped); `down` empty = irreversible.
std::string pgExecuteOp(const std::string& up, const std::string& down = {});

/// Lines of `run`'s stdout that start with `prefix`.
std::vector<std::string> linesStartingWith(const CliRun& run, const std::string& prefix);

/// argv for TestProject::run from string literals.
QStringList cliArgs(std::initializer_list<const char*> list);

} // namespace tempest::test
