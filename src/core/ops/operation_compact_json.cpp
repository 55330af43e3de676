// appendCompactOperationJson(): writeCompactJson(operationToJson(op)) written straight
// from the IR into one string, without the JSON DOM (the text a migration's checksum
// hashes). Keys in the order of operation_json.cpp and core/ir/schema_json.cpp; strings
// through appendJsonString, the same escaping as the DOM's dump. What this writer does
// not spell itself (sequence operations; a definition whose names repeat, which the DOM
// folds into one member) goes through the DOM, so the text is always the DOM's.
// tests/ops/tst_operation_compact_json.cpp compares the two.

#include "core/ir/json_writer.h"
#include "core/ops/operation.h"
#include "core/ops/operation_kind_names.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>

namespace tempest {
namespace {

/// Thrown inside the writer when only the DOM knows the text (see above).
struct UseDom {};

/// One JSON object being written: `{` on construction, a `,` before every member after
/// the first, `}` on close().
class Object {
public:
    explicit Object(std::string& out) : m_out(out) { m_out += '{'; }
    /// A member with a literal key (plain ASCII: no escaping); returns where its value goes.
    std::string& key(std::string_view key)
    {
        separate();
        m_out += '"';
        m_out += key;
        m_out += "\":";
        return m_out;
    }
    /// A member keyed by a name from the schema (escaped as the DOM escapes it).
    std::string& name(std::string_view key)
    {
        separate();
        appendJsonString(key, m_out);
        m_out += ':';
        return m_out;
    }
    void close() { m_out += '}'; }

private:
    void separate()
    {
        if (!m_first)
            m_out += ',';
        m_first = false;
    }
    std::string& m_out;
    bool m_first = true;
};

void string(std::string_view text, std::string& out) { appendJsonString(text, out); }
void boolean(bool value, std::string& out) { out += value ? "true" : "false"; }
void integer(int value, std::string& out) { out += std::to_string(value); }

void stringArray(const std::vector<std::string>& items, std::string& out)
{
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        string(items[i], out);
    }
    out += ']';
}

void optionalString(const std::optional<std::string>& text, std::string& out)
{
    if (text)
        string(*text, out);
    else
        out += "null";
}

/// The DOM writes a map of named items with operator[], so a repeated name becomes one
/// member: such a definition is left to the DOM.
template <typename T>
void requireUniqueNames(const std::vector<T>& items)
{
    for (std::size_t i = 1; i < items.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (items[i].name == items[j].name)
                throw UseDom{};
}

/// A default's literal number is written as the DOM parses and dumps it ("1.50" → 1.5);
/// a plain integer of up to 18 digits comes out as written.
void number(const std::string& text, std::string& out)
{
    const std::size_t digits = text.size() - (!text.empty() && text[0] == '-' ? 1 : 0);
    const std::string_view body = std::string_view(text).substr(text.size() - digits);
    const bool plainInteger = digits > 0 && digits <= 18 && (body[0] != '0' || digits == 1) &&
                              std::all_of(body.begin(), body.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                              text != "-0";
    if (plainInteger)
        out += text;
    else
        out += writeCompactJson(Json::parse(text));
}

void defaultValue(const DefaultValue& value, std::string& out)
{
    Object o(out);
    switch (value.kind) {
    case DefaultValue::Kind::String: string(value.text, o.key("value")); break;
    case DefaultValue::Kind::Number: number(value.text, o.key("value")); break;
    case DefaultValue::Kind::Boolean: boolean(value.text == "true", o.key("value")); break;
    case DefaultValue::Kind::Expression: string(value.text, o.key("expr")); break;
    }
    o.close();
}

/// columnToJson's members, into an object the caller closes (a domain adds its checks).
void columnMembers(const Column& c, bool primaryKeyColumn, Object& o)
{
    string(typeName(c.type), o.key("type"));
    if (c.length)
        integer(*c.length, o.key("length"));
    if (c.precision)
        integer(*c.precision, o.key("precision"));
    if (c.scale)
        integer(*c.scale, o.key("scale"));
    if (c.type == ColumnType::Enum)
        string(c.enumName, o.key("enum"));
    if (c.type == ColumnType::Custom)
        string(c.sql, o.key("sql"));
    if (c.arrayDims > 0)
        integer(c.arrayDims, o.key("array"));
    if (c.collation)
        string(*c.collation, o.key("collation"));
    if (c.nullable == primaryKeyColumn)
        boolean(c.nullable, o.key("nullable"));
    if (c.autoincrement)
        boolean(true, o.key("autoincrement"));
    if (c.defaultValue)
        defaultValue(*c.defaultValue, o.key("default"));
    if (c.generated) {
        Object g(o.key("generated"));
        string(*c.generated, g.key("expr"));
        if (!c.generatedStored)
            boolean(false, g.key("stored"));
        g.close();
    }
    if (c.comment)
        string(*c.comment, o.key("comment"));
    if (c.renamedFrom)
        string(*c.renamedFrom, o.key("renamedFrom"));
}

void column(const Column& c, bool primaryKeyColumn, std::string& out)
{
    Object o(out);
    columnMembers(c, primaryKeyColumn, o);
    o.close();
}

void index(const Index& index, std::string& out)
{
    Object o(out);
    std::string& cols = o.key("columns");
    cols += '[';
    for (std::size_t i = 0; i < index.columns.size(); ++i) {
        if (i)
            cols += ',';
        const IndexColumn& c = index.columns[i];
        if (c.expression) {
            Object e(cols);
            string(c.value, e.key("expr"));
            e.close();
        } else {
            string(c.value, cols);
        }
    }
    cols += ']';
    if (index.unique)
        boolean(true, o.key("unique"));
    if (index.where)
        string(*index.where, o.key("where"));
    o.close();
}

void deferral(const Deferral& d, Object& o)
{
    if (d.deferrable)
        boolean(true, o.key("deferrable"));
    if (d.initiallyDeferred)
        boolean(true, o.key("initiallyDeferred"));
}

void unique(const UniqueConstraint& unique, std::string& out)
{
    Object o(out);
    stringArray(unique.columns, o.key("columns"));
    deferral(unique.deferral, o);
    o.close();
}

void foreignKey(const ForeignKey& fk, std::string& out)
{
    Object o(out);
    stringArray(fk.columns, o.key("columns"));
    string(fk.refTable, o.key("refTable"));
    stringArray(fk.refColumns, o.key("refColumns"));
    if (fk.onDelete != FkAction::NoAction)
        string(fkActionName(fk.onDelete), o.key("onDelete"));
    if (fk.onUpdate != FkAction::NoAction)
        string(fkActionName(fk.onUpdate), o.key("onUpdate"));
    deferral(fk.deferral, o);
    o.close();
}

void check(const CheckConstraint& check, std::string& out)
{
    Object o(out);
    string(check.expr, o.key("expr"));
    o.close();
}

void domain(const Domain& domain, std::string& out)
{
    Object o(out);
    columnMembers(domain.base, false, o);
    if (!domain.checks.empty()) {
        requireUniqueNames(domain.checks);
        Object checks(o.key("checks"));
        for (const CheckConstraint& c : domain.checks)
            check(c, checks.name(c.name));
        checks.close();
    }
    o.close();
}

template <typename T, typename Writer>
void namedMap(Object& o, std::string_view key, const std::vector<T>& items, Writer write)
{
    if (items.empty())
        return;
    requireUniqueNames(items);
    Object map(o.key(key));
    for (const T& item : items)
        write(item, map.name(item.name));
    map.close();
}

void table(const Table& table, std::string& out)
{
    requireUniqueNames(table.columns);
    Object o(out);
    Object cols(o.key("columns"));
    for (const Column& c : table.columns)
        column(c, table.isPrimaryKeyColumn(c.name), cols.name(c.name));
    cols.close();
    if (!table.primaryKey.empty())
        stringArray(table.primaryKey, o.key("primaryKey"));
    namedMap(o, "indexes", table.indexes, index);
    namedMap(o, "uniques", table.uniques, unique);
    namedMap(o, "foreignKeys", table.foreignKeys, foreignKey);
    namedMap(o, "checks", table.checks, check);
    if (table.comment)
        string(*table.comment, o.key("comment"));
    if (table.partitionBy)
        string(*table.partitionBy, o.key("partitionBy"));
    if (table.partitionOf)
        string(*table.partitionOf, o.key("partitionOf"));
    if (table.partitionBound)
        string(*table.partitionBound, o.key("partitionBound"));
    if (table.renamedFrom)
        string(*table.renamedFrom, o.key("renamedFrom"));
    o.close();
}

/// sqlMap of operation_json.cpp: sqlite, postgresql, then any other key in map order.
void sqlMap(const std::map<std::string, std::string>& sql, std::string& out)
{
    Object o(out);
    for (std::string_view dialect : {std::string_view("sqlite"), std::string_view("postgresql")})
        if (auto it = sql.find(std::string(dialect)); it != sql.end())
            string(it->second, o.name(it->first));
    for (const auto& [key, text] : sql)
        if (key != "sqlite" && key != "postgresql")
            string(text, o.name(key));
    o.close();
}

// ---- operations: the members after `kind` ------------------------------------------

template <typename T>
    requires std::is_same_v<T, CreateTable> || std::is_same_v<T, DropTable>
void members(const T& op, Object& o)
{
    string(op.definition.name, o.key("table"));
    table(op.definition, o.key("definition"));
}

template <typename T>
    requires std::is_same_v<T, RenameTable> || std::is_same_v<T, RenameEnum> || std::is_same_v<T, RenameColumn>
void members(const T& op, Object& o)
{
    if constexpr (std::is_same_v<T, RenameColumn>)
        string(op.table, o.key("table"));
    string(op.from, o.key("from"));
    string(op.to, o.key("to"));
}

template <typename T>
    requires std::is_same_v<T, AddColumn> || std::is_same_v<T, DropColumn>
void members(const T& op, Object& o)
{
    string(op.table, o.key("table"));
    string(op.definition.name, o.key("column"));
    column(op.definition, false, o.key("definition"));
}

void members(const AlterColumn& op, Object& o)
{
    string(op.table, o.key("table"));
    string(op.from.name, o.key("column"));
    column(op.from, false, o.key("from"));
    column(op.to, false, o.key("to"));
}

template <typename T, typename Writer>
void namedMembers(const T& op, Object& o, Writer write)
{
    string(op.table, o.key("table"));
    string(op.definition.name, o.key("name"));
    write(op.definition, o.key("definition"));
}

void members(const CreateIndex& op, Object& o) { namedMembers(op, o, index); }
void members(const DropIndex& op, Object& o) { namedMembers(op, o, index); }
void members(const AddUnique& op, Object& o) { namedMembers(op, o, unique); }
void members(const DropUnique& op, Object& o) { namedMembers(op, o, unique); }
void members(const AddForeignKey& op, Object& o) { namedMembers(op, o, foreignKey); }
void members(const DropForeignKey& op, Object& o) { namedMembers(op, o, foreignKey); }
void members(const AddCheck& op, Object& o) { namedMembers(op, o, check); }
void members(const DropCheck& op, Object& o) { namedMembers(op, o, check); }

void members(const AlterPrimaryKey& op, Object& o)
{
    string(op.table, o.key("table"));
    stringArray(op.from, o.key("from"));
    stringArray(op.to, o.key("to"));
}

void members(const AlterTableComment& op, Object& o)
{
    string(op.table, o.key("table"));
    optionalString(op.from, o.key("from"));
    optionalString(op.to, o.key("to"));
}

template <typename T>
    requires std::is_same_v<T, CreateEnum> || std::is_same_v<T, DropEnum>
void members(const T& op, Object& o)
{
    string(op.definition.name, o.key("name"));
    stringArray(op.definition.values, o.key("values"));
}

template <typename T>
    requires std::is_same_v<T, AddEnumValue> || std::is_same_v<T, DropEnumValue>
void members(const T& op, Object& o)
{
    string(op.name, o.key("name"));
    string(op.value, o.key("value"));
    if (op.before)
        string(*op.before, o.key("before"));
}

template <typename T>
    requires std::is_same_v<T, CreateDomain> || std::is_same_v<T, DropDomain>
void members(const T& op, Object& o)
{
    string(op.definition.name, o.key("name"));
    domain(op.definition, o.key("definition"));
}

void members(const AlterDomain& op, Object& o)
{
    string(op.to.name, o.key("name"));
    domain(op.from, o.key("from"));
    domain(op.to, o.key("to"));
}

void members(const RecreateTable& op, Object& o)
{
    string(op.to.name, o.key("table"));
    table(op.from, o.key("from"));
    table(op.to, o.key("to"));
}

void members(const Execute& op, Object& o)
{
    sqlMap(op.up, o.key("up"));
    if (op.down)
        sqlMap(*op.down, o.key("down"));
}

} // namespace

void appendCompactOperationJson(const Operation& op, std::string& out)
{
    const std::size_t start = out.size();
    try {
        std::visit(
            [&](const auto& o) {
                using T = std::decay_t<decltype(o)>;
                if constexpr (isSequenceOperation<T>) {
                    throw UseDom{};
                } else {
                    Object json(out);
                    string(detail::kindName(o), json.key("kind"));
                    members(o, json);
                    json.close();
                }
            },
            op);
    } catch (const UseDom&) {
        out.resize(start);
        out += writeCompactJson(operationToJson(op));
    }
}

} // namespace tempest
