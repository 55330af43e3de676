// A password in the connection string never shows: every command that succeeds or
// fails, with the connection in tempest.json, in --database and in TEMPEST_DATABASE, in
// URI, URI-query and key=value forms, and with a wrong database name or a wrong password
// — not on stdout, not on stderr, not in --json, not in --sql, and not in the server log.
#include "pg_cli_project.h"

#include <QFile>
#include <QTest>

using namespace tempest::test;

namespace {

const std::string kPassword = "tempest-secret-pw";  // scripts/pg-test-cluster.sh
const std::string kWrongPassword = "Wr0ng-Pa55word";

// The parts of the cluster's password URI, re-assembled in the forms libpq accepts.
struct PasswordUri {
    std::string user, password, hostPort, host, port, database;

    static PasswordUri parse(const std::string& uri)
    {
        PasswordUri u;
        const std::size_t scheme = uri.find("://") + 3;
        const std::size_t colon = uri.find(':', scheme);
        const std::size_t at = uri.find('@', colon);
        const std::size_t slash = uri.find('/', at);
        const std::size_t end = uri.find_first_of("?#", slash);
        u.user = uri.substr(scheme, colon - scheme);
        u.password = uri.substr(colon + 1, at - colon - 1);
        u.hostPort = uri.substr(at + 1, slash - at - 1);
        u.host = u.hostPort.substr(0, u.hostPort.find(':'));
        u.port = u.hostPort.substr(u.hostPort.find(':') + 1);
        u.database = uri.substr(slash + 1, end == std::string::npos ? std::string::npos : end - slash - 1);
        return u;
    }
    std::string uri(const std::string& pw, const std::string& db) const
    {
        return "postgresql://" + user + ":" + pw + "@" + hostPort + "/" + db;
    }
    std::string queryUri(const std::string& pw, const std::string& db) const
    {
        return "postgresql://" + user + "@" + hostPort + "/" + db + "?sslmode=disable&password=" + pw;
    }
    std::string keyValue(const std::string& pw, const std::string& db) const
    {
        return "host=" + host + " port=" + port + " user=" + user + " password='" + pw + "' dbname=" + db;
    }
};

std::string serverLogPath() { return pgClusterDir() + "/server.log"; }

qint64 fileSize(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    return f.exists() ? f.size() : -1;
}

// A command, the exit code it must have, and a text its output must hold: proof that it
// really ran (connected, or failed for the reason meant), so a silent failure cannot pass.
struct Step {
    QStringList arguments;
    int exitCode;
    std::string expected;
};

} // namespace

class TestCliPostgresPassword : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void passwordNeverShows_data();
    void passwordNeverShows();
    void cleanupTestCase();

private:
    qint64 m_logStart = -1;
};

void TestCliPostgresPassword::initTestCase()
{
    TEMPEST_REQUIRE_PG();
    QCOMPARE(PasswordUri::parse(*pgTestPasswordUri()).password, kPassword);
    m_logStart = fileSize(serverLogPath());
}

void TestCliPostgresPassword::passwordNeverShows_data()
{
    QTest::addColumn<QString>("source");   // file | flag | env
    QTest::addColumn<QString>("form");     // uri | query | keyvalue
    QTest::addColumn<QString>("problem");  // none | database | password
    for (const char* source : {"file", "flag", "env"}) {
        for (const char* form : {"uri", "query", "keyvalue"}) {
            for (const char* problem : {"none", "database", "password"}) {
                QTest::newRow(qPrintable(QString("%1, %2, %3").arg(source, form, problem)))
                    << source << form << problem;
            }
        }
    }
}

void TestCliPostgresPassword::passwordNeverShows()
{
    QFETCH(QString, source);
    QFETCH(QString, form);
    QFETCH(QString, problem);

    PgCliProject p;
    const PasswordUri parts = PasswordUri::parse(p.database().passwordUri());
    QCOMPARE(parts.database, p.database().name());
    const std::string password = problem == "password" ? kWrongPassword : parts.password;
    const std::string db = problem == "database" ? "no_such_database_here" : parts.database;
    const std::string connection = form == "uri"     ? parts.uri(password, db)
                                   : form == "query" ? parts.queryUri(password, db)
                                                     : parts.keyValue(password, db);

    p.writeConfigWithDatabase(source == "file" ? connection : std::string());
    p.writeModels(singleTableModels("users", {}));
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    // r2 fails on the server: its error text must not carry the connection either.
    p.writeMigration("r2", {"r1"}, "broken", {pgExecuteOp("SELECT * FROM no_such_table", "SELECT 1")});

    std::map<QString, QString> env;
    QStringList prefix;
    if (source == "env")
        env["TEMPEST_DATABASE"] = QString::fromStdString(connection);
    if (source == "flag")
        prefix << "--database" << QString::fromStdString(connection);

    std::vector<Step> steps;
    if (problem == "none") {
        steps = {
            {{"upgrade", "r1"}, 0, "applied r1"},
            {{"current"}, 0, "r1 — create users"},
            {{"current", "--verbose"}, 0, "r1"},
            {{"--json", "current"}, 0, "\"exitCode\": 0"},
            {{"history"}, 0, "✓ r1"},
            {{"--json", "history"}, 0, "\"r1\""},
            {{"show", "r1"}, 0, "CREATE TABLE"},
            {{"--json", "show", "r1"}, 0, "r1"},
            {{"check"}, 1, "drift: database is behind heads"},
            {{"--json", "check"}, 1, "\"behindHeads\": true"},
            {{"upgrade", "--sql"}, 0, "no_such_table"},
            {{"--json", "upgrade", "--sql"}, 0, "no_such_table"},
            {{"introspect"}, 0, "\"users\""},
            {{"upgrade"}, 1, "revision r2 failed and was rolled back"},
            {{"--json", "upgrade"}, 1, "\"revision\": \"r2\""},
            {{"stamp", "r2"}, 0, "stamped r2"},
            {{"--json", "downgrade", "base"}, 0, "\"reverted\""},
        };
    } else {
        const std::string reason = problem == "database" ? "no_such_database_here" : "password authentication failed";
        for (const char* command : {"upgrade", "current", "history", "check", "introspect", "stamp"}) {
            QStringList arguments{QString::fromUtf8(command)};
            if (arguments[0] == "stamp")
                arguments << "r1";
            steps.push_back({arguments, 2, reason});
            steps.push_back({QStringList{"--json"} + arguments, 2, reason});
        }
        steps.push_back({{"upgrade", "--sql"}, 2, reason});
        steps.push_back({{"downgrade", "base"}, 2, reason});
    }

    for (const Step& step : steps) {
        const CliRun r = p.run(prefix + step.arguments, env);
        const std::string what = step.arguments.join(' ').toStdString() + "\n" + r.describe();
        QVERIFY2(r.exitCode == step.exitCode, what.c_str());
        QVERIFY2(contains(r.out + r.err, step.expected), what.c_str());
        QVERIFY2(!contains(r.out + r.err, kPassword), what.c_str());
        QVERIFY2(!contains(r.out + r.err, kWrongPassword), what.c_str());
    }
    if (problem == "none")
        QCOMPARE(p.appliedIds(), std::vector<std::string>{});  // the last step reverted all
}

void TestCliPostgresPassword::cleanupTestCase()
{
    // The server logs failed logins; they must not quote the password either.
    QFile log(QString::fromStdString(serverLogPath()));
    QVERIFY2(log.open(QIODevice::ReadOnly), "cannot read the cluster's server.log");
    QVERIFY(log.seek(std::max<qint64>(m_logStart, 0)));
    const std::string written = log.readAll().toStdString();
    QVERIFY2(contains(written, "password authentication failed"), "the wrong-password rows did reach the server");
    QVERIFY(!contains(written, kPassword));
    QVERIFY(!contains(written, kWrongPassword));
}

QTEST_GUILESS_MAIN(TestCliPostgresPassword)
#include "tst_cli_postgres_password.moc"
