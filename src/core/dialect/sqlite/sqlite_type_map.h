#pragma once
// SQLite declared types ↔ IR column types, and SQLite's type affinity.
//
// The mapping (DESIGN.md "Types"), applied to the declared type with case and spacing
// ignored:
//
//   VARCHAR NVARCHAR CHARACTER VARYING VARYING CHARACTER [(n)]  → varchar [length n]
//   CHAR NCHAR CHARACTER [(n)]                                  → char [length n]
//   TEXT CLOB → text          INT INTEGER INT4 → integer     BIGINT INT8 → bigint
//   SMALLINT INT2 → smallint  BOOL BOOLEAN → boolean          REAL FLOAT4 → real
//   DOUBLE DOUBLE PRECISION FLOAT FLOAT8 → double (FLOAT is double precision in SQL and
//   PostgreSQL)               NUMERIC DECIMAL [(p[,s])] → numeric [precision p, scale s]
//   DATE → date   TIME → time   DATETIME TIMESTAMP [WITHOUT TIME ZONE] → timestamp
//   TIMESTAMPTZ TIMESTAMP WITH TIME ZONE → timestamptz   (TIME, TIMESTAMP, TIMESTAMPTZ
//   take an optional (p): fractional-second precision)   BLOB → blob   JSON → json
//   UUID → uuid
//
// Every other declared type — TINYINT, MEDIUMINT, UNSIGNED BIG INT, bytea,
// `BLOB SUB_TYPE TEXT`, INTEGER(11) — becomes `custom` with `sql` = the declared text
// exactly as SQLite reports it, and an untyped column is `custom` with empty `sql`.
// Why not fall back to the affinity's IR type (MEDIUMINT → integer)? Because the IR is
// rendered back into CREATE TABLE by the rebuild: mapping by affinity would silently
// rewrite the user's declared types, while the verbatim text keeps them, and its
// affinity (which is all SQLite itself derives from a type name) is still computed from
// that text when comparing (sqliteAffinity). So: introspection → CREATE → introspection
// is a fixed point for every declared type, and drift still compares by affinity.
//
// The renderer writes each IR type under one of the names above (sqlite_types.h:
// integer → INTEGER, varchar(n) → VARCHAR(n), enum → TEXT + a named CHECK, custom → its
// sql), and each of those spellings maps back to the same IR type.

#include "core/ir/schema.h"

#include <string_view>

namespace tempest {

/// The IR type for a declared SQLite type: fills type, length, precision, scale and sql
/// of the returned column (name and everything else left at defaults).
Column mapSqliteDeclaredType(std::string_view declared);

/// SQLite's column affinity for an IR column: 'I' integer, 'T' text, 'B' blob (none),
/// 'R' real, 'N' numeric. Custom types follow SQLite's rules on their sql text (contains
/// INT → I; CHAR, CLOB or TEXT → T; BLOB or empty → B; REAL, FLOA or DOUB → R; else N).
/// json, uuid and enum are TEXT affinity (DESIGN.md "Dialect notes").
char sqliteAffinity(const Column& column);

/// SQLite's affinity rules applied to a declared type name.
char sqliteAffinityOfDeclaredType(std::string_view declared);

} // namespace tempest
