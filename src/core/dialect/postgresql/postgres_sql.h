#pragma once
// How IR names, types and defaults are spelled in PostgreSQL SQL. Shared by rendering,
// the version table, introspection and the server-side expression check: whatever is
// written here must read back as the same IR.
//
//   IR type          PostgreSQL type          read back from format_type()
//   smallint         smallint                 smallint
//   integer          integer                  integer (serial/identity → autoincrement)
//   bigint           bigint                   bigint
//   boolean          boolean                  boolean
//   real / double    real / double precision  real / double precision
//   numeric(p,s)     numeric(p,s), numeric    numeric(p,s), numeric
//   text             text                     text
//   varchar(n)       varchar(n), varchar      character varying(n)
//   char(n)          char(n)                  character(n)
//   date             date                     date
//   time(p)          time(p)                  time(p) without time zone
//   timestamp(p)     timestamp(p)             timestamp(p) without time zone
//   timestamptz(p)   timestamptz(p)           timestamp(p) with time zone
//   blob             bytea                    bytea
//   json             jsonb                    jsonb   (a json column reads back as custom "json")
//   uuid             uuid                     uuid
//   enum             the enum type's name     the enum type's name
//   custom           its sql verbatim         format_type text (domains, inet, tsvector, …)
//
// Names: every identifier is double-quoted ("" doubled). PostgreSQL silently truncates
// identifiers to 63 bytes; we refuse longer ones instead (InputError naming them), so a
// name in a migration is always the name in the database.
//
// Schema: an empty schema name means "unqualified" — the connection's search_path
// decides (normally public), as it does for the version table; a non-empty one
// qualifies every table, index and type with it.

#include "core/ir/schema.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace tempest {

/// Longest identifier PostgreSQL keeps (NAMEDATALEN - 1 bytes).
constexpr std::size_t kPgMaxIdentifierBytes = 63;

/// "name" with embedded quotes doubled. Throws InputError for an empty name or one over
/// 63 bytes (PostgreSQL would truncate it), naming it.
std::string pgQuoteIdentifier(std::string_view name);
/// 'text' with embedded quotes doubled (standard_conforming_strings is on since 9.1).
std::string pgQuoteLiteral(std::string_view text);
/// "schema"."name", or "name" when schema is empty.
std::string pgQualified(std::string_view schema, std::string_view name);

/// A table, type, domain or sequence as the IR names it (docs/ir.md "Named schemas"):
/// `schema.name` is in a named schema, split at the first '.'; a name without a '.' is
/// in the project's schema (`defaultSchema`, empty: the search_path's). Quoted either way.
std::string pgObjectName(std::string_view defaultSchema, std::string_view name);
/// The schema an IR name is in: the part before its first '.', else `defaultSchema`.
std::string_view pgNameSchema(std::string_view defaultSchema, std::string_view name);
/// An IR name without its schema: the part after the first '.', else the name itself.
std::string_view pgBareName(std::string_view name);
/// `name` (bare) in the schema an IR name `like` is in: an index of `like`'s table.
std::string pgSiblingName(std::string_view defaultSchema, std::string_view like, std::string_view name);

/// The type of `column` as written after its name (see the table above); an enum is
/// qualified with `schema`. Throws InputError for a custom column without sql.
std::string pgColumnType(const Column& column, std::string_view schema);
/// A default as it follows DEFAULT.
std::string pgDefaultSql(const DefaultValue& value);

/// The advisory-lock key of a version table: a 64-bit FNV-1a hash of "schema.table"
/// (schema "public" when empty), as a signed bigint.
std::int64_t pgAdvisoryLockKey(std::string_view schema, std::string_view table);

/// Removes the qualifier `"schema".` / `schema.` (outside string literals) that
/// pg_get_expr and format_type add to names of a schema not on the search_path.
std::string pgStripQualifier(std::string_view text, std::string_view schema);

/// ASCII-lowercased copy.
std::string pgLower(std::string_view text);

} // namespace tempest
