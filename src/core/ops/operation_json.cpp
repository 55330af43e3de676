// Operations <-> canonical JSON, with the field names and order of DESIGN.md's
// operations table: `kind` first, then the fields in table order. Reading is strict and
// every error names the file and the JSON path (`$.up[3].kind`).

#include "core/ir/errors.h"
#include "core/ir/schema_json.h"
#include "core/ops/operation.h"
#include "core/ops/operation_kind_names.h"

#include <type_traits>

namespace tempest {
namespace {

constexpr std::string_view sqliteKey = "sqlite";
constexpr std::string_view postgresqlKey = "postgresql";

template <typename T>
Json start(const T& op)
{
    // Room for the usual members: a growing object copies its members, a table
    // definition's subtree with them.
    Json json = Json::object();
    json.get_ref<Json::object_t&>().reserve(4);
    json["kind"] = std::string(detail::kindName(op));
    return json;
}

Json stringArray(const std::vector<std::string>& items)
{
    Json json = Json::array();
    for (const auto& item : items)
        json.push_back(item);
    return json;
}

Json optionalString(const std::optional<std::string>& text)
{
    return text ? Json(*text) : Json(nullptr);
}

/// Dialect keys in a fixed order (sqlite first) rather than std::map's alphabetical one.
Json sqlMap(const std::map<std::string, std::string>& sql)
{
    Json json = Json::object();
    for (std::string_view key : {sqliteKey, postgresqlKey})
        if (auto it = sql.find(std::string(key)); it != sql.end())
            json[it->first] = it->second;
    for (const auto& [key, text] : sql)
        if (key != sqliteKey && key != postgresqlKey)
            json[key] = text;
    return json;
}

/// create/drop of a whole definition: `nameKey` (its name), `definition`.
template <typename T, typename Writer>
Json definitionOp(const T& op, const char* nameKey, Writer writeDefinition)
{
    Json json = start(op);
    json[nameKey] = op.definition.name;
    json["definition"] = writeDefinition(op.definition);
    return json;
}

/// A change between two whole definitions: `nameKey` (the name), `from`, `to`.
template <typename T, typename Writer>
Json fromToOp(const T& op, const char* nameKey, Writer writeDefinition)
{
    Json json = start(op);
    json[nameKey] = op.to.name;
    json["from"] = writeDefinition(op.from);
    json["to"] = writeDefinition(op.to);
    return json;
}

template <typename T>
Json tableOp(const T& op)
{
    return definitionOp(op, "table", tableToJson);
}

template <typename T>
Json columnOp(const T& op)
{
    Json json = start(op);
    json["table"] = op.table;
    json["column"] = op.definition.name;
    json["definition"] = columnToJson(op.definition, false);
    return json;
}

template <typename T, typename Writer>
Json namedOp(const T& op, Writer writeDefinition)
{
    Json json = start(op);
    json["table"] = op.table;
    json["name"] = op.definition.name;
    json["definition"] = writeDefinition(op.definition);
    return json;
}

template <typename T>
Json renameOp(const T& op)
{
    Json json = start(op);
    if constexpr (std::is_same_v<T, RenameColumn>)
        json["table"] = op.table;
    json["from"] = op.from;
    json["to"] = op.to;
    return json;
}

template <typename T>
Json enumOp(const T& op)
{
    Json json = start(op);
    json["name"] = op.definition.name;
    json["values"] = stringArray(op.definition.values);
    return json;
}

template <typename T>
Json enumValueOp(const T& op)
{
    Json json = start(op);
    json["name"] = op.name;
    json["value"] = op.value;
    if (op.before)
        json["before"] = *op.before;
    return json;
}

Json write(const CreateTable& op) { return tableOp(op); }
Json write(const DropTable& op) { return tableOp(op); }
Json write(const RenameTable& op) { return renameOp(op); }
Json write(const AddColumn& op) { return columnOp(op); }
Json write(const DropColumn& op) { return columnOp(op); }

Json write(const AlterColumn& op)
{
    Json json = start(op);
    json["table"] = op.table;
    json["column"] = op.from.name;
    json["from"] = columnToJson(op.from, false);
    json["to"] = columnToJson(op.to, false);
    return json;
}

Json write(const RenameColumn& op) { return renameOp(op); }
Json write(const CreateIndex& op) { return namedOp(op, indexToJson); }
Json write(const DropIndex& op) { return namedOp(op, indexToJson); }
Json write(const AddUnique& op) { return namedOp(op, uniqueToJson); }
Json write(const DropUnique& op) { return namedOp(op, uniqueToJson); }
Json write(const AddForeignKey& op) { return namedOp(op, foreignKeyToJson); }
Json write(const DropForeignKey& op) { return namedOp(op, foreignKeyToJson); }
Json write(const AddCheck& op) { return namedOp(op, checkToJson); }
Json write(const DropCheck& op) { return namedOp(op, checkToJson); }

Json write(const AlterPrimaryKey& op)
{
    Json json = start(op);
    json["table"] = op.table;
    json["from"] = stringArray(op.from);
    json["to"] = stringArray(op.to);
    return json;
}

Json write(const AlterTableComment& op)
{
    Json json = start(op);
    json["table"] = op.table;
    json["from"] = optionalString(op.from);
    json["to"] = optionalString(op.to);
    return json;
}

Json write(const CreateEnum& op) { return enumOp(op); }
Json write(const DropEnum& op) { return enumOp(op); }
Json write(const AddEnumValue& op) { return enumValueOp(op); }
Json write(const DropEnumValue& op) { return enumValueOp(op); }
Json write(const RenameEnum& op) { return renameOp(op); }

Json write(const CreateDomain& op) { return definitionOp(op, "name", domainToJson); }
Json write(const DropDomain& op) { return definitionOp(op, "name", domainToJson); }
Json write(const AlterDomain& op) { return fromToOp(op, "name", domainToJson); }

template <typename T>
    requires isSequenceOperation<T>
Json write(const T& op)
{
    Json json = start(op);
    json.update(sequenceOperationFields(op));
    return json;
}

Json write(const RecreateTable& op) { return fromToOp(op, "table", tableToJson); }

Json write(const Execute& op)
{
    Json json = start(op);
    json["up"] = sqlMap(op.up);
    if (op.down)
        json["down"] = sqlMap(*op.down);
    return json;
}

// ---- reading ---------------------------------------------------------------------

template <typename T>
using Tag = std::type_identity<T>;

template <typename T>
T readTableOp(const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "table", "definition"});
    std::string name = r.requireString("table");
    return T{tableFromJson(r.requireObject("definition"), std::move(name), r.file(), r.path("definition"))};
}

Column readColumn(const JsonObjectReader& r, std::string_view key, const std::string& name)
{
    return columnFromJson(r.requireObject(key), name, false, r.file(), r.path(key));
}

template <typename T>
T readColumnOp(const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "table", "column", "definition"});
    std::string table = r.requireString("table");
    std::string column = r.requireString("column");
    return T{std::move(table), readColumn(r, "definition", column)};
}

template <typename T, typename Reader>
T readNamedOp(const JsonObjectReader& r, Reader readDefinition)
{
    r.rejectUnknown({"kind", "table", "name", "definition"});
    std::string table = r.requireString("table");
    std::string name = r.requireString("name");
    return T{std::move(table), readDefinition(r.requireObject("definition"), std::move(name), r.file(),
                                              r.path("definition"))};
}

template <typename T>
T readEnumOp(const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "name", "values"});
    EnumType definition;
    definition.name = r.requireString("name");
    definition.values = r.stringList("values", true);
    return T{std::move(definition)};
}

template <typename T>
T readEnumValueOp(const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "name", "value", "before"});
    T op;
    op.name = r.requireString("name");
    op.value = r.requireString("value");
    op.before = r.optionalString("before");
    return op;
}

/// Required key whose value is a string or null (a table comment that may not exist).
std::optional<std::string> readNullableString(const JsonObjectReader& r, std::string_view key)
{
    const Json& value = r.get(key);
    if (value.is_null())
        return std::nullopt;
    if (!value.is_string())
        r.fail(key, "expected a string or null");
    return value.get<std::string>();
}

std::map<std::string, std::string> readSqlMap(const JsonObjectReader& r, std::string_view key)
{
    JsonObjectReader sql(r.requireObject(key), r.file(), r.path(key));
    sql.rejectUnknown({sqliteKey, postgresqlKey});
    std::map<std::string, std::string> out;
    for (std::string_view dialect : {sqliteKey, postgresqlKey})
        if (sql.has(dialect))
            out.emplace(dialect, sql.requireString(dialect));
    return out;
}

CreateTable read(Tag<CreateTable>, const JsonObjectReader& r) { return readTableOp<CreateTable>(r); }
DropTable read(Tag<DropTable>, const JsonObjectReader& r) { return readTableOp<DropTable>(r); }

RenameTable read(Tag<RenameTable>, const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "from", "to"});
    return RenameTable{r.requireString("from"), r.requireString("to")};
}

AddColumn read(Tag<AddColumn>, const JsonObjectReader& r) { return readColumnOp<AddColumn>(r); }
DropColumn read(Tag<DropColumn>, const JsonObjectReader& r) { return readColumnOp<DropColumn>(r); }

AlterColumn read(Tag<AlterColumn>, const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "table", "column", "from", "to"});
    AlterColumn op;
    op.table = r.requireString("table");
    const std::string column = r.requireString("column");
    op.from = readColumn(r, "from", column);
    op.to = readColumn(r, "to", column);
    return op;
}

RenameColumn read(Tag<RenameColumn>, const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "table", "from", "to"});
    RenameColumn op;
    op.table = r.requireString("table");
    op.from = r.requireString("from");
    op.to = r.requireString("to");
    return op;
}

CreateIndex read(Tag<CreateIndex>, const JsonObjectReader& r) { return readNamedOp<CreateIndex>(r, indexFromJson); }
DropIndex read(Tag<DropIndex>, const JsonObjectReader& r) { return readNamedOp<DropIndex>(r, indexFromJson); }
AddUnique read(Tag<AddUnique>, const JsonObjectReader& r) { return readNamedOp<AddUnique>(r, uniqueFromJson); }
DropUnique read(Tag<DropUnique>, const JsonObjectReader& r) { return readNamedOp<DropUnique>(r, uniqueFromJson); }

AddForeignKey read(Tag<AddForeignKey>, const JsonObjectReader& r)
{
    return readNamedOp<AddForeignKey>(r, foreignKeyFromJson);
}

DropForeignKey read(Tag<DropForeignKey>, const JsonObjectReader& r)
{
    return readNamedOp<DropForeignKey>(r, foreignKeyFromJson);
}

AddCheck read(Tag<AddCheck>, const JsonObjectReader& r) { return readNamedOp<AddCheck>(r, checkFromJson); }
DropCheck read(Tag<DropCheck>, const JsonObjectReader& r) { return readNamedOp<DropCheck>(r, checkFromJson); }

AlterPrimaryKey read(Tag<AlterPrimaryKey>, const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "table", "from", "to"});
    AlterPrimaryKey op;
    op.table = r.requireString("table");
    op.from = r.stringList("from", true);
    op.to = r.stringList("to", true);
    return op;
}

AlterTableComment read(Tag<AlterTableComment>, const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "table", "from", "to"});
    AlterTableComment op;
    op.table = r.requireString("table");
    op.from = readNullableString(r, "from");
    op.to = readNullableString(r, "to");
    return op;
}

CreateEnum read(Tag<CreateEnum>, const JsonObjectReader& r) { return readEnumOp<CreateEnum>(r); }
DropEnum read(Tag<DropEnum>, const JsonObjectReader& r) { return readEnumOp<DropEnum>(r); }
AddEnumValue read(Tag<AddEnumValue>, const JsonObjectReader& r) { return readEnumValueOp<AddEnumValue>(r); }
DropEnumValue read(Tag<DropEnumValue>, const JsonObjectReader& r) { return readEnumValueOp<DropEnumValue>(r); }

RenameEnum read(Tag<RenameEnum>, const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "from", "to"});
    return RenameEnum{r.requireString("from"), r.requireString("to")};
}

template <typename T>
T readDomainOp(const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "name", "definition"});
    std::string name = r.requireString("name");
    return T{domainFromJson(r.requireObject("definition"), std::move(name), r.file(), r.path("definition"))};
}

CreateDomain read(Tag<CreateDomain>, const JsonObjectReader& r) { return readDomainOp<CreateDomain>(r); }
DropDomain read(Tag<DropDomain>, const JsonObjectReader& r) { return readDomainOp<DropDomain>(r); }

AlterDomain read(Tag<AlterDomain>, const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "name", "from", "to"});
    const std::string name = r.requireString("name");
    return AlterDomain{domainFromJson(r.requireObject("from"), name, r.file(), r.path("from")),
                       domainFromJson(r.requireObject("to"), name, r.file(), r.path("to"))};
}

template <typename T>
    requires isSequenceOperation<T>
T read(Tag<T>, const JsonObjectReader& r) { return readSequenceOperation<T>(r); }

RecreateTable read(Tag<RecreateTable>, const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "table", "from", "to"});
    const std::string table = r.requireString("table");
    return RecreateTable{tableFromJson(r.requireObject("from"), table, r.file(), r.path("from")),
                         tableFromJson(r.requireObject("to"), table, r.file(), r.path("to"))};
}

Execute read(Tag<Execute>, const JsonObjectReader& r)
{
    r.rejectUnknown({"kind", "up", "down"});
    Execute op;
    op.up = readSqlMap(r, "up");
    if (r.has("down"))
        op.down = readSqlMap(r, "down");
    return op;
}

/// Finds the alternative whose kindName is `kind`, walking the variant at compile time
/// so that a new kind cannot be forgotten here.
template <std::size_t I = 0>
Operation readKind(const std::string& kind, const JsonObjectReader& r)
{
    if constexpr (I == std::variant_size_v<Operation>) {
        r.fail("kind", "unknown operation kind \"" + kind + "\"");
    } else {
        using T = std::variant_alternative_t<I, Operation>;
        if (detail::kindName(T{}) == kind)
            return read(Tag<T>{}, r);
        return readKind<I + 1>(kind, r);
    }
}

} // namespace

Json operationToJson(const Operation& op)
{
    return std::visit([](const auto& o) { return write(o); }, op);
}

Operation operationFromJson(const Json& json, const std::string& file, const std::string& path)
{
    JsonObjectReader reader(json, file, path);
    return readKind(reader.requireString("kind"), reader);
}

Json operationsToJson(const std::vector<Operation>& ops)
{
    Json json = Json::array();
    for (const Operation& op : ops)
        json.push_back(operationToJson(op));
    return json;
}

std::vector<Operation> operationsFromJson(const Json& json, const std::string& file, const std::string& path)
{
    if (!json.is_array())
        throw InputError("expected an array of operations", file, path);
    std::vector<Operation> ops;
    ops.reserve(json.size());
    for (std::size_t i = 0; i < json.size(); ++i)
        ops.push_back(operationFromJson(json[i], file, jsonPathIndex(path, i)));
    return ops;
}

} // namespace tempest
