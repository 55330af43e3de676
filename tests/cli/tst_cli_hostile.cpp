// tempest-migrate against hostile input, end to end (the real binary): regression tests
// for issue 9, "Hostile input and secrets". Each test names the finding it pins:
//   1 — a crash (exit 139) in password masking on long texts;
//   2 — passwords printed through libpq's own connection errors;
//   3 — memory quadratic in JSON nesting depth;
//   4 — less strict than DESIGN.md (NUL bytes, null at optional keys, a dangling *.json
//       link in migrations/, "models": "/dev/zero").
// PostgreSQL connection attempts fail without a server (port 1 on 127.0.0.1), through
// libpq's real error paths.
#include "cli_test_project.h"

#include "core/ir/json.h"
#include "drivers/sqlite/sqlite_driver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTest>

#include <unistd.h>

using namespace tempest::test;

namespace {

// The --json document of a run, or null when stdout is not one.
tempest::Json jsonDocument(const CliRun& r)
{
    try {
        return tempest::Json::parse(r.out);
    } catch (const std::exception&) {
        return nullptr;
    }
}

// A PostgreSQL project whose migrations folder exists, with `database` in tempest.json
// when given.
void writePostgresProject(TestProject& p, const std::string& database = {})
{
    std::string config = R"({"dialect": "postgresql", "migrations": "migrations")";
    if (!database.empty())
        config += ", \"database\": " + tempest::Json(database).dump();
    p.writeFile("tempest.json", config + "}\n");
    QDir().mkpath(QString::fromStdString(p.path("migrations")));
}

} // namespace

class TestCliHostile : public QObject {
    Q_OBJECT

private slots:
    void connectionErrorsNeverShowThePassword_data();
    void connectionErrorsNeverShowThePassword();
    void longTextsDoNotCrashAndComeBackMasked_data();
    void longTextsDoNotCrashAndComeBackMasked();
    void longExecuteStatementFailsWithoutCrashing();
    void deepNestingIsExit2WithThePath();
    void nulByteIsExit2WithTheOffset();
    void nullAtAnOptionalProjectKeyIsExit2_data();
    void nullAtAnOptionalProjectKeyIsExit2();
    void nullInAMigrationOrModelsFileIsExit2();
    void sequencesInSqliteModelsAreExit2WithThePath();
    void otherDialectFeaturesAreExit2WithThePath_data();
    void otherDialectFeaturesAreExit2WithThePath();
    void danglingSymlinkInMigrationsIsExit2();
    void modelsFromDevZeroIsExit2AtOnce();
    void smallerFindingsAreRefusedBeforeAnythingIsWritten();
    void domainsInASqliteProjectAreExit2WithThePath_data();
    void domainsInASqliteProjectAreExit2WithThePath();
};

// Finding 2: each connection-error shape of the issue, from --database, TEMPEST_DATABASE
// and tempest.json, on stderr and in --json: the password never shows.
void TestCliHostile::connectionErrorsNeverShowThePassword_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("json");
    struct Shape {
        const char* name;
        const char* database;
        QStringList secrets;
    };
    const Shape shapes[] = {
        {"bad percent escape", "postgresql://alice:Zq%zzSecret99@127.0.0.1:1/app", {"Secret99", "Zq%zz"}},
        {"unencoded @", "postgresql://alice:Sec@ret99@127.0.0.1:1/app", {"ret99", "Sec@"}},
        {"no scheme", "alice:NoScheme99@127.0.0.1:1/app", {"NoScheme99"}},
        {"quoted key=value", R"(host=127.0.0.1 port=1 user=alice password='it\'s a "Quoted Secret99"' dbname=app)",
         {"Secret99", "Quoted"}},
    };
    for (const Shape& shape : shapes)
        for (const char* source : {"--database", "TEMPEST_DATABASE", "tempest.json"})
            for (bool json : {false, true})
                QTest::newRow(qPrintable(QString("%1, %2%3").arg(shape.name, source, json ? ", --json" : "")))
                    << QString::fromUtf8(shape.database) << shape.secrets << QString::fromUtf8(source) << json;
}

void TestCliHostile::connectionErrorsNeverShowThePassword()
{
    QFETCH(QString, database);
    QFETCH(QStringList, secrets);
    QFETCH(QString, source);
    QFETCH(bool, json);
    TestProject p;
    writePostgresProject(p, source == "tempest.json" ? database.toStdString() : std::string());
    QStringList arguments;
    if (json)
        arguments << "--json";
    if (source == "--database")
        arguments << "--database" << database;
    arguments << "current";
    std::map<QString, QString> env;
    if (source == "TEMPEST_DATABASE")
        env["TEMPEST_DATABASE"] = database;
    const CliRun r = p.run(arguments, env);
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    for (const QString& secret : secrets)
        QVERIFY2(!contains(r.out + r.err, secret.toStdString()), r.describe().c_str());
    if (json) {
        const tempest::Json doc = jsonDocument(r);
        QVERIFY2(doc.is_object() && doc["error"].is_object(), r.describe().c_str());
        QVERIFY2(contains(doc["error"]["message"].get<std::string>(), "PostgreSQL"), r.describe().c_str());
    } else {
        QVERIFY2(contains(r.err, "PostgreSQL"), r.describe().c_str());
    }
}

// Finding 1: a 40,000-character string and a 60,000-character value went through
// std::regex and crashed the CLI; now they fail normally (exit 2) and come back masked.
void TestCliHostile::longTextsDoNotCrashAndComeBackMasked_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("secret");
    QTest::newRow("40,000-character database name in a URI")
        << "postgresql://alice:LongUri99@127.0.0.1:1/" + QString(40000, QLatin1Char('d')) << "LongUri99";
    QTest::newRow("60,000-character password value")
        << "host=127.0.0.1 port=1 password=" + QString(60000, QLatin1Char('p')) + "LongKv99" << "LongKv99";
    QTest::newRow("40,000 letters without a password") << QString(40000, QLatin1Char('m')) << QString();
}

void TestCliHostile::longTextsDoNotCrashAndComeBackMasked()
{
    QFETCH(QString, database);
    QFETCH(QString, secret);
    TestProject p;
    writePostgresProject(p);
    for (bool json : {false, true}) {
        QStringList arguments;
        if (json)
            arguments << "--json";
        arguments << "--database" << database << "current";
        const CliRun r = p.run(arguments);
        QVERIFY2(r.exitCode == 2, r.describe().substr(0, 2000).c_str());
        QVERIFY2(contains(r.out + r.err, "PostgreSQL"), r.describe().substr(0, 2000).c_str());
        if (!secret.isEmpty())
            QVERIFY2(!contains(r.out + r.err, secret.toStdString()), r.describe().substr(0, 2000).c_str());
    }

    // "migrations": "m" x 40000 in tempest.json crashed the same way.
    TestProject q;
    q.writeFile("tempest.json", R"({"dialect": "sqlite", "database": "app.db", "migrations": ")"
                                    + std::string(40000, 'm') + "\"}\n");
    const CliRun r = q.run(QStringList{"history"});
    QVERIFY2(r.exitCode == 2, r.describe().substr(0, 2000).c_str());
    QVERIFY2(contains(r.err, "migrations folder"), r.describe().substr(0, 2000).c_str());
}

// Finding 1: a long `execute` statement failing on SQLite: its error text (with the
// statement) goes through the masking that crashed; now the revision fails normally.
void TestCliHostile::longExecuteStatementFailsWithoutCrashing()
{
    TestProject p;
    p.writeConfig();
    p.writeModels(singleTableModels("users", {}));
    p.writeMigration("r1", {}, "long", {executeOp("SELECT " + std::string(40000, 'x') + " FROM missing_table")});
    const CliRun r = p.run(QStringList{"upgrade"});
    QVERIFY2(r.exitCode == 1, r.describe().substr(0, 2000).c_str());
    QVERIFY2(contains(r.err, "revision r1 failed"), r.describe().substr(0, 2000).c_str());
    QVERIFY(p.appliedIds().empty());
}

// Finding 3: 1 MB of nested '[' as the models file is exit 2 naming the file and the
// JSON path where it went too deep (the process's memory is measured in tst_ir_hostile).
void TestCliHostile::deepNestingIsExit2WithThePath()
{
    TestProject p;
    p.writeConfig();
    p.writeFile("models.json", std::string(1 << 20, '['));
    const CliRun r = p.run(QStringList{"--json", "check"});
    QVERIFY2(r.exitCode == 2, r.describe().substr(0, 2000).c_str());
    const tempest::Json doc = jsonDocument(r);
    QVERIFY2(doc.is_object(), r.describe().substr(0, 2000).c_str());
    QCOMPARE(doc["error"]["file"].get<std::string>(), p.path("models.json"));
    std::string path = "$";
    for (std::size_t i = 0; i < tempest::kMaxJsonDepth; ++i)
        path += "[0]";
    QCOMPARE(doc["error"]["jsonPath"].get<std::string>(), path);
    QVERIFY(contains(doc["error"]["message"].get<std::string>(), "nested deeper than 256 levels"));
}

// Finding 4: a NUL byte ended the file (exit 1 with what came before); now exit 2 naming
// the file and the byte offset.
void TestCliHostile::nulByteIsExit2WithTheOffset()
{
    TestProject p;
    p.writeConfig();
    p.writeModels(singleTableModels("users", {}));
    const std::string config = p.readFile("tempest.json");
    p.writeFile("tempest.json", config + std::string("\0{\"dialect\": \"postgresql\"}", 27));
    const CliRun r = p.run(QStringList{"history"});
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, p.path("tempest.json") + ": NUL byte at byte offset " + std::to_string(config.size())),
             r.describe().c_str());
}

// Finding 4: null at an optional key of tempest.json was taken as "absent".
void TestCliHostile::nullAtAnOptionalProjectKeyIsExit2_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    const QString string = "expected a string, found null (leave the key out instead)";
    QTest::newRow("database") << "database" << string;
    QTest::newRow("migrations") << "migrations" << string;
    QTest::newRow("versionTable") << "versionTable" << string;
    QTest::newRow("schema") << "schema" << string;
    QTest::newRow("dialect") << "dialect" << "expected a string, found null";
    QTest::newRow("models") << "models" << "expected a file path or {\"command\": [...]}";
}

void TestCliHostile::nullAtAnOptionalProjectKeyIsExit2()
{
    QFETCH(QString, key);
    QFETCH(QString, message);
    TestProject p;
    p.writeFile("tempest.json", "{\"" + key.toStdString() + "\": null}\n");
    QDir().mkpath(QString::fromStdString(p.path("migrations")));
    const CliRun r = p.run(QStringList{"--json", "history"});
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    const tempest::Json doc = jsonDocument(r);
    QVERIFY2(doc.is_object(), r.describe().c_str());
    QCOMPARE(doc["error"]["file"].get<std::string>(), p.path("tempest.json"));
    QCOMPARE(QString::fromStdString(doc["error"]["jsonPath"].get<std::string>()), "$." + key);
    QCOMPARE(QString::fromStdString(doc["error"]["message"].get<std::string>()), message);
}

// Finding 4: null in a migration file and in the models (IR) file, end to end.
void TestCliHostile::nullInAMigrationOrModelsFileIsExit2()
{
    TestProject p;
    p.writeConfig();
    p.writeModels(R"({"tables": {"users": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"],
                      "comment": null}}})");
    p.writeFile("migrations/r1.json", R"({"revision": "r1", "downRevision": [], "label": null, "up": []})");
    const CliRun history = p.run(QStringList{"history"});
    QVERIFY2(history.exitCode == 2, history.describe().c_str());
    QVERIFY2(contains(history.err, p.path("migrations/r1.json") + ": $.label: expected a string, found null"),
             history.describe().c_str());

    p.writeFile("migrations/r1.json", R"({"revision": "r1", "downRevision": [], "up": []})");
    const CliRun check = p.run(QStringList{"check"});
    QVERIFY2(check.exitCode == 2, check.describe().c_str());
    QVERIFY2(contains(check.err, p.path("models.json") + ": $.tables.users.comment: expected a string, found null"),
             check.describe().c_str());
}

// Finding 4: a dangling *.json link in migrations/ was ignored (a revision silently
// missing); now exit 2 naming it.
void TestCliHostile::danglingSymlinkInMigrationsIsExit2()
{
    TestProject p;
    p.writeConfig();
    p.writeModels(singleTableModels("users", {}));
    p.writeMigration("r1", {}, "base", {createTableOp("users")});
    const std::string link = p.path("migrations/r2_next.json");
    QCOMPARE(symlink(p.path("elsewhere/r2_next.json").c_str(), link.c_str()), 0);
    const CliRun r = p.run(QStringList{"upgrade"});
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, link + ": cannot read file: a symbolic link to a file that does not exist"),
             r.describe().c_str());
    QVERIFY(!p.dbExists());
}

// Finding 4: "models": "/dev/zero" read until bad_alloc; now exit 2 before reading a
// byte. The bound is structural (nothing is read) — the timer only catches a hang.
void TestCliHostile::modelsFromDevZeroIsExit2AtOnce()
{
    TestProject p;
    p.writeConfig();
    p.writeFile("tempest.json", R"({"dialect": "sqlite", "database": "app.db", "models": "/dev/zero"})");
    QElapsedTimer timer;
    timer.start();
    const CliRun r = p.run(QStringList{"--json", "check"});
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(timer.elapsed() < 30000, r.describe().c_str());
    const tempest::Json doc = jsonDocument(r);
    QVERIFY2(doc.is_object(), r.describe().c_str());
    QCOMPARE(doc["error"]["file"].get<std::string>(), std::string("/dev/zero"));
    QVERIFY(contains(doc["error"]["message"].get<std::string>(), "not a regular file"));
}

// Finding 5, the smaller ones: a models table named like the version table and a
// PostgreSQL name over 63 bytes are refused by autogenerate (exit 2, the file named, no
// migration written), and a failing first revision leaves the database file
// byte-identical (the version table the run created is rolled back with it).
void TestCliHostile::smallerFindingsAreRefusedBeforeAnythingIsWritten()
{
    {
        TestProject p;
        p.writeConfig();
        p.writeModels(R"({"tables": {"tempest_db_migrations": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}})");
        const CliRun r = p.run({"revision", "--autogenerate", "-m", "clash"});
        QVERIFY2(r.exitCode == 2, r.describe().c_str());
        QVERIFY2(contains(r.err, "models.json: $.tables.tempest_db_migrations") && contains(r.err, "version table"),
                 r.describe().c_str());
        QVERIFY(QDir(QString::fromStdString(p.path("migrations"))).entryList(QDir::Files).isEmpty());
    }
    {
        TestProject p;
        writePostgresProject(p, "postgresql://u:pw@127.0.0.1:1/x");
        p.writeFile("tempest.json", p.readFile("tempest.json").substr(0, p.readFile("tempest.json").rfind('}'))
                                        + R"(, "models": "models.json"})");
        const std::string longName(64, 'c');
        p.writeModels(R"({"tables": {"t": {"columns": {"id": {"type": "integer"}, ")" + longName
                      + R"(": {"type": "text"}}, "primaryKey": ["id"]}}})");
        const CliRun r = p.run({"revision", "--autogenerate", "-m", "long"});
        QVERIFY2(r.exitCode == 2, r.describe().c_str());
        QVERIFY2(contains(r.err, "models.json") && contains(r.err, longName) && contains(r.err, "63"),
                 r.describe().c_str());
        QVERIFY(QDir(QString::fromStdString(p.path("migrations"))).entryList(QDir::Files).isEmpty());
    }
    {
        TestProject p;
        p.writeConfig();
        p.writeMigration("r1", {}, "fails",
                         {R"({"kind": "create_table", "table": "t", "definition": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}})",
                          R"j({"kind": "execute", "up": {"sqlite": "INSERT INTO nope VALUES (1)"}, "down": {"sqlite": "SELECT 1"}})j"});
        {
            auto db = tempest::SqliteDriver::open(p.dbPath());
            db->execute("CREATE TABLE existing (a INTEGER)");
            db->execute("INSERT INTO existing VALUES (1)");
        }
        const QByteArray before = p.dbBytes();
        const CliRun r = p.run({"upgrade"});
        QVERIFY2(r.exitCode == 1, r.describe().c_str());
        QVERIFY2(contains(r.err, "INSERT INTO nope"), r.describe().c_str());
        QVERIFY(p.dbBytes() == before);
    }
}

// Domains are PostgreSQL-only (docs/ir.md "Domains"): a SQLite project's models that
// declare one are refused at load, naming the domain's JSON path, before any file or
// database is written.
void TestCliHostile::domainsInASqliteProjectAreExit2WithThePath_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("check") << QStringList{"--json", "check"};
    QTest::newRow("revision --autogenerate") << QStringList{"--json", "revision", "--autogenerate", "-m", "x"};
}

void TestCliHostile::domainsInASqliteProjectAreExit2WithThePath()
{
    QFETCH(QStringList, args);
    TestProject p;
    p.writeConfig();
    p.writeFile("models.json", R"({"tables": {"film": {"columns": {"y": {"type": "custom", "sql": "year"}}}},
        "domains": {"year": {"type": "integer"}}})");
    const CliRun r = p.run(args);
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    const tempest::Json doc = jsonDocument(r);
    QCOMPARE(doc["error"]["file"].get<std::string>(), p.path("models.json"));
    QCOMPARE(doc["error"]["jsonPath"].get<std::string>(), std::string("$.domains.year"));
    QVERIFY(contains(doc["error"]["message"].get<std::string>(), "PostgreSQL-only"));
    QVERIFY(!p.dbExists());
}

// Issue 11: sequences are PostgreSQL-only; a SQLite project's models naming one are bad
// input at load (exit 2, the models file and $.sequences.<name>), before any database.
void TestCliHostile::sequencesInSqliteModelsAreExit2WithThePath()
{
    TestProject p;
    p.writeConfig();
    p.writeModels(R"({"tables": {"t": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}},
                      "sequences": {"ticket_seq": {"start": 100}}})");
    for (const char* command : {"check", "revision"}) {
        QStringList args{"--json", command};
        if (std::string(command) == "revision")
            args << "--autogenerate" << "-m" << "x";
        const CliRun r = p.run(args);
        QVERIFY2(r.exitCode == 2, r.describe().c_str());
        const tempest::Json doc = jsonDocument(r);
        QVERIFY2(doc.is_object(), r.describe().c_str());
        QCOMPARE(doc["error"]["file"].get<std::string>(), p.path("models.json"));
        QCOMPARE(doc["error"]["jsonPath"].get<std::string>(), std::string("$.sequences.ticket_seq"));
        QVERIFY2(contains(doc["error"]["message"].get<std::string>(), "sequences are PostgreSQL-only"),
                 r.describe().c_str());
    }
    QVERIFY(!p.exists("app.db"));
}

// Issue 11 / docs/ir.md: what one dialect lacks is refused at load with the JSON path,
// exit 2, before any file or database is written. SQLite: arrays, deferrable uniques,
// partitioning;
// PostgreSQL 15: virtual generated columns.
void TestCliHostile::otherDialectFeaturesAreExit2WithThePath_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("models");
    QTest::addColumn<QString>("jsonPath");
    QTest::addColumn<QString>("message");
    QTest::newRow("sqlite array") << "sqlite"
        << R"({"tables": {"t": {"columns": {"id": {"type": "integer"}, "tags": {"type": "text", "array": 1}}}}})"
        << "$.tables.t.columns.tags.array" << "is an array, which is PostgreSQL-only";
    QTest::newRow("sqlite deferrable unique") << "sqlite"
        << R"({"tables": {"t": {"columns": {"a": {"type": "text"}}, "uniques": {"uq a": {"columns": ["a"], "deferrable": true}}}}})"
        << "$.tables.t.uniques[\"uq a\"].deferrable" << "is deferrable, which is PostgreSQL-only";
    QTest::newRow("sqlite partitioned table") << "sqlite"
        << R"J({"tables": {"m": {"columns": {"a": {"type": "integer"}}, "partitionBy": "LIST (a)"}}})J"
        << "$.tables.m.partitionBy" << "uses \"partitionBy\", which is PostgreSQL-only";
    QTest::newRow("sqlite partition") << "sqlite"
        << R"J({"tables": {"m1": {"partitionOf": "m", "partitionBound": "FOR VALUES IN (1)"},
                          "m": {"columns": {"a": {"type": "integer"}}, "partitionBy": "LIST (a)"}}})J"
        << "$.tables.m1.partitionOf" << "SQLite has no declarative partitioning";
    QTest::newRow("postgresql virtual generated") << "postgresql"
        << R"J({"tables": {"t": {"columns": {"a": {"type": "text"}, "b": {"type": "text", "generated": {"expr": "upper(a)", "stored": false}}}}}})J"
        << "$.tables.t.columns.b.generated.stored" << "PostgreSQL 15 has stored ones only";
}

void TestCliHostile::otherDialectFeaturesAreExit2WithThePath()
{
    QFETCH(QString, dialect);
    QFETCH(QString, models);
    QFETCH(QString, jsonPath);
    QFETCH(QString, message);
    TestProject p;
    p.writeConfig();
    if (dialect == "postgresql")  // never reached: the models are refused before connecting
        p.writeFile("tempest.json", R"({"dialect": "postgresql", "database": "host=/nonexistent dbname=x",
                                        "migrations": "migrations", "models": "models.json"})");
    p.writeModels(models.toStdString());
    const CliRun r = p.run({"--json", "revision", "--autogenerate", "-m", "x"});
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    const tempest::Json doc = jsonDocument(r);
    QVERIFY2(doc.is_object(), r.describe().c_str());
    QCOMPARE(doc["error"]["file"].get<std::string>(), p.path("models.json"));
    QCOMPARE(QString::fromStdString(doc["error"]["jsonPath"].get<std::string>()), jsonPath);
    QVERIFY2(contains(doc["error"]["message"].get<std::string>(), message.toStdString()), r.describe().c_str());
    QVERIFY(QDir(QString::fromStdString(p.path("migrations"))).isEmpty());
    QVERIFY(!p.exists("app.db"));
}

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
