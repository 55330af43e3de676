// The random-pair property on SQLite files (see pair_property.h), through the same
// core/project functions the CLI and Studio use, with `sqlite3` running the scripts.
#include "pair_property.h"

#include "core/diff/diff.h"
#include "core/ir/schema_json.h"
#include "core/project/autogenerate.h"
#include "core/project/run_plan.h"
#include "core/project/status.h"
#include "drivers/sqlite/sqlite_driver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace tempest::test {

namespace {

using Rows = std::map<std::string, std::vector<std::map<std::string, std::string>>>;

std::string quoteSqlite(std::string_view name)
{
    std::string out = "\"";
    for (char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void writeText(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

Schema compared(Schema schema)
{
    schema.unsupported.clear();
    return schema;
}

Rows readRows(Driver& db, const Schema& schema)
{
    Rows rows;
    for (const Table& t : schema.tables) {
        const ResultSet result = db.query("SELECT * FROM " + quoteSqlite(t.name) + " ORDER BY \"id\"");
        for (std::size_t r = 0; r < result.rows.size(); ++r) {
            std::map<std::string, std::string> row;
            for (std::size_t c = 0; c < result.columns.size(); ++c)
                row[result.columns[c]] = valueToString(result.rows[r][c]);
            rows[t.name].push_back(std::move(row));
        }
    }
    return rows;
}

/// The same data in the same place: the column's type and nullability did not change.
bool keepsValues(const Column& a, const Column& b)
{
    return a.type == b.type && a.length == b.length && a.precision == b.precision && a.scale == b.scale
        && a.enumName == b.enumName && a.nullable == b.nullable;
}

/// (table, column) of A → (table, column) of B, for every column B keeps with its values
/// (through renamedFrom on either).
std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> keptColumns(const Schema& a,
                                                                                                 const Schema& b)
{
    // What B's item is in A under DESIGN.md's rule: a renamedFrom hint applies while the
    // old name exists and the new one does not; otherwise the same name is the same item,
    // unless that name was renamed away.
    auto origins = [](const auto& items, auto exists) {
        std::map<std::string, std::string> origin;  // B name → A name
        std::set<std::string> renamedAway;
        for (const auto& x : items)
            if (x.renamedFrom && exists(*x.renamedFrom) && !exists(x.name)) {
                origin[x.name] = *x.renamedFrom;
                renamedAway.insert(*x.renamedFrom);
            }
        for (const auto& x : items)
            if (!origin.count(x.name) && exists(x.name) && !renamedAway.count(x.name))
                origin[x.name] = x.name;
        return origin;
    };
    std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> kept;
    const auto tables = origins(b.tables, [&](const std::string& n) { return a.findTable(n) != nullptr; });
    for (const Table& bt : b.tables) {
        auto t = tables.find(bt.name);
        if (t == tables.end())
            continue;
        const Table* at = a.findTable(t->second);
        const auto columns = origins(bt.columns, [&](const std::string& n) { return at->findColumn(n) != nullptr; });
        for (const Column& bc : bt.columns) {
            auto c = columns.find(bc.name);
            const Column* ac = c == columns.end() ? nullptr : at->findColumn(c->second);
            if (ac && keepsValues(*ac, bc))
                kept[{at->name, ac->name}] = {bt.name, bc.name};
        }
    }
    return kept;
}

/// Every kept column reads the same in `rowsB` as in `rowsA` (same row order: by id).
std::optional<std::string> compareKeptRows(const Rows& rowsA, const Rows& rowsB,
                                           const std::map<std::pair<std::string, std::string>,
                                                          std::pair<std::string, std::string>>& kept)
{
    for (const auto& [from, to] : kept) {
        const auto& before = rowsA.at(from.first);
        auto after = rowsB.find(to.first);
        if (after == rowsB.end() || after->second.size() != before.size())
            return "table " + to.first + ": row count changed";
        for (std::size_t r = 0; r < before.size(); ++r)
            if (before[r].at(from.second) != after->second[r].at(to.second))
                return "row " + std::to_string(r + 1) + " of " + to.first + "." + to.second + ": "
                     + before[r].at(from.second) + " became " + after->second[r].at(to.second);
    }
    return std::nullopt;
}

std::string catalogDump(Driver& db, bool withVersionRows)
{
    std::string out;
    const ResultSet rows = db.query(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    for (std::size_t r = 0; r < rows.rows.size(); ++r)
        out += rows.text(r, "type") + " " + rows.text(r, "name") + " " + rows.text(r, "tbl_name") + ": "
             + rows.text(r, "sql") + "\n";
    if (withVersionRows) {
        const ResultSet v = db.query("SELECT id, label, checksum, seq FROM tempest_db_migrations ORDER BY seq");
        for (std::size_t r = 0; r < v.rows.size(); ++r)
            out += "version " + v.text(r, "id") + " " + v.text(r, "label") + " " + v.text(r, "checksum") + " "
                 + v.text(r, "seq") + "\n";
    }
    return out;
}

std::optional<std::string> runShell(const std::string& database, const std::string& sql)
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), QString::fromStdString(database)});
    if (!shell.waitForStarted(10000))
        return "cannot start sqlite3 (Debian package sqlite3)";
    shell.write(QByteArray::fromStdString(sql));
    shell.closeWriteChannel();
    shell.waitForFinished(60000);
    if (shell.exitStatus() != QProcess::NormalExit || shell.exitCode() != 0)
        return "sqlite3 failed on the script: " + shell.readAllStandardError().toStdString() + "\n" + sql;
    return std::nullopt;
}

class Workspace {
public:
    Workspace()
    {
        m_root = m_dir.path().toStdString();
        QDir(m_dir.path()).mkpath(QStringLiteral("migrations"));
        writeText(m_root + "/tempest.json",
                  "{\"dialect\": \"sqlite\", \"database\": \"app.db\", \"migrations\": \"migrations\", "
                  "\"models\": \"models.json\"}\n");
    }
    std::string path(const std::string& name) const { return m_root + "/" + name; }
    /// A fresh Project (the migrations folder is read again).
    Project project() const
    {
        ProjectEnvironment environment;
        environment.cwd = m_root;
        return Project::open(path("tempest.json"), {}, environment);
    }
    void writeModels(const Schema& schema) const { writeText(path("models.json"), toJson(schema)); }

private:
    QTemporaryDir m_dir;
    std::string m_root;
};

void createViewsAndTriggers(Driver& db, const SchemaPair& pair)
{
    // On tables that survive under their name: a view reading every column, a trigger
    // on the table and one on the view.
    for (const Table& t : pair.a.tables) {
        const bool survives = std::any_of(pair.b.tables.begin(), pair.b.tables.end(),
                                          [&](const Table& b) { return b.name == t.name && !b.renamedFrom; });
        if (!survives)
            continue;
        const std::string view = quoteSqlite("v " + t.name), table = quoteSqlite(t.name);
        db.execute("CREATE VIEW " + view + " AS SELECT * FROM " + table);
        db.execute("CREATE TRIGGER " + quoteSqlite("trg " + t.name) + " AFTER UPDATE ON " + table
                   + " WHEN NEW.\"id\" > 0 BEGIN SELECT 1; END");
        db.execute("CREATE TRIGGER " + quoteSqlite("trg v " + t.name) + " INSTEAD OF DELETE ON " + view
                   + " BEGIN SELECT 1; END");
    }
}

std::optional<std::string> schemaIs(Driver& db, const Project& project, const Schema& expected, const char* when)
{
    const Schema live = introspectDatabase(project, db);
    const Dialect& dialect = project.dialect();
    const Schema want = compared(dialect.normalizeModel(expected));
    if (!schemaEquals(compared(live), want, &dialect.rules())) {
        std::string lines;
        for (const auto& line : describeDifferences(want, compared(live), &dialect.rules()))
            lines += "\n  " + line;
        return std::string(when) + ": the live schema differs from the expected one:" + lines;
    }
    return std::nullopt;
}

std::optional<std::string> property(const SchemaPair& pair)
{
    Workspace ws;
    ws.writeModels(pair.a);
    {
        const Project p = ws.project();
        const AutogenerateResult first = autogenerate(p, {});
        writeRevision(p, "r1", first.parents, "a", first.operations);
    }
    auto db = SqliteDriver::open(ws.path("app.db"));
    {
        const Project p = ws.project();
        ProjectRun(p, planRun(p, db.get(), Direction::Upgrade, "heads")).execute(*db);
    }
    for (const std::string& insert : rowInserts(pair.a, quoteSqlite))
        db->execute(insert);
    createViewsAndTriggers(*db, pair);
    const Rows rowsA = readRows(*db, pair.a);
    const std::string catalogA = catalogDump(*db, true);

    ws.writeModels(pair.b);
    Project p = ws.project();
    const AutogenerateResult second = autogenerate(p, {});
    if (second.operations.empty())
        return std::nullopt;
    writeRevision(p, "r2", second.parents, "b", second.operations);
    p = ws.project();

    // The scripts, made before the online run from a database at A.
    std::filesystem::copy_file(ws.path("app.db"), ws.path("range.db"));
    std::filesystem::copy_file(ws.path("app.db"), ws.path("live.db"));
    const std::string rangeSql = planSql(p, planRun(p, nullptr, Direction::Upgrade, "r1:r2"), nullptr);
    std::string liveSql;
    {
        auto copy = SqliteDriver::open(ws.path("live.db"));
        liveSql = planSql(p, planRun(p, copy.get(), Direction::Upgrade, "heads"), copy.get());
    }

    try {
        ProjectRun(p, planRun(p, db.get(), Direction::Upgrade, "heads")).execute(*db);
    } catch (const std::exception& e) {
        return std::string("upgrade failed: ") + e.what();
    }
    if (auto failure = schemaIs(*db, p, pair.b, "after upgrade"))
        return failure;
    const ProjectStatus status = projectStatus(p, db.get());
    if (status.failsCheck()) {
        std::string lines;
        for (const auto& line : checkLines(status))
            lines += "\n  " + line;
        return "check after upgrade is not clean:" + lines;
    }
    const auto kept = keptColumns(pair.a, pair.b);
    if (auto failure = compareKeptRows(rowsA, readRows(*db, pair.b), kept))
        return "after upgrade: " + *failure;
    if (db->query("PRAGMA integrity_check").text(0, "integrity_check") != "ok"
        || !db->query("PRAGMA foreign_key_check").rows.empty())
        return "after upgrade: integrity or foreign-key check fails";
    const std::string catalogB = catalogDump(*db, true);

    if (auto failure = runShell(ws.path("live.db"), liveSql))
        return "live --sql: " + *failure;
    {
        auto copy = SqliteDriver::open(ws.path("live.db"));
        if (catalogDump(*copy, true) != catalogB)
            return "the --sql script rendered against the live database ends elsewhere than the online run:\n"
                   + catalogDump(*copy, true) + "---- online:\n" + catalogB;
    }
    if (auto failure = runShell(ws.path("range.db"), rangeSql))
        return "r1:r2 --sql: " + *failure;
    {
        auto copy = SqliteDriver::open(ws.path("range.db"));
        if (toJson(compared(introspectDatabase(p, *copy))) != toJson(compared(introspectDatabase(p, *db))))
            return "the r1:r2 --sql script gives another schema than the online run";
        if (catalogDump(*copy, true).substr(catalogDump(*copy, true).find("version ")) !=
            catalogB.substr(catalogB.find("version ")))
            return "the r1:r2 --sql script gives another version table than the online run";
    }

    try {
        ProjectRun(p, planRun(p, db.get(), Direction::Downgrade, "r1")).execute(*db);
    } catch (const std::exception& e) {
        return std::string("downgrade failed: ") + e.what();
    }
    if (auto failure = schemaIs(*db, p, pair.a, "after downgrade"))
        return failure;
    std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> keptBack;
    for (const auto& [from, to] : kept)
        keptBack[from] = from;
    if (auto failure = compareKeptRows(rowsA, readRows(*db, pair.a), keptBack))
        return "after downgrade: " + *failure;
    // Views and triggers made by hand come back exactly; tables may be re-spelled.
    auto objects = [](const std::string& dump) {
        std::string out;
        std::size_t start = 0;
        while (start < dump.size()) {
            const std::size_t end = dump.find('\n', start);
            const std::string line = dump.substr(start, end - start);
            if (line.rfind("view ", 0) == 0 || line.rfind("trigger ", 0) == 0)
                out += line + "\n";
            start = end == std::string::npos ? dump.size() : end + 1;
        }
        return out;
    };
    if (objects(catalogDump(*db, false)) != objects(catalogA))
        return "after downgrade the views and triggers differ:\n" + objects(catalogDump(*db, false)) + "---- before:\n"
             + objects(catalogA);
    return std::nullopt;
}

} // namespace

std::optional<std::string> sqlitePairProperty(const SchemaPair& pair)
{
    try {
        return property(pair);
    } catch (const std::exception& e) {
        return std::string("error: ") + e.what();
    }
}

} // namespace tempest::test
