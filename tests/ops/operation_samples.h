#pragma once
// Shared test fixtures for tests/ops: a small but realistic blog schema (users, posts
// with a foreign key, indexes, a unique, a check, enums) and one operation of every
// kind that fits it, so every per-kind test row runs against the same data.

#include "core/ops/operation.h"

#include <string>
#include <vector>

namespace tempest::testing {

inline Column makeColumn(std::string name, ColumnType type, bool nullable = true)
{
    Column column;
    column.name = std::move(name);
    column.type = type;
    column.nullable = nullable;
    return column;
}

inline Column varcharColumn(std::string name, int length, bool nullable = true)
{
    Column column = makeColumn(std::move(name), ColumnType::Varchar, nullable);
    column.length = length;
    return column;
}

inline Column numericColumn(std::string name, int precision, int scale)
{
    Column column = makeColumn(std::move(name), ColumnType::Numeric);
    column.precision = precision;
    column.scale = scale;
    return column;
}

inline Column enumColumn(std::string name, std::string enumName)
{
    Column column = makeColumn(std::move(name), ColumnType::Enum);
    column.enumName = std::move(enumName);
    return column;
}

inline Table usersTable()
{
    Table users;
    users.name = "users";
    Column id = makeColumn("id", ColumnType::Integer, false);
    id.autoincrement = true;
    users.columns.push_back(id);
    users.columns.push_back(varcharColumn("email", 255, false));
    Column role = enumColumn("role", "user_role");
    role.defaultValue = DefaultValue::string("member");
    users.columns.push_back(role);
    users.columns.push_back(numericColumn("score", 10, 2));
    Column createdAt = makeColumn("created_at", ColumnType::Timestamp, false);
    createdAt.defaultValue = DefaultValue::expression("CURRENT_TIMESTAMP");
    users.columns.push_back(createdAt);
    users.primaryKey = {"id"};
    users.indexes.push_back(Index{"ix_users_created_at", {IndexColumn::column("created_at")}, false, {}});
    users.indexes.push_back(
        Index{"ix_users_lower_email", {IndexColumn::expr("lower(email)")}, false, "email IS NOT NULL"});
    users.uniques.push_back(UniqueConstraint{"uq_users_email", {"email"}});
    users.checks.push_back(CheckConstraint{"ck_users_score", "score >= 0"});
    users.comment = "registered accounts";
    return users;
}

inline Table postsTable()
{
    Table posts;
    posts.name = "posts";
    posts.columns.push_back(makeColumn("id", ColumnType::Integer, false));
    posts.columns.push_back(makeColumn("user_id", ColumnType::Integer, false));
    posts.columns.push_back(makeColumn("editor_id", ColumnType::Integer));
    posts.columns.push_back(makeColumn("body", ColumnType::Text));
    posts.primaryKey = {"id"};
    posts.indexes.push_back(Index{"ix_posts_user_id", {IndexColumn::column("user_id")}, false, {}});
    ForeignKey fk;
    fk.name = "fk_posts_user_id";
    fk.columns = {"user_id"};
    fk.refTable = "users";
    fk.refColumns = {"id"};
    fk.onDelete = FkAction::Cascade;
    posts.foreignKeys.push_back(fk);
    return posts;
}

/// pagila's `year`: integer, CHECK (VALUE >= 1901 AND VALUE <= 2155).
inline Domain yearDomain()
{
    Domain year;
    year.name = "year";
    year.base = makeColumn("year", ColumnType::Integer);
    year.checks.push_back(CheckConstraint{"year_check", "VALUE >= 1901 AND VALUE <= 2155"});
    return year;
}

/// A standalone sequence (the application calls nextval), options away from the defaults.
inline Sequence ticketSequence()
{
    Sequence s;
    s.name = "ticket_seq";
    s.type = "integer";
    s.start = 1000;
    s.cache = 10;
    return s;
}

inline Schema blogSchema()
{
    Schema schema;
    schema.tables = {usersTable(), postsTable()};
    schema.enums = {EnumType{"user_role", {"member", "admin"}, {}}, EnumType{"visibility", {"public", "private"}, {}}};
    schema.domains = {yearDomain()};
    schema.sequences = {ticketSequence()};
    return schema;
}

struct SampleOperation {
    std::string name;
    Operation op;
};

/// One operation of every kind, each applicable to blogSchema() on its own. Drops take
/// the last item of their list: re-adding appends (as the database does), so only then
/// does the inverse restore the schema exactly, order included.
inline std::vector<SampleOperation> sampleOperations()
{
    std::vector<SampleOperation> out;

    Table tags;
    tags.name = "tags";
    tags.columns = {makeColumn("id", ColumnType::Integer, false), varcharColumn("label", 40, false)};
    tags.primaryKey = {"id"};
    tags.comment = "free-form labels";
    out.push_back({"create_table", CreateTable{tags}});
    out.push_back({"drop_table", DropTable{postsTable()}});
    out.push_back({"rename_table", RenameTable{"users", "accounts"}});
    out.push_back({"add_column", AddColumn{"users", varcharColumn("nickname", 40)}});
    out.push_back({"drop_column", DropColumn{"posts", makeColumn("body", ColumnType::Text)}});
    out.push_back({"alter_column",
                   AlterColumn{"users", varcharColumn("email", 255, false), makeColumn("email", ColumnType::Text)}});
    out.push_back({"rename_column", RenameColumn{"users", "id", "uid"}});
    out.push_back({"create_index",
                   CreateIndex{"posts", Index{"ix_posts_body", {IndexColumn::column("body"), IndexColumn::expr("length(body)")},
                                              true, "body IS NOT NULL"}}});
    out.push_back({"drop_index", DropIndex{"users", usersTable().indexes.back()}});
    out.push_back({"add_unique", AddUnique{"posts", UniqueConstraint{"uq_posts_user_body", {"user_id", "body"}}}});
    out.push_back({"drop_unique", DropUnique{"users", usersTable().uniques.front()}});
    ForeignKey editor;
    editor.name = "fk_posts_editor_id";
    editor.columns = {"editor_id"};
    editor.refTable = "users";
    editor.refColumns = {"id"};
    editor.onDelete = FkAction::SetNull;
    editor.onUpdate = FkAction::Restrict;
    out.push_back({"add_foreign_key", AddForeignKey{"posts", editor}});
    out.push_back({"drop_foreign_key", DropForeignKey{"posts", postsTable().foreignKeys.front()}});
    out.push_back({"add_check", AddCheck{"posts", CheckConstraint{"ck_posts_body", "length(body) > 0"}}});
    out.push_back({"drop_check", DropCheck{"users", usersTable().checks.front()}});
    out.push_back({"alter_primary_key", AlterPrimaryKey{"posts", {"id"}, {"id", "user_id"}}});
    out.push_back({"alter_table_comment", AlterTableComment{"users", "registered accounts", std::nullopt}});
    out.push_back({"create_enum", CreateEnum{EnumType{"post_state", {"draft", "published"}, {}}}});
    out.push_back({"drop_enum", DropEnum{EnumType{"visibility", {"public", "private"}, {}}}});
    out.push_back({"add_enum_value", AddEnumValue{"user_role", "moderator", "admin"}});
    out.push_back({"drop_enum_value", DropEnumValue{"user_role", "member", "admin"}});
    out.push_back({"rename_enum", RenameEnum{"user_role", "account_role"}});
    Domain email;
    email.name = "email address";
    email.base = varcharColumn("email address", 255, false);
    email.base.defaultValue = DefaultValue::string("nobody@example.org");
    email.checks.push_back(CheckConstraint{"has_at", "VALUE LIKE '%@%'"});
    out.push_back({"create_domain", CreateDomain{email}});
    out.push_back({"drop_domain", DropDomain{yearDomain()}});
    Domain stricterYear = yearDomain();
    stricterYear.base.nullable = false;
    stricterYear.base.defaultValue = DefaultValue::number("2000");
    stricterYear.checks.push_back(CheckConstraint{"year_not_future", "VALUE <= 2100"});
    out.push_back({"alter_domain", AlterDomain{yearDomain(), stricterYear}});
    Sequence postNumber;
    postNumber.name = "posts_number_seq";
    postNumber.increment = 10;
    postNumber.ownedBy = SequenceOwner{"posts", "id"};
    out.push_back({"create_sequence", CreateSequence{postNumber}});
    out.push_back({"drop_sequence", DropSequence{ticketSequence()}});
    Sequence ticketChanged = ticketSequence();
    ticketChanged.type.reset();  // bigint
    ticketChanged.increment = 5;
    ticketChanged.max = 50000;
    ticketChanged.cycle = true;
    ticketChanged.ownedBy = SequenceOwner{"users", "id"};
    out.push_back({"alter_sequence", AlterSequence{ticketSequence(), ticketChanged}});
    Table rebuilt = postsTable();
    rebuilt.columns.erase(rebuilt.columns.begin() + 3);  // body
    rebuilt.columns.push_back(varcharColumn("title", 200, false));
    rebuilt.checks.push_back(CheckConstraint{"ck_posts_title", "title <> ''"});
    out.push_back({"recreate_table", RecreateTable{postsTable(), rebuilt}});
    out.push_back({"execute", Execute{{{"sqlite", "UPDATE users SET score = 0 WHERE score IS NULL"},
                                       {"postgresql", "UPDATE users SET score = 0 WHERE score IS NULL"}},
                                      std::map<std::string, std::string>{{"sqlite", "SELECT 1"}}}});
    return out;
}

} // namespace tempest::testing
