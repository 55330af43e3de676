// tempest-migrate commands that work on the project rather than run migrations: init,
// help and usage, the project file, --json, revision (with autogenerate and renames),
// merge, history/heads/branches/show, the models command, password masking.
#include "cli_test_project.h"

#include "core/cli/cli.h"
#include "core/ir/errors.h"
#include "core/ir/json.h"
#include "core/project/status.h"

#include <QFile>
#include <QTest>

using namespace tempest::test;

namespace {

QStringList args(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* a : list)
        out << QString::fromUtf8(a);
    return out;
}

// A project with a base revision r1 (table users) and, optionally, a branch.
void writeLinearHistory(TestProject& p)
{
    p.writeConfig();
    p.writeModels(singleTableModels("users", {}));
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
}

} // namespace

class TestCliProject : public QObject {
    Q_OBJECT

private slots:
    void offlineStatusKnowsNothingAboutTheDatabase();
    void initScaffoldsAProject();
    void initNeverOverwrites_data();
    void initNeverOverwrites();
    void helpAndVersion_data();
    void helpAndVersion();
    void badUsageExits2_data();
    void badUsageExits2();
    void badProjectFileExits2_data();
    void badProjectFileExits2();
    void jsonEnvelope();
    void jsonEnvelopeCarriesErrors();
    void revisionWithoutAutogenerateWritesEmptyMigration();
    void autogenerateWithoutChangesWritesNothing();
    void cppFormatWritesTheJsonTwin();
    void revisionRefusesSeveralHeadsUnlessHeadGiven();
    void renames_data();
    void renames();
    void mergeJoinsHeads();
    void historyMarksAndCreatesNoDatabase();
    void showPrintsOperationsAndSql();
    void modelsCommand_data();
    void modelsCommand();
    void connectionErrorsMaskThePassword();
    void checkReportsBadInputsBeforeTheDatabase();
    void inputErrorsKeepTheirOrder();
    void terminalAsksBeforeRenaming_data();
    void terminalAsksBeforeRenaming();
};

void TestCliProject::initScaffoldsAProject()
{
    TestProject p;
    const CliRun r = p.run(args({"init"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY(p.exists("tempest.json"));
    QVERIFY(p.exists("models.json"));
    QVERIFY(p.exists("migrations"));
    QVERIFY(contains(p.readFile("tempest.json"), "\"dialect\": \"sqlite\""));
    // The scaffold is immediately usable: no revisions, nothing applied, no database made.
    const CliRun history = p.run(args({"history"}));
    QVERIFY2(history.exitCode == 0, history.describe().c_str());
    QCOMPARE(history.out, std::string("(no revisions)\n"));
    const CliRun check = p.run(args({"check"}));
    QVERIFY2(check.exitCode == 0, check.describe().c_str());
    QVERIFY(!p.dbExists());

    // init DIR scaffolds another folder.
    const CliRun sub = p.run(args({"init", "sub/project"}));
    QVERIFY2(sub.exitCode == 0, sub.describe().c_str());
    QVERIFY(p.exists("sub/project/tempest.json"));
}

void TestCliProject::initNeverOverwrites_data()
{
    QTest::addColumn<QString>("existing");
    QTest::newRow("tempest.json") << "tempest.json";
    QTest::newRow("models.json") << "models.json";
}

void TestCliProject::initNeverOverwrites()
{
    QFETCH(QString, existing);
    TestProject p;
    p.writeFile(existing.toStdString(), "precious\n");
    const CliRun r = p.run(args({"init"}));
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, p.path(existing.toStdString())), r.describe().c_str());
    QCOMPARE(p.readFile(existing.toStdString()), std::string("precious\n"));
    // Nothing else was created either: init checks before it writes.
    QCOMPARE(p.exists("tempest.json") + p.exists("models.json"), 1);
    QVERIFY(!p.exists("migrations"));
}

void TestCliProject::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--help") << args({"--help"}) << "usage: tempest-migrate [--config FILE]";
    QTest::newRow("help") << args({"help"}) << "commands:";
    QTest::newRow("--version") << args({"--version"}) << "tempest-migrate 0.1.0";
    for (const char* command : {"init", "revision", "merge", "upgrade", "downgrade", "current", "history", "heads",
                                "branches", "show", "stamp", "check", "introspect"}) {
        const QString name = QString::fromUtf8(command);
        QTest::newRow(qPrintable(name + " --help")) << QStringList{name, "--help"} << "usage: tempest-migrate " + name;
    }
    QTest::newRow("revision --help lists options") << args({"revision", "--help"}) << "--rename-column";
    QTest::newRow("help upgrade") << args({"help", "upgrade"}) << "usage: tempest-migrate upgrade";
}

void TestCliProject::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    TestProject p;  // no tempest.json: help needs none
    const CliRun r = p.run(arguments);
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY2(contains(r.out, expected.toStdString()), r.describe().c_str());
    QVERIFY(r.err.empty());
}

void TestCliProject::badUsageExits2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no command") << QStringList{} << "no command given";
    QTest::newRow("unknown command") << args({"frobnicate"}) << "unknown command \"frobnicate\"";
    QTest::newRow("unknown global option") << args({"--frob", "heads"}) << "unknown option --frob";
    QTest::newRow("unknown command option") << args({"upgrade", "--frob"}) << "unknown option --frob";
    QTest::newRow("revision without -m") << args({"revision"}) << "-m LABEL is required";
    QTest::newRow("downgrade without target") << args({"downgrade"}) << "downgrade: missing argument";
    QTest::newRow("extra argument") << args({"heads", "x"}) << "unexpected argument \"x\"";
    QTest::newRow("range without --sql") << args({"upgrade", "base:r1"}) << "needs --sql";
    QTest::newRow("bad format") << args({"revision", "-m", "x", "--format", "yaml"}) << "json or cpp";
    QTest::newRow("rename without autogenerate") << args({"revision", "-m", "x", "--rename-table", "a:b"})
                                                 << "need --autogenerate";
    QTest::newRow("malformed rename") << args({"revision", "-m", "x", "--autogenerate", "--rename-column", "a:b"})
                                      << "--rename-column \"a:b\"";
    QTest::newRow("unknown revision") << args({"show", "nope"}) << "nope";
    QTest::newRow("missing --config file") << args({"--config", "other.json", "heads"}) << "other.json";
}

void TestCliProject::badUsageExits2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    TestProject p;
    writeLinearHistory(p);
    const CliRun r = p.run(arguments);
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, expected.toStdString()), r.describe().c_str());
    QVERIFY2(contains(r.err, "error: "), r.describe().c_str());
    QVERIFY(!p.exists("migrations/r9.json") && !p.dbExists());
}

void TestCliProject::badProjectFileExits2_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown key") << R"({"dialect": "sqlite", "databse": "app.db"})" << "databse";
    QTest::newRow("unknown dialect") << R"({"dialect": "oracle"})" << "oracle";
    QTest::newRow("wrong type") << R"({"dialect": "sqlite", "migrations": 3})" << "$.migrations";
    QTest::newRow("invalid JSON") << R"({"dialect": "sqlite",)" << "tempest.json";
    QTest::newRow("empty models command") << R"({"models": {"command": []}})" << "$.models.command";
}

void TestCliProject::badProjectFileExits2()
{
    QFETCH(QString, config);
    QFETCH(QString, expected);
    TestProject p;
    p.writeFile("tempest.json", config.toStdString());
    const CliRun r = p.run(args({"history"}));
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, expected.toStdString()), r.describe().c_str());
    QVERIFY2(contains(r.err, p.path("tempest.json")), r.describe().c_str());
}

void TestCliProject::jsonEnvelope()
{
    TestProject p;
    writeLinearHistory(p);
    const CliRun r = p.run(args({"--json", "heads"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    const tempest::Json doc = tempest::Json::parse(r.out);  // exactly one document
    QCOMPARE(doc["command"].get<std::string>(), std::string("heads"));
    QCOMPARE(doc["exitCode"].get<int>(), 0);
    QCOMPARE(doc["result"][0]["id"].get<std::string>(), std::string("r1"));
    QVERIFY(doc["warnings"].is_array() && doc["warnings"].empty());
    QVERIFY(doc["error"].is_null());
    std::vector<std::string> keys;
    for (const auto& [key, value] : doc.items())
        keys.push_back(key);
    QCOMPARE(keys, (std::vector<std::string>{"command", "exitCode", "result", "warnings", "error"}));

    // --json also works after the command.
    const CliRun after = p.run(args({"history", "--json"}));
    QVERIFY2(after.exitCode == 0, after.describe().c_str());
    QCOMPARE(tempest::Json::parse(after.out)["result"][0]["applied"].get<bool>(), false);

    // introspect prints the bare IR, even with --json.
    QVERIFY(p.run(args({"upgrade"})).exitCode == 0);
    const CliRun ir = p.run(args({"--json", "introspect"}));
    QVERIFY2(ir.exitCode == 0, ir.describe().c_str());
    const tempest::Json schema = tempest::Json::parse(ir.out);
    QVERIFY(schema.contains("tables") && schema["tables"].contains("users"));
    QVERIFY(!schema.contains("command"));
}

void TestCliProject::jsonEnvelopeCarriesErrors()
{
    TestProject p;
    writeLinearHistory(p);
    p.writeFile("migrations/bad.json", R"({"revision": "r2", "downRevision": ["r1"], "up": [{"kind": "explode"}]})");
    const CliRun r = p.run(args({"--json", "upgrade"}));
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    const tempest::Json doc = tempest::Json::parse(r.out);
    QCOMPARE(doc["exitCode"].get<int>(), 2);
    QCOMPARE(doc["command"].get<std::string>(), std::string("upgrade"));
    QVERIFY(doc["error"].is_object());
    QCOMPARE(doc["error"]["file"].get<std::string>(), p.path("migrations/bad.json"));
    QCOMPARE(doc["error"]["jsonPath"].get<std::string>().rfind("$.up[0]", 0), std::size_t(0));
    QVERIFY(doc["error"].contains("revision") && doc["error"].contains("statement"));
    QVERIFY(!p.dbExists());
}

void TestCliProject::revisionWithoutAutogenerateWritesEmptyMigration()
{
    TestProject p;
    writeLinearHistory(p);
    const CliRun r = p.run(args({"revision", "-m", "Add Score!", "--rev-id", "r2"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY2(p.exists("migrations/r2_add_score_.json"), r.describe().c_str());
    const tempest::Json m = tempest::Json::parse(p.readFile("migrations/r2_add_score_.json"));
    QVERIFY(m["downRevision"] == tempest::Json::array({"r1"}));
    QCOMPARE(m["label"].get<std::string>(), std::string("Add Score!"));

    // An id that exists is refused, naming the file that has it.
    const CliRun again = p.run(args({"revision", "-m", "x", "--rev-id", "r1"}));
    QVERIFY2(again.exitCode == 2, again.describe().c_str());
    QVERIFY2(contains(again.err, p.path("migrations/r1.json")), again.describe().c_str());

    // Without --rev-id a 12-hex-digit id is generated.
    const CliRun generated = p.run(args({"--json", "revision", "-m", "next"}));
    QVERIFY2(generated.exitCode == 0, generated.describe().c_str());
    const std::string id = tempest::Json::parse(generated.out)["result"]["revision"].get<std::string>();
    QCOMPARE(id.size(), std::size_t(12));
    QVERIFY(id.find_first_not_of("0123456789abcdef") == std::string::npos);
}

void TestCliProject::autogenerateWithoutChangesWritesNothing()
{
    TestProject p;
    writeLinearHistory(p);
    const CliRun r = p.run(args({"revision", "--autogenerate", "-m", "nothing", "--rev-id", "r2"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY2(contains(r.out, "no changes detected; no revision written"), r.describe().c_str());
    QVERIFY(!p.exists("migrations/r2_nothing.json"));
}

void TestCliProject::cppFormatWritesTheJsonTwin()
{
    TestProject p;
    writeLinearHistory(p);
    const CliRun r = p.run(args({"revision", "-m", "x", "--format", "cpp", "--rev-id", "r9"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY2(p.exists("migrations/r9_x.cpp") && p.exists("migrations/r9_x.json"), r.describe().c_str());
    // The CLI reads the JSON twin: the new revision is the single head.
    QCOMPARE(p.run(args({"heads"})).out, std::string("r9 — x\n"));
}

void TestCliProject::revisionRefusesSeveralHeadsUnlessHeadGiven()
{
    TestProject p;
    writeLinearHistory(p);
    p.writeMigration("r2a", {"r1"}, "branch a", {createTableOp("a")});
    p.writeMigration("r2b", {"r1"}, "branch b", {createTableOp("b")});
    const CliRun refused = p.run(args({"revision", "-m", "x", "--rev-id", "r3"}));
    QVERIFY2(refused.exitCode == 2, refused.describe().c_str());
    QVERIFY2(contains(refused.err, "r2a") && contains(refused.err, "r2b"), refused.describe().c_str());
    QVERIFY2(contains(refused.err, "--head"), refused.describe().c_str());

    p.writeModels(singleTableModels("users", {}));
    const CliRun autogen = p.run(args({"revision", "--autogenerate", "-m", "x", "--rev-id", "r3"}));
    QCOMPARE(autogen.exitCode, 2);

    // --head picks the parent, and --autogenerate diffs against that branch only: the
    // models (users alone) differ from r2a's schema (users + a) by dropping a.
    const CliRun picked = p.run(args({"revision", "--autogenerate", "-m", "x", "--rev-id", "r3", "--head", "r2a"}));
    QVERIFY2(picked.exitCode == 0, picked.describe().c_str());
    const tempest::Json m = tempest::Json::parse(p.readFile("migrations/r3_x.json"));
    QVERIFY(m["downRevision"] == tempest::Json::array({"r2a"}));
    QCOMPARE(m["up"].size(), std::size_t(1));
    QCOMPARE(m["up"][0]["kind"].get<std::string>(), std::string("drop_table"));
    QCOMPARE(m["up"][0]["table"].get<std::string>(), std::string("a"));
}

void TestCliProject::renames_data()
{
    QTest::addColumn<QString>("fromTable");
    QTest::addColumn<QString>("toTable");
    QTest::addColumn<QString>("toColumn");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expectedKinds");  // the up kinds, sorted, comma-separated
    QTest::addColumn<QString>("expectedOutput");

    QTest::newRow("column candidate, unconfirmed") << "users" << "users" << "full_name" << QStringList{} << 0
                                                   << "add_column,drop_column" << "column \"users.name\" → \"users.full_name\"";
    QTest::newRow("--rename-column") << "users" << "users" << "full_name"
                                     << args({"--rename-column", "users.name:full_name"}) << 0 << "rename_column"
                                     << "rename column";
    QTest::newRow("--autorename column") << "users" << "users" << "full_name" << args({"--autorename"}) << 0
                                         << "rename_column" << "rename column";
    QTest::newRow("--rename-table") << "users" << "people" << "name" << args({"--rename-table", "users:people"}) << 0
                                    << "rename_table" << "rename table \"users\" → \"people\"";
    QTest::newRow("table candidate, unconfirmed") << "users" << "people" << "name" << QStringList{} << 0
                                                  << "create_table,drop_table" << "table \"users\" → \"people\"";
    QTest::newRow("quoted table with a dot") << "a.b" << "a.b" << "d" << args({"--rename-column", "\"a.b\".name:d"})
                                             << 0 << "rename_column" << "rename column";
    QTest::newRow("unknown column") << "users" << "users" << "full_name"
                                    << args({"--rename-column", "users.nope:full_name"}) << 2 << "" << "nope";
    QTest::newRow("unknown table") << "users" << "people" << "name" << args({"--rename-table", "ghosts:people"})
                                   << 2 << "" << "ghosts";
}

void TestCliProject::renames()
{
    QFETCH(QString, fromTable);
    QFETCH(QString, toTable);
    QFETCH(QString, toColumn);
    QFETCH(QStringList, flags);
    QFETCH(int, exitCode);
    QFETCH(QString, expectedKinds);
    QFETCH(QString, expectedOutput);

    TestProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "base", {createTableOp(fromTable.toStdString(), R"("name": {"type": "text"})")});
    p.writeModels(singleTableModels(toTable.toStdString(), {toColumn.toStdString()}));

    const CliRun r = p.run(args({"revision", "--autogenerate", "-m", "rename", "--rev-id", "r2"}) + flags);
    QVERIFY2(r.exitCode == exitCode, r.describe().c_str());
    QVERIFY2(contains(r.out + r.err, expectedOutput.toStdString()), r.describe().c_str());
    if (exitCode != 0) {
        QVERIFY(!p.exists("migrations/r2_rename.json"));
        return;
    }
    const tempest::Json m = tempest::Json::parse(p.readFile("migrations/r2_rename.json"));
    QStringList kinds;
    for (const auto& op : m["up"])
        kinds << QString::fromStdString(op["kind"].get<std::string>());
    kinds.sort();  // the diff's order between a drop and an add is its own business
    QCOMPARE(kinds.join(','), expectedKinds);
}

void TestCliProject::mergeJoinsHeads()
{
    TestProject p;
    writeLinearHistory(p);
    p.writeMigration("r2a", {"r1"}, "branch a", {createTableOp("a")});
    p.writeMigration("r2b", {"r1"}, "branch b", {createTableOp("b")});

    const CliRun branches = p.run(args({"branches"}));
    QVERIFY2(branches.exitCode == 0, branches.describe().c_str());
    QCOMPARE(branches.out, std::string("r1 — create users\n  → r2a — branch a\n  → r2b — branch b\n"));

    const CliRun heads = p.run(args({"heads"}));
    QCOMPARE(heads.out, std::string("r2a — branch a\nr2b — branch b\n"));

    const CliRun merge = p.run(args({"merge", "heads", "-m", "join", "--rev-id", "m1"}));
    QVERIFY2(merge.exitCode == 0, merge.describe().c_str());
    const tempest::Json m = tempest::Json::parse(p.readFile("migrations/m1_join.json"));
    QVERIFY(m["downRevision"] == tempest::Json::array({"r2a", "r2b"}));
    QCOMPARE(p.run(args({"heads"})).out, std::string("m1 — join\n"));

    // Nothing left to merge; explicit revisions must not be ancestors of each other.
    const CliRun again = p.run(args({"merge", "heads", "-m", "again"}));
    QVERIFY2(again.exitCode == 2 && contains(again.err, "only one head"), again.describe().c_str());
    const CliRun redundant = p.run(args({"merge", "r1", "m1", "-m", "redundant"}));
    QVERIFY2(redundant.exitCode == 2 && contains(redundant.err, "ancestor"), redundant.describe().c_str());
}

void TestCliProject::historyMarksAndCreatesNoDatabase()
{
    TestProject p;
    writeLinearHistory(p);
    p.writeMigration("r2a", {"r1"}, "branch a", {createTableOp("a")});
    p.writeMigration("r2b", {"r1"}, "branch b", {createTableOp("b")});
    p.writeMigration("m1", {"r2a", "r2b"}, "join", {});

    const std::string expectedUnapplied = "· m1 — join (head) (mergepoint)\n"
                                          "· r2b — branch b\n"
                                          "· r2a — branch a\n"
                                          "· r1 — create users (branchpoint)\n";
    const CliRun before = p.run(args({"history"}));
    QVERIFY2(before.exitCode == 0, before.describe().c_str());
    QCOMPARE(before.out, expectedUnapplied);
    // Read-only commands never create the database.
    for (const char* command : {"history", "current", "heads", "branches", "check"})
        p.run(args({command}));
    QVERIFY(!p.dbExists());
    QCOMPARE(p.run(args({"current"})).out, std::string("(no migrations applied)\n"));

    QVERIFY(p.run(args({"upgrade", "r2a"})).exitCode == 0);
    const CliRun after = p.run(args({"history"}));
    QCOMPARE(after.out, std::string("· m1 — join (head) (mergepoint)\n"
                                    "· r2b — branch b\n"
                                    "✓ r2a — branch a\n"
                                    "✓ r1 — create users (branchpoint)\n"));
    const CliRun verbose = p.run(args({"history", "--verbose"}));
    QVERIFY2(contains(verbose.out, "    parents: r2a, r2b"), verbose.describe().c_str());
    QCOMPARE(p.run(args({"current"})).out, std::string("r2a — branch a\n"));
}

void TestCliProject::showPrintsOperationsAndSql()
{
    TestProject p;
    writeLinearHistory(p);
    p.writeMigration("r2", {"r1"}, "add name", {addColumnOp("users", "name")});
    const CliRun r = p.run(args({"show", "r2"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY2(contains(r.out, "revision: r2\nlabel: add name\nparents: r1\n"), r.describe().c_str());
    QVERIFY2(contains(r.out, "up:\n  1. add column users.name"), r.describe().c_str());
    QVERIFY2(contains(r.out, "down:\n  1. drop column users.name"), r.describe().c_str());
    QVERIFY2(contains(r.out, "ALTER TABLE \"users\" ADD COLUMN \"name\""), r.describe().c_str());
    QVERIFY(!p.dbExists());
}

void TestCliProject::modelsCommand_data()
{
    QTest::addColumn<QString>("command");  // JSON array
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("prints the models") << R"(["sh", "-c", "echo progress >&2; cat models.json"])" << 0
                                       << "create table users";
    QTest::newRow("program in the project folder") << R"(["./print-models.sh"])" << 0 << "create table users";
    QTest::newRow("non-zero exit quotes stderr") << R"(["sh", "-c", "echo boom happened >&2; exit 3"])" << 2
                                                 << "exited with status 3: boom happened";
    QTest::newRow("invalid JSON names the command") << R"(["sh", "-c", "echo '{not json'"])" << 2
                                                    << "models command `sh -c \"echo '{not json'\"`";
    QTest::newRow("unknown program") << R"(["no-such-program-xyz"])" << 2 << "not found in PATH";
}

void TestCliProject::modelsCommand()
{
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    TestProject p;
    p.writeConfig(R"("versionTable": "tempest_db_migrations")");
    // Replace the models file entry by the command (the rest of writeConfig stays).
    std::string config = p.readFile("tempest.json");
    const std::string fileEntry = R"("models": "models.json")";
    config.replace(config.find(fileEntry), fileEntry.size(), R"("models": {"command": )" + command.toStdString() + "}");
    p.writeFile("tempest.json", config);
    p.writeModels(singleTableModels("users", {}));
    p.writeFile("print-models.sh", "#!/bin/sh\ncat models.json\n");
    QFile::setPermissions(QString::fromStdString(p.path("print-models.sh")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    const CliRun r = p.run(args({"revision", "--autogenerate", "-m", "m", "--rev-id", "r1"}));
    QVERIFY2(r.exitCode == exitCode, r.describe().c_str());
    QVERIFY2(contains(r.out + r.err, expected.toStdString()), r.describe().c_str());
    if (command.contains("progress"))  // the command's stderr is passed through
        QVERIFY2(contains(r.err, "progress"), r.describe().c_str());
    QCOMPARE(p.exists("migrations/r1_m.json"), exitCode == 0);
}

void TestCliProject::connectionErrorsMaskThePassword()
{
    TestProject p;
    p.writeFile("tempest.json", R"({"dialect": "postgresql", "migrations": "migrations"})");
    p.writeMigration("r1", {}, "base", {createTableOp("users")});
    // Port 1 on localhost refuses at once: a connection error, exit 2, password masked.
    const CliRun r = p.run(args({"--database", "postgresql://alice:s3cr3tpw@127.0.0.1:1/app", "upgrade"}));
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(!contains(r.out + r.err, "s3cr3tpw"), r.describe().c_str());
    QVERIFY2(contains(r.err, "error: "), r.describe().c_str());

    const CliRun env = p.run(args({"current"}), {{"TEMPEST_DATABASE", "host=127.0.0.1 port=1 password=s3cr3tpw"}});
    QVERIFY2(env.exitCode == 2, env.describe().c_str());
    QVERIFY2(!contains(env.out + env.err, "s3cr3tpw"), env.describe().c_str());
}

// `check` reads the database on a second thread while the files load (projectStatus):
// a bad file is still the error it reports, whatever the database does meanwhile.
void TestCliProject::checkReportsBadInputsBeforeTheDatabase()
{
    // A broken migration and a server out of reach: the migration is named.
    TestProject pg;
    pg.writeFile("tempest.json", R"({"dialect": "postgresql", "migrations": "migrations", "models": "models.json"})");
    pg.writeMigration("r1", {}, "base", {createTableOp("users")});
    pg.writeFile("migrations/r2.json", R"({"revision": "r2", "downRevision": ["r1"], "up": [{"kind": "nope"}]})");
    pg.writeModels(R"({"tables": {}})");
    const CliRun offline = pg.run(args({"--database", "host=127.0.0.1 port=1 password=s3cr3tpw", "check"}));
    QVERIFY2(offline.exitCode == 2, offline.describe().c_str());
    QVERIFY2(contains(offline.err, "r2.json"), offline.describe().c_str());
    QVERIFY2(!contains(offline.out + offline.err, "s3cr3tpw"), offline.describe().c_str());

    // A database being read while the models file turns out broken: exit 2 naming the
    // file and its JSON path, the database as it was.
    TestProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "base", {createTableOp("users")});
    const std::string models = R"({"tables": {"users": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}})";
    p.writeModels(models);
    const CliRun up = p.run(args({"upgrade"}));
    QVERIFY2(up.exitCode == 0, up.describe().c_str());
    const QByteArray before = p.dbBytes();
    p.writeModels(R"({"tables": {"users": {"columns": {"id": {"type": "no such type"}}}}})");
    const CliRun bad = p.run(args({"check"}));
    QVERIFY2(bad.exitCode == 2, bad.describe().c_str());
    QVERIFY2(contains(bad.err, "models.json") && contains(bad.err, "$.tables.users.columns.id.type"),
             bad.describe().c_str());
    QCOMPARE(p.dbBytes(), before);

    // And with good inputs the answer is the database's: drift, exit 1.
    p.executeSql("ALTER TABLE users ADD COLUMN note TEXT");
    p.writeModels(R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "text"}}, )"
                  R"("primaryKey": ["id"]}}})");
    const CliRun drift = p.run(args({"check"}));
    QVERIFY2(drift.exitCode == 1, drift.describe().c_str());
    QVERIFY2(contains(drift.out, "uncaptured: ") && contains(drift.out, "email"), drift.describe().c_str());
    QVERIFY2(contains(drift.out, "drift: ") && contains(drift.out, "note"), drift.describe().c_str());
}

void TestCliProject::inputErrorsKeepTheirOrder()
{
    // With several inputs broken, the error reported is the first in a fixed order — a
    // migration file, then the models, then the replay of the heads — and nothing is
    // written.
    const std::string badModels = R"({"tables": {"users": {"columns": {"id": {"type": "no such type"}}}}})";
    TestProject files;
    files.writeConfig();
    files.writeMigration("r1", {}, "base", {createTableOp("users")});
    files.writeFile("migrations/r2.json", R"({"revision": "r2", "downRevision": ["r1"], "up": [{"kind": "nope"}]})");
    files.writeModels(badModels);
    const CliRun file = files.run(args({"check"}));
    QVERIFY2(file.exitCode == 2 && contains(file.err, "r2.json") && !contains(file.err, "models.json"),
             file.describe().c_str());

    TestProject replay;
    replay.writeConfig();
    replay.writeMigration("r1", {}, "base", {createTableOp("users")});
    replay.writeMigration("r2", {"r1"}, "again", {createTableOp("users")});
    replay.writeModels(badModels);
    const CliRun models = replay.run(args({"check"}));
    QVERIFY2(models.exitCode == 2 && contains(models.err, "models.json")
                 && contains(models.err, "$.tables.users.columns.id.type"),
             models.describe().c_str());
    replay.writeModels(R"({"tables": {}})");
    const CliRun heads = replay.run(args({"check"}));
    QVERIFY2(heads.exitCode == 2 && contains(heads.err, "r2") && contains(heads.err, "users"), heads.describe().c_str());
    QVERIFY(!replay.dbExists());
}

void TestCliProject::terminalAsksBeforeRenaming_data()
{
    QTest::addColumn<bool>("terminal");
    QTest::addColumn<bool>("answer");
    QTest::addColumn<QString>("expectedKinds");
    QTest::newRow("terminal, yes") << true << true << "rename_column";
    QTest::newRow("terminal, no") << true << false << "add_column,drop_column";
    QTest::newRow("not a terminal: never asks") << false << true << "add_column,drop_column";
}

// A pipe cannot be a terminal, so the prompt is driven in-process through CliIo.
void TestCliProject::terminalAsksBeforeRenaming()
{
    QFETCH(bool, terminal);
    QFETCH(bool, answer);
    QFETCH(QString, expectedKinds);
    TestProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "base", {createTableOp("t", R"("a": {"type": "text"})")});
    p.writeModels(singleTableModels("t", {"b"}));

    std::vector<std::string> questions;
    std::string out, err;
    tempest::CliConfig config;
    config.io.out = [&](std::string_view text) { out += text; };
    config.io.err = [&](std::string_view text) { err += text; };
    config.io.confirm = [&](const std::string& question) {
        questions.push_back(question);
        return answer;
    };
    config.io.isTerminal = terminal;
    config.io.cwd = p.dir();
    const int exitCode =
        tempest::runMigrationCli({"revision", "--autogenerate", "-m", "r", "--rev-id", "r2"}, config);
    QVERIFY2(exitCode == 0, (out + err).c_str());
    QCOMPARE(questions, terminal ? std::vector<std::string>{"Rename column \"t.a\" → \"t.b\"? [y/N]"}
                                 : std::vector<std::string>{});
    const tempest::Json m = tempest::Json::parse(p.readFile("migrations/r2_r.json"));
    QStringList kinds;
    for (const auto& op : m["up"])
        kinds << QString::fromStdString(op["kind"].get<std::string>());
    kinds.sort();
    QCOMPARE(kinds.join(','), expectedKinds);
}

// Issue 10: a database that cannot be reached is not an empty one. "No database yet"
// makes every revision pending and every model table drift; offline must say neither,
// and keep what the files alone tell (uncaptured model changes), password masked.
void TestCliProject::offlineStatusKnowsNothingAboutTheDatabase()
{
    TestProject p;
    writeLinearHistory(p);
    p.writeModels(usersAndPostsModels());  // posts is in no migration: uncaptured
    const tempest::Project project = tempest::Project::open(p.path("tempest.json"), {}, {{}, p.dir(), {}});
    const auto unreachable = []() -> tempest::DriverPtr {
        throw tempest::ConnectionError("cannot connect to PostgreSQL (postgresql://u:s3cret@db/app): refused",
                                       tempest::ConnectionError::Cause::PasswordRejected);
    };
    const tempest::ProjectStatus offline = tempest::projectStatusOrOffline(project, unreachable);
    QVERIFY(offline.offline());
    QVERIFY(offline.passwordRejected);
    QVERIFY2(!contains(offline.offlineReason, "s3cret"), offline.offlineReason.c_str());
    QVERIFY(contains(offline.offlineReason, "refused"));
    QVERIFY(offline.pending.empty());
    QVERIFY(offline.findingsOf(tempest::FindingKind::Pending).empty());
    QVERIFY(offline.findingsOf(tempest::FindingKind::Drift).empty());
    QVERIFY(offline.driftOperations.empty());
    QVERIFY(offline.live.tables.empty());
    QCOMPARE(offline.models.tables.size(), std::size_t(2));
    QVERIFY(!offline.findingsOf(tempest::FindingKind::Uncaptured).empty());

    // "No database yet" is another answer: r1 pending, users and posts to create.
    const tempest::ProjectStatus empty = tempest::projectStatusOrOffline(project, [] { return tempest::DriverPtr(); });
    QVERIFY(!empty.offline());
    QCOMPARE(empty.pending, std::vector<std::string>{"r1"});
    QVERIFY(!empty.driftOperations.empty());
    QVERIFY(empty.findingsOf(tempest::FindingKind::Uncaptured) == offline.findingsOf(tempest::FindingKind::Uncaptured));

    // Offline or not, a bad file is still an input error.
    p.writeModels("{");
    const tempest::Project broken = tempest::Project::open(p.path("tempest.json"), {}, {{}, p.dir(), {}});
    QVERIFY_THROWS_EXCEPTION(tempest::InputError, tempest::projectStatusOrOffline(broken, unreachable));
}

QTEST_GUILESS_MAIN(TestCliProject)
#include "tst_cli_project.moc"
