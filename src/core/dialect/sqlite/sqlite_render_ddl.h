#pragma once
// The DDL text of IR items in SQLite: column definitions, CREATE TABLE, CREATE INDEX.
// Pure functions of the IR; the enum values an enum column's CHECK lists come from the
// schema the table belongs to.

#include "core/ir/schema.h"

#include <string>

namespace tempest {

/// How a table is spelled when it is created by a rebuild rather than as itself.
struct SqliteTableSpelling {
    std::string name;      // empty: the table's own name
    std::string options;   // "STRICT", "WITHOUT ROWID", ... after the closing parenthesis
    bool strictTypes = false;  // map declared types to the STRICT-allowed ones
};

/// `"col" TYPE [PRIMARY KEY AUTOINCREMENT] [NOT NULL] [DEFAULT x] [CONSTRAINT "enum:…" CHECK …]`.
/// Throws InputError when an enum column names an enum `schema` lacks.
std::string sqliteColumnDefinition(const Table& table, const Column& column, const Schema& schema,
                                   bool strictTypes = false);

/// A collation name after COLLATE: bare when it is a plain identifier (NOCASE), else quoted.
std::string sqliteCollationName(std::string_view name);

/// The table constraints of CREATE TABLE, each as sqliteCreateTable writes it.
std::string sqlitePrimaryKeyConstraint(const std::vector<std::string>& columns);
std::string sqliteUniqueConstraint(const UniqueConstraint& unique);
std::string sqliteForeignKeyConstraint(const ForeignKey& fk);
std::string sqliteCheckConstraint(const CheckConstraint& check);

/// CREATE TABLE with columns and named constraints (no indexes).
std::string sqliteCreateTable(const Table& table, const Schema& schema,
                              const SqliteTableSpelling& spelling = {});

/// CREATE [UNIQUE] INDEX "name" ON "table" (…) [WHERE …].
std::string sqliteCreateIndex(std::string_view table, const Index& index);

/// True when `table` has an integer primary key column declared AUTOINCREMENT: it is
/// spelled inline, `"id" INTEGER PRIMARY KEY AUTOINCREMENT`.
const Column* sqliteInlinePrimaryKey(const Table& table);

} // namespace tempest
