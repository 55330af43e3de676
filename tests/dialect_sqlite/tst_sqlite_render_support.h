#pragma once
// Shared by the SQLite rendering tests: IR builders, a sample schema, and running
// operations on a real database the way the runner does (beginRun, render with the live
// connection, each statement, commitRun; rollbackRun on failure).

#include <cctype>
#include "core/dialect/dialect.h"
#include "core/dialect/sqlite/sqlite_render_ddl.h"
#include "core/dialect/sqlite/sqlite_types.h"
#include "drivers/sqlite/sqlite_driver.h"

#include <string>
#include <vector>

namespace tempest::test {

inline Column column(std::string name, ColumnType type, bool nullable = true)
{
    Column c;
    c.name = std::move(name);
    c.type = type;
    c.nullable = nullable;
    return c;
}

inline Column withDefault(Column c, DefaultValue value)
{
    c.defaultValue = std::move(value);
    return c;
}

inline Column varchar(std::string name, int length, bool nullable = true)
{
    Column c = column(std::move(name), ColumnType::Varchar, nullable);
    c.length = length;
    return c;
}

inline Column enumColumn(std::string name, std::string enumName, bool nullable = true)
{
    Column c = column(std::move(name), ColumnType::Enum, nullable);
    c.enumName = std::move(enumName);
    return c;
}

inline Column autoId(std::string name = "id")
{
    Column c = column(std::move(name), ColumnType::Integer, false);
    c.autoincrement = true;
    return c;
}

/// users (autoincrement id, varchar, enum, numeric, defaults, unique, check, indexes)
/// and posts (FK to users, ON DELETE CASCADE), enum user_role.
inline Schema sampleSchema()
{
    Table users;
    users.name = "users";
    Column score = column("score", ColumnType::Numeric);
    score.precision = 10;
    score.scale = 2;
    users.columns = {autoId(), varchar("email", 255, false),
                     withDefault(enumColumn("role", "user_role"), DefaultValue::string("member")),
                     score,
                     withDefault(column("created_at", ColumnType::Timestamp, false),
                                 DefaultValue::expression("CURRENT_TIMESTAMP")),
                     withDefault(column("active", ColumnType::Boolean, false), DefaultValue::boolean(true))};
    users.primaryKey = {"id"};
    users.indexes = {{"ix_users_created_at", {IndexColumn::column("created_at")}, false, std::nullopt},
                     {"ix_users_lower_email", {IndexColumn::expr("lower(email)")}, false,
                      std::string("email IS NOT NULL")}};
    users.uniques = {{"uq_users_email", {"email"}}};
    users.checks = {{"ck_users_score", "score >= 0"}};
    users.comment = "registered accounts";

    Table posts;
    posts.name = "posts";
    posts.columns = {column("id", ColumnType::Integer, false), column("user_id", ColumnType::Integer, false),
                     column("body", ColumnType::Text)};
    posts.primaryKey = {"id"};
    posts.foreignKeys = {{"fk_posts_user_id", {"user_id"}, "users", {"id"}, FkAction::Cascade, FkAction::NoAction}};
    posts.indexes = {{"ix_posts_user_id", {IndexColumn::column("user_id")}, false, std::nullopt}};

    Schema schema;
    schema.tables = {users, posts};
    schema.enums = {{"user_role", {"member", "admin"}, std::nullopt}};
    return schema;
}

/// Renders one revision as the runner does within a run: against the schema it starts
/// from, with the run's state, with or without the live connection.
inline std::vector<Statement> renderRevision(const Dialect& dialect, const Schema& before,
                                             const std::vector<Operation>& ops, Driver* live,
                                             DialectRunState* state)
{
    RenderContext context;
    context.before = &before;
    context.live = live;
    context.state = state;
    return dialect.render(ops, context);
}

/// Runs rendered statements (comments skipped) in one transaction, as the runner does.
inline void runStatements(Driver& driver, const Dialect& dialect, const std::vector<Statement>& statements)
{
    for (const auto& sql : dialect.beginRun())
        driver.execute(sql);
    try {
        for (const auto& statement : statements)
            if (!statement.commentOnly)
                driver.execute(statement.sql);
    } catch (...) {
        for (const auto& sql : dialect.rollbackRun())
            driver.execute(sql);
        throw;
    }
    for (const auto& sql : dialect.commitRun())
        driver.execute(sql);
}

/// How many times the statements rebuild `table` (its CREATE TABLE "_tempest_new_<table>").
inline int rebuildCount(const std::vector<Statement>& statements, const std::string& table)
{
    // The new table is `_tempest_new_<table>`, or `_tempest_new_<table>_<n>` when a user
    // object has that name.
    std::string create = sqliteQuoteIdentifier("_tempest_new_" + table);
    create = "CREATE TABLE " + create.substr(0, create.size() - 1);
    int count = 0;
    for (const auto& statement : statements) {
        if (statement.sql.rfind(create, 0) != 0)
            continue;
        std::size_t at = create.size();
        if (statement.sql.compare(at, 1, "_") == 0) {
            std::size_t digits = at + 1;
            while (digits < statement.sql.size() && std::isdigit(static_cast<unsigned char>(statement.sql[digits])))
                ++digits;
            at = digits > at + 1 ? digits : std::string::npos;
        }
        count += at != std::string::npos && statement.sql.compare(at, 2, "\" ") == 0 ? 1 : 0;
    }
    return count;
}

/// Runs `ops` in one transaction as the runner does; rolls back and rethrows on failure.
inline void runOperations(Driver& driver, const Dialect& dialect, const Schema& before,
                          const std::vector<Operation>& ops, bool live = true)
{
    runStatements(driver, dialect, renderRevision(dialect, before, ops, live ? &driver : nullptr, nullptr));
}

/// Creates every table of `schema` (and its indexes) through the dialect.
inline void createSchema(Driver& driver, const Dialect& dialect, const Schema& schema)
{
    Schema empty;
    empty.enums = schema.enums;
    std::vector<Operation> ops;
    for (const auto& table : schema.tables)
        ops.push_back(CreateTable{table});
    runOperations(driver, dialect, empty, ops);
}

inline std::string scalar(Driver& driver, const std::string& sql)
{
    ResultSet rows = driver.query(sql);
    return rows.rows.empty() || rows.rows[0].empty() ? std::string("<no row>") : valueToString(rows.rows[0][0]);
}

} // namespace tempest::test
