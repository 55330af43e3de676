// PostgreSQL rendering without a server: golden SQL for every operation kind (files in
// golden/, regenerated with TEMPEST_UPDATE_GOLDEN=1 and then reviewed in the diff), and
// the refusals that must happen before anything runs.

#include "core/dialect/dialect.h"
#include "core/dialect/postgresql/postgres_dialect.h"
#include "core/dialect/postgresql/postgres_catalog_values.h"
#include "core/dialect/postgresql/postgres_split.h"
#include "core/ir/errors.h"
#include "core/ir/json.h"
#include "core/ir/schema_json.h"
#include "core/ops/operation.h"

#include <QTest>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace tempest;

namespace {

const char* kGoldenDir = TEMPEST_SOURCE_DIR "/tests/dialect_postgres/golden";

// The schema most cases start from.
const char* kBefore = R"J({
  "tables": {
    "users": {
      "columns": {
        "id": {"type": "integer", "autoincrement": true},
        "email": {"type": "varchar", "length": 255, "nullable": false},
        "role": {"type": "enum", "enum": "user_role", "default": {"value": "member"}},
        "code": {"type": "varchar", "length": 20}
      },
      "primaryKey": ["id"]
    },
    "posts": {
      "columns": {
        "id": {"type": "integer"},
        "user_id": {"type": "integer", "nullable": false},
        "status": {"type": "enum", "enum": "user_role"}
      },
      "primaryKey": ["id"]
    }
  },
  "enums": {"user_role": ["member", "admin", "guest"]}
})J";

std::string readFile(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string joined(const std::vector<Statement>& statements)
{
    std::string out;
    for (const auto& s : statements)
        out += s.sql + ";\n";
    return out;
}

std::vector<Operation> ops(const char* json)
{
    return operationsFromJson(parseJsonStrict(json, "case"), "case", "$");
}

} // namespace

class TestPostgresRender : public QObject {
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void identifiersOver63BytesAreRefused_data();
    void identifiersOver63BytesAreRefused();
    void executeWithoutPostgresSqlIsRefused();
    void dropEnumValueNeedsTheEnum();
    void recreateTableRefusesAPartitioningChange();
    void commitFirstCarriesEnumValuesOfExistingEnums();
    void runHoldsAnAdvisoryLockAcrossCommits();
    void makeDialectKnowsPostgresql();
    void splitKeepsQuotedSemicolons();
    void serverDefaultsParse_data();
    void serverDefaultsParse();
    void checkExpressionIsTheInsideOfCheck();
};

void TestPostgresRender::golden_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("operations");
    QTest::addColumn<QString>("schemaName");

    auto row = [](const char* name, const char* operations, const char* schema = "") {
        QTest::newRow(name) << QString(name) << QString(operations) << QString(schema);
    };
    row("create_table", R"J([{"kind": "create_table", "table": "accounts", "definition": {
        "columns": {
          "id": {"type": "bigint", "autoincrement": true},
          "owner_id": {"type": "integer", "nullable": false},
          "email": {"type": "varchar", "length": 255, "nullable": false},
          "role": {"type": "enum", "enum": "user_role", "default": {"value": "member"}},
          "balance": {"type": "numeric", "precision": 12, "scale": 2, "default": {"value": 0}},
          "active": {"type": "boolean", "default": {"value": true}},
          "created_at": {"type": "timestamptz", "nullable": false, "default": {"expr": "CURRENT_TIMESTAMP"}},
          "payload": {"type": "json"}, "token": {"type": "uuid"}, "photo": {"type": "blob"},
          "ratio": {"type": "double"}, "score": {"type": "real"}, "tiny": {"type": "smallint"},
          "born": {"type": "date"}, "wake": {"type": "time", "precision": 3}, "seen": {"type": "timestamp"},
          "flag": {"type": "char", "length": 1}, "addr": {"type": "custom", "sql": "inet"},
          "bio": {"type": "text", "comment": "free text, it's optional"}
        },
        "primaryKey": ["id"],
        "indexes": {"ix_accounts_lower_email": {"columns": [{"expr": "lower(email)"}], "where": "email IS NOT NULL"},
                    "ix_accounts_owner": {"columns": ["owner_id", "created_at"], "unique": true}},
        "uniques": {"uq_accounts_email": {"columns": ["email"]}},
        "foreignKeys": {"fk_accounts_owner": {"columns": ["owner_id"], "refTable": "users", "refColumns": ["id"],
                                              "onDelete": "cascade", "onUpdate": "set null"}},
        "checks": {"ck_accounts_balance": {"expr": "balance >= 0"}},
        "comment": "money"
      }}])J");
    row("create_table_in_schema", R"J([{"kind": "create_table", "table": "t", "definition": {
        "columns": {"id": {"type": "integer"}, "r": {"type": "enum", "enum": "user_role"}},
        "primaryKey": ["id"],
        "indexes": {"ix_t_r": {"columns": ["r"]}},
        "foreignKeys": {"fk_t_id": {"columns": ["id"], "refTable": "users", "refColumns": ["id"]}}}},
        {"kind": "drop_index", "table": "t", "name": "ix_t_r", "definition": {"columns": ["r"]}}])J", "app");
    row("quoted_names", R"J([{"kind": "create_table", "table": "we\"ird tåble", "definition": {
        "columns": {"sp ace": {"type": "text"}, "select": {"type": "integer"}}, "primaryKey": ["select"]}},
        {"kind": "rename_column", "table": "we\"ird tåble", "from": "sp ace", "to": "ünï\"code"}])J");
    row("drop_table", R"J([{"kind": "drop_table", "table": "posts", "definition": {
        "columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}])J");
    row("rename_table", R"J([{"kind": "rename_table", "from": "posts", "to": "articles"}])J");
    row("add_column", R"J([{"kind": "add_column", "table": "users", "column": "score",
        "definition": {"type": "numeric", "precision": 10, "scale": 2, "nullable": false,
                       "default": {"value": 1.5}, "comment": "points"}}])J");
    row("drop_column", R"J([{"kind": "drop_column", "table": "users", "column": "code",
        "definition": {"type": "varchar", "length": 20}}])J");
    row("alter_column_type", R"J([{"kind": "alter_column", "table": "users", "column": "code",
        "from": {"type": "varchar", "length": 20, "default": {"value": "0"}},
        "to": {"type": "integer", "nullable": false, "default": {"value": 0}}}])J");
    row("alter_column_nullable_default_comment", R"J([{"kind": "alter_column", "table": "users", "column": "email",
        "from": {"type": "varchar", "length": 255, "nullable": false},
        "to": {"type": "varchar", "length": 255, "default": {"expr": "'a@b.c'"}, "comment": "login"}}])J");
    row("alter_column_add_identity", R"J([{"kind": "alter_column", "table": "posts", "column": "id",
        "from": {"type": "integer", "nullable": false}, "to": {"type": "integer", "autoincrement": true}}])J");
    row("alter_column_drop_identity", R"J([{"kind": "alter_column", "table": "users", "column": "id",
        "from": {"type": "integer", "autoincrement": true}, "to": {"type": "integer", "nullable": false}}])J");
    row("alter_column_enum_to_text", R"J([{"kind": "alter_column", "table": "posts", "column": "status",
        "from": {"type": "enum", "enum": "user_role"}, "to": {"type": "text"}}])J");
    row("rename_column", R"J([{"kind": "rename_column", "table": "users", "from": "code", "to": "zip"}])J");
    row("create_index", R"J([{"kind": "create_index", "table": "users", "name": "ix_users_email_lower",
        "definition": {"columns": [{"expr": "lower(email)"}, "id"], "unique": true, "where": "role <> 'guest'"}}])J");
    row("drop_index", R"J([{"kind": "drop_index", "table": "users", "name": "ix_users_code",
        "definition": {"columns": ["code"]}}])J");
    row("add_unique", R"J([{"kind": "add_unique", "table": "users", "name": "uq_users_email",
        "definition": {"columns": ["email", "code"]}}])J");
    row("drop_unique", R"J([{"kind": "drop_unique", "table": "users", "name": "uq_users_email",
        "definition": {"columns": ["email"]}}])J");
    row("add_foreign_key", R"J([{"kind": "add_foreign_key", "table": "posts", "name": "fk_posts_user",
        "definition": {"columns": ["user_id"], "refTable": "users", "refColumns": ["id"], "onDelete": "restrict",
                       "onUpdate": "set default"}}])J");
    row("drop_foreign_key", R"J([{"kind": "drop_foreign_key", "table": "posts", "name": "fk_posts_user",
        "definition": {"columns": ["user_id"], "refTable": "users", "refColumns": ["id"]}}])J");
    row("add_check", R"J([{"kind": "add_check", "table": "users", "name": "ck_users_email",
        "definition": {"expr": "position('@' in email) > 1"}}])J");
    row("drop_check", R"J([{"kind": "drop_check", "table": "users", "name": "ck_users_email",
        "definition": {"expr": "email <> ''"}}])J");
    row("alter_primary_key", R"J([{"kind": "alter_primary_key", "table": "posts", "from": ["id"], "to": ["id", "user_id"]}])J");
    row("alter_table_comment", R"J([{"kind": "alter_table_comment", "table": "users", "from": "a", "to": "people"},
        {"kind": "alter_table_comment", "table": "posts", "from": "b", "to": null}])J");
    row("create_enum", R"J([{"kind": "create_enum", "name": "mood", "values": ["sad", "o'k", "happy"]}])J");
    row("drop_enum", R"J([{"kind": "drop_enum", "name": "mood", "values": ["sad"]}])J");
    row("add_enum_value", R"J([{"kind": "add_enum_value", "name": "user_role", "value": "owner", "before": "admin"},
        {"kind": "add_enum_value", "name": "user_role", "value": "banned"}])J");
    row("drop_enum_value", R"J([{"kind": "drop_enum_value", "name": "user_role", "value": "guest"}])J");
    row("rename_enum", R"J([{"kind": "rename_enum", "from": "user_role", "to": "account_role"}])J");
    row("recreate_table", R"J([{"kind": "recreate_table", "table": "users",
        "from": {"columns": {"id": {"type": "integer", "autoincrement": true},
                             "email": {"type": "varchar", "length": 255, "nullable": false},
                             "code": {"type": "varchar", "length": 20}},
                 "primaryKey": ["id"], "checks": {"ck_code": {"expr": "code <> ''"}},
                 "indexes": {"ix_code": {"columns": ["code"]}}},
        "to": {"columns": {"id": {"type": "integer", "autoincrement": true},
                           "email": {"type": "text", "nullable": false},
                           "nick": {"type": "text", "default": {"value": "anon"}}},
               "primaryKey": ["id"], "uniques": {"uq_email": {"columns": ["email"]}},
               "comment": "rebuilt"}}])J");
    // docs/ir.md "Partitioning (PostgreSQL)": PARTITION BY after the column list; a
    // partition's own constraints in the optional list, then its bound and sub-key.
    row("create_partitions", R"J([{"kind": "create_table", "table": "ref.readings", "definition": {
        "columns": {"id": {"type": "integer"}, "day": {"type": "date", "nullable": false}},
        "primaryKey": ["id", "day"], "partitionBy": "RANGE (day)"}},
        {"kind": "create_table", "table": "ref.readings 2024", "definition": {"columns": {},
        "indexes": {"ix_r2024_id": {"columns": ["id"]}},
        "foreignKeys": {"fk_r2024_user": {"columns": ["id"], "refTable": "users", "refColumns": ["id"]}},
        "checks": {"ck_r2024": {"expr": "id > 0"}}, "comment": "year",
        "partitionBy": "LIST (id)", "partitionOf": "ref.readings",
        "partitionBound": "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"}},
        {"kind": "create_table", "table": "ref.readings_rest", "definition": {
        "partitionOf": "ref.readings", "partitionBound": "DEFAULT"}}])J");
    row("execute", R"J([{"kind": "execute", "up": {"sqlite": "SELECT 1",
        "postgresql": "UPDATE users SET code = 'a;b'; -- done; really\nINSERT INTO posts VALUES (1, 1, $$x;y$$);"}}])J");
}

void TestPostgresRender::golden()
{
    QFETCH(QString, name);
    QFETCH(QString, operations);
    QFETCH(QString, schemaName);

    const Schema before = parseSchema(kBefore, "before");
    const PostgresDialect dialect;
    RenderContext context{&before, nullptr, schemaName.toStdString()};
    const std::string sql = joined(dialect.render(ops(operations.toUtf8().constData()), context));

    const std::string path = std::string(kGoldenDir) + "/" + name.toStdString() + ".sql";
    if (const char* update = std::getenv("TEMPEST_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        std::ofstream(path) << sql;
        QSKIP("golden file written");
    }
    const std::string expected = readFile(path);
    if (sql != expected)
        qWarning("rendered:\n%s", sql.c_str());
    QCOMPARE(QString::fromStdString(sql), QString::fromStdString(expected));
}

void TestPostgresRender::identifiersOver63BytesAreRefused_data()
{
    QTest::addColumn<QString>("operations");
    const std::string longName(64, 'n');
    // 62 bytes of ASCII + a two-byte letter: 64 bytes but 63 characters.
    const std::string longUnicode = std::string(62, 'u') + "é";
    QTest::newRow("table") << QString::fromStdString(R"J([{"kind": "create_table", "table": ")J" + longName
                                                     + R"J(", "definition": {"columns": {"a": {"type": "text"}}}}])J");
    QTest::newRow("column, unicode bytes")
        << QString::fromStdString(R"J([{"kind": "add_column", "table": "users", "column": ")J" + longUnicode
                                  + R"J(", "definition": {"type": "text"}}])J");
    QTest::newRow("index") << QString::fromStdString(R"J([{"kind": "create_index", "table": "users", "name": ")J"
                                                     + longName + R"J(", "definition": {"columns": ["email"]}}])J");
    QTest::newRow("enum") << QString::fromStdString(R"J([{"kind": "rename_enum", "from": "user_role", "to": ")J"
                                                    + longName + R"J("}])J");
}

void TestPostgresRender::identifiersOver63BytesAreRefused()
{
    QFETCH(QString, operations);
    const Schema before = parseSchema(kBefore, "before");
    RenderContext context{&before, nullptr, {}};
    try {
        PostgresDialect().render(ops(operations.toUtf8().constData()), context);
        QFAIL("a 64-byte identifier was accepted");
    } catch (const InputError& e) {
        const std::string message = e.what();
        QVERIFY2(message.find("64 bytes") != std::string::npos, e.what());
        QVERIFY2(message.find("63") != std::string::npos, e.what());
    }
    // 63 bytes are fine.
    QCOMPARE(QString::fromStdString(PostgresDialect().quoteIdentifier(std::string(63, 'x'))).size(), 65);
}

void TestPostgresRender::executeWithoutPostgresSqlIsRefused()
{
    RenderContext context{nullptr, nullptr, {}};
    try {
        PostgresDialect().render(ops(R"J([{"kind": "execute", "up": {"sqlite": "SELECT 1"}}])J"), context);
        QFAIL("an execute without postgresql SQL was rendered");
    } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("\"postgresql\"") != std::string::npos, e.what());
    }
}

void TestPostgresRender::recreateTableRefusesAPartitioningChange()
{
    RenderContext context{nullptr, nullptr, {}};
    try {
        PostgresDialect().render(ops(R"J([{"kind": "recreate_table", "table": "t",
            "from": {"columns": {"a": {"type": "integer"}}},
            "to": {"columns": {"a": {"type": "integer"}}, "partitionBy": "HASH (a)"}}])J"), context);
        QFAIL("a recreate_table that partitions a table was rendered");
    } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("partitioning") != std::string::npos, e.what());
    }
}

void TestPostgresRender::dropEnumValueNeedsTheEnum()
{
    const Schema before = parseSchema(kBefore, "before");
    RenderContext context{&before, nullptr, {}};
    QVERIFY_THROWS_EXCEPTION(InputError, PostgresDialect().render(
        ops(R"J([{"kind": "drop_enum_value", "name": "nope", "value": "x"}])J"), context));
}

void TestPostgresRender::commitFirstCarriesEnumValuesOfExistingEnums()
{
    const Schema before = parseSchema(kBefore, "before");
    RenderContext context{&before, nullptr, {}};
    const auto first = PostgresDialect().commitFirst(ops(R"J([
        {"kind": "create_enum", "name": "fresh", "values": ["a"]},
        {"kind": "add_enum_value", "name": "fresh", "value": "b"},
        {"kind": "add_enum_value", "name": "user_role", "value": "owner", "before": "admin"}])J"), context);
    QCOMPARE(first.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(first[0]),
             QString("ALTER TYPE \"user_role\" ADD VALUE IF NOT EXISTS 'owner' BEFORE 'admin'"));
    QVERIFY(PostgresDialect().commitFirst(ops(R"J([{"kind": "rename_table", "from": "a", "to": "b"}])J"), context).empty());
}

void TestPostgresRender::runHoldsAnAdvisoryLockAcrossCommits()
{
    const PostgresDialect dialect;
    const auto begin = dialect.beginRunFor("public", "tempest_db_migrations");
    const auto commit = dialect.commitRunFor("public", "tempest_db_migrations");
    const auto rollback = dialect.rollbackRunFor("", "tempest_db_migrations");
    QCOMPARE(QString::fromStdString(begin.back()), QString("BEGIN"));
    QVERIFY(begin[1].starts_with("SELECT pg_catalog.pg_advisory_lock("));
    QCOMPARE(QString::fromStdString(commit.front()), QString("COMMIT"));
    QVERIFY(commit.back().starts_with("SELECT pg_catalog.pg_advisory_unlock("));
    // Same key for "" and "public"; another table or schema, another key.
    QCOMPARE(rollback.back(), commit.back());
    QVERIFY(dialect.beginRunFor("app", "tempest_db_migrations")[1] != begin[1]);
    QVERIFY(dialect.beginRunFor("public", "other")[1] != begin[1]);
    // Between revisions the lock stays: endTransaction/startTransaction do not unlock.
    QCOMPARE(dialect.endTransaction(), std::vector<std::string>{"COMMIT"});
    QCOMPARE(dialect.startTransaction(), std::vector<std::string>{"BEGIN"});
}

void TestPostgresRender::makeDialectKnowsPostgresql()
{
    auto dialect = makeDialect("postgresql");
    QCOMPARE(QString::fromStdString(dialect->name()), QString("postgresql"));
    QCOMPARE(QString::fromStdString(dialect->quoteIdentifier("a\"b")), QString("\"a\"\"b\""));
    QCOMPARE(QString::fromStdString(dialect->quoteLiteral("it's")), QString("'it''s'"));
}

void TestPostgresRender::splitKeepsQuotedSemicolons()
{
    const auto parts = pgSplitStatements(
        "SELECT 'a;b'; /* c; /* nested; */ */ SELECT \"x;y\" FROM t;\n-- only; a comment\n"
        "DO $body$ BEGIN PERFORM 1; END $body$;  SELECT E'it\\'s;' ;;");
    QCOMPARE(parts.size(), std::size_t(4));
    QCOMPARE(QString::fromStdString(parts[0]), QString("SELECT 'a;b'"));
    QCOMPARE(QString::fromStdString(parts[2]), QString("-- only; a comment\nDO $body$ BEGIN PERFORM 1; END $body$"));
    QCOMPARE(QString::fromStdString(parts[3]), QString("SELECT E'it\\'s;'"));
}

void TestPostgresRender::serverDefaultsParse_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::newRow("text literal") << "'it''s'::text" << "string" << "it's";
    QTest::newRow("varchar literal") << "'x'::character varying" << "string" << "x";
    QTest::newRow("enum literal") << "'member'::user_role" << "string" << "member";
    QTest::newRow("timestamp literal") << "'2020-01-01 00:00:00'::timestamp without time zone" << "string"
                                       << "2020-01-01 00:00:00";
    QTest::newRow("integer") << "42" << "number" << "42";
    QTest::newRow("negative integer") << "'-1'::integer" << "number" << "-1";
    QTest::newRow("numeric") << "0.00" << "number" << "0.00";
    QTest::newRow("boolean") << "false" << "boolean" << "false";
    QTest::newRow("null") << "NULL::text" << "none" << "";
    QTest::newRow("function") << "now()" << "expr" << "now()";
    QTest::newRow("double cast") << "('now'::text)::date" << "expr" << "('now'::text)::date";
    QTest::newRow("concatenation") << "'a'::text || 'b'::text" << "expr" << "'a'::text || 'b'::text";
}

void TestPostgresRender::serverDefaultsParse()
{
    QFETCH(QString, server);
    QFETCH(QString, kind);
    QFETCH(QString, text);
    const auto parsed = pgParseDefault(server.toStdString());
    if (kind == "none") {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    const char* kinds[] = {"string", "number", "boolean", "expr"};
    QCOMPARE(QString(kinds[static_cast<int>(parsed->kind)]), kind);
    QCOMPARE(QString::fromStdString(parsed->text), text);
}

void TestPostgresRender::checkExpressionIsTheInsideOfCheck()
{
    QCOMPARE(QString::fromStdString(pgCheckExpression("CHECK (score >= 0::numeric)")), QString("score >= 0::numeric"));
    QCOMPARE(QString::fromStdString(pgCheckExpression("CHECK (a = ')' OR b) NOT VALID")), QString("a = ')' OR b"));
}

QTEST_APPLESS_MAIN(TestPostgresRender)
#include "tst_postgres_render.moc"
