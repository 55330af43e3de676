// Rendering against a live SQLite file, run the way the runner runs a revision: the
// rebuild keeps every row, child rows, dependent indexes, triggers and views; STRICT and
// WITHOUT ROWID survive; odd identifiers work; enum changes rebuild; execute splits; the
// version table and integrity checks read what SQLite reports.

#include "core/dialect/sqlite/sqlite_dialect.h"
#include "core/ir/errors.h"
#include "core/ir/schema_json.h"
#include "core/ops/operation.h"
#include "sqlite_test.h"
#include "tst_sqlite_render_support.h"

#include <QTest>

#include <algorithm>

using namespace tempest;
using namespace tempest::test;

namespace {

/// parent(id, code varchar(20) NULL, amount integer) with 2,000 rows, and child rows
/// referencing it ON DELETE CASCADE, 4,000 of them.
Schema parentChildSchema()
{
    Table parent;
    parent.name = "parent";
    parent.columns = {column("id", ColumnType::Integer, false), varchar("code", 20), column("amount", ColumnType::Integer)};
    parent.primaryKey = {"id"};
    parent.indexes = {{"ix_parent_code", {IndexColumn::column("code")}, false, std::nullopt}};
    Table child;
    child.name = "child";
    child.columns = {column("id", ColumnType::Integer, false), column("parent_id", ColumnType::Integer, false),
                     column("note", ColumnType::Text)};
    child.primaryKey = {"id"};
    child.foreignKeys = {{"fk_child_parent", {"parent_id"}, "parent", {"id"}, FkAction::Cascade, FkAction::NoAction}};
    Schema schema;
    schema.tables = {parent, child};
    return schema;
}

std::vector<std::string> column0(Driver& driver, const std::string& sql)
{
    std::vector<std::string> out;
    ResultSet rows = driver.query(sql);
    for (const auto& row : rows.rows)
        out.push_back(valueToString(row[0]));
    return out;
}

} // namespace

class TestSqliteRenderLive : public QObject {
    Q_OBJECT

private slots:
    void rebuildKeepsRowsChildrenAndDependents();
    void tableOptionsSurviveRebuild_data();
    void tableOptionsSurviveRebuild();
    void oddIdentifiers_data();
    void oddIdentifiers();
    void enumValueChangesRebuild();
    void executeSplitsStatements();
    void autoincrementHighWaterMarkKept();
    void renamedTableWithTriggerIsRebuilt();
    void integrityProblemsListViolations();
    void versionTableRoundTrip();
    void renderedSchemaIntrospectsBack();
    void nullablePrimaryKeysStayNullable();
    void conflictClausesOfAChangedColumnStay();
    void generatedColumnsAndDeferredForeignKeysRoundTrip();
};

void TestSqliteRenderLive::rebuildKeepsRowsChildrenAndDependents()
{
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    const Schema before = parentChildSchema();
    createSchema(*driver, dialect, before);
    driver->execute("PRAGMA foreign_keys=ON");
    driver->execute("BEGIN");
    driver->execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                    "INSERT INTO parent (id, code, amount) SELECT i, CASE WHEN i % 10 = 0 THEN NULL ELSE 'c' || i END, "
                    "i * 3 FROM n");
    driver->execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) "
                    "INSERT INTO child (id, parent_id, note) SELECT i, (i - 1) % 2000 + 1, 'note ' || i FROM n");
    driver->execute("COMMIT");
    // Objects the IR does not describe: they must come back from sqlite_schema.
    driver->execute("CREATE TABLE audit (msg TEXT)");
    driver->execute("CREATE INDEX ix_parent_amount_desc ON parent (amount DESC)");
    driver->execute("CREATE TRIGGER parent_ins AFTER INSERT ON parent BEGIN INSERT INTO audit VALUES ('p' || NEW.id); END");
    driver->execute("CREATE VIEW big_parents AS SELECT id, code FROM parent WHERE id > 1000");
    driver->execute("CREATE VIEW big_parent_count AS SELECT count(*) AS n FROM big_parents");
    driver->execute("CREATE TRIGGER child_ins AFTER INSERT ON child BEGIN "
                    "INSERT INTO audit SELECT 'c' || count(*) FROM parent; END");
    const std::string sumBefore = scalar(*driver, "SELECT sum(amount) FROM parent");

    // code: varchar(20) NULL → text NOT NULL DEFAULT 'none'; amount: integer → text.
    const Table& parent = *before.findTable("parent");
    Column codeTo = withDefault(column("code", ColumnType::Text, false), DefaultValue::string("none"));
    Column amountTo = column("amount", ColumnType::Text);
    std::vector<Operation> ops{AlterColumn{"parent", parent.columns[1], codeTo},
                               AlterColumn{"parent", parent.columns[2], amountTo}};

    RenderContext context;
    context.before = &before;
    context.live = driver.get();
    auto statements = dialect.render(ops, context);
    int creates = 0;
    for (const auto& s : statements)
        creates += s.sql.rfind("CREATE TABLE", 0) == 0 ? 1 : 0;
    QCOMPARE(creates, 1);  // two alter_column folded into one rebuild
    for (const auto& s : statements)
        QVERIFY2(s.sql.find("WARNING") == std::string::npos, s.sql.c_str());

    runOperations(*driver, dialect, before, ops);

    QCOMPARE(scalar(*driver, "SELECT count(*) FROM parent"), std::string("2000"));
    QCOMPARE(scalar(*driver, "SELECT count(*) FROM child"), std::string("4000"));
    QCOMPARE(scalar(*driver, "SELECT count(*) FROM parent WHERE code = 'none'"), std::string("200"));
    QCOMPARE(scalar(*driver, "SELECT code FROM parent WHERE id = 7"), std::string("c7"));
    QCOMPARE(scalar(*driver, "SELECT typeof(amount) FROM parent WHERE id = 7"), std::string("text"));
    QCOMPARE(scalar(*driver, "SELECT amount FROM parent WHERE id = 7"), std::string("21"));
    QCOMPARE(scalar(*driver, "SELECT sum(amount) FROM parent"), sumBefore);
    QCOMPARE(scalar(*driver, "SELECT count(*) FROM child c JOIN parent p ON p.id = c.parent_id"), std::string("4000"));
    QCOMPARE(scalar(*driver, "PRAGMA integrity_check"), std::string("ok"));
    QCOMPARE(driver->query("PRAGMA foreign_key_check").rows.size(), std::size_t(0));
    QCOMPARE(scalar(*driver, "SELECT \"notnull\" FROM pragma_table_info('parent') WHERE name = 'code'"),
             std::string("1"));

    // Indexes (described and not), triggers and views are all back, and work.
    QCOMPARE(column0(*driver, "SELECT name FROM sqlite_schema WHERE tbl_name = 'parent' AND type = 'index' ORDER BY name"),
             (std::vector<std::string>{"ix_parent_amount_desc", "ix_parent_code"}));
    QCOMPARE(column0(*driver, "SELECT name FROM sqlite_schema WHERE type IN ('view', 'trigger') ORDER BY name"),
             (std::vector<std::string>{"big_parent_count", "big_parents", "child_ins", "parent_ins"}));
    QCOMPARE(scalar(*driver, "SELECT n FROM big_parent_count"), std::string("1000"));
    driver->execute("INSERT INTO parent (id, code, amount) VALUES (5000, 'x', '1')");
    driver->execute("INSERT INTO child (id, parent_id) VALUES (5000, 5000)");
    QCOMPARE(column0(*driver, "SELECT msg FROM audit"), (std::vector<std::string>{"p5000", "c2001"}));
    // The FK still cascades once foreign keys are back on (commitRun restores them).
    driver->execute("DELETE FROM parent WHERE id = 1");
    QCOMPARE(scalar(*driver, "SELECT count(*) FROM child WHERE parent_id = 1"), std::string("0"));
}

void TestSqliteRenderLive::tableOptionsSurviveRebuild_data()
{
    QTest::addColumn<QString>("options");
    QTest::newRow("strict") << "STRICT";
    QTest::newRow("without rowid") << "WITHOUT ROWID";
    QTest::newRow("both") << "STRICT, WITHOUT ROWID";
}

void TestSqliteRenderLive::tableOptionsSurviveRebuild()
{
    QFETCH(QString, options);
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    driver->execute("CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v INT, n TEXT) " + options.toStdString());
    driver->execute("INSERT INTO kv VALUES ('a', 1, 'x'), ('b', 2, NULL)");

    Table kv;
    kv.name = "kv";
    kv.columns = {column("k", ColumnType::Text, false), column("v", ColumnType::Integer), column("n", ColumnType::Text)};
    kv.primaryKey = {"k"};
    Schema before;
    before.tables = {kv};
    // varchar is no STRICT type: the rebuild spells it with the same affinity (TEXT).
    runOperations(*driver, dialect, before,
                  {AlterColumn{"kv", kv.columns[2], withDefault(varchar("n", 10, false), DefaultValue::string("-"))},
                   AddColumn{"kv", varchar("extra", 5)}});

    std::string sql = scalar(*driver, "SELECT sql FROM sqlite_schema WHERE name = 'kv'");
    QVERIFY2(sql.size() >= std::size_t(options.size())
                 && sql.compare(sql.size() - options.size(), options.size(), options.toStdString()) == 0,
             sql.c_str());
    QCOMPARE(column0(*driver, "SELECT k || ':' || v || ':' || n FROM kv ORDER BY k"),
             (std::vector<std::string>{"a:1:x", "b:2:-"}));
    if (options.contains("STRICT"))
        QVERIFY_THROWS_EXCEPTION(DatabaseError, driver->execute("INSERT INTO kv (k, v) VALUES ('c', 'not a number')"));
    if (options.contains("ROWID"))
        QVERIFY_THROWS_EXCEPTION(DatabaseError, driver->query("SELECT rowid FROM kv"));
}

void TestSqliteRenderLive::oddIdentifiers_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("col");
    QTest::newRow("quotes") << "ta\"ble" << "co\"l'umn";
    QTest::newRow("spaces") << "my table" << "my column";
    QTest::newRow("unicode") << "tábla_ünï" << "列";
    QTest::newRow("reserved") << "order" << "select";
}

void TestSqliteRenderLive::oddIdentifiers()
{
    QFETCH(QString, table);
    QFETCH(QString, col);
    const std::string t = table.toStdString(), c = col.toStdString();
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;

    Table def;
    def.name = t;
    def.columns = {autoId("id"), column(c, ColumnType::Text, false)};
    def.primaryKey = {"id"};
    def.indexes = {{"ix " + t, {IndexColumn::column(c)}, true, std::nullopt}};
    def.checks = {{"ck " + t, dialect.quoteIdentifier(c) + " <> ''"}};
    Schema schema;
    runOperations(*driver, dialect, schema, {CreateTable{def}});
    applyOperation(schema, CreateTable{def});
    driver->execute("INSERT INTO " + dialect.quoteIdentifier(t) + " (" + dialect.quoteIdentifier(c)
                    + ") VALUES ('v1'), ('v2')");

    const std::string renamed = t + " 2";
    const std::string renamedColumn = c + " 2";
    std::vector<Operation> ops{RenameTable{t, renamed}, RenameColumn{renamed, c, renamedColumn}};
    runOperations(*driver, dialect, schema, ops);
    applyOperations(schema, ops);
    // A rebuild: the check's expression names the old column, so it is replaced too.
    const Table& current = *schema.findTable(renamed);
    std::vector<Operation> rebuild{DropCheck{renamed, current.checks[0]},
                                   AlterColumn{renamed, *current.findColumn(renamedColumn),
                                               column(renamedColumn, ColumnType::Text, true)}};
    runOperations(*driver, dialect, schema, rebuild);

    QCOMPARE(column0(*driver, "SELECT " + dialect.quoteIdentifier(renamedColumn) + " FROM "
                                  + dialect.quoteIdentifier(renamed) + " ORDER BY 1"),
             (std::vector<std::string>{"v1", "v2"}));
    QCOMPARE(scalar(*driver, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = "
                                 + dialect.quoteLiteral("ix " + t)),
             std::string("1"));
    QCOMPARE(scalar(*driver, "PRAGMA integrity_check"), std::string("ok"));
}

void TestSqliteRenderLive::enumValueChangesRebuild()
{
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    Schema schema = sampleSchema();
    createSchema(*driver, dialect, schema);
    driver->execute("INSERT INTO users (email, role) VALUES ('a@x', 'admin'), ('b@x', NULL)");
    QVERIFY_THROWS_EXCEPTION(DatabaseError, driver->execute("INSERT INTO users (email, role) VALUES ('c@x', 'owner')"));

    std::vector<Operation> add{AddEnumValue{"user_role", "owner", std::nullopt}};
    runOperations(*driver, dialect, schema, add);
    applyOperations(schema, add);
    driver->execute("INSERT INTO users (email, role) VALUES ('c@x', 'owner')");
    QCOMPARE(scalar(*driver, "SELECT count(*) FROM users"), std::string("3"));

    // Dropping a value a row uses fails the revision, and the rollback leaves it whole.
    std::vector<Operation> drop{DropEnumValue{"user_role", "owner", std::nullopt}};
    QVERIFY_THROWS_EXCEPTION(DatabaseError, runOperations(*driver, dialect, schema, drop));
    QCOMPARE(scalar(*driver, "SELECT count(*) FROM users WHERE role = 'owner'"), std::string("1"));
    driver->execute("DELETE FROM users WHERE role = 'owner'");
    runOperations(*driver, dialect, schema, drop);
    QVERIFY_THROWS_EXCEPTION(DatabaseError, driver->execute("INSERT INTO users (email, role) VALUES ('d@x', 'owner')"));
    QCOMPARE(scalar(*driver, "SELECT count(*) FROM users"), std::string("2"));
}

void TestSqliteRenderLive::executeSplitsStatements()
{
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    Schema schema;
    std::vector<Operation> ops{Execute{
        {{"sqlite", "CREATE TABLE t (a TEXT); -- first; comment\n"
                    "CREATE TABLE log (m TEXT);\n"
                    "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN\n"
                    "  INSERT INTO log VALUES (CASE WHEN NEW.a = ';' THEN 'semi' ELSE 'other' END);\n"
                    "  INSERT INTO log VALUES ('two;');\n"
                    "END;\n"
                    "INSERT INTO t VALUES (';'); /* trailing ; comment */"}},
        std::nullopt}};
    runOperations(*driver, dialect, schema, ops);
    QCOMPARE(column0(*driver, "SELECT m FROM log ORDER BY rowid"), (std::vector<std::string>{"semi", "two;"}));
}

void TestSqliteRenderLive::autoincrementHighWaterMarkKept()
{
    // Ids of deleted rows must not be handed out again after a rebuild.
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    Schema schema = sampleSchema();
    createSchema(*driver, dialect, schema);
    driver->execute("INSERT INTO users (email) VALUES ('1'), ('2'), ('3')");
    driver->execute("DELETE FROM users WHERE id = 3");
    runOperations(*driver, dialect, schema, {DropCheck{"users", schema.findTable("users")->checks[0]}});
    driver->execute("INSERT INTO users (email) VALUES ('4')");
    QCOMPARE(scalar(*driver, "SELECT max(id) FROM users"), std::string("4"));
}

void TestSqliteRenderLive::renamedTableWithTriggerIsRebuilt()
{
    // SQLite rewrites the trigger for the rename; the rebuild that follows in the same
    // revision recreates it from the run's catalog, which carries the same rewrite (it
    // used to be refused, the SQL read before the rename being stale).
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    Schema schema = parentChildSchema();
    createSchema(*driver, dialect, schema);
    driver->execute("CREATE TABLE gone (id INTEGER)");
    driver->execute("CREATE TRIGGER parent_del AFTER DELETE ON parent BEGIN INSERT INTO gone VALUES (OLD.id); END");
    driver->execute("INSERT INTO parent (id, code, amount) VALUES (1, 'a', 10), (2, 'b', 20)");
    const Table& parent = *schema.findTable("parent");
    std::vector<Operation> ops{RenameTable{"parent", "mother"},
                               AlterColumn{"mother", parent.columns[2], column("amount", ColumnType::Text)}};
    runOperations(*driver, dialect, schema, ops);

    QCOMPARE(scalar(*driver, "SELECT sql FROM sqlite_schema WHERE name = 'parent_del'"),
             std::string("CREATE TRIGGER parent_del AFTER DELETE ON \"mother\" BEGIN INSERT INTO gone VALUES (OLD.id); END"));
    QCOMPARE(scalar(*driver, "SELECT typeof(amount) FROM mother WHERE id = 2"), std::string("text"));
    driver->execute("DELETE FROM mother WHERE id = 2");
    QCOMPARE(column0(*driver, "SELECT id FROM gone"), (std::vector<std::string>{"2"}));
}

void TestSqliteRenderLive::integrityProblemsListViolations()
{
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    createSchema(*driver, dialect, parentChildSchema());
    driver->execute("PRAGMA foreign_keys=OFF");
    driver->execute("INSERT INTO child (id, parent_id) VALUES (7, 42)");
    const std::set<std::string> orphan{"child 7 parent 0"};
    QCOMPARE(dialect.integrityProblems(*driver, IntegrityScope{false, {"child"}}), orphan);
    // Table names are SQLite's: any case; a table that does not exist is no error.
    QCOMPARE(dialect.integrityProblems(*driver, IntegrityScope{false, {"CHILD", "dropped", "parent"}}), orphan);
    QCOMPARE(dialect.integrityProblems(*driver, IntegrityScope{true, {}}), orphan);
    // A scope lists the tables whose foreign keys are read: the parent's children are the
    // runner's to add (core/runner/integrity_scope.h).
    QVERIFY(dialect.integrityProblems(*driver, IntegrityScope{false, {"parent"}}).empty());
    QVERIFY(dialect.integrityProblems(*driver, IntegrityScope{false, {"unrelated"}}).empty());
    QVERIFY(dialect.integrityProblems(*driver, IntegrityScope{}).empty());
    QCOMPARE(dialect.foreignKeyEdges(*driver),
             (std::vector<std::pair<std::string, std::string>>{{"child", "parent"}}));
}

void TestSqliteRenderLive::versionTableRoundTrip()
{
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    const std::string table = "tempest \"versions\"";
    QVERIFY(!dialect.versionTableExists(*driver, "", table));
    for (const auto& sql : dialect.createVersionTable("", table))
        driver->execute(sql);
    for (const auto& sql : dialect.createVersionTable("", table))
        driver->execute(sql);  // IF NOT EXISTS: idempotent
    QVERIFY(dialect.versionTableExists(*driver, "", table));

    driver->execute(dialect.insertVersionRow("", table, {"b2", "it's second", "2026-01-02T00:00:00Z", "sha256:bb", 2}));
    driver->execute(dialect.insertVersionRow("", table, {"a1", "", "2026-01-01T00:00:00Z", "sha256:aa", 1}));
    auto rows = dialect.readVersionTable(*driver, "", table);
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0].id, std::string("a1"));
    QCOMPARE(rows[1].label, std::string("it's second"));
    QCOMPARE(rows[1].appliedAt, std::string("2026-01-02T00:00:00Z"));
    QCOMPARE(rows[1].checksum, std::string("sha256:bb"));
    QCOMPARE(rows[1].seq, std::int64_t(2));
    QVERIFY_THROWS_EXCEPTION(DatabaseError,
                             driver->execute(dialect.insertVersionRow("", table, {"a1", "", "x", "", 3})));

    driver->execute(dialect.deleteVersionRow("", table, "a1"));
    rows = dialect.readVersionTable(*driver, "", table);
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].id, std::string("b2"));
}

void TestSqliteRenderLive::renderedSchemaIntrospectsBack()
{
    // The contract with introspection (sqlite_types.h): what the renderer writes — enum
    // checks, defaults, quoted names, and a rebuilt table — reads back as the same IR.
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    Schema model = sampleSchema();
    Table odd;
    odd.name = "we\"ird table";
    odd.columns = {column("select", ColumnType::Integer, false), varchar("ünï \"q\"", 12),
                   withDefault(column("flag", ColumnType::Boolean, false), DefaultValue::boolean(false)),
                   withDefault(column("at", ColumnType::Timestamptz), DefaultValue::expression("datetime('now')"))};
    odd.primaryKey = {"select", "ünï \"q\""};
    odd.uniques = {{"uq odd", {"flag", "at"}}};
    model.tables.push_back(odd);
    createSchema(*driver, dialect, model);

    Table& users = *model.findTable("users");
    Column score = users.columns[3];
    std::vector<Operation> ops{AlterColumn{"users", score, withDefault(column("score", ColumnType::Double, false),
                                                                       DefaultValue::number("0"))},
                               AddEnumValue{"user_role", "owner", std::nullopt}};
    runOperations(*driver, dialect, model, ops);
    applyOperations(model, ops);

    Schema expected = dialect.normalizeModel(model);
    Schema live = dialect.introspect(*driver, {});
    auto byName = [](const Table& a, const Table& b) { return a.name < b.name; };
    std::sort(expected.tables.begin(), expected.tables.end(), byName);
    std::sort(live.tables.begin(), live.tables.end(), byName);
    QCOMPARE(live.tables.size(), expected.tables.size());
    for (std::size_t i = 0; i < live.tables.size(); ++i)
        QVERIFY2(live.tables[i] == expected.tables[i], live.tables[i].name.c_str());
    QCOMPARE(live.enums, expected.enums);
}

void TestSqliteRenderLive::nullablePrimaryKeysStayNullable()
{
    // `INT PRIMARY KEY` and `TEXT PRIMARY KEY` in a rowid table accept NULL (issue 11):
    // they read as nullable, and what the IR creates again accepts NULL too (INTEGER
    // would make the rowid, which never is NULL), also after a rebuild.
    SqliteTempFile original;
    auto source = SqliteDriver::open(original.path());
    source->executeScript("CREATE TABLE t (a INT PRIMARY KEY, b TEXT); CREATE TABLE u (k TEXT PRIMARY KEY, v TEXT);"
                          "INSERT INTO t VALUES (NULL, 'x'); INSERT INTO u VALUES (NULL, 'y');");
    SqliteDialect dialect;
    const Schema schema = dialect.introspect(*source, {});
    QVERIFY(schema.findTable("t")->findColumn("a")->nullable);
    QVERIFY(schema.findTable("u")->findColumn("k")->nullable);

    SqliteTempFile copy;
    auto driver = SqliteDriver::open(copy.path());
    createSchema(*driver, dialect, schema);
    QCOMPARE(dialect.introspect(*driver, {}).tables, schema.tables);
    driver->execute("INSERT INTO t VALUES (NULL, 'x'), (NULL, 'y')");
    QCOMPARE(scalar(*driver, "SELECT count(*) FROM t WHERE a IS NULL"), std::string("2"));

    Column b = schema.findTable("t")->columns[1];
    Column bNotNull = withDefault(b, DefaultValue::string("-"));
    bNotNull.nullable = false;
    runOperations(*driver, dialect, schema, {AlterColumn{"t", b, bNotNull}});
    QVERIFY(dialect.introspect(*driver, {}).findTable("t")->findColumn("a")->nullable);
    QCOMPARE(scalar(*driver, "SELECT count(*) FROM t WHERE a IS NULL"), std::string("2"));
}

void TestSqliteRenderLive::conflictClausesOfAChangedColumnStay()
{
    // The IR has no place for ON CONFLICT (introspection lists it): a rebuild that writes
    // the column anew for another change keeps the clauses written on it.
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    driver->executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, q TEXT NOT NULL ON CONFLICT IGNORE UNIQUE ON CONFLICT REPLACE)");
    SqliteDialect dialect;
    const Schema schema = dialect.introspect(*driver, {});
    const Column q = *schema.findTable("t")->findColumn("q");
    runOperations(*driver, dialect, schema, {AlterColumn{"t", q, withDefault(q, DefaultValue::string("-"))}});
    QCOMPARE(scalar(*driver, "SELECT sql FROM sqlite_schema WHERE name = 't'"),
             std::string("CREATE TABLE \"t\" (id INTEGER PRIMARY KEY, \"q\" TEXT NOT NULL ON CONFLICT IGNORE DEFAULT '-' "
                         "UNIQUE ON CONFLICT REPLACE)"));
    driver->execute("INSERT INTO t (id, q) VALUES (1, 'a'), (2, NULL), (3, 'a')");  // ignored, replaced
    QCOMPARE(scalar(*driver, "SELECT group_concat(id || q) FROM t"), std::string("3a"));
}

// docs/ir.md "Generated columns" and "Deferrable constraints" on SQLite: created, read
// back equal, working as declared, kept by a rebuild for another column, added (a
// STORED one only by a rebuild), changed (a rebuild) and reverted.
void TestSqliteRenderLive::generatedColumnsAndDeferredForeignKeysRoundTrip()
{
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    Schema model = parseSchema(R"J({"tables": {
        "shelf": {"columns": {"id": {"type": "integer"}, "code": {"type": "text", "nullable": false}},
                  "primaryKey": ["id"], "uniques": {"uq_shelf_code": {"columns": ["code"]}}},
        "item": {"columns": {"id": {"type": "integer"}, "shelf_code": {"type": "text"},
                             "price": {"type": "real"}, "qty": {"type": "integer"},
                             "total": {"type": "real", "generated": {"expr": "price * qty"}},
                             "label": {"type": "text", "generated": {"expr": "upper(shelf_code)", "stored": false}}},
                 "primaryKey": ["id"],
                 "indexes": {"ix_item_total": {"columns": ["total"]}},
                 "foreignKeys": {"fk_item_shelf": {"columns": ["shelf_code"], "refTable": "shelf", "refColumns": ["code"],
                                                   "deferrable": true, "initiallyDeferred": true}}}}})J",
                               "model");
    createSchema(*driver, dialect, model);
    Schema live = dialect.introspect(*driver, {});
    QVERIFY2(live.unsupported.empty(), toJson(live).c_str());
    QCOMPARE(live.tables.size(), std::size_t(2));
    for (const Table& table : dialect.normalizeModel(model).tables)
        QVERIFY2(*live.findTable(table.name) == table, table.name.c_str());

    driver->execute("PRAGMA foreign_keys = ON");
    driver->execute("BEGIN");  // the child before its parent: checked at COMMIT
    driver->execute("INSERT INTO item (id, shelf_code, price, qty) VALUES (1, 'a1', 2.5, 4)");
    driver->execute("INSERT INTO shelf (id, code) VALUES (1, 'a1')");
    driver->execute("COMMIT");
    QCOMPARE(scalar(*driver, "SELECT total || ' ' || label FROM item"), std::string("10.0 A1"));

    // A rebuild for another column keeps both generated columns, the index on one and the
    // deferral, and the rows.
    const Table& item = *live.findTable("item");
    Column qty = *item.findColumn("qty");
    Column qtyNotNull = withDefault(qty, DefaultValue::number("1"));
    qtyNotNull.nullable = false;
    std::vector<Operation> ops{AlterColumn{"item", qty, qtyNotNull}};
    QCOMPARE(rebuildCount(renderRevision(dialect, live, ops, driver.get(), nullptr), "item"), 1);
    runOperations(*driver, dialect, live, ops);
    applyOperations(live, ops);
    QCOMPARE(dialect.introspect(*driver, {}).tables, live.tables);
    QCOMPARE(scalar(*driver, "SELECT total || ' ' || label FROM item"), std::string("10.0 A1"));
    QVERIFY(scalar(*driver, "SELECT sql FROM sqlite_schema WHERE name = 'item'").find("DEFERRABLE INITIALLY DEFERRED")
            != std::string::npos);

    // A virtual column is added in place, a stored one only by a rebuild; a new expression
    // is a rebuild too. Each computes the existing rows.
    Column doubled = *item.findColumn("total");
    doubled.name = "doubled";
    doubled.generated = "price * qty * 2";
    Column shout = *item.findColumn("label");
    shout.name = "shout";
    shout.generated = "shelf_code || '!'";
    Column total = *live.findTable("item")->findColumn("total");
    Column newTotal = total;
    newTotal.generated = "price + qty";
    ops = {AddColumn{"item", shout}};
    QCOMPARE(rebuildCount(renderRevision(dialect, live, ops, driver.get(), nullptr), "item"), 0);
    ops = {AddColumn{"item", doubled}};
    QCOMPARE(rebuildCount(renderRevision(dialect, live, ops, driver.get(), nullptr), "item"), 1);
    ops = {AddColumn{"item", shout}, AddColumn{"item", doubled}, AlterColumn{"item", total, newTotal}};
    const Schema before = live;
    runOperations(*driver, dialect, live, ops);
    applyOperations(live, ops);
    QCOMPARE(dialect.introspect(*driver, {}).tables, live.tables);
    QCOMPARE(scalar(*driver, "SELECT total || ' ' || doubled || ' ' || shout FROM item"), std::string("6.5 20.0 a1!"));

    runOperations(*driver, dialect, live, invert(ops));
    QCOMPARE(dialect.introspect(*driver, {}).tables, before.tables);
    QCOMPARE(scalar(*driver, "SELECT total || ' ' || label || ' ' || count(*) FROM item"), std::string("10.0 A1 1"));
}

QTEST_APPLESS_MAIN(TestSqliteRenderLive)
#include "tst_sqlite_render_live.moc"
