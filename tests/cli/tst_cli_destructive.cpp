// upgrade/downgrade with operations that lose data (issue 10): the facts are listed —
// each operation with the rows its table holds now and its SQL — on stderr and in
// --json; a terminal is asked first (--yes skips the question); without a terminal the
// run goes on as before (deploy pipelines), the facts on stderr.
#include "cli_test_project.h"

#include "core/cli/cli.h"
#include "core/ir/json.h"
#include "drivers/sqlite/sqlite_driver.h"

#include <QTest>

using namespace tempest::test;

namespace {

using Ids = std::vector<std::string>;

// r1 creates users (id, name), r2 adds users.email; both applied, `rows` users inserted.
void writeUsersWithEmail(TestProject& p, int rows)
{
    p.writeConfig();
    p.writeModels(singleTableModels("users", {"name", "email"}));
    p.writeMigration("r1", {}, "create users", {createTableOp("users", R"("name": {"type": "text"})")});
    p.writeMigration("r2", {"r1"}, "add users.email", {addColumnOp("users", "email")});
    const CliRun up = p.run({"upgrade"});
    QVERIFY2(up.exitCode == 0, up.describe().c_str());
    for (int i = 0; i < rows; ++i)
        p.executeSql("INSERT INTO users (name, email) VALUES ('n" + std::to_string(i) + "', 'e')");
}

struct InProcess {
    int exitCode = -1;
    std::string out, err;
    std::vector<std::string> questions;
};

/// runMigrationCli in this process, with a terminal or not, answering `answer`.
InProcess runCli(const TestProject& p, const std::vector<std::string>& argv, bool terminal, bool answer)
{
    InProcess run;
    tempest::CliConfig config;
    config.io.out = [&run](std::string_view text) { run.out += text; };
    config.io.err = [&run](std::string_view text) { run.err += text; };
    config.io.confirm = [&run, answer](const std::string& question) {
        run.questions.push_back(question);
        return answer;
    };
    config.io.isTerminal = terminal;
    config.io.cwd = p.dir();
    config.openDriver = [](const tempest::ProjectConfig& project, bool mayCreate) -> tempest::DriverPtr {
        tempest::SqliteOpenOptions options;
        options.create = mayCreate;
        return tempest::SqliteDriver::open(project.database, options);
    };
    run.exitCode = tempest::runMigrationCli(argv, config);
    return run;
}

} // namespace

class TestCliDestructive : public QObject {
    Q_OBJECT

private slots:
    void terminalIsAskedWithTheFacts_data();
    void terminalIsAskedWithTheFacts();
    void jsonListsRowsAndSql();
    void renamedTableIsCountedUnderItsOldName();
    void harmlessRunListsNothing();
};

void TestCliDestructive::terminalIsAskedWithTheFacts_data()
{
    QTest::addColumn<bool>("terminal");
    QTest::addColumn<bool>("answer");
    QTest::addColumn<bool>("yes");
    QTest::addColumn<bool>("asked");
    QTest::addColumn<bool>("reverted");
    QTest::newRow("terminal, answered no") << true << false << false << true << false;
    QTest::newRow("terminal, answered yes") << true << true << false << true << true;
    QTest::newRow("terminal, --yes") << true << false << true << false << true;
    QTest::newRow("no terminal: runs as before") << false << false << false << false << true;
}

void TestCliDestructive::terminalIsAskedWithTheFacts()
{
    QFETCH(bool, terminal);
    QFETCH(bool, answer);
    QFETCH(bool, yes);
    QFETCH(bool, asked);
    QFETCH(bool, reverted);
    TestProject p;
    writeUsersWithEmail(p, 3);
    std::vector<std::string> argv{"downgrade", "r1"};
    if (yes)
        argv.push_back("--yes");
    const InProcess run = runCli(p, argv, terminal, answer);
    const std::string all = "exit " + std::to_string(run.exitCode) + "\nout:\n" + run.out + "err:\n" + run.err;
    QVERIFY2(contains(run.err, "destructive: r2: drop column users.email") && contains(run.err, "3 rows in users"),
             all.c_str());
    QCOMPARE(run.questions, asked ? std::vector<std::string>{"Run downgrade with 1 destructive operation? [y/N]"}
                                  : std::vector<std::string>{});
    if (reverted) {
        QVERIFY2(run.exitCode == 0, all.c_str());
        QCOMPARE(run.out, std::string("reverted r2\n"));
        QCOMPARE(p.appliedIds(), (Ids{"r1"}));
        QCOMPARE(p.columns("users"), (Ids{"id", "name"}));
    } else {
        QVERIFY2(run.exitCode == 1, all.c_str());
        QCOMPARE(run.out, std::string("not confirmed; nothing was changed\n"));
        QCOMPARE(p.appliedIds(), (Ids{"r1", "r2"}));
        QCOMPARE(p.columns("users"), (Ids{"id", "name", "email"}));
    }
}

void TestCliDestructive::jsonListsRowsAndSql()
{
    TestProject p;
    writeUsersWithEmail(p, 4);
    const CliRun run = p.run({"--json", "downgrade", "base"});
    QVERIFY2(run.exitCode == 0, run.describe().c_str());
    QVERIFY2(run.err.empty(), run.describe().c_str());  // --json: everything is in the document
    const tempest::Json doc = tempest::Json::parse(run.out);
    const tempest::Json& facts = doc["result"]["destructive"];
    QCOMPARE(facts.size(), std::size_t(2));
    QCOMPARE(facts[0]["revision"].get<std::string>(), std::string("r2"));
    QCOMPARE(facts[0]["operation"].get<std::string>().rfind("drop column users.email", 0), std::size_t(0));
    QCOMPARE(facts[0]["rows"].get<int>(), 4);
    QVERIFY2(contains(facts[0]["sql"].get<std::string>(), "email"), run.out.c_str());
    QCOMPARE(facts[1]["revision"].get<std::string>(), std::string("r1"));
    QCOMPARE(facts[1]["table"].get<std::string>(), std::string("users"));
    QCOMPARE(facts[1]["rows"].get<int>(), 4);
    QVERIFY2(contains(facts[1]["sql"].get<std::string>(), "DROP TABLE \"users\""), run.out.c_str());
    QCOMPARE(p.appliedIds(), Ids{});
}

// The plan renames users to people, then drops people: the rows lost are users' rows.
void TestCliDestructive::renamedTableIsCountedUnderItsOldName()
{
    TestProject p;
    p.writeConfig();
    p.writeModels(R"({"tables": {}})");
    const std::string create = createTableOp("users");
    p.writeMigration("r1", {}, "create users", {create});
    QVERIFY(p.run({"upgrade"}).exitCode == 0);
    p.executeSql("INSERT INTO users (id) VALUES (1), (2)");
    std::string drop = createTableOp("people");
    drop.replace(drop.find("create_table"), 12, "drop_table");
    p.writeMigration("r2", {"r1"}, "rename", {R"({"kind": "rename_table", "from": "users", "to": "people"})"});
    p.writeMigration("r3", {"r2"}, "drop", {drop});
    const CliRun run = p.run({"upgrade"});
    QVERIFY2(run.exitCode == 0, run.describe().c_str());
    QVERIFY2(contains(run.err, "destructive: r3: drop table people — 2 rows in people"), run.describe().c_str());
    QCOMPARE(run.out, std::string("applied r2\napplied r3\n"));
}

void TestCliDestructive::harmlessRunListsNothing()
{
    TestProject p;
    writeUsersWithEmail(p, 1);
    p.writeMigration("r3", {"r2"}, "add users.age", {addColumnOp("users", "age", "integer")});
    const InProcess run = runCli(p, {"upgrade"}, true, false);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.questions.empty());
    QVERIFY2(!contains(run.err, "destructive"), run.err.c_str());
    QCOMPARE(p.appliedIds(), (Ids{"r1", "r2", "r3"}));
}

QTEST_GUILESS_MAIN(TestCliDestructive)
#include "tst_cli_destructive.moc"
