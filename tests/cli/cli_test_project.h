#pragma once
// A tempest-migrate project in a temporary folder, and the real binary run on it:
// tests write tempest.json, models and migration files, run commands through QProcess
// and inspect the SQLite database with the real driver.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tempest::test {

/// What one run of tempest-migrate produced.
struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
    /// Lines of stdout without their newline.
    std::vector<std::string> outLines() const;
    /// For QVERIFY2 messages: the exit code and both streams.
    std::string describe() const;
};

class TestProject {
public:
    TestProject();
    TestProject(const TestProject&) = delete;
    TestProject& operator=(const TestProject&) = delete;

    bool isValid() const { return m_dir.isValid(); }
    std::string dir() const { return m_dir.path().toStdString(); }
    /// Absolute path of `relative` inside the project folder.
    std::string path(const std::string& relative) const;

    /// tempest.json with dialect sqlite, database app.db, migrations, models.json;
    /// `extraMembers` (e.g. `"versionTable": "v"`) are appended to the object.
    void writeConfig(const std::string& extraMembers = {});
    void writeFile(const std::string& relative, const std::string& text);
    std::string readFile(const std::string& relative) const;
    bool exists(const std::string& relative) const;
    void removeFile(const std::string& relative);
    void writeModels(const std::string& schemaJson) { writeFile("models.json", schemaJson); }
    /// migrations/<id>.json holding the migration.
    void writeMigration(const std::string& id, const std::vector<std::string>& parents, const std::string& label,
                        const std::vector<std::string>& upOps);

    /// Runs tempest-migrate in the project folder (TEMPEST_DATABASE unset unless `env`
    /// sets it) and waits for it.
    CliRun run(const QStringList& args, const std::map<QString, QString>& env = {}) const;
    /// Starts tempest-migrate without waiting (for concurrency tests).
    std::unique_ptr<QProcess> start(const QStringList& args) const;
    static CliRun collect(QProcess& process);

    // --- the database (app.db) ---
    std::string dbPath() const { return path("app.db"); }
    bool dbExists() const { return exists("app.db"); }
    QByteArray dbBytes() const;
    /// Version table ids by seq (empty when the table or the file does not exist).
    std::vector<std::string> appliedIds() const;
    /// User tables (version table excluded), sorted.
    std::vector<std::string> tables() const;
    std::vector<std::string> columns(const std::string& table) const;
    /// sqlite_schema rows (type, name, sql), sorted: the whole schema as text.
    std::string schemaDump() const;
    void executeSql(const std::string& sql) const;

private:
    QTemporaryDir m_dir;
};

// --- migration and schema JSON snippets ---

/// A create_table operation: `id integer` primary key plus `columns` (a JSON object
/// body such as `"name": {"type": "text"}`).
std::string createTableOp(const std::string& table, const std::string& columns = {});
std::string addColumnOp(const std::string& table, const std::string& column, const std::string& type = "text");
/// An execute operation with SQLite SQL; `down` empty = irreversible.
std::string executeOp(const std::string& up, const std::string& down = {});
/// IR JSON of two tables, users and posts, posts.user_id referencing users.id.
std::string usersAndPostsModels();
/// IR JSON of one table with `id` and the named text columns.
std::string singleTableModels(const std::string& table, const std::vector<std::string>& textColumns);

/// True when some line of `text` contains `needle`.
bool contains(const std::string& text, const std::string& needle);

} // namespace tempest::test
