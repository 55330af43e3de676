#pragma once
// SQLite introspection: the live schema as IR, read through the Driver interface in a
// fixed number of statements (four) however many tables there are — one pass over
// sqlite_schema, then pragma table-valued functions joined to it.
//
// What the IR cannot express is listed under `unsupported` and nowhere else: views,
// triggers, virtual tables (their shadow tables are left out), generated columns
// (kind "column"), indexes with DESC or COLLATE entries (kind "index"), and the table
// options STRICT / WITHOUT ROWID (kind "table_option"; the table itself is still read).
//
// Conventions read back (they are what the SQLite renderer writes):
// - an enum column is a TEXT column with a CHECK named `enum:<enum>:<column>` of the form
//   `"<column>" IN ('a', 'b', ...)`: it becomes type enum + an `enums` entry, not a check;
// - unnamed constraints get stable names: `uq_<table>_<cols>`, `fk_<table>_<cols>`
//   (columns joined by `_`), `ck_<table>_<n>` (n counts the unnamed CHECKs from 1);
// - a DEFAULT written in parentheses is an expression (outer parentheses removed), a
//   quoted string a string, a number a number, TRUE/FALSE a boolean, NULL no default;
// - nullable is what the database enforces: a rowid-alias INTEGER PRIMARY KEY is not
//   null, other primary-key columns only when declared NOT NULL.

#include "core/dialect/dialect.h"
#include "core/driver/driver.h"
#include "core/ir/schema.h"

namespace tempest {

/// Reads the main schema of the connected SQLite database, leaving out
/// `options.versionTable`, SQLite's own sqlite_* tables and virtual-table shadow tables.
/// Tables are sorted by name, columns in table order; unsupported objects are sorted
/// (Schema::sortUnsupported). Throws DatabaseError when a query fails.
Schema introspectSqlite(Driver& driver, const IntrospectOptions& options);

} // namespace tempest
