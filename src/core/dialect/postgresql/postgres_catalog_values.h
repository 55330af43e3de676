#pragma once
// Reading what pg_catalog says back into IR values: a column type from pg_type +
// format_type(), a default from pg_get_expr(), a CHECK's expression from
// pg_get_constraintdef(). The inverse of postgres_sql.h.

#include "core/ir/schema.h"

#include <optional>
#include <string>
#include <string_view>

namespace tempest {

/// What the catalog says about a column's type.
struct PgCatalogType {
    std::string typname;    // pg_type.typname: int4, varchar, my_enum, …
    std::string formatted;  // format_type(atttypid, atttypmod), schema qualifier removed
    char typtype = 'b';     // b base, e enum, d domain, c composite, r range, m multirange
    bool localEnum = false; // an enum of the introspected schema
};

/// Sets type, length, precision, scale, enumName and sql of `column` (postgres_sql.h's
/// table, read backwards). Unknown types, domains and enums of other schemas become
/// custom with the formatted type as sql.
void pgApplyCatalogType(Column& column, const PgCatalogType& type);

/// A default as the server renders it → IR: `NULL` → none; `true`/`false` → boolean;
/// `42`, `'-1'::integer`, `'1.5'::numeric` → number; `'x'::text`, `'a'::my_enum` →
/// string (quotes undone); anything else → the expression verbatim.
std::optional<DefaultValue> pgParseDefault(std::string_view serverText);

/// The expression inside `CHECK (…)` of pg_get_constraintdef (NOT VALID and NO INHERIT
/// dropped); the whole text when it is not a CHECK.
std::string pgCheckExpression(std::string_view constraintDef);

/// Removes `pg_temp.` / `pg_temp_<n>.` qualifiers (outside string literals).
std::string pgStripTempQualifier(std::string_view text);

} // namespace tempest
