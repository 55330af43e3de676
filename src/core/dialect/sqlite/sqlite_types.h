#pragma once
// How IR column types, defaults and enum columns are spelled in SQLite DDL. Shared by
// rendering and introspection: whatever is written here must read back as the same IR.
//
//   IR type          declared SQLite type
//   integer          INTEGER          (also a single-column autoincrement PK, any int type)
//   bigint           BIGINT
//   smallint         SMALLINT
//   boolean          BOOLEAN
//   real / double    REAL / DOUBLE
//   numeric(p,s)     NUMERIC(p,s), NUMERIC(p), NUMERIC
//   text             TEXT
//   varchar(n)       VARCHAR(n)       (VARCHAR without a length)
//   char(n)          CHAR(n)
//   date / time      DATE / TIME      (TIME(p) with a fractional precision)
//   timestamp        TIMESTAMP        (TIMESTAMP(p))
//   timestamptz      TIMESTAMPTZ      (TIMESTAMPTZ(p))
//   blob             BLOB
//   json / uuid      JSON / UUID
//   enum             TEXT + CONSTRAINT "enum:<enum>:<column>" CHECK ("<column>" IN ('a','b'))
//   custom           its sql verbatim (empty: no declared type)
//
// Defaults: strings single-quoted ('' doubled), numbers as written, booleans TRUE/FALSE
// (SQLite 3.23+ keywords, stored as 1/0 but kept as written in the schema text),
// expressions wrapped in parentheses unless they are CURRENT_TIMESTAMP, CURRENT_DATE,
// CURRENT_TIME or already one parenthesised group.

#include "core/ir/schema.h"

#include <string>
#include <string_view>

namespace tempest {

/// The declared type of `column` in CREATE TABLE / ADD COLUMN (see the table above).
std::string sqliteColumnType(const Column& column);

/// The SQL of a default, as it follows DEFAULT (and as it is used inside COALESCE).
std::string sqliteDefaultSql(const DefaultValue& value);

/// True when the expression is one SQLite accepts after DEFAULT without parentheses.
bool sqliteIsDefaultKeyword(std::string_view expression);

/// "enum:<enumName>:<column>": the name of the CHECK that marks a TEXT column as an enum.
std::string sqliteEnumCheckName(std::string_view enumName, std::string_view column);

/// A declared type allowed in a STRICT table (INT INTEGER REAL TEXT BLOB ANY) with the
/// same affinity as `declared`; NUMERIC affinity and untyped columns become ANY.
std::string sqliteStrictType(std::string_view declared);

/// SQLite's 'x' literal with embedded quotes doubled.
std::string sqliteQuoteLiteral(std::string_view text);
/// SQLite's "x" identifier with embedded quotes doubled.
std::string sqliteQuoteIdentifier(std::string_view name);

} // namespace tempest
