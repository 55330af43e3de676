// SqliteRunState against SQLite itself: each row runs statements on a real database and
// applies them to a state, and the state must then hold exactly what sqlite_schema (and
// temp.sqlite_schema) holds, byte for byte: the stored CREATE text, RENAME rewrites
// (bare and quoted names, legacy or not), ADD/DROP COLUMN edits, drops. The rebuild
// recreates triggers, views and indexes from this text, so any difference would end up
// in the user's database.

#include "core/dialect/sqlite/sqlite_catalog_state.h"
#include "core/dialect/sqlite/sqlite_dialect.h"
#include "drivers/sqlite/sqlite_driver.h"
#include "sqlite_test.h"

#include <QTest>

using namespace tempest;
using namespace tempest::test;

namespace {

std::vector<SqliteSchemaObject> liveObjects(Driver& driver, const char* catalog, bool temp)
{
    std::vector<SqliteSchemaObject> out;
    ResultSet rows = driver.query(std::string("SELECT type, name, tbl_name, sql FROM ") + catalog
                                  + " WHERE sql IS NOT NULL ORDER BY rowid");
    for (std::size_t r = 0; r < rows.rows.size(); ++r)
        out.push_back({rows.text(r, "type"), rows.text(r, "name"), rows.text(r, "tbl_name"), rows.text(r, "sql"), temp});
    return out;
}

std::vector<SqliteSchemaObject> modelObjects(const SqliteRunState& state, bool temp)
{
    std::vector<SqliteSchemaObject> out;
    for (const auto& object : state.objects())
        if (object.temp == temp && !object.sql.empty())
            out.push_back(object);
    return out;
}

QStringList show(const std::vector<SqliteSchemaObject>& objects)
{
    QStringList rows;
    for (const auto& o : objects)
        rows << QString::fromStdString(o.type + "|" + o.name + "|" + o.table + "|" + o.sql);
    return rows;
}

const char* const kFooSchema[] = {
    "create table if not exists  main.Foo ( \"a\" TEXT, b int, c text check (a <> b), primary key (a) )",
    "create table audit(msg text, a text)",
    "create table child(id int, fa text references Foo(a), foreign key (fa) references \"Foo\" (\"a\"))",
    "CREATE  UNIQUE INDEX IF NOT EXISTS ix1 ON foo ( a desc, lower(a) ) WHERE a is not null",
    "create trigger if not exists trg after insert on foo begin insert into audit(a) values (new.a); "
    "insert into audit(msg) select a from foo where foo.a = new.a; end",
    "create trigger trg2 after update of a, b on FOO when new.a <> old.a begin "
    "update audit set msg = new.a where a = old.a; end",
    "create view v as select a, b as bb, f.a as fa from foo as f where a > 0",
    "create view v2 (x, y) as select a, count(*) from Foo group by a",
    "CREATE VIEW vs AS SELECT a, (SELECT count(*) FROM audit WHERE audit.a = foo.a) AS n FROM foo",
    "create temp trigger tt after delete on foo begin select old.a; end",
};

} // namespace

class TestSqliteCatalogState : public QObject {
    Q_OBJECT

private slots:
    void followsSqlite_data();
    void followsSqlite();
    void primedFromLiveThenFollows();
    void unknownStatementsChangeNothing();
    void newRunStateAndIntegritySql();
};

void TestSqliteCatalogState::followsSqlite_data()
{
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QStringList>("changes");
    QStringList foo;
    for (const char* sql : kFooSchema)
        foo << sql;

    QTest::newRow("create forms") << foo
                                  << QStringList{"CREATE TABLE IF NOT EXISTS Foo (z)", "create table s (x int) strict",
                                                 "CREATE TABLE \"w\" (\n  \"id\" INTEGER NOT NULL,\n  PRIMARY KEY (\"id\")\n) WITHOUT ROWID",
                                                 "create index main.ix2 on s (x)",
                                                 "CREATE TABLE seq (id INTEGER PRIMARY KEY AUTOINCREMENT)"};
    QTest::newRow("rename column bare") << foo << QStringList{"alter table foo rename column a to z"};
    QTest::newRow("rename column quoted") << foo << QStringList{"ALTER TABLE \"Foo\" RENAME COLUMN \"a\" TO \"w w\""};
    QTest::newRow("rename column twice")
        << foo << QStringList{"alter table foo rename a to z", "ALTER TABLE foo RENAME COLUMN \"z\" TO \"a\""};
    QTest::newRow("rename other column") << foo << QStringList{"ALTER TABLE audit RENAME COLUMN \"a\" TO \"aa\""};
    QTest::newRow("rename table")
        << QStringList{"create table Foo ( a TEXT, b int check (foo.b > 0) )", "create table audit(msg text, a text)",
                       "create table child(id int, fa text references Foo(a), foreign key (fa) references \"Foo\" (\"a\"))",
                       "CREATE INDEX ix1 ON foo ( a )",
                       "create trigger trg after insert on foo begin insert into audit(a) values (new.a); "
                       "insert into audit(msg) select a from foo where foo.a = new.a; end",
                       "create view v as select f.a, f.b from foo as f join main.foo g on g.a = f.a",
                       "create view v3 as select foo.a from audit, [foo]"}
        << QStringList{"alter table foo rename to bar", "ALTER TABLE \"bar\" RENAME TO \"x y\""};
    QTest::newRow("rename table legacy")
        << QStringList{"create table Foo ( a TEXT, b int )", "create table child(id int, fa text references Foo(a))",
                       "CREATE INDEX ix1 ON foo ( a )",
                       "create trigger trg after insert on foo begin insert into child(fa) values (new.a); end",
                       "create view v as select 1 as one"}
        << QStringList{"PRAGMA legacy_alter_table=ON", "alter table \"foo\" rename to r", "PRAGMA legacy_alter_table=OFF",
                       "ALTER TABLE r RENAME TO \"s\""};
    QTest::newRow("add column")
        << QStringList{"CREATE TABLE \"t\" (\n  \"id\" INTEGER NOT NULL,\n  \"a\" TEXT,\n  PRIMARY KEY (\"id\")\n)",
                       "create table u (a, b)", "create table k (x int) strict"}
        << QStringList{"ALTER TABLE \"t\" ADD COLUMN \"b\" TEXT DEFAULT 'x;y'", "alter table u add c int;",
                       "ALTER TABLE k ADD y TEXT  ", "ALTER TABLE u ADD COLUMN \"d\" TEXT CHECK (d <> '')"};
    QTest::newRow("drop column")
        << QStringList{"CREATE TABLE \"t\" (\n  \"id\" INTEGER NOT NULL,\n  \"a\" TEXT,\n  \"b\" TEXT,\n  \"c\" TEXT,\n"
                       "  PRIMARY KEY (\"id\")\n)",
                       "create table u (a, b, c)"}
        << QStringList{"ALTER TABLE \"t\" DROP COLUMN \"b\"", "ALTER TABLE \"t\" DROP COLUMN \"c\"",
                       "alter table u drop c", "alter table u drop column a"};
    QTest::newRow("drop table") << foo
                                << QStringList{"DROP VIEW v2", "DROP TRIGGER IF EXISTS trg2", "DROP TABLE main.foo",
                                               "DROP INDEX IF EXISTS nosuch", "DROP TABLE IF EXISTS nosuch"};
    QTest::newRow("keywords, strings and comments")
        << QStringList{"CREATE TABLE \"order\" (\"select\" TEXT, note TEXT DEFAULT 'select', /* select */ "
                       "x INT CHECK (\"select\" <> 'select'))",
                       "CREATE VIEW vo AS SELECT \"select\", 'select' AS lit FROM \"order\" ORDER BY \"select\"",
                       "CREATE TRIGGER tro AFTER UPDATE OF \"select\" ON \"order\" BEGIN SELECT NEW.\"select\"; END"}
        << QStringList{"ALTER TABLE \"order\" RENAME COLUMN \"select\" TO \"from\"",
                       "ALTER TABLE \"order\" RENAME TO \"group\""};
    QTest::newRow("table named like its column")
        << QStringList{"CREATE TABLE a (a TEXT, b TEXT)", "CREATE VIEW va AS SELECT a.a, a, b AS a2 FROM a",
                       "CREATE INDEX ia ON a (a, b)"}
        << QStringList{"ALTER TABLE a RENAME COLUMN a TO c", "ALTER TABLE a RENAME TO z"};
    QTest::newRow("rebuild statements")
        << QStringList{"CREATE TABLE \"t\" (\n  \"id\" INTEGER NOT NULL,\n  \"a\" TEXT,\n  PRIMARY KEY (\"id\")\n)",
                       "CREATE INDEX \"ix_t_a\" ON \"t\" (\"a\")", "CREATE TABLE audit (m TEXT)",
                       "CREATE TRIGGER t_ins AFTER INSERT ON \"t\" BEGIN INSERT INTO audit VALUES (NEW.\"a\"); END",
                       "CREATE VIEW tv AS SELECT \"a\" FROM \"t\""}
        << QStringList{"CREATE TABLE \"_tempest_new_t\" (\n  \"id\" INTEGER NOT NULL,\n  \"a\" VARCHAR(5),\n"
                       "  PRIMARY KEY (\"id\")\n)",
                       "INSERT INTO \"_tempest_new_t\" (\"id\", \"a\")\n  SELECT \"id\", \"a\" FROM \"t\"",
                       "DROP VIEW \"tv\"", "DROP TABLE \"t\"", "PRAGMA legacy_alter_table=ON",
                       "ALTER TABLE \"_tempest_new_t\" RENAME TO \"t\"", "PRAGMA legacy_alter_table=OFF",
                       "CREATE INDEX \"ix_t_a\" ON \"t\" (\"a\")",
                       "CREATE VIEW tv AS SELECT \"a\" FROM \"t\"",
                       "CREATE TRIGGER t_ins AFTER INSERT ON \"t\" BEGIN INSERT INTO audit VALUES (NEW.\"a\"); END",
                       "ALTER TABLE \"t\" RENAME COLUMN \"a\" TO \"b\""};
}

void TestSqliteCatalogState::followsSqlite()
{
    QFETCH(QStringList, setup);
    QFETCH(QStringList, changes);
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    driver->execute("PRAGMA foreign_keys=OFF");  // as during a run
    SqliteRunState state;
    for (const QStringList* list : {&setup, &changes}) {
        for (const QString& sql : *list) {
            driver->execute(sql.toStdString());
            state.apply(sql.toStdString());
        }
    }
    QCOMPARE(show(modelObjects(state, false)), show(liveObjects(*driver, "sqlite_schema", false)));
    QCOMPARE(show(modelObjects(state, true)), show(liveObjects(*driver, "sqlite_temp_schema", true)));
    QVERIFY(!state.primedFromLive());
}

void TestSqliteCatalogState::primedFromLiveThenFollows()
{
    // Primed once by the first render with a connection; a later one does not read again
    // (in --sql the statements of the first never ran).
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    for (const char* sql : kFooSchema)
        driver->execute(sql);
    SqliteRunState state;
    state.beginRender(driver.get());
    QVERIFY(state.primedFromLive());
    QVERIFY(state.find("index", "sqlite_autoindex_Foo_1"));  // what only the database knew
    state.apply("ALTER TABLE foo RENAME COLUMN a TO z");
    state.beginRender(driver.get());
    QVERIFY(state.hasColumn("foo", "z"));
    QVERIFY(!state.hasColumn("foo", "a"));

    SqliteRunState offline;
    offline.beginRender(nullptr);
    offline.beginRender(driver.get());  // not the first render any more
    QVERIFY(!offline.primedFromLive());
    QVERIFY(offline.objects().empty());
}

void TestSqliteCatalogState::unknownStatementsChangeNothing()
{
    SqliteRunState state;
    state.apply("CREATE TABLE t (a)");
    const auto before = state.objects();
    for (const char* sql : {"INSERT INTO t VALUES (1)", "UPDATE t SET a = 2", "DELETE FROM t", "PRAGMA foreign_keys=ON",
                            "SELECT 1", "ALTER TABLE nosuch ADD COLUMN b", "DROP VIEW nosuch", "", "-- comment"})
        state.apply(sql);
    QCOMPARE(state.objects(), before);
}

void TestSqliteCatalogState::newRunStateAndIntegritySql()
{
    SqliteDialect dialect;
    QVERIFY(dynamic_cast<SqliteRunState*>(dialect.newRunState().get()) != nullptr);
    QCOMPARE(dialect.integrityCheckSql(IntegrityScope{true, {}}),
             (std::vector<std::string>{"PRAGMA foreign_key_check"}));
    QVERIFY(dialect.integrityCheckSql(IntegrityScope{}).empty());
    const auto scoped = dialect.integrityCheckSql(IntegrityScope{false, {"it's", "t"}});
    QCOMPARE(scoped.size(), std::size_t(1));
    QVERIFY2(scoped[0].find("(VALUES ('it''s'), ('t'))") != std::string::npos, scoped[0].c_str());
    QVERIFY2(scoped[0].find("pragma_foreign_key_check(") != std::string::npos, scoped[0].c_str());
}

QTEST_APPLESS_MAIN(TestSqliteCatalogState)
#include "tst_sqlite_catalog_state.moc"
