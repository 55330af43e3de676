#include "core/ir/schema.h"

#include "core/ir/errors.h"
#include "core/ir/json.h"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace tempest {

namespace {

constexpr std::array<std::pair<ColumnType, std::string_view>, 19> kTypeNames{{
    {ColumnType::Smallint, "smallint"},   {ColumnType::Integer, "integer"},
    {ColumnType::Bigint, "bigint"},       {ColumnType::Boolean, "boolean"},
    {ColumnType::Real, "real"},           {ColumnType::Double, "double"},
    {ColumnType::Numeric, "numeric"},     {ColumnType::Text, "text"},
    {ColumnType::Varchar, "varchar"},     {ColumnType::Char, "char"},
    {ColumnType::Date, "date"},           {ColumnType::Time, "time"},
    {ColumnType::Timestamp, "timestamp"}, {ColumnType::Timestamptz, "timestamptz"},
    {ColumnType::Blob, "blob"},           {ColumnType::Json, "json"},
    {ColumnType::Uuid, "uuid"},           {ColumnType::Enum, "enum"},
    {ColumnType::Custom, "custom"},
}};

constexpr std::array<std::pair<FkAction, std::string_view>, 5> kFkActions{{
    {FkAction::NoAction, "no action"}, {FkAction::Restrict, "restrict"},
    {FkAction::Cascade, "cascade"},    {FkAction::SetNull, "set null"},
    {FkAction::SetDefault, "set default"},
}};

template <typename T>
const T* findNamed(const std::vector<T>& items, std::string_view name)
{
    for (const auto& item : items)
        if (item.name == name)
            return &item;
    return nullptr;
}

} // namespace

std::string_view typeName(ColumnType type)
{
    for (const auto& [t, name] : kTypeNames)
        if (t == type)
            return name;
    return "custom";
}

std::optional<ColumnType> parseTypeName(std::string_view name)
{
    for (const auto& [t, n] : kTypeNames)
        if (n == name)
            return t;
    return std::nullopt;
}

bool isIntegerType(ColumnType type)
{
    return type == ColumnType::Smallint || type == ColumnType::Integer || type == ColumnType::Bigint;
}

std::string_view fkActionName(FkAction action)
{
    for (const auto& [a, name] : kFkActions)
        if (a == action)
            return name;
    return "no action";
}

std::optional<FkAction> parseFkAction(std::string_view name)
{
    for (const auto& [a, n] : kFkActions)
        if (n == name)
            return a;
    return std::nullopt;
}

bool isUnsupportedKind(std::string_view kind)
{
    static const std::set<std::string_view> kinds{
        "view", "trigger", "virtual_table", "partition", "inheritance", "domain",
        "materialized_view", "column", "index", "table_option"};
    return kinds.count(kind) != 0;
}

const Column* Table::findColumn(std::string_view n) const { return findNamed(columns, n); }
Column* Table::findColumn(std::string_view n) { return const_cast<Column*>(findNamed(columns, n)); }
const Index* Table::findIndex(std::string_view n) const { return findNamed(indexes, n); }
const UniqueConstraint* Table::findUnique(std::string_view n) const { return findNamed(uniques, n); }
const ForeignKey* Table::findForeignKey(std::string_view n) const { return findNamed(foreignKeys, n); }
const CheckConstraint* Table::findCheck(std::string_view n) const { return findNamed(checks, n); }

bool Table::isPrimaryKeyColumn(std::string_view column) const
{
    return std::find(primaryKey.begin(), primaryKey.end(), column) != primaryKey.end();
}

const Table* Schema::findTable(std::string_view n) const { return findNamed(tables, n); }
Table* Schema::findTable(std::string_view n) { return const_cast<Table*>(findNamed(tables, n)); }
const EnumType* Schema::findEnum(std::string_view n) const { return findNamed(enums, n); }
EnumType* Schema::findEnum(std::string_view n) { return const_cast<EnumType*>(findNamed(enums, n)); }
const Sequence* Schema::findSequence(std::string_view n) const { return findNamed(sequences, n); }
Sequence* Schema::findSequence(std::string_view n) { return const_cast<Sequence*>(findNamed(sequences, n)); }

const Domain* Schema::findDomain(std::string_view n) const { return findNamed(domains, n); }
Domain* Schema::findDomain(std::string_view n) { return const_cast<Domain*>(findNamed(domains, n)); }
const CheckConstraint* Domain::findCheck(std::string_view n) const { return findNamed(checks, n); }

namespace {

std::string doubleQuoted(std::string_view name)
{
    std::string quoted = "\"";
    for (char c : name) {
        quoted += c;
        if (c == '"')
            quoted += '"';
    }
    quoted += '"';
    return quoted;
}

} // namespace

bool columnUsesDomain(const Column& column, std::string_view name)
{
    if (column.type != ColumnType::Custom || name.empty())
        return false;
    if (column.sql == name || column.sql == doubleQuoted(name))
        return true;
    // A domain of a named schema (docs/ir.md "Named schemas"), `schema.name`: the server
    // spells it with either part quoted or not.
    const auto dot = name.find('.');
    if (dot == std::string_view::npos)
        return false;
    const std::string_view schema = name.substr(0, dot);
    const std::string_view bare = name.substr(dot + 1);
    for (const std::string& s : {std::string(schema), doubleQuoted(schema)})
        for (const std::string& b : {std::string(bare), doubleQuoted(bare)})
            if (column.sql == s + "." + b)
                return true;
    return false;
}

const Domain* columnDomain(const Schema& schema, const Column& column)
{
    if (column.type != ColumnType::Custom)
        return nullptr;
    for (const auto& d : schema.domains)
        if (columnUsesDomain(column, d.name))
            return &d;
    return nullptr;
}

void Schema::sortUnsupported()
{
    std::stable_sort(unsupported.begin(), unsupported.end(),
                     [](const UnsupportedObject& a, const UnsupportedObject& b) {
                         return std::tie(a.kind, a.table, a.name) < std::tie(b.kind, b.table, b.name);
                     });
}

Schema emptySchema() { return Schema{}; }

namespace {

void validateTable(const Table& table, const Schema& schema, const std::string& file,
                   const std::string& tablePath,
                   const std::unordered_map<std::string_view, const Table*>& byName)
{
    auto fail = [&](const std::string& path, const std::string& message) {
        throw InputError(message, file, path);
    };
    if (table.name.empty())
        fail(tablePath, "a table needs a name");
    // A partition (docs/ir.md "Partitioning (PostgreSQL)") has its parent's columns,
    // primary key and uniques; its indexes, foreign keys and checks name the columns of
    // the root of its partition tree.
    const Table* columnsOf = &table;
    if (table.partitionOf) {
        const std::string ofPath = jsonPathMember(tablePath, "partitionOf");
        if (!table.columns.empty())
            fail(jsonPathMember(tablePath, "columns"),
                 "partition \"" + table.name + "\" lists columns: a partition has its parent's columns");
        if (!table.primaryKey.empty())
            fail(jsonPathMember(tablePath, "primaryKey"),
                 "partition \"" + table.name + "\" has a primary key: a partition has its parent's");
        if (!table.uniques.empty())
            fail(jsonPathMember(tablePath, "uniques"),
                 "partition \"" + table.name + "\" has unique constraints: a partition has its parent's");
        std::set<std::string_view> visited{table.name};
        while (columnsOf->partitionOf) {
            auto it = byName.find(*columnsOf->partitionOf);
            if (it == byName.end())
                fail(ofPath, "partition \"" + table.name + "\" is a partition of table \"" + *columnsOf->partitionOf
                                 + "\", which does not exist");
            if (!it->second->partitionBy)
                fail(ofPath, "partition \"" + table.name + "\" is a partition of table \"" + *columnsOf->partitionOf
                                 + "\", which is not partitioned (it has no \"partitionBy\")");
            if (!visited.insert(it->second->name).second)
                fail(ofPath, "partition \"" + table.name + "\" is in a cycle of partitions");
            columnsOf = it->second;
        }
    } else if (table.columns.empty())
        fail(jsonPathMember(tablePath, "columns"), "table \"" + table.name + "\" has no columns");
    // Paths are spelt only for an error: this runs for every column of every table read.
    const std::string columnsPath = jsonPathMember(tablePath, "columns");
    std::vector<std::string_view> names;
    names.reserve(table.columns.size());
    for (const auto& column : table.columns)
        names.push_back(column.name);
    std::sort(names.begin(), names.end());
    const bool duplicateColumns = std::adjacent_find(names.begin(), names.end()) != names.end();
    std::set<std::string_view> seen;  // only when there is a duplicate: to name the first one
    for (const auto& column : table.columns) {
        const auto path = [&] { return jsonPathMember(columnsPath, column.name); };
        if (column.name.empty())
            fail(columnsPath, "a column needs a name");
        if (duplicateColumns && !seen.insert(column.name).second)
            fail(path(), "duplicate column \"" + column.name + "\"");
        if (column.autoincrement) {
            if (!isIntegerType(column.type) || table.primaryKey.size() != 1
                || table.primaryKey.front() != column.name)
                fail(jsonPathMember(path(), "autoincrement"),
                     "autoincrement needs a single-column integer primary key; \"" + column.name
                         + "\" is not one");
        }
        if (column.generated && (column.defaultValue || column.autoincrement))
            fail(jsonPathMember(path(), "generated"), "generated column \"" + column.name
                                                        + "\" has a default or autoincrement: its value is its expression");
        if (column.generated && column.generated->empty())
            fail(jsonPathMember(jsonPathMember(path(), "generated"), "expr"), "a generated column needs an expression");
        if (column.arrayDims < 0)
            fail(jsonPathMember(path(), "array"), "\"array\" is the number of dimensions, 1 or more");
        if (column.type == ColumnType::Enum) {
            if (column.enumName.empty())
                fail(jsonPathMember(path(), "enum"), "an enum column needs \"enum\": the enum's name");
            if (!schema.findEnum(column.enumName))
                fail(jsonPathMember(path(), "enum"), "enum \"" + column.enumName + "\" is not declared under \"enums\"");
        }
    }
    auto requireColumns = [&](const std::vector<std::string>& columns, const auto& path, const char* what) {
        if (columns.empty())
            fail(path(), std::string(what) + " lists no columns");
        for (const auto& c : columns)
            if (!columnsOf->findColumn(c))
                fail(path(), std::string(what) + " names column \"" + c + "\", which table \""
                                 + table.name + "\" does not have");
    };
    if (!table.primaryKey.empty())
        requireColumns(table.primaryKey, [&] { return jsonPathMember(tablePath, "primaryKey"); }, "the primary key");
    for (const auto& index : table.indexes) {
        const auto path = [&] { return jsonPathMember(jsonPathMember(tablePath, "indexes"), index.name); };
        if (index.columns.empty())
            fail(path(), "index \"" + index.name + "\" lists no columns");
        for (const auto& c : index.columns)
            if (!c.expression && !columnsOf->findColumn(c.value))
                fail(jsonPathMember(path(), "columns"), "index \"" + index.name + "\" names column \""
                                                            + c.value + "\", which table \"" + table.name
                                                            + "\" does not have");
    }
    for (const auto& unique : table.uniques)
        requireColumns(
            unique.columns,
            [&] { return jsonPathMember(jsonPathMember(jsonPathMember(tablePath, "uniques"), unique.name), "columns"); },
            "unique constraint");
    for (const auto& fk : table.foreignKeys) {
        const auto path = [&] { return jsonPathMember(jsonPathMember(tablePath, "foreignKeys"), fk.name); };
        requireColumns(fk.columns, [&] { return jsonPathMember(path(), "columns"); }, "foreign key");
        if (fk.columns.size() != fk.refColumns.size())
            fail(jsonPathMember(path(), "refColumns"),
                 "foreign key \"" + fk.name + "\" has " + std::to_string(fk.columns.size())
                     + " columns but " + std::to_string(fk.refColumns.size()) + " referenced columns");
        auto it = byName.find(fk.refTable);
        if (it == byName.end())
            fail(jsonPathMember(path(), "refTable"),
                 "foreign key \"" + fk.name + "\" references table \"" + fk.refTable + "\", which does not exist");
        const Table* refColumnsOf = it->second;
        for (int depth = 0; refColumnsOf->partitionOf && depth < 64; ++depth) {
            auto parent = byName.find(*refColumnsOf->partitionOf);
            if (parent == byName.end())
                break;
            refColumnsOf = parent->second;
        }
        for (const auto& rc : fk.refColumns)
            if (!refColumnsOf->findColumn(rc))
                fail(jsonPathMember(path(), "refColumns"),
                     "foreign key \"" + fk.name + "\" references column \"" + fk.refTable + "." + rc
                         + "\", which does not exist");
    }
}

} // namespace

void validateSchema(const Schema& schema, const std::string& file)
{
    std::unordered_map<std::string_view, const Table*> byName;
    for (std::size_t i = 0; i < schema.tables.size(); ++i) {
        const auto& t = schema.tables[i];
        if (!byName.emplace(t.name, &t).second)
            throw InputError("duplicate table \"" + t.name + "\"", file,
                             jsonPathMember("$.tables", t.name));
    }
    std::set<std::string_view> enumNames;
    for (const auto& e : schema.enums) {
        const std::string path = jsonPathMember("$.enums", e.name);
        if (!enumNames.insert(e.name).second)
            throw InputError("duplicate enum \"" + e.name + "\"", file, path);
        if (e.values.empty())
            throw InputError("enum \"" + e.name + "\" has no values", file, path);
        std::set<std::string_view> values;
        for (const auto& v : e.values)
            if (!values.insert(v).second)
                throw InputError("enum \"" + e.name + "\" lists \"" + v + "\" twice", file, path);
    }
    std::set<std::string_view> domainNames;
    for (const auto& d : schema.domains) {
        const std::string path = jsonPathMember("$.domains", d.name);
        if (d.name.empty())
            throw InputError("a domain needs a name", file, "$.domains");
        if (!domainNames.insert(d.name).second)
            throw InputError("duplicate domain \"" + d.name + "\"", file, path);
        if (schema.findEnum(d.name))
            throw InputError("\"" + d.name + "\" is both an enum and a domain", file, path);
        if (d.base.autoincrement)
            throw InputError("a domain cannot be autoincrement", file, jsonPathMember(path, "autoincrement"));
        if (d.base.type == ColumnType::Enum && !schema.findEnum(d.base.enumName))
            throw InputError("enum \"" + d.base.enumName + "\" is not declared under \"enums\"", file,
                             jsonPathMember(path, "enum"));
        if (columnUsesDomain(d.base, d.name))
            throw InputError("domain \"" + d.name + "\" is over itself", file, jsonPathMember(path, "sql"));
        std::set<std::string_view> checks;
        for (const auto& c : d.checks) {
            const std::string checkPath = jsonPathMember(jsonPathMember(path, "checks"), c.name);
            if (c.name.empty())
                throw InputError("a domain's check needs a name", file, jsonPathMember(path, "checks"));
            if (!checks.insert(c.name).second)
                throw InputError("duplicate check \"" + c.name + "\"", file, checkPath);
            if (c.expr.empty())
                throw InputError("check \"" + c.name + "\" has no expression", file, jsonPathMember(checkPath, "expr"));
        }
    }
    for (const auto& t : schema.tables)
        validateTable(t, schema, file, jsonPathMember("$.tables", t.name), byName);
    validateSequences(schema, file);
    for (std::size_t i = 0; i < schema.unsupported.size(); ++i)
        if (!isUnsupportedKind(schema.unsupported[i].kind))
            throw InputError("unknown unsupported-object kind \"" + schema.unsupported[i].kind + "\"",
                             file, jsonPathMember(jsonPathIndex("$.unsupported", i), "kind"));
}

} // namespace tempest
