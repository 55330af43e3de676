#include "cli_test_project.h"

#include "drivers/sqlite/sqlite_driver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <stdexcept>

namespace tempest::test {

std::vector<std::string> CliRun::outLines() const
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < out.size()) {
        std::size_t end = out.find('\n', start);
        if (end == std::string::npos)
            end = out.size();
        lines.push_back(out.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string CliRun::describe() const
{
    return "exit " + std::to_string(exitCode) + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
}

TestProject::TestProject() = default;

std::string TestProject::path(const std::string& relative) const
{
    return m_dir.filePath(QString::fromStdString(relative)).toStdString();
}

void TestProject::writeConfig(const std::string& extraMembers)
{
    std::string text = "{\n  \"dialect\": \"sqlite\",\n  \"database\": \"app.db\",\n"
                       "  \"migrations\": \"migrations\",\n  \"models\": \"models.json\"";
    if (!extraMembers.empty())
        text += ",\n  " + extraMembers;
    writeFile("tempest.json", text + "\n}\n");
    // As `init` leaves it: a project without its migrations folder is refused (exit 2).
    QDir().mkpath(QString::fromStdString(path("migrations")));
}

void TestProject::writeFile(const std::string& relative, const std::string& text)
{
    const QString file = QString::fromStdString(path(relative));
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write " + path(relative));
    f.write(text.data(), static_cast<qint64>(text.size()));
}

std::string TestProject::readFile(const std::string& relative) const
{
    QFile f(QString::fromStdString(path(relative)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

bool TestProject::exists(const std::string& relative) const
{
    return QFileInfo::exists(QString::fromStdString(path(relative)));
}

void TestProject::removeFile(const std::string& relative)
{
    QFile::remove(QString::fromStdString(path(relative)));
}

void TestProject::writeMigration(const std::string& id, const std::vector<std::string>& parents,
                                 const std::string& label, const std::vector<std::string>& upOps)
{
    std::string parentList;
    for (const std::string& p : parents)
        parentList += (parentList.empty() ? "\"" : ", \"") + p + "\"";
    std::string ops;
    for (const std::string& op : upOps)
        ops += (ops.empty() ? "\n    " : ",\n    ") + op;
    writeFile("migrations/" + id + ".json",
              "{\n  \"revision\": \"" + id + "\",\n  \"downRevision\": [" + parentList + "],\n  \"label\": \"" +
                  label + "\",\n  \"up\": [" + ops + (ops.empty() ? "]" : "\n  ]") + "\n}\n");
}

CliRun TestProject::run(const QStringList& args, const std::map<QString, QString>& env) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove("TEMPEST_DATABASE");
    for (const auto& [key, value] : env)
        environment.insert(key, value);
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(TEMPEST_MIGRATE_BIN), args);
    return collect(process);
}

std::unique_ptr<QProcess> TestProject::start(const QStringList& args) const
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove("TEMPEST_DATABASE");
    process->setProcessEnvironment(environment);
    process->setWorkingDirectory(m_dir.path());
    process->start(QStringLiteral(TEMPEST_MIGRATE_BIN), args);
    return process;
}

CliRun TestProject::collect(QProcess& process)
{
    CliRun result;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        result.err = "tempest-migrate did not finish normally: " + process.errorString().toStdString();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput().toStdString();
    result.err = process.readAllStandardError().toStdString();
    return result;
}

QByteArray TestProject::dbBytes() const
{
    QFile f(QString::fromStdString(dbPath()));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

namespace {

std::vector<std::string> firstColumn(const std::string& dbPath, const std::string& sql)
{
    SqliteOpenOptions options;
    options.create = false;
    auto db = SqliteDriver::open(dbPath, options);
    const ResultSet rows = db->query(sql);
    std::vector<std::string> values;
    for (std::size_t r = 0; r < rows.rows.size(); ++r)
        values.push_back(valueToString(rows.rows[r][0]));
    return values;
}

} // namespace

std::vector<std::string> TestProject::appliedIds() const
{
    if (!dbExists())
        return {};
    if (firstColumn(dbPath(), "SELECT name FROM sqlite_master WHERE name = 'tempest_db_migrations'").empty())
        return {};
    return firstColumn(dbPath(), "SELECT id FROM tempest_db_migrations ORDER BY seq");
}

std::vector<std::string> TestProject::tables() const
{
    if (!dbExists())
        return {};
    return firstColumn(dbPath(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                 "AND name <> 'tempest_db_migrations' ORDER BY name");
}

std::vector<std::string> TestProject::columns(const std::string& table) const
{
    return firstColumn(dbPath(), "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
}

std::string TestProject::schemaDump() const
{
    if (!dbExists())
        return {};
    std::string dump;
    for (const std::string& row :
         firstColumn(dbPath(), "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master "
                               "ORDER BY type, name"))
        dump += row + "\n";
    return dump;
}

void TestProject::executeSql(const std::string& sql) const
{
    SqliteOpenOptions options;
    options.create = false;
    SqliteDriver::open(dbPath(), options)->execute(sql);
}

std::string createTableOp(const std::string& table, const std::string& columns)
{
    return R"({"kind": "create_table", "table": ")" + table +
           R"(", "definition": {"columns": {"id": {"type": "integer"})" + (columns.empty() ? "" : ", " + columns) +
           R"(}, "primaryKey": ["id"]}})";
}

std::string addColumnOp(const std::string& table, const std::string& column, const std::string& type)
{
    return R"({"kind": "add_column", "table": ")" + table + R"(", "column": ")" + column +
           R"(", "definition": {"type": ")" + type + R"("}})";
}

std::string executeOp(const std::string& up, const std::string& down)
{
    std::string op = R"({"kind": "execute", "up": {"sqlite": ")" + up + R"("})";
    if (!down.empty())
        op += R"(, "down": {"sqlite": ")" + down + R"("})";
    return op + "}";
}

std::string usersAndPostsModels()
{
    return R"({
  "tables": {
    "users": {
      "columns": {
        "id": {"type": "integer", "autoincrement": true},
        "email": {"type": "varchar", "length": 255, "nullable": false}
      },
      "primaryKey": ["id"],
      "uniques": {"uq_users_email": {"columns": ["email"]}}
    },
    "posts": {
      "columns": {
        "id": {"type": "integer"},
        "user_id": {"type": "integer", "nullable": false},
        "body": {"type": "text"}
      },
      "primaryKey": ["id"],
      "indexes": {"ix_posts_user_id": {"columns": ["user_id"]}},
      "foreignKeys": {"fk_posts_user_id": {"columns": ["user_id"], "refTable": "users",
                                           "refColumns": ["id"], "onDelete": "cascade"}}
    }
  }
}
)";
}

std::string singleTableModels(const std::string& table, const std::vector<std::string>& textColumns)
{
    std::string columns = R"("id": {"type": "integer"})";
    for (const std::string& c : textColumns)
        columns += R"(, ")" + c + R"(": {"type": "text"})";
    return R"({"tables": {")" + table + R"(": {"columns": {)" + columns + R"(}, "primaryKey": ["id"]}}})" "\n";
}

bool contains(const std::string& text, const std::string& needle)
{
    return text.find(needle) != std::string::npos;
}

} // namespace tempest::test
