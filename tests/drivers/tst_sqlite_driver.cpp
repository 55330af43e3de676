// SqliteDriver against real database files: values, parameters, errors, locking,
// cancellation, and CountingDriver over it.

#include "drivers/sqlite/sqlite_driver.h"
#include "sqlite_test.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <limits>
#include <thread>

using namespace tempest;
using tempest::test::SqliteTempFile;

Q_DECLARE_METATYPE(tempest::Value)

namespace {

// SQLite (extended) result codes the tests expect; stable parts of SQLite's ABI.
constexpr int kSqliteError = 1;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteConstraintPrimaryKey = 1555;
constexpr int kSqliteConstraintUnique = 2067;
constexpr int kSqliteConstraintNotNull = 1299;

/// The value with its alternative, so that int64 1 and double 1 differ in a comparison.
QString describe(const Value& value)
{
    static const char* kinds[] = {"null", "int64", "double", "text", "blob"};
    return QString::fromLatin1(kinds[value.index()]) + QLatin1Char(':')
        + QString::fromStdString(valueToString(value));
}

Blob blob(std::initializer_list<std::uint8_t> bytes) { return Blob{std::vector<std::uint8_t>(bytes)}; }

} // namespace

class TestSqliteDriver : public QObject {
    Q_OBJECT

private slots:
    void identifiesItself();
    void roundTripsEveryValueType_data();
    void roundTripsEveryValueType();
    void mapsColumnsByStoredType();
    void rejectsWrongParameterCount();
    void runsOneStatementPerCall_data();
    void runsOneStatementPerCall();
    void rejectsASecondStatement();
    void executeScriptRunsManyAndNamesTheFailingOne();
    void errorsCarryStatementAndExtendedCode_data();
    void errorsCarryStatementAndExtendedCode();
    void lockHeldByAnotherConnectionIsBusy();
    void interruptCancelsALongQuery();
    void interruptWhenIdleIsHarmless();
    void missingFileWithoutCreateIsAConnectionError();
    void notADatabaseIsAConnectionError();
    void readOnlyRefusesWrites();
    void countingDriverCountsEveryStatement();
};

void TestSqliteDriver::identifiesItself()
{
    SqliteTempFile file;
    auto db = SqliteDriver::open(file.path());
    QCOMPARE(db->dialectName(), std::string("sqlite"));
    QCOMPARE(db->description(), file.path());
}

void TestSqliteDriver::roundTripsEveryValueType_data()
{
    QTest::addColumn<Value>("value");
    QTest::newRow("null") << Value{};
    QTest::newRow("zero") << Value{std::int64_t{0}};
    QTest::newRow("int64 max") << Value{std::numeric_limits<std::int64_t>::max()};
    QTest::newRow("int64 min") << Value{std::numeric_limits<std::int64_t>::min()};
    QTest::newRow("double") << Value{1.5};
    QTest::newRow("double shortest repr") << Value{0.1};
    QTest::newRow("double huge") << Value{1e300};
    QTest::newRow("double negative") << Value{-2.25};
    QTest::newRow("empty text") << Value{std::string()};
    QTest::newRow("text") << Value{std::string("hello")};
    QTest::newRow("unicode text") << Value{std::string("h\xC3\xA9llo \xE2\x9C\x93 \xF0\x9F\x98\x80")};
    QTest::newRow("text with quote and NUL") << Value{std::string("a'b\0c", 5)};
    QTest::newRow("empty blob") << Value{Blob{}};
    QTest::newRow("blob") << Value{blob({0x00, 0x01, 0x7f, 0x80, 0xff})};
}

void TestSqliteDriver::roundTripsEveryValueType()
{
    QFETCH(Value, value);
    SqliteTempFile file;
    auto db = SqliteDriver::open(file.path());
    // An untyped column stores every value as given (no affinity conversion).
    db->execute("CREATE TABLE v(x)");
    db->execute("INSERT INTO v(x) VALUES (?)", {value});

    ResultSet stored = db->query("SELECT x FROM v");
    QCOMPARE(stored.rows.size(), std::size_t{1});
    QCOMPARE(describe(stored.rows[0][0]), describe(value));

    ResultSet echoed = db->query("SELECT ?1 AS same, ?1 IS NULL AS is_null", {value});
    QCOMPARE(describe(echoed.rows[0][0]), describe(value));
    QCOMPARE(describe(echoed.rows[0][1]), describe(Value{std::int64_t{isNull(value) ? 1 : 0}}));
}

void TestSqliteDriver::mapsColumnsByStoredType()
{
    // SQLite types values, not columns: a column's declared type only converts by affinity.
    SqliteTempFile file;
    auto db = SqliteDriver::open(file.path());
    db->execute("CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n NUMERIC)");
    db->execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)",
                {std::string("42"), std::int64_t{3}, std::int64_t{7}, blob({1, 2}), std::string("2.5")});
    ResultSet rs = db->query("SELECT i AS int_col, r, s, b, n, NULL AS missing_value FROM t");
    QCOMPARE(rs.columns, (std::vector<std::string>{"int_col", "r", "s", "b", "n", "missing_value"}));
    QCOMPARE(describe(rs.rows[0][0]), QString("int64:42"));
    QCOMPARE(describe(rs.rows[0][1]), QString("double:3"));
    QCOMPARE(describe(rs.rows[0][2]), QString("text:7"));
    QCOMPARE(describe(rs.rows[0][3]), QString("blob:x'0102'"));
    QCOMPARE(describe(rs.rows[0][4]), QString("double:2.5"));
    QCOMPARE(describe(rs.rows[0][5]), QString("null:NULL"));
    QCOMPARE(rs.integer(0, "int_col"), std::int64_t{42});
    QVERIFY(rs.null(0, "missing_value"));

    ResultSet empty = db->query("SELECT i, s FROM t WHERE 0");
    QCOMPARE(empty.columns, (std::vector<std::string>{"i", "s"}));
    QVERIFY(empty.rows.empty());
}

void TestSqliteDriver::rejectsWrongParameterCount()
{
    // Unbound parameters would silently be NULL in SQLite; a miscount is a bug.
    SqliteTempFile file;
    auto db = SqliteDriver::open(file.path());
    for (const auto& params : {std::vector<Value>{}, std::vector<Value>{std::int64_t{1}, std::int64_t{2}}}) {
        try {
            db->query("SELECT ?", params);
            QFAIL("a wrong number of parameters was accepted");
        } catch (const DatabaseError& e) {
            QVERIFY2(e.serverMessage().find("expects 1 parameter") != std::string::npos, e.what());
            QCOMPARE(e.statement(), std::string("SELECT ?"));
        }
    }
}

void TestSqliteDriver::runsOneStatementPerCall_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("plain") << "INSERT INTO t VALUES (1)";
    QTest::newRow("semicolon") << "INSERT INTO t VALUES (1);";
    QTest::newRow("semicolons and whitespace") << "INSERT INTO t VALUES (1) ; ;\n\t ";
    QTest::newRow("line comment") << "INSERT INTO t VALUES (1); -- the end";
    QTest::newRow("block comment") << "INSERT INTO t VALUES (1) /* note; not a statement */ ;";
    QTest::newRow("leading comment") << "-- why\nINSERT INTO t VALUES (1)";
    QTest::newRow("semicolon in a string") << "INSERT INTO t VALUES (';x')";
}

void TestSqliteDriver::runsOneStatementPerCall()
{
    QFETCH(QString, sql);
    SqliteTempFile file;
    auto db = SqliteDriver::open(file.path());
    db->execute("CREATE TABLE t(x)");
    db->execute(sql.toStdString());
    QCOMPARE(db->query("SELECT count(*) AS n FROM t").integer(0, "n"), std::int64_t{1});
}

void TestSqliteDriver::rejectsASecondStatement()
{
    SqliteTempFile file;
    auto db = SqliteDriver::open(file.path());
    const std::string sql = "CREATE TABLE a(x); CREATE TABLE b(x)";
    try {
        db->execute(sql);
        QFAIL("two statements were accepted");
    } catch (const DatabaseError& e) {
        QVERIFY2(e.serverMessage().find("more than one statement") != std::string::npos, e.what());
        QCOMPARE(e.statement(), sql);
    }
    // Nothing ran, not even the first statement.
    QCOMPARE(db->query("SELECT count(*) AS n FROM sqlite_schema").integer(0, "n"), std::int64_t{0});
}

void TestSqliteDriver::executeScriptRunsManyAndNamesTheFailingOne()
{
    SqliteTempFile file;
    auto db = SqliteDriver::open(file.path());
    db->executeScript("-- fixture\nCREATE TABLE a(x PRIMARY KEY);\nINSERT INTO a VALUES (1);\n"
                      "CREATE TABLE b(y); /* trailing */\n");
    QCOMPARE(db->query("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").integer(0, "n"),
             std::int64_t{2});

    try {
        db->executeScript("INSERT INTO b VALUES (1);\nINSERT INTO a VALUES (1);\nINSERT INTO b VALUES (2);");
        QFAIL("a failing script succeeded");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.statement(), std::string("INSERT INTO a VALUES (1);"));
        QCOMPARE(e.nativeCode(), kSqliteConstraintPrimaryKey);
    }
    // Statements before the failure ran; those after did not.
    QCOMPARE(db->query("SELECT count(*) AS n FROM b").integer(0, "n"), std::int64_t{1});
}

void TestSqliteDriver::errorsCarryStatementAndExtendedCode_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("primary key") << "INSERT INTO t(id, u) VALUES (1, 'other')" << kSqliteConstraintPrimaryKey
                                 << "UNIQUE constraint failed: t.id";
    QTest::newRow("unique") << "INSERT INTO t(id, u) VALUES (2, 'taken')" << kSqliteConstraintUnique
                            << "UNIQUE constraint failed: t.u";
    QTest::newRow("not null") << "INSERT INTO t(id, u) VALUES (3, NULL)" << kSqliteConstraintNotNull
                              << "NOT NULL constraint failed: t.u";
    QTest::newRow("no such table") << "SELECT * FROM missing" << kSqliteError << "no such table: missing";
    QTest::newRow("syntax") << "SELEC 1" << kSqliteError << "syntax error";
}

void TestSqliteDriver::errorsCarryStatementAndExtendedCode()
{
    QFETCH(QString, sql);
    QFETCH(int, code);
    QFETCH(QString, message);
    SqliteTempFile file;
    auto db = SqliteDriver::open(file.path());
    db->execute("CREATE TABLE t(id INTEGER PRIMARY KEY, u TEXT NOT NULL UNIQUE)");
    db->execute("INSERT INTO t(id, u) VALUES (1, 'taken')");
    try {
        db->execute(sql.toStdString());
        QFAIL("the statement succeeded");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.nativeCode(), code);
        QCOMPARE(e.statement(), sql.toStdString());
        QVERIFY2(e.serverMessage().find(message.toStdString()) != std::string::npos, e.what());
        // what() is what a user sees: the message and the statement.
        QVERIFY(std::string(e.what()).find(sql.toStdString()) != std::string::npos);
        QVERIFY(!e.isBusy());
        QVERIFY(!e.isCancelled());
    }
}

void TestSqliteDriver::lockHeldByAnotherConnectionIsBusy()
{
    SqliteTempFile file;
    auto holder = SqliteDriver::open(file.path());
    holder->execute("CREATE TABLE t(x)");
    auto waiter = SqliteDriver::open(file.path(), {.busyTimeoutMs = 50});

    holder->execute("BEGIN IMMEDIATE");
    for (const char* sql : {"BEGIN IMMEDIATE", "INSERT INTO t VALUES (1)"}) {
        try {
            waiter->execute(sql);
            QFAIL(qPrintable(QString("not busy: ") + sql));
        } catch (const DatabaseError& e) {
            QVERIFY2(e.isBusy(), e.what());
            QCOMPARE(e.statement(), std::string(sql));
        }
    }
    // Reading is still allowed under a RESERVED lock.
    QCOMPARE(waiter->query("SELECT count(*) AS n FROM t").integer(0, "n"), std::int64_t{0});

    holder->execute("COMMIT");
    waiter->execute("INSERT INTO t VALUES (1)");
    QCOMPARE(holder->query("SELECT count(*) AS n FROM t").integer(0, "n"), std::int64_t{1});
}

void TestSqliteDriver::interruptCancelsALongQuery()
{
    SqliteTempFile file;
    auto db = SqliteDriver::open(file.path());
    std::atomic<bool> started = false;
    auto running = std::async(std::launch::async, [&]() -> std::optional<DatabaseError> {
        started = true;
        try {
            // Runs for hours unless interrupted.
            db->query("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c LIMIT 100000000000) "
                      "SELECT count(*) FROM c");
        } catch (const DatabaseError& e) {
            return e;
        }
        return std::nullopt;
    });
    while (!started)
        std::this_thread::yield();
    // sqlite3_interrupt before the statement starts is a no-op, so keep asking.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (running.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) {
        QVERIFY2(std::chrono::steady_clock::now() < deadline, "the query was never interrupted");
        db->interrupt();
    }
    std::optional<DatabaseError> error = running.get();
    QVERIFY2(error.has_value(), "the query finished instead of being cancelled");
    QVERIFY2(error->isCancelled(), error->what());
    QVERIFY(!error->isBusy());
    // The connection stays usable.
    QCOMPARE(db->query("SELECT 1 AS one").integer(0, "one"), std::int64_t{1});
}

void TestSqliteDriver::interruptWhenIdleIsHarmless()
{
    SqliteTempFile file;
    auto db = SqliteDriver::open(file.path());
    db->interrupt();
    QCOMPARE(db->query("SELECT 2 AS two").integer(0, "two"), std::int64_t{2});
}

void TestSqliteDriver::missingFileWithoutCreateIsAConnectionError()
{
    SqliteTempFile file;
    try {
        SqliteDriver::open(file.path(), {.create = false});
        QFAIL("a missing file was opened");
    } catch (const ConnectionError& e) {
        QVERIFY2(std::string(e.what()).find(file.path()) != std::string::npos, e.what());
    }
    QVERIFY(!std::ifstream(file.path()).good());
    // With create (the default) it is made.
    SqliteDriver::open(file.path());
    QVERIFY(std::ifstream(file.path()).good());
    SqliteDriver::open(file.path(), {.create = false});
}

void TestSqliteDriver::notADatabaseIsAConnectionError()
{
    SqliteTempFile file;
    std::ofstream(file.path()) << "this is not a database file, just some text that is long enough "
                                  "to have a header SQLite would look at\n";
    try {
        SqliteDriver::open(file.path());
        QFAIL("a text file was opened as a database");
    } catch (const ConnectionError& e) {
        QVERIFY2(std::string(e.what()).find(file.path()) != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("not a database") != std::string::npos, e.what());
    }
}

void TestSqliteDriver::readOnlyRefusesWrites()
{
    SqliteTempFile file;
    SqliteDriver::open(file.path())->execute("CREATE TABLE t(x)");
    auto db = SqliteDriver::open(file.path(), {.readOnly = true});
    QCOMPARE(db->query("SELECT count(*) AS n FROM t").integer(0, "n"), std::int64_t{0});
    try {
        db->execute("INSERT INTO t VALUES (1)");
        QFAIL("a read-only connection wrote");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.nativeCode() & 0xff, kSqliteReadOnly);
    }
}

void TestSqliteDriver::countingDriverCountsEveryStatement()
{
    SqliteTempFile file;
    auto db = SqliteDriver::open(file.path());
    CountingDriver counting(*db);
    QCOMPARE(counting.dialectName(), std::string("sqlite"));
    QCOMPARE(counting.description(), file.path());

    counting.execute("CREATE TABLE t(x)");
    counting.execute("INSERT INTO t VALUES (?)", {std::int64_t{5}});
    QCOMPARE(counting.query("SELECT x FROM t").integer(0, "x"), std::int64_t{5});
    // A failing statement was still sent, so it counts.
    QVERIFY_THROWS_EXCEPTION(DatabaseError, counting.execute("INSERT INTO missing VALUES (1)"));
    QCOMPARE(counting.statementCount(), std::size_t{4});
    QCOMPARE(counting.statements(), (std::vector<std::string>{"CREATE TABLE t(x)", "INSERT INTO t VALUES (?)",
                                                              "SELECT x FROM t", "INSERT INTO missing VALUES (1)"}));
    // The statements reached the real database.
    QCOMPARE(db->query("SELECT count(*) AS n FROM t").integer(0, "n"), std::int64_t{1});

    counting.reset();
    QCOMPARE(counting.statementCount(), std::size_t{0});
    counting.query("SELECT 1");
    QCOMPARE(counting.statementCount(), std::size_t{1});
}

QTEST_APPLESS_MAIN(TestSqliteDriver)
#include "tst_sqlite_driver.moc"
