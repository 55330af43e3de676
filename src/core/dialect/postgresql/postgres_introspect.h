#pragma once
// PostgreSQL introspection: the live schema as IR, from pg_catalog, in a fixed number of
// set-based queries for the whole schema (never one per table).
//
// What IR cannot express is listed under `unsupported`, by name, and left out of
// `tables`: views, materialized views, triggers, rules (table_option), domains,
// partitions (the partitioned parent stays a table, its PARTITION BY is a table_option),
// inheritance children, array and generated columns (column), indexes that are not
// plain btree (other methods, DESC/NULLS FIRST, operator classes, INCLUDE), exclusion
// constraints, foreign tables. Identity and serial primary keys read as autoincrement;
// the version table is skipped.

#include "core/dialect/dialect.h"

namespace tempest {

/// Number of statements pgIntrospect sends, whatever the schema holds: one per kind of
/// object, one for the facts of the column types in use, and one for the text of the
/// keys and indexes that go to `unsupported`.
constexpr std::size_t kPgIntrospectionQueries = 10;

/// The schema `options.schemaName` (empty: current_schema()) as IR. Throws DatabaseError.
Schema pgIntrospect(Driver& driver, const IntrospectOptions& options);

/// The same over the session's temporary schema (pg_my_temp_schema()): what the
/// server-side expression check reads back. Nothing is skipped but the version table.
Schema pgIntrospectTemporary(Driver& driver);

} // namespace tempest
