// PostgresDriver against the test cluster (fixture `postgres`): values, parameters,
// SQLSTATE errors, locks, cancellation, password handling and notices; plus
// maskPassword, which every connection string shown to a user goes through.

#include "drivers/postgres/postgres_driver.h"
#include "pg_test.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <future>
#include <limits>
#include <thread>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace tempest;
using tempest::test::PgScratchDatabase;
using tempest::test::PgScratchSchema;

Q_DECLARE_METATYPE(tempest::Value)

namespace {

const std::string kPassword = "tempest-secret-pw";

/// The value with its alternative, so that int64 1 and text "1" differ in a comparison.
QString describe(const Value& value)
{
    static const char* kinds[] = {"null", "int64", "double", "text", "blob"};
    return QString::fromLatin1(kinds[value.index()]) + QLatin1Char(':')
        + QString::fromStdString(valueToString(value));
}

Blob blob(std::initializer_list<std::uint8_t> bytes) { return Blob{std::vector<std::uint8_t>(bytes)}; }

bool contains(std::string_view haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string_view::npos;
}

std::string replaced(std::string text, const std::string& what, const std::string& with)
{
    auto pos = text.find(what);
    if (pos != std::string::npos)
        text.replace(pos, what.size(), with);
    return text;
}

/// Runs `fn` with stderr (fd 2) captured; returns what was written to it.
template <typename Fn>
std::string captureStderr(Fn&& fn)
{
    std::fflush(stderr);
    FILE* capture = std::tmpfile();
    int saved = ::dup(2);
    ::dup2(::fileno(capture), 2);
    try {
        fn();
    } catch (...) {
        std::fflush(stderr);
        ::dup2(saved, 2);
        ::close(saved);
        std::fclose(capture);
        throw;
    }
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::string text;
    std::rewind(capture);
    for (int c; (c = std::fgetc(capture)) != EOF;)
        text += static_cast<char>(c);
    std::fclose(capture);
    return text;
}

} // namespace

class TestPostgresDriver : public QObject {
    Q_OBJECT

private slots:
    // No cluster needed.
    void maskPasswordHidesPasswords_data();
    void maskPasswordHidesPasswords();

    // The cluster.
    void initTestCase();
    void cleanupTestCase();
    void identifiesItself();
    void roundTripsValuesThroughColumns_data();
    void roundTripsValuesThroughColumns();
    void mapsResultTypesByOid();
    void bindsParameters();
    void errorsCarrySqlStateAndStatement_data();
    void errorsCarrySqlStateAndStatement();
    void rejectsASecondStatement();
    void executeScriptRunsManyStatements();
    void lockHeldByAnotherConnectionIsBusy();
    void interruptCancelsALongQuery();
    void interruptWhenIdleIsHarmless();
    void passwordUriConnects();
    void connectionFailuresNeverShowThePassword_data();
    void connectionFailuresNeverShowThePassword();
    void silentServerTimesOut_data();
    void silentServerTimesOut();
    void noticesAreCollectedNotPrinted();
    void scratchSchemaIsolatesNames();
    void countingDriverCountsEveryStatement();

private:
    std::unique_ptr<PgScratchDatabase> m_database;
    std::unique_ptr<PostgresDriver> m_db;
};

void TestPostgresDriver::maskPasswordHidesPasswords_data()
{
    QTest::addColumn<QString>("connection");
    QTest::addColumn<QString>("masked");
    QTest::newRow("uri") << "postgresql://app:s3cret@db.example.com:5432/prod"
                         << "postgresql://app:****@db.example.com:5432/prod";
    QTest::newRow("uri postgres scheme") << "postgres://app:s3cret@localhost/prod"
                                         << "postgres://app:****@localhost/prod";
    QTest::newRow("uri percent-encoded") << "postgresql://app:p%40ss%2Fw@h/db" << "postgresql://app:****@h/db";
    QTest::newRow("uri password with ? and #") << "postgresql://app:a?b#c@h/db" << "postgresql://app:****@h/db";
    QTest::newRow("uri multi-host") << "postgresql://app:pw@h1:5432,h2:5433/db?target_session_attrs=any"
                                    << "postgresql://app:****@h1:5432,h2:5433/db?target_session_attrs=any";
    QTest::newRow("uri without password") << "postgresql://app@h/db" << "postgresql://app@h/db";
    QTest::newRow("uri without user") << "postgresql://h:5432/db" << "postgresql://h:5432/db";
    QTest::newRow("uri query param") << "postgresql://h/db?user=app&password=s3cret"
                                     << "postgresql://h/db?user=app&password=****";
    QTest::newRow("uri query param first, more after")
        << "postgresql://h/db?password=s3cret&sslmode=require" << "postgresql://h/db?password=****&sslmode=require";
    QTest::newRow("key=value") << "host=h password=s3cret dbname=db" << "host=h password=**** dbname=db";
    QTest::newRow("key = value") << "host=h password = s3cret user=u" << "host=h password = **** user=u";
    QTest::newRow("quoted") << "host=h password='two words' user=u" << "host=h password=**** user=u";
    QTest::newRow("quoted with escaped quote") << R"(password='it\'s secret' user=u)" << "password=**** user=u";
    QTest::newRow("unquoted with escaped space") << R"(password=two\ words user=u)" << "password=**** user=u";
    // libpq skips blanks after '=': the password here is "user=u".
    QTest::newRow("blank after equals") << "host=h password= user=u" << "host=h password= ****";
    QTest::newRow("password last") << "host=h user=u password=s3cret" << "host=h user=u password=****";
    QTest::newRow("no password") << "host=/tmp port=5432 dbname=db user=u" << "host=/tmp port=5432 dbname=db user=u";
    QTest::newRow("sqlite path") << "/var/lib/app/app.db" << "/var/lib/app/app.db";
    QTest::newRow("in a sentence") << "cannot connect to postgresql://u:pw@h/db: timeout"
                                   << "cannot connect to postgresql://u:****@h/db: timeout";
}

void TestPostgresDriver::maskPasswordHidesPasswords()
{
    QFETCH(QString, connection);
    QFETCH(QString, masked);
    QCOMPARE(QString::fromStdString(maskPassword(connection.toStdString())), masked);
    // Masking twice changes nothing more.
    QCOMPARE(QString::fromStdString(maskPassword(maskPassword(connection.toStdString()))), masked);
}

void TestPostgresDriver::initTestCase()
{
    // Not TEMPEST_REQUIRE_PG here: the maskPassword rows need no cluster and run anyway.
}

void TestPostgresDriver::cleanupTestCase()
{
    m_db.reset();
    m_database.reset();
}

#define REQUIRE_DB()                                                                               \
    do {                                                                                           \
        TEMPEST_REQUIRE_PG();                                                                      \
        if (!m_database) {                                                                         \
            m_database = std::make_unique<PgScratchDatabase>();                                    \
            m_db = PostgresDriver::connect(m_database->connInfo());                                \
        }                                                                                          \
    } while (false)

void TestPostgresDriver::identifiesItself()
{
    REQUIRE_DB();
    QCOMPARE(m_db->dialectName(), std::string("postgresql"));
    QCOMPARE(m_db->description(), m_database->connInfo()); // no password to mask
    QCOMPARE(m_db->query("SELECT current_database() AS d").text(0, "d"), m_database->name());
}

void TestPostgresDriver::roundTripsValuesThroughColumns_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<Value>("in");
    QTest::addColumn<Value>("out");
    const Value null;
    const auto i = [](std::int64_t v) { return Value{v}; };
    const auto s = [](std::string v) { return Value{std::move(v)}; };
    QTest::newRow("null") << "integer" << null << null;
    QTest::newRow("bigint max") << "bigint" << i(std::numeric_limits<std::int64_t>::max())
                                << i(std::numeric_limits<std::int64_t>::max());
    QTest::newRow("bigint min") << "bigint" << i(std::numeric_limits<std::int64_t>::min())
                                << i(std::numeric_limits<std::int64_t>::min());
    QTest::newRow("integer") << "integer" << i(-42) << i(-42);
    QTest::newRow("smallint") << "smallint" << i(7) << i(7);
    QTest::newRow("oid") << "oid" << i(4294967295) << i(4294967295);
    QTest::newRow("double") << "double precision" << Value{0.1} << Value{0.1};
    QTest::newRow("double huge") << "double precision" << Value{1e300} << Value{1e300};
    QTest::newRow("double infinity") << "double precision" << Value{HUGE_VAL} << Value{HUGE_VAL};
    QTest::newRow("double -infinity") << "double precision" << Value{-HUGE_VAL} << Value{-HUGE_VAL};
    QTest::newRow("real") << "real" << Value{0.5} << Value{0.5};
    QTest::newRow("boolean true from int") << "boolean" << i(1) << i(1);
    QTest::newRow("boolean false from text") << "boolean" << s("false") << i(0);
    QTest::newRow("text") << "text" << s("hello") << s("hello");
    QTest::newRow("empty text") << "text" << s("") << s("");
    QTest::newRow("unicode text") << "text" << s("h\xC3\xA9llo \xE2\x9C\x93 \xF0\x9F\x98\x80")
                                  << s("h\xC3\xA9llo \xE2\x9C\x93 \xF0\x9F\x98\x80");
    QTest::newRow("text with quotes and backslash") << "text" << s(R"(a'b"c\d)") << s(R"(a'b"c\d)");
    QTest::newRow("varchar") << "varchar(10)" << s("abc") << s("abc");
    QTest::newRow("int into text") << "text" << i(12) << s("12");
    QTest::newRow("numeric keeps its digits") << "numeric(20, 2)" << s("123456789012345678.50")
                                              << s("123456789012345678.50");
    QTest::newRow("bytea") << "bytea" << Value{blob({0x00, 0x01, 0x5c, 0x7f, 0x80, 0xff})}
                           << Value{blob({0x00, 0x01, 0x5c, 0x7f, 0x80, 0xff})};
    QTest::newRow("empty bytea") << "bytea" << Value{Blob{}} << Value{Blob{}};
    QTest::newRow("date as text") << "date" << s("2026-11-25") << s("2026-11-25");
    QTest::newRow("uuid as text") << "uuid" << s("3F2A9C1B-0000-4000-8000-000000000001")
                                  << s("3f2a9c1b-0000-4000-8000-000000000001");
}

void TestPostgresDriver::roundTripsValuesThroughColumns()
{
    REQUIRE_DB();
    QFETCH(QString, type);
    QFETCH(Value, in);
    QFETCH(Value, out);
    m_db->execute("DROP TABLE IF EXISTS v");
    m_db->execute("CREATE TABLE v(x " + type.toStdString() + ")");
    m_db->execute("INSERT INTO v(x) VALUES ($1)", {in});
    ResultSet rs = m_db->query("SELECT x FROM v");
    QCOMPARE(rs.columns, std::vector<std::string>{"x"});
    QCOMPARE(rs.rows.size(), std::size_t{1});
    QCOMPARE(describe(rs.rows[0][0]), describe(out));
    // The value also works as a parameter compared against itself.
    QCOMPARE(m_db->query("SELECT count(*) AS n FROM v WHERE x IS NOT DISTINCT FROM $1", {in}).integer(0, "n"),
             std::int64_t{1});
}

void TestPostgresDriver::mapsResultTypesByOid()
{
    REQUIRE_DB();
    ResultSet rs = m_db->query("SELECT 1::int2 AS a, 2::int4 AS b, 3::int8 AS c, 1.5::float4 AS d, "
                               "2.5::float8 AS e, true AS f, false AS g, '\\x00ff'::bytea AS h, "
                               "1.50::numeric AS i, 'x'::text AS j, NULL::int AS k, "
                               "'NaN'::float8 AS l, 'pg_class'::regclass::oid AS m");
    QCOMPARE(rs.columns, (std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"}));
    const auto& r = rs.rows.at(0);
    QCOMPARE(describe(r[0]), QString("int64:1"));
    QCOMPARE(describe(r[1]), QString("int64:2"));
    QCOMPARE(describe(r[2]), QString("int64:3"));
    QCOMPARE(describe(r[3]), QString("double:1.5"));
    QCOMPARE(describe(r[4]), QString("double:2.5"));
    QCOMPARE(describe(r[5]), QString("int64:1"));
    QCOMPARE(describe(r[6]), QString("int64:0"));
    QCOMPARE(describe(r[7]), QString("blob:x'00ff'"));
    QCOMPARE(describe(r[8]), QString("text:1.50"));
    QCOMPARE(describe(r[9]), QString("text:x"));
    QCOMPARE(describe(r[10]), QString("null:NULL"));
    QVERIFY(std::holds_alternative<double>(r[11]) && std::isnan(std::get<double>(r[11])));
    QCOMPARE(describe(r[12]), QString("int64:1259"));
}

void TestPostgresDriver::bindsParameters()
{
    REQUIRE_DB();
    QCOMPARE(m_db->query("SELECT $1::int + $2::int AS s", {std::int64_t{2}, std::int64_t{3}}).integer(0, "s"),
             std::int64_t{5});
    QCOMPARE(m_db->query("SELECT $1::text IS NULL AS n", {Value{}}).integer(0, "n"), std::int64_t{1});
    // Text parameters are never interpolated: quotes are data.
    const std::string nasty = "'; DROP TABLE v; --";
    QCOMPARE(m_db->query("SELECT $1::text AS t", {nasty}).text(0, "t"), nasty);
    // A Blob is bytea even without context.
    QCOMPARE(describe(m_db->query("SELECT $1 AS b", {blob({0xde, 0xad})}).rows[0][0]), QString("blob:x'dead'"));
    QCOMPARE(describe(m_db->query("SELECT $1::float8 * 2 AS d", {0.25}).rows[0][0]), QString("double:0.5"));
    // Text with NUL cannot reach the server; the driver says so instead of truncating.
    QVERIFY_THROWS_EXCEPTION(DatabaseError, m_db->query("SELECT $1::text", {std::string("a\0b", 3)}));
    // A parameter count the statement does not use is the server's error.
    QVERIFY_THROWS_EXCEPTION(DatabaseError, m_db->query("SELECT $1::int", {}));
}

void TestPostgresDriver::errorsCarrySqlStateAndStatement_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("sqlState");
    QTest::addColumn<QString>("message");
    QTest::newRow("unique violation") << "INSERT INTO e(id) VALUES (1)" << "23505"
                                      << "Key (id)=(1) already exists"; // the DETAIL
    QTest::newRow("undefined table") << "SELECT * FROM missing_table" << "42P01"
                                     << "relation \"missing_table\" does not exist";
    QTest::newRow("not null") << "INSERT INTO e(id, n) VALUES (5, NULL)" << "23502" << "null value in column \"n\"";
    QTest::newRow("syntax") << "SELEC 1" << "42601" << "syntax error";
    QTest::newRow("undefined column with hint") << "SELECT idd FROM e" << "42703" << "HINT: Perhaps you meant";
}

void TestPostgresDriver::errorsCarrySqlStateAndStatement()
{
    REQUIRE_DB();
    QFETCH(QString, sql);
    QFETCH(QString, sqlState);
    QFETCH(QString, message);
    m_db->execute("DROP TABLE IF EXISTS e");
    m_db->execute("CREATE TABLE e(id integer PRIMARY KEY, n text NOT NULL DEFAULT '')");
    m_db->execute("INSERT INTO e(id) VALUES (1)");
    try {
        m_db->execute(sql.toStdString());
        QFAIL("the statement succeeded");
    } catch (const DatabaseError& e) {
        QCOMPARE(QString::fromStdString(e.sqlState()), sqlState);
        QCOMPARE(e.statement(), sql.toStdString());
        QVERIFY2(contains(e.serverMessage(), message.toStdString()), e.what());
        QVERIFY(contains(e.what(), sql.toStdString()));
        QVERIFY(!e.isBusy());
        QVERIFY(!e.isCancelled());
    }
    // A failed statement outside a transaction leaves the connection usable.
    QCOMPARE(m_db->query("SELECT count(*) AS n FROM e").integer(0, "n"), std::int64_t{1});
}

void TestPostgresDriver::rejectsASecondStatement()
{
    REQUIRE_DB();
    m_db->execute("SELECT 1;"); // a trailing semicolon is fine
    m_db->execute("SELECT 1; -- and a comment");
    try {
        m_db->execute("CREATE TABLE two_a(x int); CREATE TABLE two_b(x int)");
        QFAIL("two statements were accepted");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.sqlState(), std::string("42601"));
    }
    QCOMPARE(m_db->query("SELECT to_regclass('two_a') IS NULL AS missing").integer(0, "missing"), std::int64_t{1});
}

void TestPostgresDriver::executeScriptRunsManyStatements()
{
    REQUIRE_DB();
    m_db->executeScript("DROP TABLE IF EXISTS s1; CREATE TABLE s1(x int);\n"
                        "-- a comment\nINSERT INTO s1 VALUES (1), (2);\n");
    QCOMPARE(m_db->query("SELECT sum(x) AS s FROM s1").integer(0, "s"), std::int64_t{3});
    try {
        m_db->executeScript("INSERT INTO s1 VALUES (3); INSERT INTO nowhere VALUES (1);");
        QFAIL("a failing script succeeded");
    } catch (const DatabaseError& e) {
        QCOMPARE(e.sqlState(), std::string("42P01"));
        QVERIFY(contains(e.statement(), "INSERT INTO nowhere"));
    }
    // A script without its own BEGIN/COMMIT is one implicit transaction: all or nothing.
    QCOMPARE(m_db->query("SELECT count(*) AS n FROM s1").integer(0, "n"), std::int64_t{2});
}

void TestPostgresDriver::lockHeldByAnotherConnectionIsBusy()
{
    REQUIRE_DB();
    m_db->execute("DROP TABLE IF EXISTS locked");
    m_db->execute("CREATE TABLE locked(x int)");
    auto holder = PostgresDriver::connect(m_database->connInfo());
    auto waiter = PostgresDriver::connect(m_database->connInfo());
    holder->execute("BEGIN");
    holder->execute("LOCK TABLE locked IN ACCESS EXCLUSIVE MODE");

    for (const std::string sql : {"LOCK TABLE locked IN ACCESS EXCLUSIVE MODE NOWAIT", "SELECT * FROM locked"}) {
        waiter->execute("SET lock_timeout = '100ms'");
        try {
            waiter->execute("BEGIN");
            waiter->execute(sql);
            QFAIL(qPrintable(QString::fromStdString("not busy: " + sql)));
        } catch (const DatabaseError& e) {
            QCOMPARE(e.sqlState(), std::string("55P03"));
            QVERIFY2(e.isBusy(), e.what());
            QCOMPARE(e.statement(), sql);
        }
        waiter->execute("ROLLBACK");
    }
    holder->execute("COMMIT");
    QCOMPARE(waiter->query("SELECT count(*) AS n FROM locked").integer(0, "n"), std::int64_t{0});
}

void TestPostgresDriver::interruptCancelsALongQuery()
{
    REQUIRE_DB();
    auto db = PostgresDriver::connect(m_database->connInfo());
    std::atomic<bool> started = false;
    auto running = std::async(std::launch::async, [&]() -> std::optional<DatabaseError> {
        started = true;
        try {
            db->query("SELECT pg_sleep(60)");
        } catch (const DatabaseError& e) {
            return e;
        }
        return std::nullopt;
    });
    while (!started)
        std::this_thread::yield();
    // A cancel that reaches the server before the query starts is ignored: keep asking.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(50);
    while (running.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
        QVERIFY2(std::chrono::steady_clock::now() < deadline, "the query was never cancelled");
        db->interrupt();
    }
    std::optional<DatabaseError> error = running.get();
    QVERIFY2(error.has_value(), "the query finished instead of being cancelled");
    QCOMPARE(error->sqlState(), std::string("57014"));
    QVERIFY2(error->isCancelled(), error->what());
    QCOMPARE(error->statement(), std::string("SELECT pg_sleep(60)"));
    QCOMPARE(db->query("SELECT 1 AS one").integer(0, "one"), std::int64_t{1});
}

void TestPostgresDriver::interruptWhenIdleIsHarmless()
{
    REQUIRE_DB();
    auto db = PostgresDriver::connect(m_database->connInfo());
    db->interrupt();
    QCOMPARE(db->query("SELECT 2 AS two").integer(0, "two"), std::int64_t{2});
}

void TestPostgresDriver::passwordUriConnects()
{
    REQUIRE_DB();
    const std::string uri = m_database->passwordUri();
    QVERIFY(contains(uri, kPassword)); // the fixture really uses a password
    auto db = PostgresDriver::connect(uri);
    QCOMPARE(db->query("SELECT current_user AS u").text(0, "u"), std::string("tempest"));
    // Really over TCP with a password, not the trusted socket.
    QCOMPARE(db->query("SELECT inet_client_addr()::text AS a").text(0, "a"), std::string("127.0.0.1/32"));
    QVERIFY(!contains(db->description(), kPassword));
    QVERIFY(contains(db->description(), "tempest:****@127.0.0.1"));
}

void TestPostgresDriver::connectionFailuresNeverShowThePassword_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong password") << "wrong-password" << "password authentication failed";
    QTest::newRow("right password, missing database") << "missing-database" << "does not exist";
    QTest::newRow("key=value form, missing database") << "key-value" << "does not exist";
    // libpq cannot parse it: the message says what is wrong and shows no part of the
    // string (issue 9: libpq's own text quotes the bad piece).
    QTest::newRow("garbage after the password") << "garbage" << "invalid URI query parameter";
}

void TestPostgresDriver::connectionFailuresNeverShowThePassword()
{
    REQUIRE_DB();
    QFETCH(QString, change);
    QFETCH(QString, expected);
    const std::string uri = *test::pgTestPasswordUri();
    std::string conninfo;
    std::string secret = kPassword;
    if (change == "wrong-password") {
        secret = "wrong-pw-1f3a";
        conninfo = replaced(uri, kPassword, secret);
    } else if (change == "missing-database") {
        conninfo = replaced(uri, "/tempest_test", "/no_such_database");
    } else if (change == "key-value") {
        const auto port = uri.substr(uri.rfind(':') + 1, uri.rfind('/') - uri.rfind(':') - 1);
        conninfo = "host=127.0.0.1 port=" + port + " user=tempest password='" + kPassword + "' dbname=no_such_database";
    } else {
        conninfo = replaced(uri, "/tempest_test", "/tempest_test?bogus_option=1");
    }
    try {
        PostgresDriver::connect(conninfo);
        QFAIL("the connection succeeded");
    } catch (const ConnectionError& e) {
        const std::string what = e.what();
        QVERIFY2(!contains(what, secret), what.c_str());
        QVERIFY2(!contains(what, kPassword), what.c_str());
        QVERIFY2(contains(what, expected.toStdString()), what.c_str());
        if (change != "garbage")
            QVERIFY2(contains(what, "****"), what.c_str()); // the masked connection string is named
        // Only a refused password lets a front end ask for another one.
        QCOMPARE(e.passwordRejected(), change == "wrong-password");
    }
}

// A server that accepts TCP and never answers hung connect() for ever (issue 10): the
// connect timeout ends it, and a timeout in the string wins over the default.
void TestPostgresDriver::silentServerTimesOut_data()
{
    QTest::addColumn<QString>("options");
    QTest::addColumn<int>("argumentSeconds");
    QTest::addColumn<int>("expectedSeconds");
    QTest::newRow("the argument") << "" << 2 << 2;
    QTest::newRow("the string's own") << " connect_timeout=3" << 30 << 3;
}

void TestPostgresDriver::silentServerTimesOut()
{
    QFETCH(QString, options);
    QFETCH(int, argumentSeconds);
    QFETCH(int, expectedSeconds);
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QVERIFY(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    QVERIFY(::listen(listener, 8) == 0);  // the kernel completes handshakes; nobody answers
    socklen_t length = sizeof address;
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    const std::string conninfo = "host=127.0.0.1 port=" + std::to_string(ntohs(address.sin_port))
                                 + " user=tempest password=" + kPassword + " dbname=x" + options.toStdString();
    const auto started = std::chrono::steady_clock::now();
    try {
        PostgresDriver::connect(conninfo, argumentSeconds);
        QFAIL("the connection succeeded");
    } catch (const ConnectionError& e) {
        QVERIFY2(contains(e.what(), "timeout expired"), e.what());
        QVERIFY2(!contains(e.what(), kPassword), e.what());
        QVERIFY(!e.passwordRejected());
    }
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    ::close(listener);
    QVERIFY2(elapsed.count() >= (expectedSeconds - 1) * 1000 && elapsed.count() < (expectedSeconds + 2) * 1000,
             std::to_string(elapsed.count()).c_str());
}

void TestPostgresDriver::noticesAreCollectedNotPrinted()
{
    REQUIRE_DB();
    m_db->takeNotices();
    const std::string printed = captureStderr([&] {
        m_db->execute("DROP TABLE IF EXISTS never_existed");
        m_db->execute("DO $$ BEGIN RAISE NOTICE 'hello from plpgsql'; END $$");
    });
    QCOMPARE(printed, std::string());
    const std::vector<std::string> notices = m_db->takeNotices();
    QCOMPARE(notices, (std::vector<std::string>{"table \"never_existed\" does not exist, skipping",
                                                 "hello from plpgsql"}));
    QVERIFY(m_db->takeNotices().empty());
}

void TestPostgresDriver::scratchSchemaIsolatesNames()
{
    // pg_test.h's schema helper: unqualified names land in the scratch schema, which
    // disappears with the helper.
    REQUIRE_DB();
    std::string name;
    {
        PgScratchSchema schema;
        name = schema.name();
        auto db = PostgresDriver::connect(schema.connInfo());
        db->execute("CREATE TABLE t(x int)");
        QCOMPARE(db->query("SELECT table_schema FROM information_schema.tables WHERE table_name = 't' "
                           "AND table_schema = current_schema()")
                     .text(0, "table_schema"),
                 name);
    }
    auto admin = PostgresDriver::connect(*test::pgTestConnInfo());
    QCOMPARE(admin->query("SELECT count(*) AS n FROM pg_namespace WHERE nspname = $1", {name}).integer(0, "n"),
             std::int64_t{0});
}

void TestPostgresDriver::countingDriverCountsEveryStatement()
{
    REQUIRE_DB();
    CountingDriver counting(*m_db);
    QCOMPARE(counting.dialectName(), std::string("postgresql"));
    counting.execute("DROP TABLE IF EXISTS c");
    counting.execute("CREATE TABLE c(x int)");
    counting.execute("INSERT INTO c VALUES ($1)", {std::int64_t{9}});
    QCOMPARE(counting.query("SELECT x FROM c").integer(0, "x"), std::int64_t{9});
    QVERIFY_THROWS_EXCEPTION(DatabaseError, counting.query("SELECT * FROM missing_table"));
    QCOMPARE(counting.statementCount(), std::size_t{5});
    QCOMPARE(counting.statements().back(), std::string("SELECT * FROM missing_table"));
}

QTEST_APPLESS_MAIN(TestPostgresDriver)
#include "tst_postgres_driver.moc"
