// Golden SQL for every operation kind, rendered offline (no live database), compared
// exactly with tests/dialect_sqlite/golden/<case>.sql — and then run on a real SQLite
// file holding the `before` schema and a few rows, so a golden file cannot enshrine SQL
// that SQLite rejects. TEMPEST_UPDATE_GOLDEN=1 rewrites the files (review the diff).

#include "core/dialect/dialect.h"
#include "core/dialect/sqlite/sqlite_dialect.h"
#include "core/dialect/sqlite/sqlite_render_split.h"
#include "core/ir/errors.h"
#include "sqlite_test.h"
#include "tst_sqlite_render_support.h"

#include <QTest>

#include <fstream>
#include <sstream>

using namespace tempest;
using namespace tempest::test;

namespace {

struct GoldenCase {
    std::string name;
    Schema before;
    std::vector<Operation> ops;
};

const Table& tableOf(const Schema& schema, const char* name)
{
    return *schema.findTable(name);
}

std::vector<GoldenCase> goldenCases()
{
    const Schema s = sampleSchema();
    const Table& users = tableOf(s, "users");
    const Table& posts = tableOf(s, "posts");
    Schema enumsOnly = s;
    enumsOnly.tables.clear();
    Schema usersOnly = s;
    usersOnly.tables = {users};

    Table memberships;
    memberships.name = "memberships";
    memberships.columns = {column("user_id", ColumnType::Integer, false), column("group_id", ColumnType::Bigint, false),
                           withDefault(column("weight", ColumnType::Real), DefaultValue::number("-1.5")),
                           withDefault(column("note", ColumnType::Char), DefaultValue::string("it's"))};
    memberships.columns[3].length = 3;
    memberships.primaryKey = {"user_id", "group_id"};
    memberships.foreignKeys = {{"fk_memberships_user", {"user_id"}, "users", {"id"}, FkAction::SetNull, FkAction::Cascade}};

    Table weird;
    weird.name = "we\"ird table";
    weird.columns = {column("select", ColumnType::Integer, false), column("ünï \"q\"", ColumnType::Text),
                     withDefault(column("with space", ColumnType::Json), DefaultValue::expression("json_object()"))};
    weird.primaryKey = {"select"};
    weird.indexes = {{"ix \"w\" ü", {IndexColumn::column("ünï \"q\""), IndexColumn::column("with space")}, true, std::nullopt}};
    weird.checks = {{"ck \"order\"", "\"select\" > 0"}};

    Column score = users.columns[3];
    Column scoreTo = withDefault(column("score", ColumnType::Double, false), DefaultValue::number("0"));
    Column email = users.columns[1];
    Column emailCommented = email;
    emailCommented.comment = "login name";

    Table postsRecreated = posts;
    postsRecreated.columns[2] = withDefault(varchar("body", 500, false), DefaultValue::string(""));
    postsRecreated.columns.push_back(column("title", ColumnType::Text));

    Schema withMood = s;
    withMood.enums.push_back({"mood", {"happy", "sad"}, std::nullopt});

    Index postsBody{"ix_posts_body", {IndexColumn::column("body"), IndexColumn::expr("lower(body)")}, true,
                    std::string("body IS NOT NULL")};

    return {
        {"create_table_users", enumsOnly, {CreateTable{users}}},
        {"create_table_posts", usersOnly, {CreateTable{posts}}},
        {"create_table_composite_pk", s, {CreateTable{memberships}}},
        {"create_table_quoted_names", s, {CreateTable{weird}, RenameTable{weird.name, "order"},
                                          RenameColumn{"order", "with space", "with\ttab"}}},
        {"drop_table", s, {DropTable{posts}}},
        {"rename_table", s, {RenameTable{"posts", "articles"}}},
        {"add_column_in_place", s, {AddColumn{"users", varchar("nickname", 40)}}},
        {"add_column_not_null_default", s,
         {AddColumn{"users", withDefault(column("logins", ColumnType::Integer, false), DefaultValue::number("0"))}}},
        {"add_column_rebuild", s,
         {AddColumn{"posts", withDefault(column("published_at", ColumnType::Timestamp, false),
                                         DefaultValue::expression("CURRENT_TIMESTAMP"))}}},
        {"drop_column_in_place", s, {DropColumn{"posts", posts.columns[2]}}},
        {"drop_column_rebuild", s, {DropIndex{"users", users.indexes[0]}, DropColumn{"users", users.columns[4]}}},
        {"alter_column", s, {AlterColumn{"users", score, scoreTo}}},
        {"alter_column_comment_only", s, {AlterColumn{"users", email, emailCommented}}},
        {"rename_column", s, {RenameColumn{"posts", "body", "content"}}},
        {"rename_column_enum", s, {RenameColumn{"users", "role", "kind"}}},
        {"create_index", s, {CreateIndex{"posts", postsBody}}},
        {"drop_index", s, {DropIndex{"posts", posts.indexes[0]}}},
        {"add_unique", s, {AddUnique{"posts", {"uq_posts_body", {"body"}}}}},
        {"drop_unique", s, {DropUnique{"users", users.uniques[0]}}},
        {"add_foreign_key", s,
         {AddColumn{"posts", column("editor_id", ColumnType::Integer)},
          AddForeignKey{"posts", {"fk_posts_editor_id", {"editor_id"}, "users", {"id"}, FkAction::SetNull,
                                  FkAction::NoAction}}}},
        {"drop_foreign_key", s, {DropForeignKey{"posts", posts.foreignKeys[0]}}},
        {"add_check", s, {AddCheck{"posts", {"ck_posts_body_length", "length(body) < 1000"}}}},
        {"drop_check", s, {DropCheck{"users", users.checks[0]}}},
        {"alter_primary_key", s, {AlterPrimaryKey{"posts", {"id"}, {"id", "user_id"}}}},
        {"alter_table_comment", s, {AlterTableComment{"users", users.comment, std::string("accounts")}}},
        {"create_enum", s, {CreateEnum{{"post_state", {"draft", "published"}, std::nullopt}}}},
        {"drop_enum", withMood, {DropEnum{withMood.enums[1]}}},
        {"add_enum_value", s, {AddEnumValue{"user_role", "owner", std::string("admin")}}},
        {"drop_enum_value", s, {DropEnumValue{"user_role", "admin", std::nullopt}}},
        {"rename_enum", s, {RenameEnum{"user_role", "account_role"}}},
        {"recreate_table", s, {RecreateTable{posts, postsRecreated}}},
        {"execute", s,
         {Execute{{{"sqlite",
                    "CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT DEFAULT 'a;b');\n"
                    "-- a comment; with a semicolon\n"
                    "CREATE TRIGGER posts_audit AFTER INSERT ON posts BEGIN\n"
                    "  INSERT INTO audit (note) VALUES (CASE WHEN NEW.body IS NULL THEN 'x;' ELSE NEW.body END);\n"
                    "  UPDATE audit SET note = note || ';' WHERE id = last_insert_rowid();\n"
                    "END;\n"
                    "/* block; comment */ UPDATE posts SET body = 'it''s; fine' WHERE \"id\" = -1;;\n"},
                   {"postgresql", "SELECT 1"}},
                  std::nullopt}}},
        // Consecutive operations on users that SQLite cannot ALTER: one rebuild.
        {"fold_into_one_rebuild", s,
         {DropCheck{"users", users.checks[0]}, AlterColumn{"users", score, scoreTo},
          RenameColumn{"users", "score", "points"}, AddCheck{"users", {"ck_users_points", "points >= 0"}},
          AddUnique{"users", {"uq_users_points", {"points"}}}, AddColumn{"users", varchar("nickname", 40)},
          CreateIndex{"users", {"ix_users_points", {IndexColumn::column("points")}, false, std::nullopt}},
          AlterTableComment{"users", users.comment, std::nullopt}}},
        // An enum change rebuilds every table using the enum.
        {"enum_change_rebuilds_every_user", [&] {
             Schema two = s;
             Table staff;
             staff.name = "staff";
             staff.columns = {column("id", ColumnType::Integer, false), enumColumn("role", "user_role", false)};
             staff.primaryKey = {"id"};
             two.tables.push_back(staff);
             return two;
         }(),
         {AddEnumValue{"user_role", "owner", std::nullopt}}},
    };
}

std::string goldenText(const std::vector<Statement>& statements)
{
    std::string text;
    for (const auto& statement : statements)
        text += statement.sql + (statement.commentOnly ? "\n" : ";\n");
    return text;
}

std::string goldenPath(const std::string& name)
{
    return std::string(TEMPEST_SOURCE_DIR) + "/tests/dialect_sqlite/golden/" + name + ".sql";
}

} // namespace

class TestSqliteRender : public QObject {
    Q_OBJECT

private slots:
    void goldenSql_data();
    void goldenSql();
    void executeWithoutSqliteIsAnError();
    void unknownOperationTargetNamesTheOperation();
    void partitioningIsRefused();
    void splitStatements_data();
    void splitStatements();
    void quoting();
    void makeDialectByName();
    void runStatements();
};

void TestSqliteRender::goldenSql_data()
{
    QTest::addColumn<int>("index");
    auto cases = goldenCases();
    for (std::size_t i = 0; i < cases.size(); ++i)
        QTest::newRow(cases[i].name.c_str()) << static_cast<int>(i);
}

void TestSqliteRender::goldenSql()
{
    QFETCH(int, index);
    const GoldenCase testCase = goldenCases()[static_cast<std::size_t>(index)];
    SqliteDialect dialect;
    RenderContext context;
    context.before = &testCase.before;
    const std::string actual = goldenText(dialect.render(testCase.ops, context));

    // What a run uses (issue 12: no copy of the schema per revision): the same
    // statements, rendered on the schema itself, which ends as the operations make it.
    Schema inPlace = testCase.before;
    QCOMPARE(QString::fromStdString(goldenText(dialect.renderApplying(testCase.ops, inPlace, RenderContext{}))),
             QString::fromStdString(actual));
    Schema applied = testCase.before;
    applyOperations(applied, testCase.ops);
    QVERIFY(inPlace == applied);

    const std::string path = goldenPath(testCase.name);
    if (qEnvironmentVariableIntValue("TEMPEST_UPDATE_GOLDEN") == 1) {
        std::ofstream(path, std::ios::binary) << actual;
        qInfo("rewrote %s", path.c_str());
    }
    std::ifstream file(path, std::ios::binary);
    QVERIFY2(file.good(), ("missing golden file " + path + " (run with TEMPEST_UPDATE_GOLDEN=1)").c_str());
    std::stringstream expected;
    expected << file.rdbuf();
    QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected.str()));

    // The same SQL runs on a real database holding `before` and a few rows.
    SqliteTempFile db;
    auto driver = SqliteDriver::open(db.path());
    createSchema(*driver, dialect, testCase.before);
    if (testCase.before.findTable("users") && testCase.before.findTable("posts")) {
        driver->execute("INSERT INTO users (email, role, score) VALUES ('a@example.com', 'admin', 1.5), "
                        "('b@example.com', NULL, NULL)");
        driver->execute("INSERT INTO posts (id, user_id, body) VALUES (1, 1, 'hello'), (2, 2, NULL)");
    }
    try {
        runOperations(*driver, dialect, testCase.before, testCase.ops, /*live=*/false);
    } catch (const DatabaseError& error) {
        if (testCase.name == "drop_enum_value") {
            // A row still uses 'admin': the rebuild's copy violates the new CHECK, which is
            // the failure DESIGN.md asks for; without that row it goes through.
            QVERIFY(error.serverMessage().find("CHECK constraint failed") != std::string::npos);
            driver->execute("UPDATE users SET role = 'member' WHERE role = 'admin'");
            runOperations(*driver, dialect, testCase.before, testCase.ops, false);
        } else {
            QFAIL((error.serverMessage() + " in: " + error.statement()).c_str());
        }
    }
    QCOMPARE(scalar(*driver, "PRAGMA integrity_check"), std::string("ok"));
    QCOMPARE(driver->query("PRAGMA foreign_key_check").rows.size(), std::size_t(0));
    if (testCase.before.findTable("posts") && testCase.name != "drop_table") {
        std::string postsTable = testCase.name == "rename_table" ? "articles" : "posts";
        QCOMPARE(scalar(*driver, "SELECT count(*) FROM " + postsTable), std::string("2"));
    }
}

void TestSqliteRender::executeWithoutSqliteIsAnError()
{
    SqliteDialect dialect;
    Schema before = sampleSchema();
    RenderContext context;
    context.before = &before;
    std::vector<Operation> ops{Execute{{{"postgresql", "SELECT 1"}}, std::nullopt}};
    try {
        dialect.render(ops, context);
        QFAIL("rendered an execute without sqlite SQL");
    } catch (const InputError& error) {
        QVERIFY2(std::string(error.what()).find("operation 1") != std::string::npos, error.what());
        QVERIFY2(std::string(error.what()).find("sqlite") != std::string::npos, error.what());
    }
}

void TestSqliteRender::unknownOperationTargetNamesTheOperation()
{
    SqliteDialect dialect;
    Schema before = sampleSchema();
    RenderContext context;
    context.before = &before;
    std::vector<Operation> ops{RenameColumn{"posts", "body", "content"},
                               AddUnique{"nope", {"uq_nope_a", {"a"}}}};
    QVERIFY_THROWS_EXCEPTION(InputError, dialect.render(ops, context));
    try {
        dialect.render(ops, context);
    } catch (const InputError& error) {
        QVERIFY2(std::string(error.what()).find("operation 2") != std::string::npos, error.what());
    }
}

// docs/ir.md "Partitioning (PostgreSQL)": load refuses it first; the renderer too.
void TestSqliteRender::partitioningIsRefused()
{
    SqliteDialect dialect;
    Schema before;
    RenderContext context;
    context.before = &before;
    Table parent;
    parent.name = "m";
    parent.columns.push_back(Column{.name = "a", .type = ColumnType::Integer});
    parent.partitionBy = "LIST (a)";
    try {
        dialect.render({CreateTable{parent}}, context);
        QFAIL("a partitioned table was rendered for SQLite");
    } catch (const InputError& error) {
        QVERIFY2(std::string(error.what()).find("PostgreSQL-only") != std::string::npos, error.what());
    }
}

void TestSqliteRender::splitStatements_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("plain") << "SELECT 1; SELECT 2" << QStringList{"SELECT 1", "SELECT 2"};
    QTest::newRow("quotes") << "SELECT 'a;''b'; SELECT \"x;\" FROM [t;]; SELECT `q;`"
                            << QStringList{"SELECT 'a;''b'", "SELECT \"x;\" FROM [t;]", "SELECT `q;`"};
    QTest::newRow("comments") << "-- c;\nSELECT 1 /* ; */;\n-- only a comment;\n"
                              << QStringList{"-- c;\nSELECT 1 /* ; */"};
    QTest::newRow("trigger with case")
        << "CREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN SELECT CASE WHEN 1 THEN 2 END; DELETE FROM y; END; SELECT 3"
        << QStringList{"CREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN SELECT CASE WHEN 1 THEN 2 END; DELETE FROM y; END",
                       "SELECT 3"};
    QTest::newRow("begin transaction is not a trigger") << "BEGIN; SELECT 1; END;"
                                                        << QStringList{"BEGIN", "SELECT 1", "END"};
    QTest::newRow("empty") << " ;; \n" << QStringList{};
}

void TestSqliteRender::splitStatements()
{
    QFETCH(QString, script);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const auto& statement : splitSqliteStatements(script.toStdString()))
        actual << QString::fromStdString(statement);
    QCOMPARE(actual, expected);
}

void TestSqliteRender::quoting()
{
    SqliteDialect dialect;
    QCOMPARE(dialect.quoteIdentifier("a \"b\" ü"), std::string("\"a \"\"b\"\" ü\""));
    QCOMPARE(dialect.quoteLiteral("it's"), std::string("'it''s'"));
}

void TestSqliteRender::makeDialectByName()
{
    QCOMPARE(makeDialect("sqlite")->name(), std::string("sqlite"));
    try {
        makeDialect("oracle");
        QFAIL("made an oracle dialect");
    } catch (const InputError& error) {
        QVERIFY2(std::string(error.what()).find("oracle") != std::string::npos, error.what());
    }
}

void TestSqliteRender::runStatements()
{
    SqliteDialect dialect;
    QCOMPARE(dialect.beginRun(), (std::vector<std::string>{"PRAGMA foreign_keys=OFF", "BEGIN IMMEDIATE"}));
    QCOMPARE(dialect.commitRun(), (std::vector<std::string>{"COMMIT", "PRAGMA foreign_keys=ON"}));
    QCOMPARE(dialect.rollbackRun(), (std::vector<std::string>{"ROLLBACK", "PRAGMA foreign_keys=ON"}));
    QCOMPARE(dialect.savepoint("rev 1"), std::string("SAVEPOINT \"rev 1\""));
}

QTEST_APPLESS_MAIN(TestSqliteRender)
#include "tst_sqlite_render.moc"
