// Column collations through tempest-migrate on real SQLite files (issue 11): calibre's
// library database keeps COLLATE NOCASE through a rebuild of `books` and its downgrade,
// `check` sees a collation changed by hand, and a collation only the application
// registers (calibre's `unicase`) is refused before anything runs.

#include "cli_test_project.h"

#include "core/ir/schema_json.h"
#include "drivers/sqlite/sqlite_driver.h"

#include <QTest>

#include <sqlite3.h>

#include <fstream>
#include <map>
#include <sstream>

using namespace tempest;
using namespace tempest::test;

namespace {

QStringList args(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* a : list)
        out << QString::fromUtf8(a);
    return out;
}

std::string readSchemaFile(const std::string& name)
{
    std::ifstream in(std::string(TEMPEST_TEST_DATA_DIR) + "/schemas/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int compareNoCase(void*, int n1, const void* a, int n2, const void* b)
{
    const int r = sqlite3_strnicmp(static_cast<const char*>(a), static_cast<const char*>(b), n1 < n2 ? n1 : n2);
    return r != 0 ? r : n1 - n2;
}

void firstArgument(sqlite3_context* context, int, sqlite3_value** values)
{
    sqlite3_result_value(context, values[0]);
}

void fixedUuid(sqlite3_context* context, int, sqlite3_value**)
{
    sqlite3_result_text(context, "00000000-0000-0000-0000-000000000000", -1, SQLITE_STATIC);
}

/// Runs `sql` on the database the way calibre's own connection would: with its run-time
/// functions (title_sort, uuid4) and its `unicase` collation registered.
void runAsApplication(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_create_collation(db, "unicase", SQLITE_UTF8, nullptr, compareNoCase);
    sqlite3_create_function(db, "title_sort", 1, SQLITE_UTF8, nullptr, firstArgument, nullptr, nullptr);
    sqlite3_create_function(db, "uuid4", 0, SQLITE_UTF8, nullptr, fixedUuid, nullptr, nullptr);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, message.c_str());
}

using SchemaRows = std::map<std::string, std::string>;  // "type name" → sql

/// sqlite_schema without the version table's rows.
SchemaRows schemaRows(const TestProject& p)
{
    SchemaRows rows;
    auto db = SqliteDriver::open(p.dbPath());
    const ResultSet result = db->query("SELECT type, name, coalesce(sql, '') AS sql FROM sqlite_schema "
                                       "WHERE tbl_name <> 'tempest_db_migrations'");
    for (std::size_t r = 0; r < result.rows.size(); ++r)
        rows[result.text(r, "type") + " " + result.text(r, "name")] = result.text(r, "sql");
    return rows;
}

std::string queryText(const TestProject& p, const std::string& sql)
{
    auto db = SqliteDriver::open(p.dbPath());
    const ResultSet rows = db->query(sql);
    std::string out;
    for (const auto& row : rows.rows)
        for (const auto& value : row)
            out += valueToString(value) + "|";
    return out;
}

/// The column list of a CREATE TABLE: what a RENAME leaves as written.
std::string body(const std::string& createTable)
{
    return createTable.substr(createTable.find('('));
}

/// Introspects the project's database into models.json, writes the base revision from
/// it and stamps it: the start of a project adopted on an existing database.
Schema adopt(TestProject& p)
{
    p.writeConfig();
    const CliRun introspect = p.run(args({"introspect"}));
    if (introspect.exitCode != 0)
        qWarning("%s", introspect.describe().c_str());
    p.writeModels(introspect.out);
    const CliRun base = p.run(args({"revision", "--autogenerate", "-m", "base", "--rev-id", "r1"}));
    if (base.exitCode != 0)
        qWarning("%s", base.describe().c_str());
    const CliRun stamp = p.run(args({"stamp", "r1"}));
    if (stamp.exitCode != 0)
        qWarning("%s", stamp.describe().c_str());
    return parseSchema(introspect.out, "introspect");
}

} // namespace

class TestCliCollation : public QObject {
    Q_OBJECT

private slots:
    void calibreBooksRebuildKeepsNocase()
    {
        TestProject p;
        runAsApplication(p.dbPath(), readSchemaFile("calibre.sqlite.sql"));
        runAsApplication(p.dbPath(), "INSERT INTO books (title, author_sort, path) VALUES ('Dune', 'Herbert, Frank', 'a'), "
                                     "('dune messiah', 'herbert, frank', 'b'), ('Emma', 'Austen, Jane', 'c')");
        const SchemaRows original = schemaRows(p);
        const Schema ir = adopt(p);
        QCOMPARE(p.appliedIds(), std::vector<std::string>{"r1"});
        for (const char* column : {"title", "sort", "author_sort"})
            QCOMPARE(ir.findTable("books")->findColumn(column)->collation.value_or("none"), std::string("NOCASE"));
        const CliRun clean = p.run(args({"check"}));
        QVERIFY2(clean.exitCode == 0, clean.describe().c_str());

        // A change to another column of books: a rebuild.
        Schema models = ir;
        models.findTable("books")->findColumn("path")->defaultValue = DefaultValue::string("unknown");
        p.writeModels(toJson(models));
        const CliRun revision = p.run(args({"revision", "--autogenerate", "-m", "path default", "--rev-id", "r2"}));
        QVERIFY2(revision.exitCode == 0, revision.describe().c_str());
        const CliRun upgrade = p.run(args({"upgrade"}));
        QVERIFY2(upgrade.exitCode == 0, upgrade.describe().c_str());
        QCOMPARE(upgrade.out, std::string("applied r2\n"));

        // Every other column, constraint, index, view and trigger as declared.
        const SchemaRows upgraded = schemaRows(p);
        QCOMPARE(upgraded.size(), original.size());
        for (const auto& [key, sql] : original)
            if (key != "table books")
                QCOMPARE(upgraded.at(key), sql);
        const std::string oldPath = "path TEXT NOT NULL DEFAULT ''";
        const std::string newPath = "\"path\" TEXT NOT NULL DEFAULT 'unknown'";
        std::string books = body(upgraded.at("table books"));
        QVERIFY2(books.find(newPath) != std::string::npos, books.c_str());
        books.replace(books.find(newPath), newPath.size(), oldPath);
        QCOMPARE(books, body(original.at("table books")));
        // The rows, and NOCASE doing its work on them.
        QCOMPARE(queryText(p, "SELECT title FROM books ORDER BY id"), std::string("Dune|dune messiah|Emma|"));
        QCOMPARE(queryText(p, "SELECT count(*) FROM books WHERE author_sort = 'HERBERT, FRANK'"), std::string("2|"));
        const CliRun after = p.run(args({"check"}));
        QVERIFY2(after.exitCode == 0, after.describe().c_str());
        QCOMPARE(after.out, std::string("no drift; models match migrations\n"));

        // The downgrade restores path's default and keeps every collation.
        const CliRun downgrade = p.run(args({"downgrade", "r1"}));
        QVERIFY2(downgrade.exitCode == 0, downgrade.describe().c_str());
        const Schema restored = parseSchema(p.run(args({"introspect"})).out, "introspect");
        QCOMPARE(toJson(restored), toJson(ir));
        const SchemaRows downgraded = schemaRows(p);
        for (const auto& [key, sql] : original)
            if (key != "table books")
                QCOMPARE(downgraded.at(key), sql);
        QCOMPARE(queryText(p, "SELECT count(*) FROM books WHERE sort = 'DUNE'"), std::string("1|"));
    }

    // The IR of calibre's database, autogenerated into a migration, creates an empty
    // database whose tables (collations included) introspect equal, with no drift.
    void calibreIrCreatesAnEmptyDatabaseWithItsCollations()
    {
        TestProject p;
        p.writeConfig();
        runAsApplication(p.path("calibre.db"), readSchemaFile("calibre.sqlite.sql"));
        const CliRun original = p.run(args({"--database", "calibre.db", "introspect"}));
        QVERIFY2(original.exitCode == 0, original.describe().c_str());
        p.writeModels(original.out);
        QCOMPARE(p.run(args({"revision", "--autogenerate", "-m", "calibre", "--rev-id", "r1"})).exitCode, 0);
        const CliRun upgrade = p.run(args({"upgrade"}));
        QVERIFY2(upgrade.exitCode == 0, upgrade.describe().c_str());
        const Schema expected = parseSchema(original.out, "calibre");
        const Schema created = parseSchema(p.run(args({"introspect"})).out, "app");
        QCOMPARE(created.tables, expected.tables);
        int collated = 0;
        for (const auto& table : created.tables)
            for (const auto& column : table.columns)
                collated += column.collation == std::optional<std::string>("NOCASE") ? 1 : 0;
        QCOMPARE(collated, 19);  // issue 11: "19 of 19 such columns"
        const CliRun check = p.run(args({"check"}));
        QVERIFY2(check.exitCode == 0, check.describe().c_str());
    }

    void checkSeesACollationChangedByHand()
    {
        TestProject p;
        runAsApplication(p.dbPath(), "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE)");
        adopt(p);
        QCOMPARE(p.run(args({"check"})).exitCode, 0);
        runAsApplication(p.dbPath(), "CREATE TABLE tags_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE RTRIM); "
                                     "DROP TABLE tags; ALTER TABLE tags_new RENAME TO tags");
        const CliRun check = p.run(args({"check"}));
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(contains(check.out, "collation \"NOCASE\" → \"RTRIM\""), check.describe().c_str());
    }

    void applicationCollationIsRefusedBeforeAnythingRuns()
    {
        TestProject p;
        runAsApplication(p.dbPath(), "CREATE TABLE custom_column_1 (id INTEGER PRIMARY KEY, value TEXT NOT NULL COLLATE unicase, "
                                     "link TEXT NOT NULL DEFAULT '', UNIQUE(value)); "
                                     "INSERT INTO custom_column_1 (value) VALUES ('Fantasy'), ('fantasy saga')");
        const Schema ir = adopt(p);
        QCOMPARE(ir.findTable("custom_column_1")->findColumn("value")->collation.value_or("none"), std::string("unicase"));
        Schema models = ir;
        models.findTable("custom_column_1")->findColumn("link")->defaultValue = DefaultValue::string("-");
        p.writeModels(toJson(models));
        QCOMPARE(p.run(args({"revision", "--autogenerate", "-m", "link default", "--rev-id", "r2"})).exitCode, 0);

        const QByteArray before = p.dbBytes();
        const CliRun upgrade = p.run(args({"upgrade"}));
        QVERIFY2(upgrade.exitCode == 2, upgrade.describe().c_str());
        QVERIFY2(contains(upgrade.err, "collation \"unicase\""), upgrade.describe().c_str());
        QVERIFY2(contains(upgrade.err, "table \"custom_column_1\""), upgrade.describe().c_str());
        QVERIFY2(contains(upgrade.err, "\"value\""), upgrade.describe().c_str());
        QVERIFY2(!contains(upgrade.err, "no such collation sequence"), upgrade.describe().c_str());
        QCOMPARE(p.dbBytes(), before);
        QCOMPARE(p.appliedIds(), std::vector<std::string>{"r1"});
    }
};

QTEST_GUILESS_MAIN(TestCliCollation)
#include "tst_cli_collation.moc"
