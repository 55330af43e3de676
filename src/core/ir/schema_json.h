#pragma once
// Schema IR <-> canonical JSON. Writing omits values equal to their defaults; reading
// accepts them, and rejects unknown keys, wrong types and unknown type names with the
// file and JSON path.

#include "core/ir/json.h"
#include "core/ir/schema.h"

#include <functional>
#include <string_view>

namespace tempest {

Json schemaToJson(const Schema& schema);
/// Parses and validates (validateSchema). Throws InputError.
Schema schemaFromJson(const Json& json, const std::string& file = {}, const std::string& path = "$");
/// The same, consuming `json`: each table's JSON is released once read (peak memory).
Schema schemaFromJson(Json&& json, const std::string& file = {}, const std::string& path = "$");

/// A table's definition (everything but its name), as in IR and in create_table.
Json tableToJson(const Table& table);
Table tableFromJson(const Json& json, std::string name, const std::string& file, const std::string& path);

/// A column's definition. `primaryKeyColumn` decides whether `nullable: false` is
/// implied (and so omitted) or must be written.
Json columnToJson(const Column& column, bool primaryKeyColumn = false);
Column columnFromJson(const Json& json, std::string name, bool primaryKeyColumn,
                      const std::string& file, const std::string& path);

/// A domain's definition (docs/ir.md "Domains"): the column keys that say a type,
/// nullability and default, plus "checks".
Json domainToJson(const Domain& domain);
Domain domainFromJson(const Json& json, std::string name, const std::string& file, const std::string& path);

Json indexToJson(const Index& index);
Index indexFromJson(const Json& json, std::string name, const std::string& file, const std::string& path);
Json uniqueToJson(const UniqueConstraint& unique);
UniqueConstraint uniqueFromJson(const Json& json, std::string name, const std::string& file, const std::string& path);
Json foreignKeyToJson(const ForeignKey& fk);
ForeignKey foreignKeyFromJson(const Json& json, std::string name, const std::string& file, const std::string& path);
Json checkToJson(const CheckConstraint& check);
CheckConstraint checkFromJson(const Json& json, std::string name, const std::string& file, const std::string& path);
Json defaultToJson(const DefaultValue& value);
DefaultValue defaultFromJson(const Json& json, const std::string& file, const std::string& path);

/// Canonical JSON text of a schema (what `introspect` prints and models files hold).
std::string toJson(const Schema& schema);
/// The same text handed to `write` in pieces (each ends after a table, or the end), so
/// that the text of thousands of tables is never held whole.
void writeJson(const Schema& schema, const std::function<void(std::string_view)>& write);
/// Reads an IR JSON file. Throws InputError naming the file and JSON path.
Schema loadSchemaFile(const std::string& path);
/// Parses IR JSON text (e.g. a models command's stdout); `source` names it in errors.
Schema parseSchema(std::string_view text, const std::string& source);

} // namespace tempest
