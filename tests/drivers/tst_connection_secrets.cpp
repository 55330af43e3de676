// Passwords never reach an error text (DESIGN.md "Project file"), whatever shape the
// connection string has and however long the text is. Regression tests for issue 9,
// "Hostile input and secrets":
//   finding 1 — maskPassword ran std::regex_replace, whose recursion overflowed the stack
//               (exit 139) on a run of ~30,000 letters;
//   finding 2 — libpq's own connection error was appended unmasked: a bad percent-escape
//               in the password ("invalid percent-encoded token: \"Zq%zzSecret99\""), an
//               unencoded '@' in the password (the rest shown as a host name), a URL
//               without a scheme (printed whole).
// The connection attempts below really go through libpq (PostgresDriver) and QPSQL
// (QtSqlDriver) and fail without any server: port 1 on 127.0.0.1 refuses at once, a
// socket folder that does not exist has no socket. No test cluster is needed.

#include "drivers/postgres/postgres_driver.h"
#include "drivers/qtsql/qtsql_driver.h"

#include <QTest>

#include <functional>

using namespace tempest;

namespace {

bool contains(std::string_view haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string_view::npos;
}

// The message of the ConnectionError `connect` throws ("" and a test failure if none).
std::string connectionError(const std::function<void()>& connect)
{
    try {
        connect();
    } catch (const ConnectionError& e) {
        return e.what();
    }
    return {};
}

} // namespace

class TestConnectionSecrets : public QObject {
    Q_OBJECT

private slots:
    void maskPasswordMasksEveryShape_data();
    void maskPasswordMasksEveryShape();
    void maskPasswordIsLinearOnHugeText_data();
    void maskPasswordIsLinearOnHugeText();
    void syntaxErrorsAreDescribedWithoutQuoting_data();
    void syntaxErrorsAreDescribedWithoutQuoting();
    void connectionErrorsNeverShowThePassword_data();
    void connectionErrorsNeverShowThePassword();
};

// Finding 2: the shapes libpq leaks through, as maskPassword sees them (a description of
// the connection, or an error text quoting it).
void TestConnectionSecrets::maskPasswordMasksEveryShape_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("unencoded @ in the password: up to the last @")
        << "postgresql://alice:Sec@ret99@127.0.0.1:1/app" << "postgresql://alice:****@127.0.0.1:1/app";
    QTest::newRow("unencoded @ and %") << "postgresql://alice:S%e@c%@h/db" << "postgresql://alice:****@h/db";
    QTest::newRow("bad percent escape") << "postgresql://alice:Zq%zzSecret99@127.0.0.1:1/app"
                                        << "postgresql://alice:****@127.0.0.1:1/app";
    QTest::newRow("unencoded / in the password") << "postgresql://alice:Sla/sh99@h:1/app"
                                                 << "postgresql://alice:****@h:1/app";
    QTest::newRow("unencoded blank in the password") << "postgresql://alice:two words@h/app"
                                                     << "postgresql://alice:****@h/app";
    QTest::newRow("URL without a scheme") << "alice:NoScheme99@127.0.0.1:1/app" << "alice:****@127.0.0.1:1/app";
    QTest::newRow("URL without a scheme, quoted in a message")
        << R"(missing "=" after "alice:NoScheme99@127.0.0.1:1/app" in connection info string)"
        << R"(missing "=" after "alice:****@127.0.0.1:1/app" in connection info string)";
    QTest::newRow("key=value, quoted with blanks and quotes")
        << R"(host=127.0.0.1 port=1 password='it\'s a "Quoted Secret99"' dbname=app)"
        << "host=127.0.0.1 port=1 password=**** dbname=app";
    QTest::newRow("key=value, unterminated quote") << "host=h password='never closed user=u"
                                                   << "host=h password=****";
    QTest::newRow("sslpassword and PGPASSWORD") << "sslpassword=k1 PGPASSWORD=k2" << "sslpassword=**** PGPASSWORD=****";
    QTest::newRow("query parameter") << "postgresql://h/db?sslmode=disable&password=Qu%zzery99#x"
                                     << "postgresql://h/db?sslmode=disable&password=****#x";
    QTest::newRow("inside a libpq error text")
        << "cannot connect to PostgreSQL (postgresql://u:pw@h:1/db): connection to server at \"h\" (127.0.0.1), "
           "port 1 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?"
        << "cannot connect to PostgreSQL (postgresql://u:****@h:1/db): connection to server at \"h\" (127.0.0.1), "
           "port 1 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?";
    QTest::newRow("masked, then quoted in a message") << "cannot connect (host=h password=****): refused"
                                                      << "cannot connect (host=h password=****): refused";
    QTest::newRow("two URIs") << "a://u:p1@h b://v:p2@k/x" << "a://u:****@h b://v:****@k/x";
    QTest::newRow("nothing to mask") << "password authentication failed for user \"alice\""
                                     << "password authentication failed for user \"alice\"";
    QTest::newRow("time of day is no credential") << "at 10:00:00 on host h" << "at 10:00:00 on host h";
}

void TestConnectionSecrets::maskPasswordMasksEveryShape()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(QString::fromStdString(maskPassword(text.toStdString())), masked);
    QCOMPARE(QString::fromStdString(maskPassword(masked.toStdString())), masked);  // idempotent
}

// Finding 1: the texts that crashed the regex (a 40,000-letter run, a 60,000-character
// value) and worse: they come back masked, and in linear time — a quadratic scanner
// would take minutes on the 2 MB rows, which QTest's default timeout does not allow.
void TestConnectionSecrets::maskPasswordIsLinearOnHugeText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("secret");
    const QString run40k(40000, QLatin1Char('m'));
    const QString value60k(60000, QLatin1Char('v'));
    QTest::newRow("40,000 letters") << run40k << QString();
    QTest::newRow("40,000 letters around a URI") << run40k + " postgresql://u:Secret99@h/db " + run40k << "Secret99";
    QTest::newRow("60,000-character password value") << "host=h password=" + value60k + "Secret99 user=u" << "Secret99";
    QTest::newRow("60,000-character quoted value") << "password='" + value60k + " Secret99'" << "Secret99";
    QTest::newRow("60,000-character URI password") << "postgresql://u:" + value60k + "@Secret99@h/db" << "Secret99";
    QTest::newRow("60,000-character query value") << "postgresql://h/db?password=" + value60k + "Secret99" << "Secret99";
    QTest::newRow("60,000 characters in a failing cast")
        << "invalid input syntax for type integer: \"" + value60k + "\"" << QString();
    // Shapes that make a naive scanner rescan: many "://", many "password", many ':'.
    QTest::newRow("500,000 x '://'") << QString("a://").repeated(500000) << QString();
    QTest::newRow("250,000 x 'password'") << QString("password ").repeated(250000) << QString();
    QTest::newRow("500,000 x ':@'") << QString("a:b@").repeated(500000) << QString();
    QTest::newRow("2 MB without blanks") << QString("x:y").repeated(700000) + "@h" << QString();
}

void TestConnectionSecrets::maskPasswordIsLinearOnHugeText()
{
    QFETCH(QString, text);
    QFETCH(QString, secret);
    const std::string masked = maskPassword(text.toStdString());
    QVERIFY(!masked.empty());
    if (!secret.isEmpty()) {
        QVERIFY(!contains(masked, secret.toStdString()));
        QVERIFY(contains(masked, "****"));
    }
}

// Finding 2: libpq's syntax errors quote the offending piece; ours quote nothing.
void TestConnectionSecrets::syntaxErrorsAreDescribedWithoutQuoting_data()
{
    QTest::addColumn<QString>("libpq");
    QTest::addColumn<QString>("hint");
    QTest::newRow("percent") << R"(invalid percent-encoded token: "Zq%zzSecret99")" << "%25";
    QTest::newRow("no =") << R"(missing "=" after "alice:Secret99@h/db" in connection info string)" << "URI";
    QTest::newRow("option") << R"(invalid connection option "Secret99")" << "unknown connection option";
    QTest::newRow("unknown wording") << R"(some future "Secret99" complaint)" << "complaint";
}

void TestConnectionSecrets::syntaxErrorsAreDescribedWithoutQuoting()
{
    QFETCH(QString, libpq);
    QFETCH(QString, hint);
    const std::string described = describeConnInfoSyntaxError(libpq.toStdString());
    QVERIFY2(!contains(described, "Secret99"), described.c_str());
    QVERIFY2(contains(described, hint.toStdString()), described.c_str());
}

// Finding 2, end to end through libpq's and QPSQL's real error paths.
void TestConnectionSecrets::connectionErrorsNeverShowThePassword_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QStringList>("secrets");  // none of these may appear
    QTest::addColumn<QString>("expected");     // proof it failed for the reason meant
    QTest::newRow("bad percent escape in the password")
        << "postgresql://alice:Zq%zzSecret99@127.0.0.1:1/app" << QStringList{"Secret99", "Zq%zz"}
        << "percent-encod";
    QTest::newRow("unencoded @ in the password")
        << "postgresql://alice:Sec@ret99@127.0.0.1:1/app" << QStringList{"ret99", "Sec@"} << "%40";
    QTest::newRow("unencoded / in the password")
        << "postgresql://alice:Sla/sh99@127.0.0.1:1/app" << QStringList{"Sla", "sh99"} << "%2F";
    QTest::newRow("URL without a scheme") << "alice:NoScheme99@127.0.0.1:1/app" << QStringList{"NoScheme99"}
                                          << "neither a postgresql:// URI nor key=value";
    QTest::newRow("URL without a scheme, with a query")
        << "alice:NoScheme99@127.0.0.1:1/app?sslmode=disable" << QStringList{"NoScheme99"} << "invalid";
    QTest::newRow("key=value, quoted password with blanks and quotes")
        << R"(host=127.0.0.1 port=1 user=alice password='it\'s a "Quoted Secret99"' dbname=app connect_timeout=5)"
        << QStringList{"Secret99", "Quoted"} << "cannot connect";
    QTest::newRow("key=value, unquoted password with a blank")
        << "host=127.0.0.1 port=1 password=Two Words99" << QStringList{"Two", "Words99"} << "invalid";
    QTest::newRow("socket folder that does not exist")
        << "host=/nonexistent/socket/dir user=alice password=SockSecret99 dbname=app"
        << QStringList{"SockSecret99"} << "cannot connect";
    QTest::newRow("query parameter with a bad escape")
        << "postgresql://alice@127.0.0.1:1/app?password=Qu%zzery99" << QStringList{"Qu%zz", "ery99"}
        << "percent-encod";
    QTest::newRow("60,000-character password")
        << "postgresql://alice:" + QString(60000, QLatin1Char('p')) + "Long99@127.0.0.1:1/app"
        << QStringList{"Long99", QString(100, QLatin1Char('p'))} << "cannot connect";
}

void TestConnectionSecrets::connectionErrorsNeverShowThePassword()
{
    QFETCH(QString, conninfo);
    QFETCH(QStringList, secrets);
    QFETCH(QString, expected);
    const std::string connection = conninfo.toStdString();
    const std::string libpq = connectionError([&] { PostgresDriver::connect(connection); });
    const std::string qpsql = connectionError([&] { QtSqlDriver::connectPostgres(connection); });
    for (const std::string& what : {libpq, qpsql}) {
        QVERIFY2(contains(what, expected.toStdString()), what.c_str());
        for (const QString& secret : secrets)
            QVERIFY2(!contains(what, secret.toStdString()), what.c_str());
    }
}

QTEST_GUILESS_MAIN(TestConnectionSecrets)
#include "tst_connection_secrets.moc"
