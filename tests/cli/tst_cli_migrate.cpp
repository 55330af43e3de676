// tempest-migrate commands that touch a database: upgrade, downgrade, stamp, check,
// --sql, and what must hold when things go wrong (bad input changes nothing, a failing
// revision is rolled back alone, concurrent runners apply each revision once).
#include "cli_test_project.h"

#include "core/ir/json.h"
#include "drivers/sqlite/sqlite_driver.h"

#include <QTest>

#include <algorithm>
#include <map>

using namespace tempest::test;

namespace {

QStringList args(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* a : list)
        out << QString::fromUtf8(a);
    return out;
}

// r1 (users) → r2 (posts) → r3 (users.name): a linear history that applies cleanly.
void writeThreeRevisions(TestProject& p)
{
    p.writeConfig();
    p.writeModels(singleTableModels("users", {}));
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    p.writeMigration("r2", {"r1"}, "create posts", {createTableOp("posts")});
    p.writeMigration("r3", {"r2"}, "add users.name", {addColumnOp("users", "name")});
}

std::vector<std::string> linesStartingWith(const CliRun& run, const std::string& prefix)
{
    std::vector<std::string> out;
    for (const std::string& line : run.outLines()) {
        if (line.rfind(prefix, 0) == 0)
            out.push_back(line);
    }
    return out;
}

using Ids = std::vector<std::string>;

} // namespace

class TestCliMigrate : public QObject {
    Q_OBJECT

private slots:
    void autogenerateUpgradeCheckWithForeignKey();
    void branchAndMerge();
    void badInputLeavesDatabaseUntouched_data();
    void badInputLeavesDatabaseUntouched();
    void failingRevisionIsRolledBackAlone();
    void failingRevisionLeavesAppliedDatabaseAsBefore();
    void upgradeSqlChangesNothing();
    void offlineRangeWarnsAboutWhatItCannotKnow();
    void editedAppliedMigrationIsReported();
    void concurrentUpgradesApplyEachRevisionOnce();
    void downgradeTargets_data();
    void downgradeTargets();
    void irreversibleDowngradeIsRefusedUpFront();
    void stampSetsTheVersionTableOnly();
    void checkFindings_data();
    void checkFindings();
    void checkNotesDeclaredTypes_data();
    void checkNotesDeclaredTypes();
    void databasePrecedence_data();
    void databasePrecedence();
    void unreadableDatabaseExits2_data();
    void unreadableDatabaseExits2();
    void customVersionTable();
    void lockedDatabaseExits1();
};

void TestCliMigrate::autogenerateUpgradeCheckWithForeignKey()
{
    TestProject p;
    p.writeConfig();
    p.writeModels(usersAndPostsModels());
    const CliRun revision = p.run(args({"revision", "--autogenerate", "-m", "users and posts", "--rev-id", "r1"}));
    QVERIFY2(revision.exitCode == 0, revision.describe().c_str());
    QVERIFY(p.exists("migrations/r1_users_and_posts.json"));
    QVERIFY(!p.dbExists());

    const CliRun upgrade = p.run(args({"upgrade"}));
    QVERIFY2(upgrade.exitCode == 0, upgrade.describe().c_str());
    QCOMPARE(upgrade.out, std::string("applied r1\n"));
    QCOMPARE(p.tables(), (Ids{"posts", "users"}));
    QCOMPARE(p.appliedIds(), (Ids{"r1"}));

    // The foreign key really exists in the database.
    auto db = tempest::SqliteDriver::open(p.dbPath());
    const auto fks = db->query("SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('posts')");
    QCOMPARE(fks.rows.size(), std::size_t(1));
    QCOMPARE(fks.text(0, "table"), std::string("users"));
    QCOMPARE(fks.text(0, "on_delete"), std::string("CASCADE"));
    db.reset();

    const CliRun check = p.run(args({"check"}));
    QVERIFY2(check.exitCode == 0, check.describe().c_str());
    QCOMPARE(check.out, std::string("no drift; models match migrations\n"));

    const CliRun again = p.run(args({"upgrade"}));
    QVERIFY2(again.exitCode == 0, again.describe().c_str());
    QCOMPARE(again.out, std::string("nothing to upgrade\n"));
    QCOMPARE(p.run(args({"current"})).out, std::string("r1 — users and posts\n"));
}

void TestCliMigrate::branchAndMerge()
{
    TestProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "base", {createTableOp("users")});
    p.writeMigration("r2a", {"r1"}, "branch a", {createTableOp("a")});
    p.writeMigration("r2b", {"r1"}, "branch b", {createTableOp("b")});

    const CliRun head = p.run(args({"upgrade", "head"}));
    QVERIFY2(head.exitCode == 2, head.describe().c_str());
    QVERIFY2(contains(head.err, "r2a") && contains(head.err, "r2b"), head.describe().c_str());
    QVERIFY(!p.dbExists());

    const CliRun heads = p.run(args({"upgrade", "heads"}));
    QVERIFY2(heads.exitCode == 0, heads.describe().c_str());
    QCOMPARE(heads.out, std::string("applied r1\napplied r2a\napplied r2b\n"));
    QCOMPARE(p.tables(), (Ids{"a", "b", "users"}));

    const CliRun merge = p.run(args({"merge", "heads", "-m", "join", "--rev-id", "m1"}));
    QVERIFY2(merge.exitCode == 0, merge.describe().c_str());
    QCOMPARE(p.run(args({"heads"})).out, std::string("m1 — join\n"));
    const CliRun upgradeMerge = p.run(args({"upgrade", "head"}));
    QVERIFY2(upgradeMerge.exitCode == 0, upgradeMerge.describe().c_str());
    QCOMPARE(upgradeMerge.out, std::string("applied m1\n"));
    QCOMPARE(p.run(args({"current"})).out, std::string("m1 — join\n"));

    // Down to one merge parent (as Alembic): only its descendants go — the merge — and
    // the other branch stays applied.
    const CliRun down = p.run(args({"downgrade", "r2a"}));
    QVERIFY2(down.exitCode == 0, down.describe().c_str());
    QCOMPARE(down.out, std::string("reverted m1\n"));
    QCOMPARE(p.appliedIds(), (Ids{"r1", "r2a", "r2b"}));
    QCOMPARE(p.tables(), (Ids{"a", "b", "users"}));
    QCOMPARE(p.run(args({"current"})).out, std::string("r2a — branch a\nr2b — branch b\n"));

    // Down to the branch point: both branches are its descendants and go, children first.
    const CliRun toBranchPoint = p.run(args({"downgrade", "r1"}));
    QVERIFY2(toBranchPoint.exitCode == 0, toBranchPoint.describe().c_str());
    QCOMPARE(p.appliedIds(), (Ids{"r1"}));
    QCOMPARE(p.tables(), (Ids{"users"}));
}

void TestCliMigrate::badInputLeavesDatabaseUntouched_data()
{
    QTest::addColumn<bool>("databaseExists");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("file2");
    QTest::addColumn<QString>("content2");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");  // in stderr, beside "error: "

    const QString r2 = "migrations/r2.json";
    struct Row {
        const char* name;
        QString file, content, file2, content2;
        QStringList arguments;
        QString expected;
    };
    const std::vector<Row> rows = {
        {"invalid JSON", r2, R"({"revision": "r2", "downRevision": ["r1"], "up": [)", {}, {}, {"upgrade"}, r2},
        {"unknown operation kind", r2, R"({"revision": "r2", "downRevision": ["r1"], "up": [{"kind": "explode"}]})",
         {}, {}, {"upgrade"}, "explode"},
        {"unknown column type", r2,
         R"({"revision": "r2", "downRevision": ["r1"], "up": [{"kind": "add_column", "table": "users", "column": "c", "definition": {"type": "wibble"}}]})",
         {}, {}, {"upgrade"}, "wibble"},
        {"unknown key", r2, R"({"revision": "r2", "downRevision": ["r1"], "up": [], "colour": "red"})", {}, {},
         {"upgrade"}, "colour"},
        {"missing parent", r2, R"({"revision": "r2", "downRevision": ["ghost"], "up": []})", {}, {}, {"upgrade"},
         "ghost"},
        {"duplicate id", "migrations/dup.json", R"({"revision": "r1", "downRevision": [], "up": []})", {}, {},
         {"upgrade"}, "migrations/dup.json"},
        {"cycle", "migrations/c1.json", R"({"revision": "c1", "downRevision": ["c2"], "up": []})",
         "migrations/c2.json", R"({"revision": "c2", "downRevision": ["c1"], "up": []})", {"upgrade"}, "c1"},
        {"ambiguous prefix", "migrations/abcd1.json", R"({"revision": "abcd1", "downRevision": ["r1"], "up": []})",
         "migrations/abcd2.json", R"({"revision": "abcd2", "downRevision": ["r1"], "up": []})",
         {"upgrade", "abcd"}, "abcd"},
        {"unknown target", {}, {}, {}, {}, {"upgrade", "nosuchrev"}, "nosuchrev"},
        {"operation that does not fit its history", r2,
         R"({"revision": "r2", "downRevision": ["r1"], "up": [{"kind": "add_column", "table": "ghosts", "column": "c", "definition": {"type": "text"}}]})",
         {}, {}, {"upgrade"}, "r2"},
        {"stamp an unknown revision", {}, {}, {}, {}, {"stamp", "nosuchrev"}, "nosuchrev"},
        {"downgrade to an unknown revision", {}, {}, {}, {}, {"downgrade", "nosuchrev"}, "nosuchrev"},
    };
    for (const bool exists : {true, false}) {
        for (const Row& row : rows) {
            const QString name = QString::fromUtf8(row.name) + (exists ? " (database exists)" : " (no database)");
            QTest::newRow(qPrintable(name)) << exists << row.file << row.content << row.file2 << row.content2
                                            << row.arguments << row.expected;
        }
    }
}

void TestCliMigrate::badInputLeavesDatabaseUntouched()
{
    QFETCH(bool, databaseExists);
    QFETCH(QString, file);
    QFETCH(QString, content);
    QFETCH(QString, file2);
    QFETCH(QString, content2);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);

    TestProject p;
    p.writeConfig();
    p.writeModels(singleTableModels("users", {}));
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    if (databaseExists) {
        const CliRun first = p.run(args({"upgrade"}));
        QVERIFY2(first.exitCode == 0, first.describe().c_str());
    }
    const QByteArray before = p.dbBytes();
    if (!file.isEmpty())
        p.writeFile(file.toStdString(), content.toStdString());
    if (!file2.isEmpty())
        p.writeFile(file2.toStdString(), content2.toStdString());

    const CliRun r = p.run(arguments);
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, "error: "), r.describe().c_str());
    QVERIFY2(contains(r.err, expected.toStdString()), r.describe().c_str());
    QCOMPARE(p.dbExists(), databaseExists);
    if (databaseExists)
        QVERIFY(p.dbBytes() == before);
}

void TestCliMigrate::failingRevisionIsRolledBackAlone()
{
    TestProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    // The second operation fails half-way through r2: its first operation must go too.
    p.writeMigration("r2", {"r1"}, "half broken",
                     {createTableOp("posts"), executeOp("CREATE TABLE broken (", "SELECT 1")});
    p.writeMigration("r3", {"r2"}, "never reached", {createTableOp("later")});

    const CliRun r = p.run(args({"upgrade"}));
    QVERIFY2(r.exitCode == 1, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied r1\n"));
    QVERIFY2(contains(r.err, "revision r2 failed and was rolled back"), r.describe().c_str());
    QVERIFY2(contains(r.err, "statement: CREATE TABLE broken ("), r.describe().c_str());
    QVERIFY2(contains(r.err, "cause: "), r.describe().c_str());
    QVERIFY2(contains(r.err, "operation: "), r.describe().c_str());
    QCOMPARE(p.appliedIds(), (Ids{"r1"}));
    QCOMPARE(p.tables(), (Ids{"users"}));
}

void TestCliMigrate::failingRevisionLeavesAppliedDatabaseAsBefore()
{
    TestProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    QVERIFY(p.run(args({"upgrade"})).exitCode == 0);
    const std::string schemaBefore = p.schemaDump();
    const Ids appliedBefore = p.appliedIds();

    p.writeMigration("r2", {"r1"}, "half broken",
                     {addColumnOp("users", "name"), executeOp("INSERT INTO nowhere VALUES (1)", "SELECT 1")});
    const CliRun r = p.run(args({"--json", "upgrade"}));
    QVERIFY2(r.exitCode == 1, r.describe().c_str());
    const tempest::Json doc = tempest::Json::parse(r.out);
    QCOMPARE(doc["exitCode"].get<int>(), 1);
    QCOMPARE(doc["error"]["revision"].get<std::string>(), std::string("r2"));
    QVERIFY(contains(doc["error"]["statement"].get<std::string>(), "nowhere"));
    QCOMPARE(p.schemaDump(), schemaBefore);
    QCOMPARE(p.appliedIds(), appliedBefore);
    QCOMPARE(p.columns("users"), (Ids{"id"}));
}

void TestCliMigrate::upgradeSqlChangesNothing()
{
    TestProject p;
    writeThreeRevisions(p);
    // Offline range: no database is needed nor created.
    const CliRun range = p.run(args({"upgrade", "base:r2", "--sql"}));
    QVERIFY2(range.exitCode == 0, range.describe().c_str());
    QVERIFY2(contains(range.out, "CREATE TABLE \"users\""), range.describe().c_str());
    QVERIFY2(contains(range.out, "CREATE TABLE \"posts\""), range.describe().c_str());
    QVERIFY2(!contains(range.out, "ADD COLUMN \"name\""), range.describe().c_str());
    QVERIFY(!p.dbExists());

    // Against a database: only what is pending, and the file stays byte-identical.
    QVERIFY(p.run(args({"upgrade", "r1"})).exitCode == 0);
    const QByteArray before = p.dbBytes();
    const CliRun sql = p.run(args({"upgrade", "--sql"}));
    QVERIFY2(sql.exitCode == 0, sql.describe().c_str());
    QVERIFY2(!contains(sql.out, "CREATE TABLE \"users\""), sql.describe().c_str());
    QVERIFY2(contains(sql.out, "CREATE TABLE \"posts\""), sql.describe().c_str());
    QVERIFY2(contains(sql.out, "ADD COLUMN \"name\""), sql.describe().c_str());
    QVERIFY(p.dbBytes() == before);
    QCOMPARE(p.appliedIds(), (Ids{"r1"}));

    const CliRun down = p.run(args({"downgrade", "r3:base", "--sql"}));
    QVERIFY2(down.exitCode == 0, down.describe().c_str());
    QVERIFY2(contains(down.out, "DROP TABLE \"posts\""), down.describe().c_str());
    QVERIFY(p.dbBytes() == before);
}

// Issue 8 (found by tests/cli/tst_cli_sql_ranges): a FROM:TO script rebuilding a table
// that an earlier revision created cannot know a trigger made on it by hand; DESIGN.md
// wants the script to say so rather than silently drop it. A script rendered against the
// live database recreates it. Version rows take the database's clock when they run.
void TestCliMigrate::offlineRangeWarnsAboutWhatItCannotKnow()
{
    TestProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "t", {createTableOp("t", R"("a": {"type": "text"})")});
    p.writeMigration("r2", {"r1"}, "a to integer",
                     {R"({"kind": "alter_column", "table": "t", "column": "a", "from": {"type": "text"},
                         "to": {"type": "integer", "nullable": false, "default": {"value": 0}}})"});
    QVERIFY(p.run(args({"upgrade", "r1"})).exitCode == 0);
    p.executeSql("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END");

    const CliRun range = p.run(args({"upgrade", "r1:r2", "--sql"}));
    QVERIFY2(range.exitCode == 0, range.describe().c_str());
    QVERIFY2(contains(range.out, "-- WARNING: table \"t\" is rebuilt without a live database"), range.out.c_str());
    QVERIFY2(!contains(range.out, "CREATE TRIGGER tr"), range.out.c_str());
    QVERIFY2(contains(range.out, "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"), range.out.c_str());

    const CliRun live = p.run(args({"upgrade", "--sql"}));
    QVERIFY2(live.exitCode == 0, live.describe().c_str());
    QVERIFY2(!contains(live.out, "WARNING"), live.out.c_str());
    QVERIFY2(contains(live.out, "CREATE TRIGGER tr"), live.out.c_str());

    // A script from base creates the table itself: nothing to warn about.
    const CliRun fromBase = p.run(args({"upgrade", "base:r2", "--sql"}));
    QVERIFY2(fromBase.exitCode == 0 && !contains(fromBase.out, "WARNING"), fromBase.out.c_str());
}

void TestCliMigrate::editedAppliedMigrationIsReported()
{
    TestProject p;
    writeThreeRevisions(p);
    p.writeModels(R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "name": {"type": "text"}}, "primaryKey": ["id"]},)"
                  R"( "posts": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}})");
    QVERIFY(p.run(args({"upgrade", "r2"})).exitCode == 0);
    QCOMPARE(p.run(args({"upgrade"})).exitCode, 0);
    QCOMPARE(p.run(args({"check"})).exitCode, 0);

    // Someone edits r2 after it was applied: a different (compatible) table definition.
    p.writeMigration("r2", {"r1"}, "create posts", {createTableOp("posts", R"("title": {"type": "text"})")});
    const CliRun check = p.run(args({"check"}));
    QVERIFY2(check.exitCode == 1, check.describe().c_str());
    QCOMPARE(linesStartingWith(check, "changed: "), (Ids{"changed: r2"}));

    const CliRun json = p.run(args({"--json", "current"}));
    QVERIFY2(json.exitCode == 0, json.describe().c_str());
    QVERIFY(tempest::Json::parse(json.out)["warnings"] == tempest::Json::array({"changed: r2"}));
    QVERIFY2(json.err.empty(), json.describe().c_str());

    p.writeMigration("r4", {"r3"}, "more", {addColumnOp("users", "email")});
    const CliRun upgrade = p.run(args({"upgrade"}));
    QVERIFY2(upgrade.exitCode == 0, upgrade.describe().c_str());
    QVERIFY2(contains(upgrade.err, "warning: changed: r2"), upgrade.describe().c_str());
    QCOMPARE(upgrade.out, std::string("applied r4\n"));
}

void TestCliMigrate::concurrentUpgradesApplyEachRevisionOnce()
{
    TestProject p;
    writeThreeRevisions(p);
    p.writeMigration("r4", {"r3"}, "add users.email", {addColumnOp("users", "email")});
    p.writeMigration("r5", {"r4"}, "create tags", {createTableOp("tags")});

    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < 4; ++i)
        processes.push_back(p.start(args({"upgrade"})));
    std::map<std::string, int> appliedCount;
    for (auto& process : processes) {
        const CliRun r = TestProject::collect(*process);
        QVERIFY2(r.exitCode == 0, r.describe().c_str());
        const auto applied = linesStartingWith(r, "applied ");
        if (applied.empty())
            QCOMPARE(r.out, std::string("nothing to upgrade\n"));
        for (const std::string& line : applied)
            ++appliedCount[line.substr(8)];
    }
    const std::map<std::string, int> once = {{"r1", 1}, {"r2", 1}, {"r3", 1}, {"r4", 1}, {"r5", 1}};
    QCOMPARE(appliedCount, once);
    QCOMPARE(p.appliedIds(), (Ids{"r1", "r2", "r3", "r4", "r5"}));
    QCOMPARE(p.tables(), (Ids{"posts", "tags", "users"}));
}

void TestCliMigrate::downgradeTargets_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expectedOut");
    QTest::addColumn<QStringList>("remaining");
    QTest::newRow("-1") << "-1" << "reverted r3\n" << QStringList{"r1", "r2"};
    QTest::newRow("1") << "1" << "reverted r3\n" << QStringList{"r1", "r2"};
    QTest::newRow("revision") << "r1" << "reverted r3\nreverted r2\n" << QStringList{"r1"};
    QTest::newRow("base") << "base" << "reverted r3\nreverted r2\nreverted r1\n" << QStringList{};
    QTest::newRow("head: nothing") << "heads" << "nothing to downgrade\n" << QStringList{"r1", "r2", "r3"};
}

void TestCliMigrate::downgradeTargets()
{
    QFETCH(QString, target);
    QFETCH(QString, expectedOut);
    QFETCH(QStringList, remaining);
    TestProject p;
    writeThreeRevisions(p);
    QVERIFY(p.run(args({"upgrade"})).exitCode == 0);
    const CliRun r = p.run({"downgrade", target});
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, expectedOut.toStdString());
    Ids expected;
    for (const QString& id : remaining)
        expected.push_back(id.toStdString());
    QCOMPARE(p.appliedIds(), expected);
    QCOMPARE(p.columns("users").size(), expected.size() == 3 ? std::size_t(2) : std::size_t(p.tables().empty() ? 0 : 1));
}

void TestCliMigrate::irreversibleDowngradeIsRefusedUpFront()
{
    TestProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    p.writeMigration("r2", {"r1"}, "raw sql", {executeOp("CREATE TABLE audit (x)")});
    p.writeMigration("r3", {"r2"}, "posts", {createTableOp("posts")});
    QVERIFY(p.run(args({"upgrade"})).exitCode == 0);
    const QByteArray before = p.dbBytes();
    const CliRun r = p.run(args({"downgrade", "base"}));
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, "r2") && contains(r.err, "irreversible"), r.describe().c_str());
    QVERIFY(p.dbBytes() == before);  // not even r3 was reverted
    QCOMPARE(p.appliedIds(), (Ids{"r1", "r2", "r3"}));
}

void TestCliMigrate::stampSetsTheVersionTableOnly()
{
    TestProject p;
    writeThreeRevisions(p);
    const CliRun stamp = p.run(args({"stamp", "r2"}));
    QVERIFY2(stamp.exitCode == 0, stamp.describe().c_str());
    QCOMPARE(stamp.out, std::string("stamped r1\nstamped r2\n"));
    QCOMPARE(p.appliedIds(), (Ids{"r1", "r2"}));
    QCOMPARE(p.tables(), Ids{});  // no operation ran

    const CliRun base = p.run(args({"stamp", "base"}));
    QVERIFY2(base.exitCode == 0, base.describe().c_str());
    QCOMPARE(p.appliedIds(), Ids{});
}

void TestCliMigrate::checkFindings_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("in sync") << "sync" << 0 << "no drift; models match migrations";
    QTest::newRow("behind heads") << "behind" << 1 << "drift: database is behind heads: 1 pending revision (r2)";
    QTest::newRow("hand-made table") << "manual" << 1 << "drift: ";
    QTest::newRow("uncaptured model change") << "uncaptured" << 1 << "uncaptured: ";
    QTest::newRow("no database yet") << "nodb" << 1 << "drift: database is behind heads: 2 pending revisions";
}

void TestCliMigrate::checkFindings()
{
    QFETCH(QString, situation);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    TestProject p;
    p.writeConfig();
    p.writeModels(R"({"tables": {"users": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]},)"
                  R"( "posts": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}})");
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    p.writeMigration("r2", {"r1"}, "create posts", {createTableOp("posts")});
    if (situation != "nodb")
        QVERIFY(p.run({"upgrade", situation == "behind" ? "r1" : "heads"}).exitCode == 0);
    if (situation == "manual")
        p.executeSql("CREATE TABLE sneaky (x INTEGER)");
    if (situation == "uncaptured")
        p.writeModels(singleTableModels("users", {}));

    const QByteArray before = p.dbBytes();
    const CliRun r = p.run(args({"check"}));
    QVERIFY2(r.exitCode == exitCode, r.describe().c_str());
    QVERIFY2(contains(r.out, expected.toStdString()), r.describe().c_str());
    if (situation == "manual")
        QVERIFY2(contains(r.out, "sneaky"), r.describe().c_str());
    QVERIFY(p.dbBytes() == before);  // check is read-only
    QCOMPARE(p.dbExists(), situation != "nodb");
}

// Issue 12: SQLite stores INTEGER and BIGINT (TEXT and VARCHAR(255)) alike, so such a
// change is no drift — but `check` printed nothing about it at all. It is a note: shown,
// never failing; a spelling that maps to the same declared type (INT) is no note, and a
// change of affinity stays drift.
void TestCliMigrate::checkNotesDeclaredTypes_data()
{
    QTest::addColumn<QString>("modelType");  // the column's IR type in models and migration
    QTest::addColumn<QString>("declared");   // what the database is changed to declare by hand
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");   // a whole line of stdout; "" = no note line at all
    QTest::newRow("bigint, INTEGER in the database")
        << R"("type": "bigint")" << "INTEGER" << 0
        << R"(note: column "items"."qty" declared BIGINT in the models, INTEGER in the database )"
           R"((both INTEGER affinity: stored alike, not drift))";
    QTest::newRow("varchar(255), TEXT in the database")
        << R"("type": "varchar", "length": 255)" << "TEXT" << 0
        << R"(note: column "items"."qty" declared VARCHAR(255) in the models, TEXT in the database )"
           R"((both TEXT affinity: stored alike, not drift))";
    QTest::newRow("text, VARCHAR(40) in the database")
        << R"("type": "text")" << "VARCHAR(40)" << 0
        << R"(note: column "items"."qty" declared TEXT in the models, VARCHAR(40) in the database )"
           R"((both TEXT affinity: stored alike, not drift))";
    QTest::newRow("double, REAL in the database")
        << R"("type": "double")" << "REAL" << 0
        << R"(note: column "items"."qty" declared DOUBLE in the models, REAL in the database )"
           R"((both REAL affinity: stored alike, not drift))";
    QTest::newRow("integer, INT in the database: the same declared type")
        << R"("type": "integer")" << "INT" << 0 << "";
    QTest::newRow("custom mediumint, MEDIUMINT in the database: case only")
        << R"("type": "custom", "sql": "mediumint")" << "MEDIUMINT" << 0 << "";
    QTest::newRow("integer, TEXT in the database: affinity changed, drift")
        << R"("type": "integer")" << "TEXT" << 1 << R"(drift: column "items"."qty" changed: type integer → text)";
}

void TestCliMigrate::checkNotesDeclaredTypes()
{
    QFETCH(QString, modelType);
    QFETCH(QString, declared);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    TestProject p;
    p.writeConfig();
    const std::string column = R"("qty": {)" + modelType.toStdString() + "}";
    p.writeModels(R"({"tables": {"items": {"columns": {"id": {"type": "integer"}, )" + column +
                  R"(}, "primaryKey": ["id"]}}})");
    p.writeMigration("r1", {}, "create items", {createTableOp("items", column)});
    QVERIFY(p.run({"upgrade"}).exitCode == 0);
    p.executeSql("ALTER TABLE items DROP COLUMN qty");
    p.executeSql("ALTER TABLE items ADD COLUMN qty " + declared.toStdString());

    const CliRun r = p.run(args({"check"}));
    QVERIFY2(r.exitCode == exitCode, r.describe().c_str());
    const std::vector<std::string> lines = r.outLines();
    const auto notes = std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("note: ", 0) == 0; });
    if (expected.isEmpty()) {
        QVERIFY2(notes == 0, r.describe().c_str());
        QCOMPARE(lines, std::vector<std::string>{"no drift; models match migrations"});
        return;
    }
    QVERIFY2(std::find(lines.begin(), lines.end(), expected.toStdString()) != lines.end(), r.describe().c_str());
    if (exitCode == 0) {
        // The note alone: the check passes and says so.
        QCOMPARE(lines, (std::vector<std::string>{expected.toStdString(), "no drift; models match migrations"}));
        const CliRun json = p.run(args({"--json", "check"}));
        QVERIFY2(json.exitCode == 0, json.describe().c_str());
        QVERIFY2(contains(json.out, R"("kind": "declared-type")"), json.describe().c_str());
        QVERIFY2(contains(json.out, R"("notes": [)"), json.describe().c_str());
    } else {
        QVERIFY2(notes == 0, r.describe().c_str());
    }
}

void TestCliMigrate::databasePrecedence_data()
{
    QTest::addColumn<QStringList>("extraArgs");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("expectedFile");
    QTest::newRow("project file") << QStringList{} << "" << "app.db";
    QTest::newRow("environment beats file") << QStringList{} << "env.db" << "env.db";
    QTest::newRow("flag beats environment") << args({"--database", "flag.db"}) << "env.db" << "flag.db";
    QTest::newRow("flag after the command") << args({"upgrade", "--database", "late.db"}) << "" << "late.db";
}

void TestCliMigrate::databasePrecedence()
{
    QFETCH(QStringList, extraArgs);
    QFETCH(QString, environment);
    QFETCH(QString, expectedFile);
    TestProject p;
    writeThreeRevisions(p);
    std::map<QString, QString> env;
    if (!environment.isEmpty())
        env["TEMPEST_DATABASE"] = environment;
    QStringList arguments = extraArgs;
    if (!arguments.contains("upgrade"))
        arguments << "upgrade";
    const CliRun r = p.run(arguments, env);
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    for (const char* name : {"app.db", "env.db", "flag.db", "late.db"})
        QCOMPARE(p.exists(name), expectedFile == name);
}

void TestCliMigrate::unreadableDatabaseExits2_data()
{
    QTest::addColumn<QStringList>("arguments");
    for (const char* command : {"current", "history", "check", "upgrade", "downgrade", "stamp", "introspect"}) {
        QStringList arguments{QString::fromUtf8(command)};
        if (arguments[0] == "downgrade" || arguments[0] == "stamp")
            arguments << "base";
        QTest::newRow(command) << arguments;
    }
}

void TestCliMigrate::unreadableDatabaseExits2()
{
    QFETCH(QStringList, arguments);
    TestProject p;
    writeThreeRevisions(p);
    const std::string garbage(4096, 'x');
    p.writeFile("app.db", garbage);
    const CliRun r = p.run(arguments);
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, p.dbPath()), r.describe().c_str());
    QCOMPARE(p.readFile("app.db"), garbage);
}

void TestCliMigrate::customVersionTable()
{
    TestProject p;
    p.writeConfig(R"("versionTable": "schema_history")");
    p.writeModels(singleTableModels("users", {}));
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    QVERIFY(p.run(args({"upgrade"})).exitCode == 0);
    auto db = tempest::SqliteDriver::open(p.dbPath());
    QCOMPARE(db->query("SELECT id FROM schema_history").text(0, "id"), std::string("r1"));
    QVERIFY(db->query("SELECT name FROM sqlite_master WHERE name = 'tempest_db_migrations'").rows.empty());
    db.reset();
    // The version table is not part of the schema the models are compared with.
    const CliRun check = p.run(args({"check"}));
    QVERIFY2(check.exitCode == 0, check.describe().c_str());
}

// Slow by nature: the CLI waits out its 30 s busy timeout before giving up.
void TestCliMigrate::lockedDatabaseExits1()
{
    TestProject p;
    writeThreeRevisions(p);
    QVERIFY(p.run(args({"upgrade", "r1"})).exitCode == 0);
    auto holder = tempest::SqliteDriver::open(p.dbPath());
    holder->execute("BEGIN IMMEDIATE");  // another writer holds the lock throughout
    const CliRun r = p.run(args({"upgrade"}));
    holder->execute("ROLLBACK");
    QVERIFY2(r.exitCode == 1, r.describe().c_str());
    QVERIFY2(contains(r.err, "lock"), r.describe().c_str());
    QCOMPARE(p.appliedIds(), (Ids{"r1"}));
}

QTEST_GUILESS_MAIN(TestCliMigrate)
#include "tst_cli_migrate.moc"
