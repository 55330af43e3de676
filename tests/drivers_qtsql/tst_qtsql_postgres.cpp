// QtSqlDriver over QPSQL against the PostgreSQL test cluster: libpq connection strings
// and URIs taken apart for QPSQL (socket + trust, TCP + scram password, options),
// values, SQLSTATE errors, cancellation, and passwords never shown.

#include "drivers/qtsql/qtsql_driver.h"
#include "pg_test.h"

#include <QTest>

#include <chrono>
#include <future>
#include <thread>

using namespace tempest;
using namespace tempest::test;

class TestQtSqlPostgres : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { TEMPEST_REQUIRE_PG(); }
    void connectsWithKeyValueString();
    void connectsWithPasswordUriAndMasksIt();
    void wrongPasswordIsAConnectionErrorWithoutIt();
    void optionsReachTheServer();
    void mapsValuesByType();
    void errorsCarrySqlState();
    void interruptCancelsASleep();
    void malformedConnInfoIsAConnectionError();
};

void TestQtSqlPostgres::connectsWithKeyValueString()
{
    PgScratchDatabase db;
    auto driver = QtSqlDriver::connectPostgres(db.connInfo());
    QCOMPARE(driver->dialectName(), std::string("postgresql"));
    QCOMPARE(driver->query("SELECT current_database() AS d").text(0, "d"), db.name());
}

void TestQtSqlPostgres::connectsWithPasswordUriAndMasksIt()
{
    PgScratchDatabase db;
    const std::string uri = db.passwordUri();
    auto driver = QtSqlDriver::open("postgresql", uri);
    QCOMPARE(driver->query("SELECT current_user AS u").text(0, "u"), std::string("tempest"));
    QCOMPARE(driver->query("SELECT current_database() AS d").text(0, "d"), db.name());
    // The URI's password is between ':' and '@' after the user.
    const std::size_t at = uri.find('@');
    const std::size_t colon = uri.rfind(':', at);
    const std::string password = uri.substr(colon + 1, at - colon - 1);
    QVERIFY(!password.empty());
    QVERIFY2(driver->description().find(password) == std::string::npos, driver->description().c_str());
    QVERIFY(driver->description().find("****") != std::string::npos);
}

void TestQtSqlPostgres::wrongPasswordIsAConnectionErrorWithoutIt()
{
    PgScratchDatabase db;
    std::string uri = db.passwordUri();
    const std::size_t at = uri.find('@');
    const std::size_t colon = uri.rfind(':', at);
    const std::string wrong = "wrong-secret-7781";
    uri.replace(colon + 1, at - colon - 1, wrong);
    try {
        QtSqlDriver::connectPostgres(uri);
        QFAIL("connected with a wrong password");
    } catch (const ConnectionError& e) {
        QVERIFY2(std::string(e.what()).find(wrong) == std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("password") != std::string::npos, e.what());
    }
}

void TestQtSqlPostgres::optionsReachTheServer()
{
    // options='-c search_path=…' has a space: it must survive QPSQL's own string building.
    PgScratchSchema schema;
    auto driver = QtSqlDriver::connectPostgres(schema.connInfo());
    driver->execute("CREATE TABLE landed (x integer)");
    QCOMPARE(driver->query("SELECT table_schema FROM information_schema.tables WHERE table_name = 'landed'")
                 .text(0, "table_schema"),
             schema.name());
}

void TestQtSqlPostgres::mapsValuesByType()
{
    PgScratchDatabase db;
    auto driver = QtSqlDriver::connectPostgres(db.connInfo());
    driver->execute("CREATE TABLE v (i bigint, b boolean, n numeric(30,10), d double precision, t text, y bytea)");
    driver->execute("INSERT INTO v VALUES ($1, true, 12345678901.0123456789, 2.5, $2, '\\x00ff'::bytea)",
                    {Value{std::int64_t{-7}}, Value{std::string("it's ü")}});
    driver->execute("INSERT INTO v (i) VALUES (NULL)");
    ResultSet rows = driver->query("SELECT i, b, n, d, t, y FROM v ORDER BY i NULLS LAST");
    QCOMPARE(rows.rows.size(), std::size_t{2});
    QCOMPARE(std::get<std::int64_t>(rows.rows[0][0]), std::int64_t{-7});
    QCOMPARE(std::get<std::int64_t>(rows.rows[0][1]), std::int64_t{1});
    QCOMPARE(std::get<std::string>(rows.rows[0][2]), std::string("12345678901.0123456789"));
    QCOMPARE(std::get<double>(rows.rows[0][3]), 2.5);
    QCOMPARE(std::get<std::string>(rows.rows[0][4]), std::string("it's ü"));
    QCOMPARE(std::get<Blob>(rows.rows[0][5]).bytes, (std::vector<std::uint8_t>{0x00, 0xff}));
    QVERIFY(isNull(rows.rows[1][0]));
    QVERIFY(isNull(rows.rows[1][4]));
}

void TestQtSqlPostgres::errorsCarrySqlState()
{
    PgScratchDatabase db;
    auto driver = QtSqlDriver::connectPostgres(db.connInfo());
    driver->execute("CREATE TABLE u (x integer PRIMARY KEY)");
    driver->execute("INSERT INTO u VALUES (1)");
    const std::string statement = "INSERT INTO u VALUES (1)";
    try {
        driver->execute(statement);
        QFAIL("no error");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.sqlState(), std::string("23505"));
        QCOMPARE(e.statement(), statement);
    }
    try {
        driver->query("SELECT * FROM no_such_table");
        QFAIL("no error");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.sqlState(), std::string("42P01"));
    }
    // The connection is still usable after errors.
    QCOMPARE(driver->query("SELECT count(*) AS n FROM u").integer(0, "n"), 1);
}

void TestQtSqlPostgres::interruptCancelsASleep()
{
    const std::string conninfo = *pgTestConnInfo();
    std::promise<QtSqlDriver*> opened;
    std::promise<QString> outcome;
    std::thread worker([&] {
        auto driver = QtSqlDriver::connectPostgres(conninfo);
        opened.set_value(driver.get());
        try {
            driver->execute("SELECT pg_sleep(30)");
            outcome.set_value(QStringLiteral("finished"));
        } catch (const DatabaseError& e) {
            outcome.set_value(e.isCancelled() ? QStringLiteral("cancelled") : QString::fromUtf8(e.what()));
        }
    });
    QtSqlDriver* driver = opened.get_future().get();
    auto result = outcome.get_future();
    while (result.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready)
        driver->interrupt();
    worker.join();
    QCOMPARE(result.get(), QStringLiteral("cancelled"));
}

void TestQtSqlPostgres::malformedConnInfoIsAConnectionError()
{
    try {
        QtSqlDriver::connectPostgres("host=localhost password=topsecret9 port");
        QFAIL("accepted a malformed string");
    } catch (const ConnectionError& e) {
        QVERIFY2(std::string(e.what()).find("topsecret9") == std::string::npos, e.what());
    }
}

QTEST_GUILESS_MAIN(TestQtSqlPostgres)
#include "tst_qtsql_postgres.moc"
