// QtSqlDriver over QSQLITE against real database files: values, one statement per
// call, errors with SQLite's extended codes, finished queries, locking, cancellation,
// and a MigrationRunner run through it (what the Studio's workers do).

#include "core/dialect/dialect.h"
#include "core/ops/operation.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"
#include "drivers/qtsql/qtsql_driver.h"
#include "drivers/sqlite/sqlite_driver.h"
#include "sqlite_test.h"

#include <QTest>

#include <chrono>
#include <fstream>
#include <future>
#include <thread>

using namespace tempest;
using tempest::test::SqliteTempFile;

Q_DECLARE_METATYPE(tempest::Value)

namespace {

constexpr int kSqliteConstraintPrimaryKey = 1555;
constexpr int kSqliteConstraintUnique = 2067;
constexpr int kSqliteConstraintNotNull = 1299;

QString describeValue(const Value& value)
{
    static const char* kinds[] = {"null", "int64", "double", "text", "blob"};
    return QString::fromLatin1(kinds[value.index()]) + QLatin1Char(':')
        + QString::fromStdString(valueToString(value));
}

Table itemsTable()
{
    Table t;
    t.name = "items";
    Column id;
    id.name = "id";
    id.type = ColumnType::Integer;
    id.nullable = false;
    Column name;
    name.name = "name";
    name.type = ColumnType::Text;
    t.columns = {id, name};
    t.primaryKey = {"id"};
    return t;
}

} // namespace

class TestQtSqlSqlite : public QObject {
    Q_OBJECT

private slots:
    void identifiesItself();
    void roundTripsEveryValueType_data();
    void roundTripsEveryValueType();
    void rejectsASecondStatement();
    void errorsCarryStatementAndExtendedCode_data();
    void errorsCarryStatementAndExtendedCode();
    void finishedSelectDoesNotBlockDropOrCommit();
    void lockHeldByAnotherConnectionIsBusy();
    void interruptCancelsALongQuery();
    void interruptWhenIdleIsHarmless();
    void missingFileWithoutCreateIsAConnectionError();
    void notADatabaseIsAConnectionError();
    void migrationRunnerRunsThroughIt();
};

void TestQtSqlSqlite::identifiesItself()
{
    SqliteTempFile file;
    auto a = QtSqlDriver::openSqlite(file.path());
    auto b = QtSqlDriver::open("sqlite", file.path());
    QCOMPARE(a->dialectName(), std::string("sqlite"));
    QCOMPARE(a->description(), file.path());
    // Two drivers on one file are two Qt connections, or the second would steal the first.
    QVERIFY(a->connectionName() != b->connectionName());
    a->execute("CREATE TABLE t (x INTEGER)");
    b->execute("INSERT INTO t VALUES (1)");
    QCOMPARE(a->query("SELECT x FROM t").integer(0, "x"), 1);
}

void TestQtSqlSqlite::roundTripsEveryValueType_data()
{
    QTest::addColumn<Value>("value");
    QTest::newRow("null") << Value{};
    QTest::newRow("int64 max") << Value{std::int64_t{9223372036854775807LL}};
    QTest::newRow("negative") << Value{std::int64_t{-42}};
    QTest::newRow("double") << Value{2.5};
    QTest::newRow("text unicode") << Value{std::string("héllo \xF0\x9F\x8C\x8A 'quoted'")};
    QTest::newRow("empty text") << Value{std::string()};
    QTest::newRow("blob with zero byte") << Value{Blob{{0x00, 0xff, 0x10}}};
}

void TestQtSqlSqlite::roundTripsEveryValueType()
{
    QFETCH(Value, value);
    SqliteTempFile file;
    auto driver = QtSqlDriver::openSqlite(file.path());
    driver->execute("CREATE TABLE v (x)");
    driver->execute("INSERT INTO v (x) VALUES (?)", {value});
    ResultSet rows = driver->query("SELECT x FROM v WHERE 1 = ?", {Value{std::int64_t{1}}});
    QCOMPARE(rows.columns, std::vector<std::string>{"x"});
    QCOMPARE(rows.rows.size(), std::size_t{1});
    QCOMPARE(describeValue(rows.rows[0][0]), describeValue(value));
}

void TestQtSqlSqlite::rejectsASecondStatement()
{
    SqliteTempFile file;
    auto driver = QtSqlDriver::openSqlite(file.path());
    QVERIFY_THROWS_EXCEPTION(DatabaseError,
                             driver->execute("CREATE TABLE a (x); CREATE TABLE b (x)"));
    QVERIFY(driver->query("SELECT name FROM sqlite_master").rows.empty());
}

void TestQtSqlSqlite::errorsCarryStatementAndExtendedCode_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<int>("code");
    QTest::newRow("primary key") << "INSERT INTO t (id, u, n) VALUES (1, 'b', 1)" << kSqliteConstraintPrimaryKey;
    QTest::newRow("unique") << "INSERT INTO t (id, u, n) VALUES (2, 'a', 1)" << kSqliteConstraintUnique;
    QTest::newRow("not null") << "INSERT INTO t (id, u, n) VALUES (3, 'c', NULL)" << kSqliteConstraintNotNull;
}

void TestQtSqlSqlite::errorsCarryStatementAndExtendedCode()
{
    QFETCH(QString, statement);
    QFETCH(int, code);
    SqliteTempFile file;
    auto driver = QtSqlDriver::openSqlite(file.path());
    driver->execute("CREATE TABLE t (id INTEGER PRIMARY KEY, u TEXT UNIQUE, n INTEGER NOT NULL)");
    driver->execute("INSERT INTO t (id, u, n) VALUES (1, 'a', 1)");
    try {
        driver->execute(statement.toStdString());
        QFAIL("no error");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.nativeCode(), code);
        QCOMPARE(QString::fromStdString(e.statement()), statement);
        QVERIFY2(!e.serverMessage().empty(), e.what());
    }
}

void TestQtSqlSqlite::finishedSelectDoesNotBlockDropOrCommit()
{
    SqliteTempFile file;
    auto driver = QtSqlDriver::openSqlite(file.path());
    driver->execute("CREATE TABLE t (x INTEGER)");
    for (int i = 0; i < 5; ++i)
        driver->execute("INSERT INTO t VALUES (?)", {Value{std::int64_t{i}}});
    driver->execute("BEGIN IMMEDIATE");
    QCOMPARE(driver->query("SELECT x FROM t").rows.size(), std::size_t{5});
    // With QSQLITE a SELECT left pending makes DROP TABLE fail with "table is locked".
    driver->execute("DROP TABLE t");
    driver->execute("COMMIT");
    auto check = SqliteDriver::open(file.path());
    QVERIFY(check->query("SELECT name FROM sqlite_master WHERE name = 't'").rows.empty());
}

void TestQtSqlSqlite::lockHeldByAnotherConnectionIsBusy()
{
    SqliteTempFile file;
    auto holder = SqliteDriver::open(file.path());
    holder->execute("CREATE TABLE t (x)");
    holder->execute("BEGIN IMMEDIATE");
    QtSqlSqliteOptions options;
    options.busyTimeoutMs = 0;
    auto driver = QtSqlDriver::openSqlite(file.path(), options);
    try {
        driver->execute("INSERT INTO t VALUES (1)");
        QFAIL("no error");
    } catch (const DatabaseError& e) {
        QVERIFY2(e.isBusy(), e.what());
    }
    holder->execute("ROLLBACK");
}

void TestQtSqlSqlite::interruptCancelsALongQuery()
{
    SqliteTempFile file;
    std::promise<QtSqlDriver*> opened;
    std::promise<QString> outcome;
    // The driver lives on the worker thread, as in the Studio; only interrupt() crosses.
    std::thread worker([&] {
        auto driver = QtSqlDriver::openSqlite(file.path());
        opened.set_value(driver.get());
        try {
            driver->query("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) "
                          "SELECT count(*) FROM c");
            outcome.set_value(QStringLiteral("finished"));
        } catch (const DatabaseError& e) {
            outcome.set_value(e.isCancelled() ? QStringLiteral("cancelled") : QString::fromUtf8(e.what()));
        }
    });
    QtSqlDriver* driver = opened.get_future().get();
    auto result = outcome.get_future();
    // Keep asking until the statement is seen, since it may not have started yet.
    while (result.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready)
        driver->interrupt();
    worker.join();
    QCOMPARE(result.get(), QStringLiteral("cancelled"));
}

void TestQtSqlSqlite::interruptWhenIdleIsHarmless()
{
    SqliteTempFile file;
    auto driver = QtSqlDriver::openSqlite(file.path());
    driver->interrupt();
    driver->execute("CREATE TABLE t (x)");
    QCOMPARE(driver->query("SELECT count(*) AS n FROM t").integer(0, "n"), 0);
}

void TestQtSqlSqlite::missingFileWithoutCreateIsAConnectionError()
{
    SqliteTempFile file;
    QtSqlSqliteOptions options;
    options.create = false;
    try {
        QtSqlDriver::openSqlite(file.path(), options);
        QFAIL("opened a missing file");
    } catch (const ConnectionError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QString::fromStdString(file.path())), e.what());
    }
    QVERIFY(!std::ifstream(file.path()).good());
}

void TestQtSqlSqlite::notADatabaseIsAConnectionError()
{
    SqliteTempFile file;
    std::ofstream(file.path()) << "this is not a database, just text long enough to have a header\n"
                                  "0123456789012345678901234567890123456789012345678901234567890123456789\n";
    QVERIFY_THROWS_EXCEPTION(ConnectionError, QtSqlDriver::openSqlite(file.path()));
}

void TestQtSqlSqlite::migrationRunnerRunsThroughIt()
{
    // The runner's BEGIN IMMEDIATE / SAVEPOINT / version table statements all go
    // through QSQLITE one at a time; a separate libsqlite3 connection sees the result.
    SqliteTempFile file;
    Migration base;
    base.revision = "a1";
    base.label = "create items";
    base.up = {CreateTable{itemsTable()}};
    base.down = invert(base.up);
    RevisionGraph graph({base});
    auto dialect = makeDialect("sqlite");
    MigrationRunner runner(graph, *dialect);
    {
        auto driver = QtSqlDriver::openSqlite(file.path());
        RunResult result = runner.upgrade(*driver);
        QCOMPARE(result.applied, std::vector<std::string>{"a1"});
    }
    auto check = SqliteDriver::open(file.path());
    QCOMPARE(check->query("SELECT id FROM tempest_db_migrations").text(0, "id"), std::string("a1"));
    check->execute("INSERT INTO items (id, name) VALUES (1, 'x')");
    check.reset();
    {
        auto driver = QtSqlDriver::openSqlite(file.path());
        runner.downgrade(*driver, "base");
    }
    check = SqliteDriver::open(file.path());
    QVERIFY(check->query("SELECT name FROM sqlite_master WHERE name = 'items'").rows.empty());
}

QTEST_GUILESS_MAIN(TestQtSqlSqlite)
#include "tst_qtsql_sqlite.moc"
