// Issue 2's dialect-neutral scenarios through the real `tempest-migrate` on PostgreSQL 15
// (each on a fresh scratch database): autogenerate + FK, 10,000/20,000 rows through a
// type/nullability change, an added column and index and a rename (and back), branch and
// merge, bad input that changes nothing, a revision failing half-way, --sql, edited
// migrations, and four runners at once.
#include "pg_cli_project.h"

#include "core/ir/json.h"

#include <QTest>

#include <map>

using namespace tempest::test;

namespace {

using Ids = std::vector<std::string>;

// r1 (users) → r2 (posts) → r3 (users.name): a linear history that applies cleanly.
void writeThreeRevisions(PgCliProject& p)
{
    p.writeConfig();
    p.writeModels(singleTableModels("users", {}));
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    p.writeMigration("r2", {"r1"}, "create posts", {createTableOp("posts")});
    p.writeMigration("r3", {"r2"}, "add users.name", {addColumnOp("users", "name")});
}

const char* kModelsV1 = R"({
  "tables": {
    "parent": {
      "columns": {
        "id": {"type": "integer", "autoincrement": true},
        "name": {"type": "text", "nullable": false},
        "code": {"type": "text"},
        "ratio": {"type": "double"}
      },
      "primaryKey": ["id"]
    },
    "child": {
      "columns": {
        "id": {"type": "integer", "autoincrement": true},
        "parent_id": {"type": "integer", "nullable": false},
        "note": {"type": "text"}
      },
      "primaryKey": ["id"],
      "foreignKeys": {"fk_child_parent": {"columns": ["parent_id"], "refTable": "parent",
                                          "refColumns": ["id"], "onDelete": "cascade"}},
      "indexes": {"ix_child_parent": {"columns": ["parent_id"]}}
    }
  }
}
)";

// code: text of numeric strings → integer NOT NULL default 0; a new column; a new index;
// child.note → body through renamedFrom.
const char* kModelsV2 = R"({
  "tables": {
    "parent": {
      "columns": {
        "id": {"type": "integer", "autoincrement": true},
        "name": {"type": "text", "nullable": false},
        "code": {"type": "integer", "nullable": false, "default": {"value": 0}},
        "ratio": {"type": "double"},
        "added": {"type": "varchar", "length": 20, "default": {"value": "fresh"}}
      },
      "primaryKey": ["id"],
      "indexes": {"ix_parent_name": {"columns": ["name"]}}
    },
    "child": {
      "columns": {
        "id": {"type": "integer", "autoincrement": true},
        "parent_id": {"type": "integer", "nullable": false},
        "body": {"type": "text", "renamedFrom": "note"}
      },
      "primaryKey": ["id"],
      "foreignKeys": {"fk_child_parent": {"columns": ["parent_id"], "refTable": "parent",
                                          "refColumns": ["id"], "onDelete": "cascade"}},
      "indexes": {"ix_child_parent": {"columns": ["parent_id"]}}
    }
  }
}
)";

// One md5 over every row of `columns` (NULL kept distinct from ''), ordered by id: a
// cheap exact comparison of 20,000 rows.
std::string rowsDigest(const PgCliProject& p, const std::string& table, const std::string& columns)
{
    return p.text("SELECT md5(string_agg(concat_ws('|', " + columns + "), E'\\n' ORDER BY id)) FROM " + table);
}

const char* kParentColumnsV1 = "id, quote_nullable(name), quote_nullable(code), quote_nullable(ratio)";

// Orphans and unvalidated constraints: what an FK that "survived" must not have.
void verifyIntegrity(const PgCliProject& p)
{
    QCOMPARE(p.integer("SELECT count(*) FROM child c WHERE NOT EXISTS "
                       "(SELECT 1 FROM parent x WHERE x.id = c.parent_id)"),
             std::int64_t(0));
    QCOMPARE(p.integer("SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                       "WHERE n.nspname = 'public' AND NOT c.convalidated"),
             std::int64_t(0));
    QCOMPARE(p.integer("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = 'child'::regclass "
                       "AND confrelid = 'parent'::regclass AND confdeltype = 'c' AND convalidated"),
             std::int64_t(1));
}

} // namespace

class TestCliPostgresMigrate : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { TEMPEST_REQUIRE_PG(); }
    void autogenerateUpgradeCheckWithForeignKey();
    void checkOfADatabaseBehindHeadsWithACheckConstraint();
    void checkReportsAPartitionKeyChangeItHasNoOperationFor();
    void rowsSurviveATypeChangeAndItsDowngrade();
    void branchAndMerge();
    void badInputLeavesDatabaseUntouched_data();
    void badInputLeavesDatabaseUntouched();
    void failingRevisionIsRolledBackAlone();
    void failingRevisionLeavesAppliedDatabaseAsBefore();
    void upgradeSqlChangesNothing();
    void editedAppliedMigrationIsReported();
    void concurrentUpgradesApplyEachRevisionOnce();
    void concurrentUpgradesStopAtAFailingRevision();
};

void TestCliPostgresMigrate::autogenerateUpgradeCheckWithForeignKey()
{
    PgCliProject p;
    p.writeConfig();
    p.writeModels(usersAndPostsModels());
    const CliRun revision =
        p.run(cliArgs({"revision", "--autogenerate", "-m", "users and posts", "--rev-id", "r1"}));
    QVERIFY2(revision.exitCode == 0, revision.describe().c_str());
    QVERIFY(p.exists("migrations/r1_users_and_posts.json"));
    QCOMPARE(p.tables(), Ids{});  // revision never touches the database

    const CliRun upgrade = p.run(cliArgs({"upgrade"}));
    QVERIFY2(upgrade.exitCode == 0, upgrade.describe().c_str());
    QCOMPARE(upgrade.out, std::string("applied r1\n"));
    QCOMPARE(p.tables(), (Ids{"posts", "users"}));
    QCOMPARE(p.appliedIds(), (Ids{"r1"}));
    QCOMPARE(p.integer("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = 'posts'::regclass "
                       "AND confrelid = 'users'::regclass AND confdeltype = 'c'"),
             std::int64_t(1));
    QCOMPARE(p.text("SELECT attidentity FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'id'"),
             std::string("d"));  // GENERATED BY DEFAULT AS IDENTITY

    const CliRun check = p.run(cliArgs({"check"}));
    QVERIFY2(check.exitCode == 0, check.describe().c_str());
    QCOMPARE(check.out, std::string("no drift; models match migrations\n"));

    const CliRun again = p.run(cliArgs({"upgrade"}));
    QVERIFY2(again.exitCode == 0, again.describe().c_str());
    QCOMPARE(again.out, std::string("nothing to upgrade\n"));
    QCOMPARE(p.run(cliArgs({"current"})).out, std::string("r1 — users and posts\n"));
}

// Issue 8: a database merely behind heads, with a CHECK the server re-spells
// (`score >= 0` is stored as `(score >= (0)::numeric)`), used to be reported as also
// differing from its applied revisions, with every finding listed.
void TestCliPostgresMigrate::checkOfADatabaseBehindHeadsWithACheckConstraint()
{
    PgCliProject p;
    p.writeConfig();
    const std::string v1 = R"json({"tables": {"scores": {
        "columns": {"id": {"type": "integer"}, "score": {"type": "numeric", "precision": 10, "scale": 2},
                    "label": {"type": "varchar", "length": 20, "default": {"value": "none"}}},
        "primaryKey": ["id"],
        "checks": {"ck_scores_score": {"expr": "score >= 0"},
                   "ck_scores_label": {"expr": "label IN ('none', 'gold')"}}}}})json";
    p.writeModels(v1);
    QCOMPARE(p.run(cliArgs({"revision", "--autogenerate", "-m", "scores", "--rev-id", "r1"})).exitCode, 0);
    std::string v2 = v1;
    v2.replace(v2.find("\"primaryKey\""), 0, R"("indexes": {"ix_scores_score": {"columns": ["score"]}}, )");
    p.writeModels(v2);
    QCOMPARE(p.run(cliArgs({"revision", "--autogenerate", "-m", "index", "--rev-id", "r2"})).exitCode, 0);
    QCOMPARE(p.run(cliArgs({"upgrade", "r1"})).exitCode, 0);

    const CliRun behind = p.run(cliArgs({"check"}));
    QCOMPARE(behind.exitCode, 1);
    QCOMPARE(behind.out, std::string("drift: database is behind heads: 1 pending revision (r2); "
                                     "run `tempest-migrate upgrade`\n"));
    QCOMPARE(p.run(cliArgs({"upgrade"})).exitCode, 0);
    const CliRun clean = p.run(cliArgs({"check"}));
    QVERIFY2(clean.exitCode == 0, clean.describe().c_str());
}

// `check` skips the whole second comparison that only a partitioning change can fail
// (issue 12) when neither side has a partitioned table: with one, the change is still
// reported, with what to do, and fails the check.
void TestCliPostgresMigrate::checkReportsAPartitionKeyChangeItHasNoOperationFor()
{
    PgCliProject p;
    p.writeConfig();
    const std::string v1 = R"json({"tables": {"events": {
        "columns": {"id": {"type": "integer"}, "day": {"type": "date"}, "kind": {"type": "text"}},
        "partitionBy": "RANGE (day)"}}})json";
    p.writeModels(v1);
    QCOMPARE(p.run(cliArgs({"revision", "--autogenerate", "-m", "events", "--rev-id", "r1"})).exitCode, 0);
    QCOMPARE(p.run(cliArgs({"upgrade"})).exitCode, 0);
    const CliRun clean = p.run(cliArgs({"check"}));
    QVERIFY2(clean.exitCode == 0, clean.describe().c_str());

    std::string v2 = v1;
    v2.replace(v2.find("RANGE (day)"), 11, "LIST (kind)");
    p.writeModels(v2);
    const CliRun changed = p.run(cliArgs({"check"}));
    QCOMPARE(changed.exitCode, 1);
    QVERIFY2(changed.out.find("drift: partition key of table \"events\" changed: \"RANGE (day)\" → \"LIST (kind)\": "
                              "PostgreSQL fixes a table's partitioning")
                 != std::string::npos,
             changed.describe().c_str());
}

void TestCliPostgresMigrate::rowsSurviveATypeChangeAndItsDowngrade()
{
    PgCliProject p;
    QCOMPARE(p.run(cliArgs({"init"})).exitCode, 0);
    p.writeConfig();  // init wrote a SQLite project; point it at the scratch database
    p.writeModels(kModelsV1);
    CliRun r = p.run(cliArgs({"revision", "-m", "parents and children", "--autogenerate", "--rev-id", "aaaa00000001"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied aaaa00000001\n"));
    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());

    p.execute("INSERT INTO parent (id, name, code, ratio) SELECT i, 'parent ' || i, (i * 7)::text, "
              "CASE WHEN i % 3 <> 0 THEN i / 4.0 END FROM generate_series(1, 10000) AS i");
    p.execute("INSERT INTO child (id, parent_id, note) SELECT i, (i - 1) % 10000 + 1, "
              "CASE WHEN i % 5 <> 0 THEN 'note ' || i END FROM generate_series(1, 20000) AS i");
    const std::string schemaV1 = p.run(cliArgs({"introspect"})).out;
    QVERIFY(contains(schemaV1, "\"note\""));
    const std::string parentsBefore = rowsDigest(p, "parent", kParentColumnsV1);
    const std::string childrenBefore = rowsDigest(p, "child", "id, parent_id, quote_nullable(note)");
    QVERIFY(!parentsBefore.empty() && !childrenBefore.empty());

    p.writeModels(kModelsV2);
    r = p.run(cliArgs({"revision", "-m", "widen parent", "--autogenerate", "--rev-id", "bbbb00000002"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY2(contains(r.out, "rename column child.note -> body"), r.describe().c_str());
    r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied bbbb00000002\n"));
    r = p.run(cliArgs({"check"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());

    QCOMPARE(p.integer("SELECT count(*) FROM parent"), std::int64_t(10000));
    QCOMPARE(p.integer("SELECT count(*) FROM child"), std::int64_t(20000));  // cascade deleted nothing
    QCOMPARE(p.text("SELECT format_type(atttypid, atttypmod) || ' ' || attnotnull FROM pg_attribute "
                    "WHERE attrelid = 'parent'::regclass AND attname = 'code'"),
             std::string("integer true"));
    QCOMPARE(p.integer("SELECT count(*) FROM parent WHERE code IS DISTINCT FROM id * 7"), std::int64_t(0));
    QCOMPARE(p.integer("SELECT count(*) FROM parent WHERE added = 'fresh'"), std::int64_t(10000));
    QCOMPARE(rowsDigest(p, "child", "id, parent_id, quote_nullable(body)"), childrenBefore);
    QCOMPARE(p.integer("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname IN "
                       "('ix_child_parent', 'ix_parent_name')"),
             std::int64_t(2));
    QCOMPARE(p.text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_child_parent'"),
             std::string("CREATE INDEX ix_child_parent ON public.child USING btree (parent_id)"));
    verifyIntegrity(p);
    {
        // The FK still cascades (in a transaction rolled back: the downgrade needs every row).
        auto db = p.connect();
        db->execute("BEGIN");
        db->execute("DELETE FROM parent WHERE id = 1");
        QCOMPARE(db->query("SELECT count(*) AS n FROM child").integer(0, "n"), std::int64_t(19998));
        db->execute("ROLLBACK");
    }

    r = p.run(cliArgs({"downgrade", "1"}));
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QCOMPARE(r.out, std::string("reverted bbbb00000002\n"));
    QCOMPARE(p.run(cliArgs({"introspect"})).out, schemaV1);
    QCOMPARE(rowsDigest(p, "parent", kParentColumnsV1), parentsBefore);
    QCOMPARE(rowsDigest(p, "child", "id, parent_id, quote_nullable(note)"), childrenBefore);
    verifyIntegrity(p);
    QCOMPARE(p.appliedIds(), (Ids{"aaaa00000001"}));
}

void TestCliPostgresMigrate::branchAndMerge()
{
    PgCliProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "base", {createTableOp("users")});
    p.writeMigration("r2a", {"r1"}, "branch a", {createTableOp("a")});
    p.writeMigration("r2b", {"r1"}, "branch b", {createTableOp("b")});

    const std::string empty = p.snapshot();
    const CliRun head = p.run(cliArgs({"upgrade", "head"}));
    QVERIFY2(head.exitCode == 2, head.describe().c_str());
    QVERIFY2(contains(head.err, "r2a") && contains(head.err, "r2b"), head.describe().c_str());
    QCOMPARE(p.snapshot(), empty);  // not even the version table

    const CliRun heads = p.run(cliArgs({"upgrade", "heads"}));
    QVERIFY2(heads.exitCode == 0, heads.describe().c_str());
    QCOMPARE(heads.out, std::string("applied r1\napplied r2a\napplied r2b\n"));
    QCOMPARE(p.tables(), (Ids{"a", "b", "users"}));

    const CliRun merge = p.run(cliArgs({"merge", "heads", "-m", "join", "--rev-id", "m1"}));
    QVERIFY2(merge.exitCode == 0, merge.describe().c_str());
    QCOMPARE(p.run(cliArgs({"heads"})).out, std::string("m1 — join\n"));
    const CliRun upgradeMerge = p.run(cliArgs({"upgrade", "head"}));
    QVERIFY2(upgradeMerge.exitCode == 0, upgradeMerge.describe().c_str());
    QCOMPARE(upgradeMerge.out, std::string("applied m1\n"));
    QCOMPARE(p.run(cliArgs({"current"})).out, std::string("m1 — join\n"));

    // Down to one merge parent (as Alembic): only its descendants go — the merge — and
    // the other branch stays applied.
    const CliRun down = p.run(cliArgs({"downgrade", "r2a"}));
    QVERIFY2(down.exitCode == 0, down.describe().c_str());
    QCOMPARE(down.out, std::string("reverted m1\n"));
    QCOMPARE(p.appliedIds(), (Ids{"r1", "r2a", "r2b"}));
    QCOMPARE(p.tables(), (Ids{"a", "b", "users"}));
    QCOMPARE(p.run(cliArgs({"current"})).out, std::string("r2a — branch a\nr2b — branch b\n"));
}

void TestCliPostgresMigrate::badInputLeavesDatabaseUntouched_data()
{
    QTest::addColumn<bool>("applied");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("file2");
    QTest::addColumn<QString>("content2");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");  // in stderr, beside "error: "

    const QString r2 = "migrations/r2.json";
    const QString longName(64, QChar('x'));
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
        // PostgreSQL would silently truncate it: refused before anything runs.
        {"identifier over 63 bytes", r2,
         R"({"revision": "r2", "downRevision": ["r1"], "up": [{"kind": "create_table", "table": "fine", "definition": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}, {"kind": "add_column", "table": "users", "column": ")"
             + longName + R"(", "definition": {"type": "text"}}]})",
         {}, {}, {"upgrade"}, longName},
        {"stamp an unknown revision", {}, {}, {}, {}, {"stamp", "nosuchrev"}, "nosuchrev"},
        {"downgrade to an unknown revision", {}, {}, {}, {}, {"downgrade", "nosuchrev"}, "nosuchrev"},
    };
    for (const bool applied : {true, false}) {
        for (const Row& row : rows) {
            const QString name = QString::fromUtf8(row.name) + (applied ? " (r1 applied)" : " (no version table)");
            QTest::newRow(qPrintable(name)) << applied << row.file << row.content << row.file2 << row.content2
                                            << row.arguments << row.expected;
        }
    }
}

void TestCliPostgresMigrate::badInputLeavesDatabaseUntouched()
{
    QFETCH(bool, applied);
    QFETCH(QString, file);
    QFETCH(QString, content);
    QFETCH(QString, file2);
    QFETCH(QString, content2);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);

    PgCliProject p;
    p.writeConfig();
    p.writeModels(singleTableModels("users", {}));
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    if (applied) {
        const CliRun first = p.run(cliArgs({"upgrade"}));
        QVERIFY2(first.exitCode == 0, first.describe().c_str());
    }
    const std::string before = p.snapshot();
    QCOMPARE(contains(before, "\"users\""), applied);
    if (!file.isEmpty())
        p.writeFile(file.toStdString(), content.toStdString());
    if (!file2.isEmpty())
        p.writeFile(file2.toStdString(), content2.toStdString());

    const CliRun r = p.run(arguments);
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, "error: "), r.describe().c_str());
    QVERIFY2(contains(r.err, expected.toStdString()), r.describe().c_str());
    QCOMPARE(p.snapshot(), before);
    QCOMPARE(p.appliedIds(), applied ? Ids{"r1"} : Ids{});
}

// Earlier revisions of the same run stay; the failing one leaves no trace.
void TestCliPostgresMigrate::failingRevisionIsRolledBackAlone()
{
    PgCliProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    // The second operation fails half-way through r2: its first operation must go too.
    p.writeMigration("r2", {"r1"}, "half broken",
                     {createTableOp("posts"), pgExecuteOp("CREATE TABLE broken (", "SELECT 1")});
    p.writeMigration("r3", {"r2"}, "never reached", {createTableOp("later")});

    const CliRun r = p.run(cliArgs({"upgrade"}));
    QVERIFY2(r.exitCode == 1, r.describe().c_str());
    QCOMPARE(r.out, std::string("applied r1\n"));
    QVERIFY2(contains(r.err, "revision r2 failed and was rolled back"), r.describe().c_str());
    QVERIFY2(contains(r.err, "statement: CREATE TABLE broken ("), r.describe().c_str());
    QVERIFY2(contains(r.err, "cause: "), r.describe().c_str());
    QCOMPARE(p.appliedIds(), (Ids{"r1"}));
    QCOMPARE(p.tables(), (Ids{"users"}));
}

void TestCliPostgresMigrate::failingRevisionLeavesAppliedDatabaseAsBefore()
{
    PgCliProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "create users", {createTableOp("users")});
    p.writeMigration("r2", {"r1"}, "create posts", {createTableOp("posts")});
    QVERIFY(p.run(cliArgs({"upgrade"})).exitCode == 0);
    p.execute("INSERT INTO users (id) SELECT generate_series(1, 100)");
    const std::string before = p.snapshot();

    p.writeMigration("r3", {"r2"}, "half broken",
                     {addColumnOp("users", "name"), pgExecuteOp("INSERT INTO nowhere VALUES (1)", "SELECT 1"),
                      createTableOp("never")});
    const CliRun r = p.run(cliArgs({"--json", "upgrade"}));
    QVERIFY2(r.exitCode == 1, r.describe().c_str());
    const tempest::Json doc = tempest::Json::parse(r.out);
    QCOMPARE(doc["exitCode"].get<int>(), 1);
    QCOMPARE(doc["error"]["revision"].get<std::string>(), std::string("r3"));
    QVERIFY(contains(doc["error"]["statement"].get<std::string>(), "nowhere"));
    QCOMPARE(p.snapshot(), before);
    QCOMPARE(p.columns("users"), (Ids{"id"}));
    QCOMPARE(p.integer("SELECT count(*) FROM users"), std::int64_t(100));
    // No advisory lock or transaction was left behind: the next run goes through.
    p.removeFile("migrations/r3.json");
    p.writeMigration("r3", {"r2"}, "fixed", {addColumnOp("users", "name")});
    const CliRun fixed = p.run(cliArgs({"upgrade"}));
    QVERIFY2(fixed.exitCode == 0, fixed.describe().c_str());
    QCOMPARE(fixed.out, std::string("applied r3\n"));
}

void TestCliPostgresMigrate::upgradeSqlChangesNothing()
{
    PgCliProject p;
    writeThreeRevisions(p);
    const std::string empty = p.snapshot();
    // Offline range: no connection needed, nothing created.
    const CliRun range = p.run(cliArgs({"upgrade", "base:r2", "--sql"}));
    QVERIFY2(range.exitCode == 0, range.describe().c_str());
    QVERIFY2(contains(range.out, "CREATE TABLE \"users\""), range.describe().c_str());
    QVERIFY2(contains(range.out, "CREATE TABLE \"posts\""), range.describe().c_str());
    QVERIFY2(!contains(range.out, "ADD COLUMN \"name\""), range.describe().c_str());
    QCOMPARE(p.snapshot(), empty);

    // Against the database: only what is pending, and nothing changes.
    QVERIFY(p.run(cliArgs({"upgrade", "r1"})).exitCode == 0);
    const std::string before = p.snapshot();
    const CliRun sql = p.run(cliArgs({"upgrade", "--sql"}));
    QVERIFY2(sql.exitCode == 0, sql.describe().c_str());
    QVERIFY2(!contains(sql.out, "CREATE TABLE \"users\""), sql.describe().c_str());
    QVERIFY2(contains(sql.out, "CREATE TABLE \"posts\""), sql.describe().c_str());
    QVERIFY2(contains(sql.out, "ADD COLUMN \"name\""), sql.describe().c_str());
    QVERIFY2(contains(sql.out, "pg_advisory_lock"), sql.describe().c_str());
    QCOMPARE(p.snapshot(), before);
    QCOMPARE(p.appliedIds(), (Ids{"r1"}));

    const CliRun down = p.run(cliArgs({"downgrade", "r3:base", "--sql"}));
    QVERIFY2(down.exitCode == 0, down.describe().c_str());
    QVERIFY2(contains(down.out, "DROP TABLE \"posts\""), down.describe().c_str());
    QCOMPARE(p.snapshot(), before);

    // The printed SQL is what a DBA would run: it applies as is.
    p.connect()->executeScript(sql.out);
    QCOMPARE(p.appliedIds(), (Ids{"r1", "r2", "r3"}));
    QCOMPARE(p.columns("users"), (Ids{"id", "name"}));
    QCOMPARE(p.run(cliArgs({"upgrade"})).out, std::string("nothing to upgrade\n"));
}

void TestCliPostgresMigrate::editedAppliedMigrationIsReported()
{
    PgCliProject p;
    writeThreeRevisions(p);
    p.writeModels(R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "name": {"type": "text"}}, "primaryKey": ["id"]},)"
                  R"( "posts": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}})");
    QVERIFY(p.run(cliArgs({"upgrade"})).exitCode == 0);
    const CliRun clean = p.run(cliArgs({"check"}));
    QVERIFY2(clean.exitCode == 0, clean.describe().c_str());

    // Someone edits r2 after it was applied.
    p.writeMigration("r2", {"r1"}, "create posts", {createTableOp("posts", R"("title": {"type": "text"})")});
    const CliRun check = p.run(cliArgs({"check"}));
    QVERIFY2(check.exitCode == 1, check.describe().c_str());
    QCOMPARE(linesStartingWith(check, "changed: "), (Ids{"changed: r2"}));

    const CliRun json = p.run(cliArgs({"--json", "current"}));
    QVERIFY2(json.exitCode == 0, json.describe().c_str());
    QVERIFY(tempest::Json::parse(json.out)["warnings"] == tempest::Json::array({"changed: r2"}));
}

void TestCliPostgresMigrate::concurrentUpgradesApplyEachRevisionOnce()
{
    PgCliProject p;
    writeThreeRevisions(p);
    // A slow first revision makes sure the runners really overlap.
    p.writeMigration("r1", {}, "create users",
                     {createTableOp("users"), pgExecuteOp("SELECT pg_sleep(0.5)", "SELECT 1")});
    p.writeMigration("r4", {"r3"}, "add users.email", {addColumnOp("users", "email")});
    p.writeMigration("r5", {"r4"}, "create tags", {createTableOp("tags")});

    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < 4; ++i)
        processes.push_back(p.start(cliArgs({"upgrade"})));
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
    QCOMPARE(p.integer("SELECT count(DISTINCT seq) FROM tempest_db_migrations"), std::int64_t(5));
    QCOMPARE(p.tables(), (Ids{"posts", "tags", "users"}));
    QCOMPARE(p.columns("users"), (Ids{"id", "name", "email"}));
}

// Every runner reaches the broken revision in turn; none leaves a trace of it.
void TestCliPostgresMigrate::concurrentUpgradesStopAtAFailingRevision()
{
    PgCliProject p;
    p.writeConfig();
    p.writeMigration("r1", {}, "create users",
                     {createTableOp("users"), pgExecuteOp("SELECT pg_sleep(0.5)", "SELECT 1")});
    p.writeMigration("r2", {"r1"}, "create posts", {createTableOp("posts")});
    QVERIFY(p.run(cliArgs({"upgrade", "r1"})).exitCode == 0);
    p.writeMigration("r3", {"r2"}, "half broken",
                     {addColumnOp("users", "name"), pgExecuteOp("SELECT 1/0", "SELECT 1")});

    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < 4; ++i)
        processes.push_back(p.start(cliArgs({"upgrade"})));
    std::map<std::string, int> appliedCount;
    for (auto& process : processes) {
        const CliRun r = TestProject::collect(*process);
        QVERIFY2(r.exitCode == 1, r.describe().c_str());
        QVERIFY2(contains(r.err, "revision r3 failed and was rolled back"), r.describe().c_str());
        QVERIFY2(contains(r.err, "division by zero"), r.describe().c_str());
        for (const std::string& line : linesStartingWith(r, "applied "))
            ++appliedCount[line.substr(8)];
    }
    QCOMPARE(appliedCount, (std::map<std::string, int>{{"r2", 1}}));
    QCOMPARE(p.appliedIds(), (Ids{"r1", "r2"}));
    QCOMPARE(p.tables(), (Ids{"posts", "users"}));
    QCOMPARE(p.columns("users"), (Ids{"id"}));
}

QTEST_GUILESS_MAIN(TestCliPostgresMigrate)
#include "tst_cli_postgres_migrate.moc"
