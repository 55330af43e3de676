// Rebuilds composed within a revision and across the revisions of a run, on real SQLite
// files: every change to a table in one revision is one rebuild that keeps what earlier
// statements of the run left (and nothing they dropped); a column rename and a rebuild
// of the same table work in both orders with triggers and views that read the column;
// offline (one run state for a whole chain) writes the same schema as online; and a
// family of operation pairs applies and inverts back to the start, byte for byte.

#include "core/diff/diff.h"
#include "core/dialect/sqlite/sqlite_catalog_state.h"
#include "core/dialect/sqlite/sqlite_dialect.h"
#include "sqlite_test.h"
#include "tst_sqlite_render_support.h"

#include <QTest>

#include <algorithm>

using namespace tempest;
using namespace tempest::test;

namespace {

/// How `live` differs from `expected` (empty when introspection gives the expected IR).
QString differences(const SqliteDialect& dialect, Driver& live, const Schema& expected)
{
    QStringList lines;
    for (const auto& line : describeDifferences(dialect.normalizeModel(expected), dialect.introspect(live, {}),
                                                &dialect.rules()))
        lines << QString::fromStdString(line);
    return lines.join("\n");
}

/// One revision rendered from `before` against the live database, run, and compared
/// with `before` + `ops`: how many rebuilds of t it made and how the result differs.
struct OneRevision {
    int rebuildsOfT = 0;
    QString differences;
};

OneRevision applyOneRevision(const SqliteDialect& dialect, Driver& driver, const Schema& before,
                             const std::vector<Operation>& ops)
{
    auto state = dialect.newRunState();
    const auto statements = renderRevision(dialect, before, ops, &driver, state.get());
    runStatements(driver, dialect, statements);
    Schema expected = before;
    applyOperations(expected, ops);
    return {rebuildCount(statements, "t"), differences(dialect, driver, expected)};
}

QStringList rows(Driver& driver, const std::string& sql)
{
    QStringList out;
    ResultSet result = driver.query(sql);
    for (const auto& row : result.rows) {
        QStringList cells;
        for (const auto& value : row)
            cells << QString::fromStdString(valueToString(value));
        out << cells.join("|");
    }
    return out;
}

Table makeTable(std::string name, std::vector<Column> columns)
{
    Table t;
    t.name = std::move(name);
    t.columns = std::move(columns);
    t.primaryKey = {"id"};
    return t;
}

/// parent(id), t(id, a, c, p_id → parent) with ix_t_a, u(id, x).
Schema reproductionSchema()
{
    Table t = makeTable("t", {column("id", ColumnType::Integer, false), column("a", ColumnType::Text),
                              column("c", ColumnType::Integer), column("p_id", ColumnType::Integer)});
    t.indexes = {{"ix_t_a", {IndexColumn::column("a")}, false, std::nullopt}};
    t.foreignKeys = {{"fk_t_parent", {"p_id"}, "parent", {"id"}, FkAction::NoAction, FkAction::NoAction}};
    Schema schema;
    schema.tables = {makeTable("parent", {column("id", ColumnType::Integer, false)}), t,
                     makeTable("u", {column("id", ColumnType::Integer, false), column("x", ColumnType::Text)})};
    return schema;
}

/// A database holding reproductionSchema(), 100 rows in t, and an index on t the IR
/// does not describe.
struct ReproductionDb {
    explicit ReproductionDb(const SqliteDialect& dialect)
    {
        createSchema(*driver, dialect, schema);
        driver->execute("INSERT INTO parent (id) VALUES (1), (2), (3)");
        driver->execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
                        "INSERT INTO t (id, a, c, p_id) SELECT i, 'a' || i, i * 2, i % 3 + 1 FROM n");
        driver->execute("INSERT INTO u (id, x) VALUES (1, 'x')");
        driver->execute("CREATE INDEX ix_t_c_desc ON t (c DESC)");  // no IR: must survive
    }

    SqliteTempFile file;
    std::unique_ptr<SqliteDriver> driver = SqliteDriver::open(file.path());
    Schema schema = reproductionSchema();
};

std::vector<Operation> reproductionOps(const Schema& s)
{
    const Table& t = *s.findTable("t");
    return {DropForeignKey{"t", t.foreignKeys[0]}, DropIndex{"t", t.indexes[0]},
            AddColumn{"u", column("note", ColumnType::Text)},
            AlterColumn{"t", *t.findColumn("c"), column("c", ColumnType::Text)}};
}

/// The chain of (b) and (c): a base revision creating t, audit, a trigger and a view
/// (execute), then [rename t.a → b, alter t.c] and its inverse, then it again.
std::vector<std::vector<Operation>> renameChain()
{
    Table t = makeTable("t", {column("id", ColumnType::Integer, false), column("a", ColumnType::Text),
                              column("c", ColumnType::Integer)});
    Table audit = makeTable("audit", {autoId(), column("msg", ColumnType::Text)});
    // Quoted like the dialect's RENAME COLUMN quotes: SQLite then writes every rewritten
    // reference quoted, and renaming back gives the original text.
    Execute objects{{{"sqlite", "CREATE TRIGGER t_ins AFTER INSERT ON \"t\" BEGIN "
                                "INSERT INTO audit (msg) VALUES (NEW.\"a\" || ':' || NEW.\"c\"); END;\n"
                                "CREATE VIEW t_view AS SELECT \"id\", \"a\", \"c\" FROM \"t\" WHERE \"a\" IS NOT NULL"}},
                    std::map<std::string, std::string>{{"sqlite", "DROP VIEW t_view; DROP TRIGGER t_ins"}}};
    std::vector<Operation> up{RenameColumn{"t", "a", "b"},
                              AlterColumn{"t", t.columns[2], column("c", ColumnType::Text)}};
    return {{CreateTable{t}, CreateTable{audit}, objects}, up, invert(up), up};
}

std::string schemaText(Driver& driver)
{
    return rows(driver, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name").join("\n").toStdString();
}


struct Variant {
    const char* name;
    const char* sql;  // what the IR does not describe, created beside it
    bool withoutRowid;
};

const Variant kVariants[] = {
    {"plain", "", false},
    {"trigger", "CREATE TRIGGER t_audit AFTER INSERT ON \"t\" BEGIN INSERT INTO audit (msg) VALUES (NEW.\"b\"); END",
     false},
    {"view", "CREATE VIEW t_view AS SELECT \"id\", \"b\", \"a\" FROM \"t\" WHERE \"b\" > 0", false},
    {"expression index", "CREATE INDEX ix_t_b_desc ON \"t\" (\"b\" DESC)", false},
    {"without rowid", "", true},
};

const char* const kFamilyOps[] = {"drop index",          "add index",   "rename column", "alter column type",
                                  "add column not null", "drop column", "drop fk",       "add check"};

/// parent, t (every operation of the family touches its own column of t), u, audit;
/// 40 rows in t.
void createFamily(Driver& driver, const Variant& variant)
{
    Table t = makeTable("t", {column("id", ColumnType::Integer, false), column("a", ColumnType::Text),
                              column("b", ColumnType::Integer), column("c", ColumnType::Text),
                              column("d", ColumnType::Integer), column("x", ColumnType::Text),
                              column("p_id", ColumnType::Integer)});
    t.indexes = {{"ix_t_a", {IndexColumn::column("a")}, false, std::nullopt}};
    t.foreignKeys = {{"fk_t_parent", {"p_id"}, "parent", {"id"}, FkAction::NoAction, FkAction::NoAction}};
    Schema schema;
    schema.tables = {makeTable("parent", {column("id", ColumnType::Integer, false)}), t,
                     makeTable("u", {column("id", ColumnType::Integer, false), column("y", ColumnType::Text)}),
                     makeTable("audit", {column("id", ColumnType::Integer, false), column("msg", ColumnType::Text)})};
    for (const auto& table : schema.tables) {
        const bool option = variant.withoutRowid && table.name == "t";
        driver.execute(sqliteCreateTable(table, schema) + (option ? " WITHOUT ROWID" : ""));
        for (const auto& index : table.indexes)
            driver.execute(sqliteCreateIndex(table.name, index));
    }
    driver.execute("INSERT INTO parent (id) VALUES (1), (2), (3)");
    driver.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) "
                   "INSERT INTO t (id, a, b, c, d, x, p_id) SELECT i, 'a' || i, i, 'c' || i, i * 10, 'x', i % 3 + 1 FROM n");
    driver.execute("INSERT INTO u (id, y) VALUES (1, 'y'), (2, NULL)");
    if (*variant.sql)
        driver.execute(variant.sql);
}

Operation familyOp(const QString& name, const Schema& start)
{
    const Table& t = *start.findTable("t");
    if (name == "drop index")
        return DropIndex{"t", *t.findIndex("ix_t_a")};
    if (name == "add index")
        return CreateIndex{"t", {"ix_t_c", {IndexColumn::column("c")}, false, std::nullopt}};
    if (name == "rename column")
        return RenameColumn{"t", "b", "b2"};
    if (name == "alter column type") {
        Column to = *t.findColumn("d");
        to.type = ColumnType::Text;
        return AlterColumn{"t", *t.findColumn("d"), to};
    }
    if (name == "add column not null")
        return AddColumn{"t", withDefault(column("e", ColumnType::Integer, false), DefaultValue::number("0"))};
    if (name == "drop column")
        return DropColumn{"t", *t.findColumn("x")};
    if (name == "drop fk")
        return DropForeignKey{"t", *t.findForeignKey("fk_t_parent")};
    return AddCheck{"t", {"ck_t_id", "id >= 0"}};
}

} // namespace

class TestSqliteRebuildCompose : public QObject {
    Q_OBJECT

private slots:
    void twoRebuildsOfOneTableAreOne();
    void laterRevisionKeepsWhatEarlierDropped();
    void renameAndRebuildWithTriggerAndView();
    void offlineChainWritesTheOnlineSchema();
    void offlineRebuildKeepsWhatTheRunCreated();
    void operationPairsApplyAndInvert_data();
    void operationPairsApplyAndInvert();
    void rebuildNameTakenByTheUser_data();
    void rebuildNameTakenByTheUser();
};

void TestSqliteRebuildCompose::twoRebuildsOfOneTableAreOne()
{
    // The reproduction: the add_column on u used to flush t's rebuild, and the second
    // rebuild of t brought ix_t_a back from the catalog read before the revision.
    SqliteDialect dialect;
    ReproductionDb db(dialect);
    auto& driver = db.driver;
    const Schema before = db.schema;
    const std::vector<Operation> ops = reproductionOps(before);

    const OneRevision applied = applyOneRevision(dialect, *driver, before, ops);
    QCOMPARE(applied.rebuildsOfT, 1);
    const QString& diff = applied.differences;
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(rows(*driver, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 't' ORDER BY name"),
             QStringList{"ix_t_c_desc"});
    QCOMPARE(scalar(*driver, "SELECT count(*) || ':' || sum(id) || ':' || typeof(c) FROM t"), std::string("100:5050:text"));
    QCOMPARE(scalar(*driver, "SELECT c FROM t WHERE id = 7"), std::string("14"));
    QCOMPARE(scalar(*driver, "PRAGMA integrity_check"), std::string("ok"));
}

void TestSqliteRebuildCompose::laterRevisionKeepsWhatEarlierDropped()
{
    // `upgrade --sql` with a connection: the second revision is rendered before the first
    // ran, so its rebuild must follow the run's state, not the database.
    SqliteDialect dialect;
    ReproductionDb db(dialect);
    auto& driver = db.driver;
    Schema schema = db.schema;
    const std::vector<Operation> ops = reproductionOps(schema);
    const std::vector<std::vector<Operation>> revisions{{ops[1]}, {ops[0], ops[2], ops[3]}};

    auto state = dialect.newRunState();
    std::vector<Statement> script;
    for (const auto& revision : revisions) {
        for (auto& statement : renderRevision(dialect, schema, revision, driver.get(), state.get()))
            script.push_back(std::move(statement));
        applyOperations(schema, revision);
    }
    runStatements(*driver, dialect, script);
    const QString diff = differences(dialect, *driver, schema);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(rows(*driver, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 't' ORDER BY name"),
             QStringList{"ix_t_c_desc"});
}

void TestSqliteRebuildCompose::renameAndRebuildWithTriggerAndView()
{
    // What autogenerate writes: up = [rename t.a → b, alter t.c], down = its inverse. Both
    // used to be refused ("put the rename in a revision of its own").
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    const auto chain = renameChain();
    Schema schema;
    auto run = [&](const std::vector<Operation>& ops) {
        auto state = dialect.newRunState();  // one runner invocation per revision
        runStatements(*driver, dialect, renderRevision(dialect, schema, ops, driver.get(), state.get()));
        applyOperations(schema, ops);
        const QString diff = differences(dialect, *driver, schema);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(scalar(*driver, "PRAGMA integrity_check"), std::string("ok"));
    };
    run(chain[0]);
    driver->execute("INSERT INTO t (id, a, c) VALUES (1, 'one', 1), (2, NULL, 2)");
    const QStringList original = rows(*driver, "SELECT type, name, sql FROM sqlite_schema "
                                               "WHERE type IN ('trigger', 'view') ORDER BY name");

    run(chain[1]);
    QCOMPARE(rows(*driver, "SELECT name FROM pragma_table_info('t_view')"), (QStringList{"id", "b", "c"}));
    QVERIFY(scalar(*driver, "SELECT sql FROM sqlite_schema WHERE name = 't_ins'").find("NEW.\"b\"") != std::string::npos);
    driver->execute("INSERT INTO t (id, b, c) VALUES (3, 'three', 'x')");
    QCOMPARE(rows(*driver, "SELECT coalesce(msg, '-') FROM audit ORDER BY id"), (QStringList{"one:1", "-", "three:x"}));
    QCOMPARE(rows(*driver, "SELECT id, b, c FROM t_view ORDER BY id"), (QStringList{"1|one|1", "3|three|x"}));
    QCOMPARE(scalar(*driver, "SELECT typeof(c) FROM t WHERE id = 1"), std::string("text"));

    run(chain[2]);
    QCOMPARE(rows(*driver, "SELECT type, name, sql FROM sqlite_schema WHERE type IN ('trigger', 'view') ORDER BY name"),
             original);
    driver->execute("INSERT INTO t (id, a, c) VALUES (4, 'four', 4)");
    QCOMPARE(rows(*driver, "SELECT coalesce(msg, '-') FROM audit ORDER BY id"),
             (QStringList{"one:1", "-", "three:x", "four:4"}));
    QCOMPARE(rows(*driver, "SELECT id, a FROM t_view ORDER BY id"), (QStringList{"1|one", "3|three", "4|four"}));
    QCOMPARE(scalar(*driver, "SELECT count(*) FROM t"), std::string("4"));
}

void TestSqliteRebuildCompose::offlineChainWritesTheOnlineSchema()
{
    // Offline (`--sql` from an empty database, one state for the chain), the rebuilds know
    // the trigger and view the first revision created, so the script writes what the
    // online run writes; and the state's model is what SQLite holds.
    SqliteDialect dialect;
    const auto chain = renameChain();

    SqliteTempFile onlineDb;
    auto online = SqliteDriver::open(onlineDb.path());
    {
        auto state = dialect.newRunState();
        Schema schema;
        for (const auto& ops : chain) {
            runStatements(*online, dialect, renderRevision(dialect, schema, ops, online.get(), state.get()));
            applyOperations(schema, ops);
        }
    }

    SqliteTempFile offlineDb;
    auto offline = SqliteDriver::open(offlineDb.path());
    auto state = dialect.newRunState();
    Schema schema;
    std::vector<Statement> script;
    for (const auto& ops : chain) {
        for (auto& statement : renderRevision(dialect, schema, ops, nullptr, state.get())) {
            QVERIFY2(statement.sql.find("WARNING") == std::string::npos, statement.sql.c_str());
            script.push_back(std::move(statement));
        }
        applyOperations(schema, ops);
    }
    runStatements(*offline, dialect, script);

    QCOMPARE(QString::fromStdString(schemaText(*offline)), QString::fromStdString(schemaText(*online)));
    QStringList model;
    for (const auto& object : static_cast<const SqliteRunState&>(*state).objects())
        model << QString::fromStdString(object.type + "|" + object.name + "|" + object.table + "|" + object.sql);
    QCOMPARE(model, rows(*offline, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid"));
}

void TestSqliteRebuildCompose::offlineRebuildKeepsWhatTheRunCreated()
{
    // Offline from a database the state never saw: t's own triggers are unknown (the
    // warning says so), but the one an earlier execute of the run created comes back.
    SqliteDialect dialect;
    ReproductionDb db(dialect);
    auto& driver = db.driver;
    Schema schema = db.schema;
    const Execute trigger{{{"sqlite", "CREATE TABLE log (n INTEGER); "
                                      "CREATE TRIGGER t_del AFTER DELETE ON t BEGIN INSERT INTO log VALUES (OLD.id); END"}},
                          std::nullopt};
    const std::vector<std::vector<Operation>> revisions{{trigger}, {reproductionOps(schema)[3]}};

    auto state = dialect.newRunState();
    std::vector<Statement> script;
    for (const auto& ops : revisions)
        for (auto& statement : renderRevision(dialect, schema, ops, nullptr, state.get()))
            script.push_back(std::move(statement));
    const auto warning = std::find_if(script.begin(), script.end(), [](const Statement& s) { return s.commentOnly; });
    QVERIFY(warning != script.end());
    QVERIFY2(warning->sql.find("table \"t\"") != std::string::npos
                 && warning->sql.find("except the ones created earlier in this run") != std::string::npos,
             warning->sql.c_str());
    runStatements(*driver, dialect, script);
    driver->execute("DELETE FROM t WHERE id = 5");
    QCOMPARE(rows(*driver, "SELECT n FROM log"), QStringList{"5"});
    QCOMPARE(scalar(*driver, "SELECT typeof(c) FROM t WHERE id = 6"), std::string("text"));
}

void TestSqliteRebuildCompose::operationPairsApplyAndInvert_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    for (int v = 0; v < int(std::size(kVariants)); ++v)
        for (std::size_t i = 0; i < std::size(kFamilyOps); ++i)
            for (std::size_t j = i + 1; j < std::size(kFamilyOps); ++j)
                QTest::addRow("%s: %s + %s", kVariants[v].name, kFamilyOps[i], kFamilyOps[j])
                    << v << QString(kFamilyOps[i]) << QString(kFamilyOps[j]);
}

void TestSqliteRebuildCompose::operationPairsApplyAndInvert()
{
    // Two changes to t in one revision with an unrelated one on u between them: at most
    // one rebuild of t, the IR's result, rows and integrity kept; the inverse brings back
    // the start, and the catalog's triggers, views and indexes byte for byte.
    QFETCH(int, variant);
    QFETCH(QString, first);
    QFETCH(QString, second);
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    SqliteDialect dialect;
    createFamily(*driver, kVariants[variant]);
    const Schema start = dialect.introspect(*driver, {});
    const std::string objectsSql = "SELECT type, name, tbl_name, sql FROM sqlite_schema "
                                   "WHERE type IN ('index', 'trigger', 'view') AND sql IS NOT NULL ORDER BY name";
    const QStringList startObjects = rows(*driver, objectsSql);
    const std::string rowsSql = "SELECT count(*) || ':' || sum(id) FROM t";
    const std::string startRows = scalar(*driver, rowsSql);

    const std::vector<Operation> up{familyOp(first, start), AddColumn{"u", column("note", ColumnType::Text)},
                                    familyOp(second, start)};
    Schema target = start;
    applyOperations(target, up);
    const std::vector<Operation> down = invert(up);
    struct Step {
        const Schema& before;
        const std::vector<Operation>& ops;
        const Schema& expected;
    };
    for (const Step& step : {Step{start, up, target}, Step{target, down, start}}) {
        auto state = dialect.newRunState();
        const auto statements = renderRevision(dialect, step.before, step.ops, driver.get(), state.get());
        QVERIFY(rebuildCount(statements, "t") <= 1);
        runStatements(*driver, dialect, statements);
        const QString diff = differences(dialect, *driver, step.expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(scalar(*driver, "PRAGMA integrity_check"), std::string("ok"));
        QCOMPARE(driver->query("PRAGMA foreign_key_check").rows.size(), std::size_t(0));
        QCOMPARE(scalar(*driver, rowsSql), startRows);
    }
    QCOMPARE(rows(*driver, objectsSql), startObjects);
    if (kVariants[variant].withoutRowid)
        QVERIFY(scalar(*driver, "SELECT sql FROM sqlite_schema WHERE name = 't'").find("WITHOUT ROWID") != std::string::npos);
}


void TestSqliteRebuildCompose::rebuildNameTakenByTheUser_data()
{
    // Issue 9, finding 5: a user table named `_tempest_new_t` broke every rebuild of t
    // ("table _tempest_new_t already exists"). The family: whatever holds the name in
    // SQLite's one namespace of tables, indexes and views, in any case.
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("inModels");
    QTest::addColumn<QString>("rowsIn");  // a user table that holds a row
    QTest::newRow("table in the models") << "" << true << "_tempest_new_t";
    QTest::newRow("table outside the models") << "CREATE TABLE \"_tempest_new_t\" (id INTEGER PRIMARY KEY, v TEXT)"
                                              << false << "_tempest_new_t";
    QTest::newRow("view, other case") << "CREATE VIEW \"_TEMPEST_NEW_T\" AS SELECT id FROM u" << false << "";
    QTest::newRow("index, and the next name too")
        << "CREATE INDEX \"_tempest_new_t\" ON u (x); CREATE TABLE \"_tempest_new_t_2\" (id INTEGER PRIMARY KEY, v TEXT)"
        << false << "_tempest_new_t_2";
}

void TestSqliteRebuildCompose::rebuildNameTakenByTheUser()
{
    QFETCH(QString, sql);
    QFETCH(bool, inModels);
    QFETCH(QString, rowsIn);
    SqliteDialect dialect;
    ReproductionDb db(dialect);
    auto& driver = db.driver;
    Schema before = db.schema;
    if (inModels) {
        Table taken = makeTable("_tempest_new_t", {column("id", ColumnType::Integer, false), column("v", ColumnType::Text)});
        before.tables.push_back(taken);
        Schema extra;
        extra.tables = {taken};
        createSchema(*driver, dialect, extra);
    } else {
        for (const QString& statement : sql.split("; "))
            driver->execute(statement.toStdString());
    }
    const std::string takenQuery = "SELECT type || ' ' || name || ' ' || sql FROM sqlite_schema "
                                   "WHERE lower(name) LIKE '\\_tempest\\_new\\_t%' ESCAPE '\\' ORDER BY name";
    const QStringList takenBefore = rows(*driver, takenQuery);
    QVERIFY(!takenBefore.isEmpty());
    if (!rowsIn.isEmpty())
        driver->execute("INSERT INTO \"" + rowsIn.toStdString() + "\" (id, v) VALUES (1, 'mine')");

    const Table& t = *before.findTable("t");
    const std::vector<Operation> ops{AlterColumn{"t", *t.findColumn("c"), column("c", ColumnType::Text)}};
    const OneRevision applied = applyOneRevision(dialect, *driver, before, ops);
    QCOMPARE(applied.rebuildsOfT, 1);
    const QString& diff = applied.differences;
    QVERIFY2(diff.isEmpty() || !inModels, qPrintable(diff));
    QCOMPARE(scalar(*driver, "SELECT count(*) || ':' || sum(id) || ':' || typeof(c) FROM t"), std::string("100:5050:text"));
    if (!rowsIn.isEmpty())
        QCOMPARE(scalar(*driver, "SELECT group_concat(v) FROM \"" + rowsIn.toStdString() + "\""), std::string("mine"));
    // What held the name is still there, unchanged; the rebuild left nothing behind.
    QCOMPARE(rows(*driver, takenQuery), takenBefore);
    QCOMPARE(scalar(*driver, "PRAGMA integrity_check"), std::string("ok"));
}

QTEST_APPLESS_MAIN(TestSqliteRebuildCompose)
#include "tst_sqlite_rebuild_compose.moc"
