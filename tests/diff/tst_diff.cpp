// diffSchema between pairs of IR schemas: the exact operations (kind and names, in
// order) for every kind of change, and the replay property (apply = target, inverse =
// current) for every row. Renames live in tst_diff_renames.

#include "diff_test_support.h"

#include "core/ir/errors.h"

#include <QElapsedTimer>

#include <functional>

using namespace tempest;
using namespace difftest;

namespace {

// A users table most rows start from.
#define USERS R"("users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"]})"
#define POSTS R"("posts": {"columns": {"id": {"type": "integer"}, "user_id": {"type": "integer"}}, "primaryKey": ["id"], "foreignKeys": {"fk_posts_user_id": {"columns": ["user_id"], "refTable": "users", "refColumns": ["id"]}}})"

} // namespace

class TestDiff : public QObject {
    Q_OBJECT

private slots:
    void diff_data();
    void diff();
    void createdTableCarriesItsItems();
    void droppedTableCarriesWholeDefinition();
    void alterColumnCarriesWholeDefinitions();
    void collationChangeIsAnAlterColumnWithItsInverse();
    void arraysGeneratedColumnsAndDeferralAreDiffed();
    void enumValueBeforeIsRecorded();
    void renamedFromHintsAreNotPartOfDefinitions();
    void rulesDecideWhatIsAChange();
    void fixturePairFromFiles();
    void largeSchemaIsFast();
    void partitionsFollowTheirParents();
    void partitioningChangesAreRefused();
};

void TestDiff::diff_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("expected");

    const QString users = "{\"tables\": {" USERS "}}";

    QTest::newRow("identical") << users << users << QStringList{};
    QTest::newRow("empty to empty") << "{}" << "{}" << QStringList{};
    QTest::newRow("column order is not significant")
        << users
        << R"({"tables": {"users": {"columns": {"email": {"type": "varchar", "length": 255, "nullable": false}, "id": {"type": "integer"}}, "primaryKey": ["id"]}}})"
        << QStringList{};
    QTest::newRow("table order is not significant")
        << "{\"tables\": {" USERS ", " POSTS "}}" << "{\"tables\": {" POSTS ", " USERS "}}" << QStringList{};
    QTest::newRow("create table") << "{}" << users << QStringList{"create_table users"};
    QTest::newRow("drop table") << users << "{}" << QStringList{"drop_table users"};
    QTest::newRow("add column")
        << users
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}, "score": {"type": "numeric", "precision": 10, "scale": 2}}, "primaryKey": ["id"]}}})"
        << QStringList{"add_column users.score"};
    QTest::newRow("drop column")
        << users << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}})"
        << QStringList{"drop_column users.email"};
    QTest::newRow("alter length")
        << users
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 320, "nullable": false}}, "primaryKey": ["id"]}}})"
        << QStringList{"alter_column users.email"};
    QTest::newRow("alter type")
        << users
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "text", "nullable": false}}, "primaryKey": ["id"]}}})"
        << QStringList{"alter_column users.email"};
    QTest::newRow("alter nullability")
        << users
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255}}, "primaryKey": ["id"]}}})"
        << QStringList{"alter_column users.email"};
    QTest::newRow("alter default")
        << users
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false, "default": {"value": "x"}}}, "primaryKey": ["id"]}}})"
        << QStringList{"alter_column users.email"};
    QTest::newRow("alter autoincrement")
        << users
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer", "autoincrement": true}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"]}}})"
        << QStringList{"alter_column users.id"};
    QTest::newRow("alter column comment")
        << users
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false, "comment": "login"}}, "primaryKey": ["id"]}}})"
        << QStringList{"alter_column users.email"};
    QTest::newRow("table comment")
        << users
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"], "comment": "accounts"}}})"
        << QStringList{"alter_table_comment users"};
    // The new key column must exist before the key moves to it, and the old one may only
    // go once the key has left it.
    QTest::newRow("primary key moves to a new column")
        << users
        << R"({"tables": {"users": {"columns": {"uid": {"type": "uuid"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["uid"]}}})"
        << QStringList{"add_column users.uid", "alter_primary_key users", "drop_column users.id"};
    QTest::newRow("composite primary key")
        << R"({"tables": {"m": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer", "nullable": false}}, "primaryKey": ["a"]}}})"
        << R"({"tables": {"m": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer", "nullable": false}}, "primaryKey": ["a", "b"]}}})"
        << QStringList{"alter_primary_key m"};
    QTest::newRow("add index")
        << users
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"], "indexes": {"ix_email": {"columns": ["email"]}}}}})"
        << QStringList{"create_index users.ix_email"};
    QTest::newRow("drop index")
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"], "indexes": {"ix_email": {"columns": ["email"]}}}}})"
        << users << QStringList{"drop_index users.ix_email"};
    QTest::newRow("index becomes unique: drop + create")
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"], "indexes": {"ix_email": {"columns": ["email"]}}}}})"
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"], "indexes": {"ix_email": {"columns": ["email"], "unique": true}}}}})"
        << QStringList{"drop_index users.ix_email", "create_index users.ix_email"};
    QTest::newRow("partial index predicate changes")
        << R"j({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"], "indexes": {"ix_e": {"columns": [{"expr": "lower(email)"}], "where": "id > 0"}}}}})j"
        << R"j({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"], "indexes": {"ix_e": {"columns": [{"expr": "lower(email)"}], "where": "id > 10"}}}}})j"
        << QStringList{"drop_index users.ix_e", "create_index users.ix_e"};
    QTest::newRow("expression index: column vs expression differ")
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"], "indexes": {"ix_e": {"columns": ["email"]}}}}})"
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"], "indexes": {"ix_e": {"columns": [{"expr": "email"}]}}}}})"
        << QStringList{"drop_index users.ix_e", "create_index users.ix_e"};
    QTest::newRow("add unique and check")
        << users
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}}, "primaryKey": ["id"], "uniques": {"uq_email": {"columns": ["email"]}}, "checks": {"ck_id": {"expr": "id > 0"}}}}})"
        << QStringList{"add_unique users.uq_email", "add_check users.ck_id"};
    QTest::newRow("check expression changes")
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"], "checks": {"ck_id": {"expr": "id > 0"}}}}})"
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"], "checks": {"ck_id": {"expr": "id >= 0"}}}}})"
        << QStringList{"drop_check users.ck_id", "add_check users.ck_id"};
    QTest::newRow("add foreign key")
        << R"({"tables": {)" USERS R"(, "posts": {"columns": {"id": {"type": "integer"}, "user_id": {"type": "integer"}}, "primaryKey": ["id"]}}})"
        << "{\"tables\": {" USERS ", " POSTS "}}" << QStringList{"add_foreign_key posts.fk_posts_user_id"};
    QTest::newRow("foreign key ON DELETE changes: drop first, add last")
        << "{\"tables\": {" USERS ", " POSTS "}}"
        << R"({"tables": {)" USERS R"(, "posts": {"columns": {"id": {"type": "integer"}, "user_id": {"type": "integer"}}, "primaryKey": ["id"], "foreignKeys": {"fk_posts_user_id": {"columns": ["user_id"], "refTable": "users", "refColumns": ["id"], "onDelete": "cascade"}}}}})"
        << QStringList{"drop_foreign_key posts.fk_posts_user_id", "add_foreign_key posts.fk_posts_user_id"};
    QTest::newRow("foreign key ON UPDATE changes")
        << "{\"tables\": {" USERS ", " POSTS "}}"
        << R"({"tables": {)" USERS R"(, "posts": {"columns": {"id": {"type": "integer"}, "user_id": {"type": "integer"}}, "primaryKey": ["id"], "foreignKeys": {"fk_posts_user_id": {"columns": ["user_id"], "refTable": "users", "refColumns": ["id"], "onUpdate": "set null"}}}}})"
        << QStringList{"drop_foreign_key posts.fk_posts_user_id", "add_foreign_key posts.fk_posts_user_id"};
    // Live databases give unnamed constraints synthesised names; the model names them.
    // Same content under another name is not a change.
    QTest::newRow("synthesised names match by content")
        << R"({"tables": {)" USERS R"(, "posts": {"columns": {"id": {"type": "integer"}, "user_id": {"type": "integer"}, "n": {"type": "integer"}}, "primaryKey": ["id"], "uniques": {"uq_posts_n": {"columns": ["n"]}}, "foreignKeys": {"fk_posts_user_id": {"columns": ["user_id"], "refTable": "users", "refColumns": ["id"]}}, "checks": {"ck_posts_1": {"expr": "n > 0"}}, "indexes": {"sqlite_autoindex_posts_1": {"columns": ["user_id"]}}}}})"
        << R"({"tables": {)" USERS R"(, "posts": {"columns": {"id": {"type": "integer"}, "user_id": {"type": "integer"}, "n": {"type": "integer"}}, "primaryKey": ["id"], "uniques": {"posts_n_key": {"columns": ["n"]}}, "foreignKeys": {"posts_author": {"columns": ["user_id"], "refTable": "users", "refColumns": ["id"]}}, "checks": {"positive_n": {"expr": "n > 0"}}, "indexes": {"ix_posts_user": {"columns": ["user_id"]}}}}})"
        << QStringList{};
    // Pairing by content keeps the old name, so it is not done when the model wants that
    // name for another index.
    QTest::newRow("index names swapped: drop both, create both")
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "indexes": {"ix0": {"columns": ["a"]}, "ix1": {"columns": ["b"]}}}}})"
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "indexes": {"ix0": {"columns": ["b"]}, "ix1": {"columns": ["a"]}}}}})"
        << QStringList{"drop_index t.ix0", "drop_index t.ix1", "create_index t.ix0", "create_index t.ix1"};
    QTest::newRow("index name wanted by another table")
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}, "indexes": {"ix_a": {"columns": ["a"]}}}, "u": {"columns": {"a": {"type": "integer"}}}}})"
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}, "indexes": {"ix_t_a": {"columns": ["a"]}}}, "u": {"columns": {"a": {"type": "integer"}}, "indexes": {"ix_a": {"columns": ["a"]}}}}})"
        << QStringList{"drop_index t.ix_a", "create_index t.ix_t_a", "create_index u.ix_a"};
    QTest::newRow("synthesised name but different content")
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "uniques": {"uq_t_a": {"columns": ["a"]}}}}})"
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "uniques": {"uq_t_b": {"columns": ["b"]}}}}})"
        << QStringList{"drop_unique t.uq_t_a", "add_unique t.uq_t_b"};
    // Referenced tables are created first whatever the model's order.
    QTest::newRow("create parent before child")
        << "{}" << "{\"tables\": {" POSTS ", " USERS "}}" << QStringList{"create_table users", "create_table posts"};
    QTest::newRow("drop child before parent")
        << "{\"tables\": {" USERS ", " POSTS "}}" << "{}" << QStringList{"drop_table posts", "drop_table users"};
    QTest::newRow("chain of three, reversed in the model")
        << "{}"
        << R"({"tables": {"c": {"columns": {"b_id": {"type": "integer"}}, "foreignKeys": {"fk_c": {"columns": ["b_id"], "refTable": "b", "refColumns": ["id"]}}}, "b": {"columns": {"id": {"type": "integer"}, "a_id": {"type": "integer"}}, "primaryKey": ["id"], "foreignKeys": {"fk_b": {"columns": ["a_id"], "refTable": "a", "refColumns": ["id"]}}}, "a": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}})"
        << QStringList{"create_table a", "create_table b", "create_table c"};
    QTest::newRow("self reference stays inside create_table")
        << "{}"
        << R"({"tables": {"node": {"columns": {"id": {"type": "integer"}, "parent": {"type": "integer"}}, "primaryKey": ["id"], "foreignKeys": {"fk_parent": {"columns": ["parent"], "refTable": "node", "refColumns": ["id"]}}}}})"
        << QStringList{"create_table node"};
    // Two new tables referencing each other: one is created without its key, which is
    // added once both exist.
    QTest::newRow("cycle between new tables")
        << "{}"
        << R"({"tables": {"a": {"columns": {"id": {"type": "integer"}, "b_id": {"type": "integer"}}, "primaryKey": ["id"], "foreignKeys": {"fk_a_b": {"columns": ["b_id"], "refTable": "b", "refColumns": ["id"]}}}, "b": {"columns": {"id": {"type": "integer"}, "a_id": {"type": "integer"}}, "primaryKey": ["id"], "foreignKeys": {"fk_b_a": {"columns": ["a_id"], "refTable": "a", "refColumns": ["id"]}}}}})"
        << QStringList{"create_table a", "create_table b", "add_foreign_key a.fk_a_b"};
    QTest::newRow("cycle between dropped tables")
        << R"({"tables": {"a": {"columns": {"id": {"type": "integer"}, "b_id": {"type": "integer"}}, "primaryKey": ["id"], "foreignKeys": {"fk_a_b": {"columns": ["b_id"], "refTable": "b", "refColumns": ["id"]}}}, "b": {"columns": {"id": {"type": "integer"}, "a_id": {"type": "integer"}}, "primaryKey": ["id"], "foreignKeys": {"fk_b_a": {"columns": ["a_id"], "refTable": "a", "refColumns": ["id"]}}}}})"
        << "{}" << QStringList{"drop_foreign_key a.fk_a_b", "drop_table b", "drop_table a"};
    // A new table referencing a column that the same diff adds: the key waits for it.
    QTest::newRow("new table references a new column")
        << "{\"tables\": {" USERS "}}"
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}, "code": {"type": "text"}}, "primaryKey": ["id"], "uniques": {"uq_code": {"columns": ["code"]}}}, "badges": {"columns": {"code": {"type": "text"}}, "foreignKeys": {"fk_badges_code": {"columns": ["code"], "refTable": "users", "refColumns": ["code"]}}}}})"
        << QStringList{"create_table badges", "add_column users.code", "add_unique users.uq_code",
                       "add_foreign_key badges.fk_badges_code"};
    // A dropped table referencing a column that the same diff drops: its key goes first.
    QTest::newRow("dropped table references a dropped column")
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "code": {"type": "text"}}, "primaryKey": ["id"], "uniques": {"uq_code": {"columns": ["code"]}}}, "badges": {"columns": {"code": {"type": "text"}}, "foreignKeys": {"fk_badges_code": {"columns": ["code"], "refTable": "users", "refColumns": ["code"]}}}}})"
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}})"
        << QStringList{"drop_foreign_key badges.fk_badges_code", "drop_unique users.uq_code",
                       "drop_column users.code", "drop_table badges"};
    // Index names are global: a dropped table's index whose name a new one takes must
    // go before the new one is created.
    QTest::newRow("index name reused by a new table")
        << R"({"tables": {"old": {"columns": {"a": {"type": "integer"}}, "indexes": {"ix_a": {"columns": ["a"]}}}}})"
        << R"({"tables": {"new": {"columns": {"a": {"type": "integer"}, "b": {"type": "text"}}, "indexes": {"ix_a": {"columns": ["a"]}}}}})"
        << QStringList{"drop_index old.ix_a", "create_table new", "drop_table old"};
    QTest::newRow("drop a column with its index and foreign key")
        << "{\"tables\": {" USERS R"(, "posts": {"columns": {"id": {"type": "integer"}, "user_id": {"type": "integer"}}, "primaryKey": ["id"], "indexes": {"ix_user": {"columns": ["user_id"]}}, "foreignKeys": {"fk_posts_user_id": {"columns": ["user_id"], "refTable": "users", "refColumns": ["id"]}}}}})"
        << R"({"tables": {)" USERS R"(, "posts": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}})"
        << QStringList{"drop_foreign_key posts.fk_posts_user_id", "drop_index posts.ix_user", "drop_column posts.user_id"};
    QTest::newRow("domains: enum, then domain over it, then domain over that, then the table")
        << R"({})"
        << R"({"tables": {"film": {"columns": {"y": {"type": "custom", "sql": "year"}, "r": {"type": "custom", "sql": "\"top rating\""}}}}, "enums": {"mpaa": ["G", "R"]}, "domains": {"top rating": {"type": "custom", "sql": "rating"}, "rating": {"type": "enum", "enum": "mpaa"}, "year": {"type": "integer"}}})"
        << QStringList{"create_enum mpaa", "create_domain rating", "create_domain top rating", "create_domain year", "create_table film"};
    QTest::newRow("domains dropped after the table that used them, before the enum")
        << R"({"tables": {"film": {"columns": {"y": {"type": "custom", "sql": "year"}, "r": {"type": "custom", "sql": "rating"}}}}, "enums": {"mpaa": ["G", "R"]}, "domains": {"rating": {"type": "enum", "enum": "mpaa"}, "year": {"type": "integer"}}})"
        << R"({})"
        << QStringList{"drop_table film", "drop_domain year", "drop_domain rating", "drop_enum mpaa"};
    QTest::newRow("domain default, not null and checks change: one alter_domain")
        << R"({"domains": {"year": {"type": "integer", "checks": {"a": {"expr": "VALUE > 0"}}}}})"
        << R"({"domains": {"year": {"type": "integer", "nullable": false, "default": {"value": 2000}, "checks": {"b": {"expr": "VALUE < 3000"}}}}})"
        << QStringList{"alter_domain year"};
    QTest::newRow("domain base type change: drop and create")
        << R"({"domains": {"year": {"type": "integer"}}})" << R"({"domains": {"year": {"type": "bigint"}}})"
        << QStringList{"drop_domain year", "create_domain year"};
    QTest::newRow("column changes to a new domain")
        << R"({"tables": {"t": {"columns": {"y": {"type": "integer"}}}}})"
        << R"({"tables": {"t": {"columns": {"y": {"type": "custom", "sql": "year"}}}}, "domains": {"year": {"type": "integer"}}})"
        << QStringList{"create_domain year", "alter_column t.y"};
    QTest::newRow("create enum before the column that uses it")
        << users
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}, "role": {"type": "enum", "enum": "role"}}, "primaryKey": ["id"]}}, "enums": {"role": ["member", "admin"]}})"
        << QStringList{"create_enum role", "add_column users.role"};
    QTest::newRow("drop enum after the column that used it")
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "varchar", "length": 255, "nullable": false}, "role": {"type": "enum", "enum": "role"}}, "primaryKey": ["id"]}}, "enums": {"role": ["member", "admin"]}})"
        << users << QStringList{"drop_column users.role", "drop_enum role"};
    QTest::newRow("column changes to a new enum")
        << R"({"tables": {"t": {"columns": {"s": {"type": "text"}}}}})"
        << R"({"tables": {"t": {"columns": {"s": {"type": "enum", "enum": "state"}}}}, "enums": {"state": ["on", "off"]}})"
        << QStringList{"create_enum state", "alter_column t.s"};
    QTest::newRow("enum value appended")
        << R"({"enums": {"e": ["a", "b"]}})" << R"({"enums": {"e": ["a", "b", "c"]}})"
        << QStringList{"add_enum_value e.c"};
    QTest::newRow("enum values inserted in the middle")
        << R"({"enums": {"e": ["a", "d"]}})" << R"({"enums": {"e": ["a", "b", "c", "d"]}})"
        << QStringList{"add_enum_value e.b<d", "add_enum_value e.c<d"};
    QTest::newRow("enum value inserted first")
        << R"({"enums": {"e": ["b"]}})" << R"({"enums": {"e": ["a", "b"]}})" << QStringList{"add_enum_value e.a<b"};
    QTest::newRow("enum value dropped")
        << R"({"enums": {"e": ["a", "b", "c"]}})" << R"({"enums": {"e": ["a", "c"]}})"
        << QStringList{"drop_enum_value e.b<c"};
    QTest::newRow("enum value replaced in the middle")
        << R"({"enums": {"e": ["a", "b", "c"]}})" << R"({"enums": {"e": ["a", "x", "c"]}})"
        << QStringList{"add_enum_value e.x<c", "drop_enum_value e.b<x"};
    QTest::newRow("enum values reordered")
        << R"({"enums": {"e": ["a", "b", "c"]}})" << R"({"enums": {"e": ["b", "c", "a"]}})"
        << QStringList{"drop_enum_value e.a<b", "add_enum_value e.a"};
    QTest::newRow("enum renamed by hint")
        << R"({"tables": {"t": {"columns": {"s": {"type": "enum", "enum": "state"}}}}, "enums": {"state": ["on"]}})"
        << R"({"tables": {"t": {"columns": {"s": {"type": "enum", "enum": "status"}}}}, "enums": {"status": {"values": ["on", "off"], "renamedFrom": "state"}}})"
        << QStringList{"rename_enum state->status", "add_enum_value status.off"};
    QTest::newRow("everything at once, in phase order")
        << R"({"tables": {)" USERS R"(, )" POSTS R"(, "gone": {"columns": {"x": {"type": "integer"}}}}, "enums": {"old": ["x"]}})"
        << R"({"tables": {"users": {"columns": {"id": {"type": "integer"}, "email": {"type": "text", "nullable": false}, "role": {"type": "enum", "enum": "role"}}, "primaryKey": ["id"], "indexes": {"ix_role": {"columns": ["role"]}}}, "posts": {"columns": {"id": {"type": "integer"}, "user_id": {"type": "integer"}}, "primaryKey": ["id"], "foreignKeys": {"fk_posts_user_id": {"columns": ["user_id"], "refTable": "users", "refColumns": ["id"], "onDelete": "cascade"}}}, "tags": {"columns": {"post_id": {"type": "integer"}}, "foreignKeys": {"fk_tags_post": {"columns": ["post_id"], "refTable": "posts", "refColumns": ["id"]}}}}, "enums": {"role": ["member"]}})"
        << QStringList{"create_enum role", "drop_foreign_key posts.fk_posts_user_id", "create_table tags",
                       "add_column users.role", "alter_column users.email", "create_index users.ix_role",
                       "add_foreign_key posts.fk_posts_user_id", "drop_table gone", "drop_enum old"};
    QTest::newRow("unsupported objects are never diffed")
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}}}, "unsupported": [{"kind": "view", "name": "v", "sql": "CREATE VIEW v AS SELECT 1"}]})"
        << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}}}})" << QStringList{};
}

void TestDiff::diff()
{
    QFETCH(QString, current);
    QFETCH(QString, target);
    QFETCH(QStringList, expected);
    const Schema from = schemaOf(current.toUtf8().constData());
    const Schema to = schemaOf(target.toUtf8().constData());

    const std::vector<Operation> ops = diffSchema(from, to);
    QCOMPARE(joined(summaries(ops)), joined(expected));
    verifyReplay(from, to, ops);
}

void TestDiff::createdTableCarriesItsItems()
{
    const Schema target = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "text"}},
        "indexes": {"ix_b": {"columns": ["b"]}}, "uniques": {"uq_a": {"columns": ["a"]}},
        "checks": {"ck_a": {"expr": "a > 0"}}, "comment": "c"}}})");
    const auto ops = diffSchema({}, target);
    QCOMPARE(ops.size(), std::size_t(1));
    QCOMPARE(std::get<CreateTable>(ops[0]).definition, target.tables[0]);
}

void TestDiff::droppedTableCarriesWholeDefinition()
{
    const Schema current = schemaOf("{\"tables\": {" USERS ", " POSTS "}}");
    const auto ops = diffSchema(current, {});
    QCOMPARE(joined(summaries(ops)), joined((QStringList{"drop_table posts", "drop_table users"})));
    QCOMPARE(std::get<DropTable>(ops[0]).definition, *current.findTable("posts"));
}

void TestDiff::alterColumnCarriesWholeDefinitions()
{
    const Schema current = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "varchar", "length": 5, "default": {"value": "x"}, "comment": "k"}}}}})");
    const Schema target = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "varchar", "length": 9, "default": {"value": "x"}, "comment": "k", "nullable": false}}}}})");
    const auto ops = diffSchema(current, target);
    QCOMPARE(ops.size(), std::size_t(1));
    const auto& alter = std::get<AlterColumn>(ops[0]);
    QCOMPARE(alter.from, current.tables[0].columns[0]);
    QCOMPARE(alter.to, target.tables[0].columns[0]);
}

void TestDiff::collationChangeIsAnAlterColumnWithItsInverse()
{
    const Schema current = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "text"}, "b": {"type": "text", "collation": "RTRIM"}}}}})");
    const Schema target = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "text", "collation": "NOCASE"}, "b": {"type": "text", "collation": "RTRIM"}}}}})");
    const auto ops = diffSchema(current, target);
    QCOMPARE(joined(summaries(ops)), joined(QStringList{"alter_column t.a"}));
    const auto& alter = std::get<AlterColumn>(ops[0]);
    QVERIFY(!alter.from.collation);
    QCOMPARE(*alter.to.collation, std::string("NOCASE"));
    QCOMPARE(describe(ops[0]), std::string("alter column t.a: text default collation NULL -> text COLLATE NOCASE NULL"));
    verifyReplay(current, target, ops);
    QCOMPARE(describeDifferences(current, target),
             std::vector<std::string>{"column \"t\".\"a\" changed: collation default → \"NOCASE\""});
}

// docs/ir.md "Arrays", "Generated columns", "Deferrable constraints": dimensions and
// generation are part of a column (alter_column, inverse restores), deferral part of a
// constraint (dropped and added again); each is worded by describe and by drift.
void TestDiff::arraysGeneratedColumnsAndDeferralAreDiffed()
{
    const Schema current = schemaOf(R"({"tables": {
        "p": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]},
        "t": {"columns": {"a": {"type": "text", "array": 1}, "g": {"type": "integer", "generated": {"expr": "1 + 1"}},
                          "p_id": {"type": "integer"}},
              "foreignKeys": {"fk": {"columns": ["p_id"], "refTable": "p", "refColumns": ["id"]}}}}})");
    const Schema target = schemaOf(R"({"tables": {
        "p": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]},
        "t": {"columns": {"a": {"type": "text", "array": 2}, "g": {"type": "integer", "generated": {"expr": "2 + 2"}},
                          "p_id": {"type": "integer"}},
              "foreignKeys": {"fk": {"columns": ["p_id"], "refTable": "p", "refColumns": ["id"], "deferrable": true,
                                     "initiallyDeferred": true}}}}})");
    const auto ops = diffSchema(current, target);
    QCOMPARE(joined(summaries(ops)), joined(QStringList{"drop_foreign_key t.fk", "alter_column t.a", "alter_column t.g",
                                                         "add_foreign_key t.fk"}));
    QCOMPARE(describe(ops[1]), std::string("alter column t.a: text[] NULL -> text[][] NULL"));
    QCOMPARE(describe(ops[2]), std::string("alter column t.g: integer NULL GENERATED ALWAYS AS (1 + 1) STORED -> "
                                           "integer NULL GENERATED ALWAYS AS (2 + 2) STORED"));
    QVERIFY(std::get<AddForeignKey>(ops[3]).definition.deferral.initiallyDeferred);
    verifyReplay(current, target, ops);
    QCOMPARE(describeDifferences(current, target),
             (std::vector<std::string>{"column \"t\".\"a\" changed: type text[] → text[][]",
                                       "column \"t\".\"g\" changed: generated (1 + 1) stored → (2 + 2) stored",
                                       "foreign key \"fk\" on table \"t\" changed"}));
    // Plain to generated and back; stored to virtual.
    Schema virt = target;
    virt.findTable("t")->findColumn("g")->generatedStored = false;
    QCOMPARE(describeDifferences(target, virt),
             std::vector<std::string>{"column \"t\".\"g\" changed: generated (2 + 2) stored → (2 + 2) virtual"});
    Schema plain = target;
    plain.findTable("t")->findColumn("g")->generated.reset();
    const auto unGenerate = diffSchema(target, plain);
    QCOMPARE(describe(unGenerate[0]), std::string("alter column t.g: integer NULL GENERATED ALWAYS AS (2 + 2) STORED -> "
                                                  "integer NULL NOT GENERATED"));
    verifyReplay(target, plain, unGenerate);
}

// Each dropped value remembers its neighbour so that a downgrade puts it back in place.
void TestDiff::enumValueBeforeIsRecorded()
{
    const Schema current = schemaOf(R"({"enums": {"e": ["a", "b", "c", "d"]}})");
    const Schema target = schemaOf(R"({"enums": {"e": ["a"]}})");
    const auto ops = diffSchema(current, target);
    QCOMPARE(joined(summaries(ops)), joined((QStringList{"drop_enum_value e.b<c", "drop_enum_value e.c<d", "drop_enum_value e.d"})));
    verifyReplay(current, target, ops);
    Schema back = target;
    applyOperations(back, invert(ops));
    QCOMPARE(back.enums[0].values, current.enums[0].values);
}

void TestDiff::renamedFromHintsAreNotPartOfDefinitions()
{
    const Schema target = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "integer", "renamedFrom": "zz"}}, "renamedFrom": "nothing"}}})");
    const auto ops = diffSchema({}, target);
    QCOMPARE(joined(summaries(ops)), joined(QStringList{"create_table t"}));
    const Table& created = std::get<CreateTable>(ops[0]).definition;
    QVERIFY(!created.renamedFrom);
    QVERIFY(!created.columns[0].renamedFrom);
    // A hint left in place once the rename happened changes nothing.
    Schema current = target;
    current.tables[0].renamedFrom.reset();
    current.tables[0].columns[0].renamedFrom.reset();
    QVERIFY(diffSchema(current, target).empty());
}

namespace {
// SQLite-like leniency: text and varchar are one type, comments do not exist.
class LenientRules : public ComparisonRules {
public:
    bool typesEqual(const Column& a, const Column& b) const override
    {
        auto texty = [](const Column& c) { return c.type == ColumnType::Text || c.type == ColumnType::Varchar; };
        return (texty(a) && texty(b)) || ComparisonRules::typesEqual(a, b);
    }
    bool compareComments() const override { return false; }
    bool compareEnums() const override { return false; }
};
} // namespace

void TestDiff::rulesDecideWhatIsAChange()
{
    const Schema current = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "varchar", "length": 5}, "b": {"type": "integer"}}}}})");
    const Schema target = schemaOf(R"({"tables": {"t": {"columns": {"a": {"type": "text", "comment": "x"}, "b": {"type": "bigint"}}, "comment": "y"}}})");
    LenientRules rules;
    DiffOptions options;
    options.rules = &rules;
    const auto ops = diffSchema(current, target, options);
    QCOMPARE(joined(summaries(ops)), joined(QStringList{"alter_column t.b"}));
    verifyReplay(current, target, ops, &rules);
    QCOMPARE(joined(summaries(diffSchema(current, target))), joined((QStringList{"alter_column t.a", "alter_column t.b", "alter_table_comment t"})));
}

// The same pair as a user would keep it: two IR JSON files read through loadSchemaFile.
void TestDiff::fixturePairFromFiles()
{
    const Schema v1 = loadSchemaFile(TEMPEST_TEST_DATA_DIR "/diff/blog_v1.json");
    const Schema v2 = loadSchemaFile(TEMPEST_TEST_DATA_DIR "/diff/blog_v2.json");
    const DiffResult result = diffSchemaDetailed(v1, v2);
    QCOMPARE(joined(summaries(result.operations)), joined((QStringList{"add_enum_value post_state.archived", "drop_index posts.ix_posts_title",
                          "rename_table authors->users", "rename_column posts.author_id->user_id",
                          "create_table comments", "add_column users.bio", "alter_column posts.title",
                          "create_index posts.ix_posts_title_lower", "drop_column posts.legacy"})));
    QCOMPARE(result.applied.size(), std::size_t(2));
    verifyReplay(v1, v2, result.operations);
    verifyReplay(v2, v1, diffSchema(v2, v1));
}

// DESIGN: a 5,000-table schema must diff in well under a second (hash maps, no scans of
// all tables per table).
void TestDiff::largeSchemaIsFast()
{
    Schema current;
    for (int i = 0; i < 5000; ++i) {
        Table table;
        table.name = "t" + std::to_string(i);
        for (int c = 0; c < 8; ++c)
            table.columns.push_back(Column{"c" + std::to_string(c), ColumnType::Integer});
        table.primaryKey = {"c0"};
        table.columns[0].nullable = false;
        if (i > 0)
            table.foreignKeys.push_back({"fk_" + table.name, {"c1"}, "t" + std::to_string(i - 1), {"c0"}});
        table.indexes.push_back({"ix_" + table.name, {IndexColumn::column("c2")}});
        current.tables.push_back(std::move(table));
    }
    Schema target = current;
    std::reverse(target.tables.begin(), target.tables.end());
    target.tables[10].columns.push_back(Column{"extra", ColumnType::Text});
    target.tables.pop_back();  // t0: referenced by t1, whose key goes too
    target.findTable("t1")->foreignKeys.clear();

    QElapsedTimer timer;
    timer.start();
    const auto ops = diffSchema(current, target);
    QVERIFY(schemaEquals(current, current));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(joined(summaries(ops)), joined((QStringList{"drop_foreign_key t1.fk_t1", "add_column t4989.extra", "drop_table t0"})));
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed) + " ms"));
}

QTEST_APPLESS_MAIN(TestDiff)
#include "tst_diff.moc"

namespace {

// Partitions listed before their parents, so that only the partitionOf edge orders them.
const char* kPartitioned = R"J({"tables": {
    "m_2024_eu": {"partitionOf": "m_2024", "partitionBound": "FOR VALUES IN ('eu')",
                  "indexes": {"ix_eu_region": {"columns": ["region"]}}},
    "m_2024": {"partitionOf": "m", "partitionBound": "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
               "partitionBy": "LIST (region)"},
    "m_other": {"partitionOf": "m", "partitionBound": "DEFAULT",
                "foreignKeys": {"fk_other_region": {"columns": ["region"], "refTable": "regions", "refColumns": ["code"]}}},
    "m": {"columns": {"id": {"type": "integer"}, "day": {"type": "date", "nullable": false}, "region": {"type": "text"}},
          "primaryKey": ["id", "day"], "partitionBy": "RANGE (day)"},
    "regions": {"columns": {"code": {"type": "text"}}, "primaryKey": ["code"]}}})J";

} // namespace

void TestDiff::partitionsFollowTheirParents()
{
    const Schema target = schemaOf(kPartitioned);
    const auto create = diffSchema({}, target);
    QCOMPARE(joined(summaries(create)), joined((QStringList{"create_table m", "create_table m_2024",
                                                            "create_table m_2024_eu", "create_table regions",
                                                            "create_table m_other"})));
    verifyReplay({}, target, create);
    const auto drop = diffSchema(target, {});
    QCOMPARE(joined(summaries(drop)), joined((QStringList{"drop_table m_other", "drop_table regions",
                                                          "drop_table m_2024_eu", "drop_table m_2024",
                                                          "drop_table m"})));
    verifyReplay(target, {}, drop);
    // A new partition of an existing parent is a create_table; the strategy word compares
    // without case.
    Schema more = target;
    more.tables.push_back(Table{.name = "m_2025", .partitionOf = "m",
                                .partitionBound = "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"});
    more.findTable("m")->partitionBy = "range (day)";
    const auto add = diffSchema(target, more);
    QCOMPARE(joined(summaries(add)), joined((QStringList{"create_table m_2025"})));
    verifyReplay(target, more, add);
}

void TestDiff::partitioningChangesAreRefused()
{
    const Schema current = schemaOf(kPartitioned);
    auto refusal = [&](const std::function<void(Schema&)>& change) -> std::string {
        Schema target = current;
        change(target);
        try {
            diffSchema(current, target);
        } catch (const InputError& e) {
            return e.what();
        }
        return "(no error)";
    };
    auto startsWith = [](const std::string& text, const std::string& prefix) {
        return text.rfind(prefix, 0) == 0 && text.find("Rename the table") != std::string::npos;
    };
    std::string e = refusal([](Schema& s) { s.findTable("m")->partitionBy = "RANGE (id)"; });
    QVERIFY2(startsWith(e, "partition key of table \"m\" changed: \"RANGE (day)\" → \"RANGE (id)\""), e.c_str());
    e = refusal([](Schema& s) { s.findTable("m_other")->partitionBound = "FOR VALUES FROM ('2000-01-01') TO ('2001-01-01')"; });
    QVERIFY2(startsWith(e, "partition \"m_other\" changed: partitionOf \"m\" → \"m\", partitionBound \"DEFAULT\" → "
                           "\"FOR VALUES FROM ('2000-01-01') TO ('2001-01-01')\""),
             e.c_str());
    e = refusal([](Schema& s) { s.findTable("regions")->partitionBy = "HASH (code)"; });
    QVERIFY2(startsWith(e, "partition key of table \"regions\" changed: none → \"HASH (code)\""), e.c_str());
    e = refusal([](Schema& s) {
        Table& t = *s.findTable("m_other");
        t.partitionOf.reset();
        t.partitionBound.reset();
        t.columns = s.findTable("m")->columns;
    });
    QVERIFY2(startsWith(e, "table \"m_other\" ceases to be a partition: partitionOf \"m\" → none"), e.c_str());
    // schemaEquals words the same differences.
    Schema moved = current;
    moved.findTable("m_other")->partitionBound = "FOR VALUES FROM ('2000-01-01') TO ('2001-01-01')";
    QVERIFY(!schemaEquals(current, moved));
    QVERIFY2(differences(current, moved, nullptr).contains("partition bound of table \"m_other\" changed: \"DEFAULT\" → "),
             qPrintable(differences(current, moved, nullptr)));
}
