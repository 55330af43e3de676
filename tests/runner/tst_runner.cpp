// MigrationRunner on real SQLite files: atomicity per revision, one commit per run,
// cancel, concurrent runners, irreversible revisions, stamp and offline SQL.
#include "core/dialect/dialect.h"
#include "core/ir/errors.h"
#include "core/ops/op_facade.h"
#include "core/revision/migration.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"
#include "drivers/sqlite/sqlite_driver.h"
#include "sqlite_test.h"

#include <QTest>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>
#include <unordered_map>

using namespace tempest;

namespace {

Column col(std::string name, ColumnType type, bool nullable = true)
{
    Column c;
    c.name = std::move(name);
    c.type = type;
    c.nullable = nullable;
    return c;
}

Table table(std::string name, std::vector<Column> columns)
{
    Table t;
    t.name = std::move(name);
    t.columns = std::move(columns);
    t.primaryKey = {t.columns.front().name};
    t.columns.front().nullable = false;
    return t;
}

/// `child` (id integer, <column> `type`) whose <column> references parent (<parentColumn>).
Table childTable(const std::string& column, ColumnType type, const std::string& parentColumn)
{
    Table child = table("child", {col("id", ColumnType::Integer), col(column, type)});
    ForeignKey fk;
    fk.columns = {column};
    fk.refTable = "parent";
    fk.refColumns = {parentColumn};
    child.foreignKeys.push_back(fk);
    return child;
}

Migration migration(std::string id, std::vector<std::string> parents, std::vector<Operation> up)
{
    Migration m;
    m.revision = std::move(id);
    m.downRevision = std::move(parents);
    m.label = "revision " + m.revision;
    m.up = std::move(up);
    m.down = invert(m.up);
    return m;
}

// A linear history of `n` revisions, each creating table t<i> with a row inserted.
std::vector<Migration> linearHistory(int n)
{
    std::vector<Migration> ms;
    for (int i = 0; i < n; ++i) {
        Op op;
        const std::string t = "t" + std::to_string(i);
        op.createTable(table(t, {col("id", ColumnType::Integer), col("v", ColumnType::Text)}));
        op.execute({{"sqlite", "INSERT INTO \"" + t + "\" (id, v) VALUES (1, 'x')"}},
                   std::map<std::string, std::string>{{"sqlite", "SELECT 1"}});
        ms.push_back(migration("r" + std::to_string(i), i ? std::vector<std::string>{"r" + std::to_string(i - 1)}
                                                            : std::vector<std::string>{},
                               op.take()));
    }
    return ms;
}

std::vector<std::string> tables(Driver& d)
{
    auto rs = d.query("SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < rs.rows.size(); ++i)
        out.push_back(rs.text(i, "name"));
    return out;
}

std::vector<std::string> versionIds(Driver& d)
{
    auto rs = d.query("SELECT id FROM tempest_db_migrations ORDER BY seq");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < rs.rows.size(); ++i)
        out.push_back(rs.text(i, "id"));
    return out;
}

std::string fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

class TstRunner : public QObject {
    Q_OBJECT
private slots:
    void upgradeAppliesAllInOneCommit()
    {
        test::SqliteTempFile db;
        auto driver = SqliteDriver::open(db.path());
        CountingDriver counting(*driver);
        RevisionGraph graph(linearHistory(40));
        auto dialect = makeDialect("sqlite");
        MigrationRunner runner(graph, *dialect);
        auto result = runner.upgrade(counting);
        QCOMPARE(result.applied.size(), std::size_t(40));
        QCOMPARE(versionIds(*driver).size(), std::size_t(40));
        QCOMPARE(versionIds(*driver).front(), std::string("r0"));
        const auto commits = std::count_if(counting.statements().begin(), counting.statements().end(),
                                           [](const std::string& s) { return s.rfind("COMMIT", 0) == 0; });
        QCOMPARE(commits, 1);  // 40 revisions, one commit
        QVERIFY(runner.upgrade(*driver).applied.empty());  // nothing left
    }

    // Checksums computed ahead (projectStatus hashes while the database is read) stand in
    // for the files' own: a stored checksum is compared with the one given, and a
    // revision with none given is hashed as before.
    void checksumsComputedAheadAreUsed()
    {
        test::SqliteTempFile db;
        auto driver = SqliteDriver::open(db.path());
        RevisionGraph graph(linearHistory(3));
        auto dialect = makeDialect("sqlite");
        MigrationRunner runner(graph, *dialect);
        runner.upgrade(*driver);
        const auto rows = runner.appliedRows(*driver);
        QCOMPARE(rows.size(), std::size_t(3));
        QVERIFY(runner.checksumWarnings(rows).empty());
        std::unordered_map<std::string, std::string> known;
        for (const auto& id : {"r0", "r1", "r2"})
            known[id] = migrationChecksum(graph.at(id));
        QVERIFY(runner.checksumWarnings(rows, &known).empty());
        known["r1"] = "0000";  // as if r1's file had been edited when it was hashed
        known.erase("r2");     // not hashed ahead: hashed now, unchanged
        QCOMPARE(runner.checksumWarnings(rows, &known), std::vector<std::string>{"changed: r1"});
    }

    // A revision that fails half-way leaves nothing of itself; those before it stay.
    void failingRevisionRollsBackAloneAndStopsTheRun()
    {
        test::SqliteTempFile db;
        auto driver = SqliteDriver::open(db.path());
        auto ms = linearHistory(3);
        Op bad;
        bad.createTable(table("half", {col("id", ColumnType::Integer)}));
        bad.execute({{"sqlite", "INSERT INTO no_such_table VALUES (1)"}}, std::map<std::string, std::string>{});
        ms.push_back(migration("bad", {"r2"}, bad.take()));
        auto more = linearHistory(5);
        Migration after = more[4];
        after.revision = "after";
        after.downRevision = {"bad"};
        ms.push_back(after);
        RevisionGraph graph(ms);
        auto dialect = makeDialect("sqlite");
        MigrationRunner runner(graph, *dialect);
        try {
            runner.upgrade(*driver);
            QFAIL("the run did not fail");
        } catch (const MigrationFailed& e) {
            QCOMPARE(e.revision(), std::string("bad"));
            QVERIFY2(e.statement().find("no_such_table") != std::string::npos, e.what());
            QVERIFY2(e.operation().rfind("execute", 0) == 0, e.operation().c_str());
            QCOMPARE(e.completed().applied.size(), std::size_t(3));
            QVERIFY(!e.cancelled());
        }
        QCOMPARE(versionIds(*driver), (std::vector<std::string>{"r0", "r1", "r2"}));
        const auto ts = tables(*driver);
        QVERIFY(std::find(ts.begin(), ts.end(), "half") == ts.end());
        QVERIFY(std::find(ts.begin(), ts.end(), "t2") != ts.end());
        QVERIFY(std::find(ts.begin(), ts.end(), "t4") == ts.end());
        QCOMPARE(driver->query("PRAGMA foreign_keys").text(0, "foreign_keys"), std::string("1"));
    }

    void cancelRollsBackTheRevisionInFlight()
    {
        test::SqliteTempFile db;
        auto driver = SqliteDriver::open(db.path());
        RevisionGraph graph(linearHistory(4));
        auto dialect = makeDialect("sqlite");
        MigrationRunner runner(graph, *dialect);
        try {
            runner.upgrade(*driver, "heads", [&](const ProgressEvent& e) {
                if (e.stage == ProgressEvent::Stage::StatementDone && e.revision == "r2")
                    runner.requestCancel();
            });
            QFAIL("the run was not cancelled");
        } catch (const MigrationFailed& e) {
            QVERIFY(e.cancelled());
            QCOMPARE(e.revision(), std::string("r2"));
        }
        QCOMPARE(versionIds(*driver), (std::vector<std::string>{"r0", "r1"}));
        const auto ts = tables(*driver);
        QVERIFY(std::find(ts.begin(), ts.end(), "t2") == ts.end());
        // The next run starts fresh: the cancel does not stick.
        QCOMPARE(runner.upgrade(*driver).applied.size(), std::size_t(2));
    }

    void concurrentRunnersApplyEachRevisionOnce()
    {
        test::SqliteTempFile db;
        RevisionGraph graph(linearHistory(12));
        auto dialect = makeDialect("sqlite");
        std::vector<std::thread> threads;
        std::vector<std::size_t> appliedCounts(4, 0);
        std::vector<std::string> errors(4);
        for (int i = 0; i < 4; ++i) {
            threads.emplace_back([&, i] {
                try {
                    auto driver = SqliteDriver::open(db.path());
                    MigrationRunner runner(graph, *dialect);
                    appliedCounts[std::size_t(i)] = runner.upgrade(*driver).applied.size();
                } catch (const std::exception& e) {
                    errors[std::size_t(i)] = e.what();
                }
            });
        }
        for (auto& t : threads)
            t.join();
        for (const auto& e : errors)
            QVERIFY2(e.empty(), e.c_str());
        std::size_t total = 0;
        for (auto n : appliedCounts)
            total += n;
        QCOMPARE(total, std::size_t(12));
        auto driver = SqliteDriver::open(db.path());
        auto ids = versionIds(*driver);
        QCOMPARE(ids.size(), std::size_t(12));
        std::sort(ids.begin(), ids.end());
        QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    }

    void irreversibleDowngradeIsRefusedBeforeAnything()
    {
        test::SqliteTempFile db;
        auto driver = SqliteDriver::open(db.path());
        auto ms = linearHistory(2);
        Migration irreversible;
        irreversible.revision = "irr";
        irreversible.downRevision = {"r1"};
        irreversible.up = Op().execute({{"sqlite", "CREATE TABLE x (a)"}}).take();
        ms.push_back(irreversible);
        RevisionGraph graph(ms);
        auto dialect = makeDialect("sqlite");
        MigrationRunner runner(graph, *dialect);
        runner.upgrade(*driver);
        const std::string before = fileBytes(db.path());
        try {
            runner.downgrade(*driver, "base");
            QFAIL("downgrade was not refused");
        } catch (const InputError& e) {
            QCOMPARE(e.revision(), std::string("irr"));
        }
        QCOMPARE(versionIds(*driver).size(), std::size_t(3));
        QCOMPARE(fileBytes(db.path()), before);
        // Reverting only what can be reverted still works.
        QVERIFY_THROWS_EXCEPTION(InputError, runner.downgrade(*driver, "r0"));
    }

    void downgradeRevertsChildrenFirst()
    {
        test::SqliteTempFile db;
        auto driver = SqliteDriver::open(db.path());
        RevisionGraph graph(linearHistory(5));
        auto dialect = makeDialect("sqlite");
        MigrationRunner runner(graph, *dialect);
        runner.upgrade(*driver);
        auto r = runner.downgrade(*driver, "r1");
        QCOMPARE(r.reverted, (std::vector<std::string>{"r4", "r3", "r2"}));
        QCOMPARE(tables(*driver), (std::vector<std::string>{"t0", "t1", "tempest_db_migrations"}));
        r = runner.downgrade(*driver, "base");
        QCOMPARE(r.reverted, (std::vector<std::string>{"r1", "r0"}));
        QCOMPARE(tables(*driver), (std::vector<std::string>{"tempest_db_migrations"}));
    }

    void stampSetsVersionTableOnly()
    {
        test::SqliteTempFile db;
        auto driver = SqliteDriver::open(db.path());
        RevisionGraph graph(linearHistory(3));
        auto dialect = makeDialect("sqlite");
        MigrationRunner runner(graph, *dialect);
        runner.stamp(*driver, "r1");
        QCOMPARE(versionIds(*driver), (std::vector<std::string>{"r0", "r1"}));
        QCOMPARE(tables(*driver), (std::vector<std::string>{"tempest_db_migrations"}));
        runner.stamp(*driver, "base");
        QVERIFY(versionIds(*driver).empty());
    }

    // A revision fails for the foreign-key violations it leaves, not for those already in
    // the database. The check before a revision is only made when the one after it finds
    // something (the revision is then undone to its savepoint and run again): a revision
    // run twice that way is still applied once.
    void onlyFreshForeignKeyViolationsFailARevision_data()
    {
        QTest::addColumn<bool>("orphanBefore");
        QTest::addColumn<QString>("orphanAfter");  // the revision after which the orphan is inserted
        QTest::newRow("a clean database") << false << QString();
        QTest::newRow("an orphan before the run, r1 run twice") << true << QString("r0");
        QTest::newRow("an orphan before the failing revision") << true << QString("r1");
    }

    void onlyFreshForeignKeyViolationsFailARevision()
    {
        QFETCH(bool, orphanBefore);
        QFETCH(QString, orphanAfter);
        test::SqliteTempFile db;
        auto driver = SqliteDriver::open(db.path());
        const Table child = childTable("pid", ColumnType::Integer, "id");
        Op r0, r1, r2;
        r0.createTable(table("parent", {col("id", ColumnType::Integer)}))
            .createTable(child)
            .createTable(table("log", {col("id", ColumnType::Integer), col("v", ColumnType::Text)}));
        const std::map<std::string, std::string> nothing{{"sqlite", "SELECT 1"}};
        r1.execute({{"sqlite", "INSERT INTO log (v) VALUES ('r1')"}}, nothing);
        r2.execute({{"sqlite", "INSERT INTO child (id, pid) VALUES (2, 99)"}}, nothing);
        RevisionGraph graph({migration("r0", {}, r0.take()), migration("r1", {"r0"}, r1.take()),
                             migration("r2", {"r1"}, r2.take())});
        auto dialect = makeDialect("sqlite");
        MigrationRunner runner(graph, *dialect);
        if (orphanBefore) {
            runner.upgrade(*driver, orphanAfter.toStdString());
            driver->execute("PRAGMA foreign_keys=OFF");
            driver->execute("INSERT INTO child (id, pid) VALUES (1, 42)");
            driver->execute("PRAGMA foreign_keys=ON");
        }
        try {
            runner.upgrade(*driver);
            QFAIL("the run did not fail");
        } catch (const MigrationFailed& e) {
            QCOMPARE(e.revision(), std::string("r2"));
            const std::string message = e.what();
            QVERIFY2(message.find("leaves 1 foreign-key violation(s): child 2 parent") != std::string::npos,
                     message.c_str());
        }
        QCOMPARE(versionIds(*driver), (std::vector<std::string>{"r0", "r1"}));
        QCOMPARE(driver->query("SELECT count(*) AS n FROM log").text(0, "n"), std::string("1"));
        QCOMPARE(driver->query("SELECT group_concat(id) AS ids FROM child").text(0, "ids"),
                 std::string(orphanBefore ? "1" : ""));
    }

    // The check after a revision reads the tables it changes and their children, not the
    // whole database (core/runner/integrity_scope.h). The family: every way a revision can
    // orphan rows of a table it does not name — a child the models know, one they do not
    // (created outside the revisions), one whose parent an earlier revision of the run
    // renamed, raw SQL beside a change elsewhere — fails the revision; a rebuild of the
    // parent that keeps its keys does not.
    void childrenOfAChangedTableAreChecked_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("childInModels");
        QTest::addColumn<QString>("failing");  // the revision that must fail; empty: none
        QTest::addColumn<int>("violations");
        QTest::newRow("a type change rewrites a key, child in the models") << "key type" << true << "r1" << 1;
        QTest::newRow("a type change rewrites a key, child outside the models") << "key type" << false << "r1" << 1;
        QTest::newRow("drop the parent, child outside the models") << "drop" << false << "r1" << 2;
        QTest::newRow("rename, then drop, child outside the models") << "rename+drop" << false << "r2" << 2;
        QTest::newRow("execute deletes parents beside a new table") << "execute" << true << "r1" << 2;
        QTest::newRow("a rebuild that keeps the keys, child in the models") << "other type" << true << "" << 0;
        QTest::newRow("a rebuild that keeps the keys, child outside the models") << "other type" << false << "" << 0;
    }

    void childrenOfAChangedTableAreChecked()
    {
        QFETCH(QString, change);
        QFETCH(bool, childInModels);
        QFETCH(QString, failing);
        QFETCH(int, violations);
        test::SqliteTempFile db;
        auto driver = SqliteDriver::open(db.path());
        Table parent = table("parent", {col("id", ColumnType::Integer), col("code", ColumnType::Text),
                                        col("note", ColumnType::Text)});
        parent.uniques.push_back({"uq_parent_code", {"code"}, {}});
        const Table child = childTable("code", ColumnType::Text, "code");
        Op r0, r1, r2;
        r0.createTable(parent);
        if (childInModels)
            r0.createTable(child);
        const std::map<std::string, std::string> nothing{{"sqlite", "SELECT 1"}};
        if (change == "drop") {
            r1.dropTable(parent);
        } else if (change == "rename+drop") {
            r1.renameTable("parent", "mother");
            Table mother = parent;
            mother.name = "mother";
            r2.dropTable(mother);
        } else if (change == "execute") {
            r1.createTable(table("other", {col("id", ColumnType::Integer)}))
                .execute({{"sqlite", "DELETE FROM parent"}}, nothing);
        } else {
            // A text key cast to integer: '10x' becomes 10, and the child's '10x' is orphaned.
            const std::string column = change == "key type" ? "code" : "note";
            r1.alterColumn("parent", col(column, ColumnType::Text), col(column, ColumnType::Integer));
        }
        std::vector<Migration> revisions{migration("r0", {}, r0.take()), migration("r1", {"r0"}, r1.take())};
        if (change == "rename+drop")
            revisions.push_back(migration("r2", {"r1"}, r2.take()));
        RevisionGraph graph(revisions);
        auto dialect = makeDialect("sqlite");
        MigrationRunner runner(graph, *dialect);
        runner.upgrade(*driver, "r0");
        if (!childInModels)
            driver->execute("CREATE TABLE child (id INTEGER PRIMARY KEY, code TEXT REFERENCES parent (code))");
        driver->execute("INSERT INTO parent (id, code, note) VALUES (1, '10x', '1'), (2, '20', '2')");
        driver->execute("INSERT INTO child (id, code) VALUES (5, '10x'), (6, '20'), (7, NULL)");
        try {
            runner.upgrade(*driver);
            QVERIFY2(failing.isEmpty(), "the run did not fail");
        } catch (const MigrationFailed& e) {
            QVERIFY2(!failing.isEmpty(), e.what());
            QCOMPARE(e.revision(), failing.toStdString());
            const std::string message = e.what();
            const std::string expected =
                "leaves " + std::to_string(violations) + " foreign-key violation(s): child 5 ";
            QVERIFY2(message.find(expected) != std::string::npos, message.c_str());
        }
        // Nothing of a failed revision is kept; every row is.
        QCOMPARE(driver->query("SELECT count(*) AS n FROM child").text(0, "n"), std::string("3"));
        const std::string parentNow = change == "rename+drop" ? "mother" : "parent";
        QCOMPARE(driver->query("SELECT group_concat(code) AS codes FROM " + parentNow).text(0, "codes"),
                 std::string("10x,20"));
        QCOMPARE(driver->query("PRAGMA foreign_key_check").rows.size(), std::size_t(0));
    }

    void offlineSqlTouchesNothing()
    {
        test::SqliteTempFile db;
        auto driver = SqliteDriver::open(db.path());
        RevisionGraph graph(linearHistory(3));
        auto dialect = makeDialect("sqlite");
        MigrationRunner runner(graph, *dialect);
        runner.upgrade(*driver, "r0");
        const std::string before = fileBytes(db.path());
        std::ostringstream out;
        runner.writeSql(out, Direction::Upgrade, {"r1", "r2"}, {"r0"}, driver.get());
        const std::string sql = out.str();
        QVERIFY2(sql.find("CREATE TABLE \"t1\"") != std::string::npos, sql.c_str());
        QVERIFY(sql.find("BEGIN IMMEDIATE") != std::string::npos);
        QVERIFY(sql.find("INSERT INTO \"tempest_db_migrations\"") != std::string::npos);
        QVERIFY(sql.find("\"t0\"") == std::string::npos);
        QCOMPARE(fileBytes(db.path()), before);
    }
};

QTEST_GUILESS_MAIN(TstRunner)
#include "tst_runner.moc"
