#include "core/ir/schema_json.h"

#include "core/ir/json_file.h"

#include "core/ir/errors.h"
#include "core/ir/json_writer.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string_view>
#include <unordered_map>

namespace tempest {

namespace {

bool takesLength(ColumnType t) { return t == ColumnType::Varchar || t == ColumnType::Char; }
bool takesPrecision(ColumnType t)
{
    return t == ColumnType::Numeric || t == ColumnType::Time || t == ColumnType::Timestamp
        || t == ColumnType::Timestamptz;
}

/// An empty object with room for `members`. A member is a pair<const std::string, Json>,
/// which a growing vector copies rather than moves — the subtrees with it (a table's
/// columns were copied twice as its later keys were added).
Json objectWithRoom(std::size_t members)
{
    Json j = Json::object();
    j.get_ref<Json::object_t&>().reserve(members);
    return j;
}

Json stringArray(const std::vector<std::string>& items)
{
    Json a = Json::array();
    for (const auto& s : items)
        a.push_back(s);
    return a;
}

template <typename T, typename F>
void readNamedMap(const JsonObjectReader& reader, std::string_view key, std::vector<T>& out, F parse)
{
    if (!reader.has(key))
        return;
    const Json& map = reader.requireObject(key);
    const std::string mapPath = reader.path(key);
    out.reserve(out.size() + map.size());
    for (auto it = map.begin(); it != map.end(); ++it)
        out.push_back(parse(it.value(), it.key(), jsonPathMember(mapPath, it.key())));
}

} // namespace

Json defaultToJson(const DefaultValue& value)
{
    Json j = Json::object();
    switch (value.kind) {
    case DefaultValue::Kind::String: j["value"] = value.text; break;
    case DefaultValue::Kind::Number: j["value"] = Json::parse(value.text); break;
    case DefaultValue::Kind::Boolean: j["value"] = value.text == "true"; break;
    case DefaultValue::Kind::Expression: j["expr"] = value.text; break;
    }
    return j;
}

DefaultValue defaultFromJson(const Json& json, const std::string& file, const std::string& path)
{
    JsonObjectReader r(json, file, path);
    r.rejectUnknown({"value", "expr"});
    if (r.has("value") == r.has("expr"))
        r.fail("", "a default is {\"value\": literal} or {\"expr\": \"SQL\"}, exactly one of them");
    if (r.has("expr"))
        return DefaultValue::expression(r.requireString("expr"));
    const Json& v = r.get("value");
    if (v.is_string())
        return DefaultValue::string(v.get<std::string>());
    if (v.is_boolean())
        return DefaultValue::boolean(v.get<bool>());
    if (v.is_number())
        return DefaultValue::number(v.dump());
    r.fail("value", "a default value is a string, a number or a boolean (omit the default for NULL)");
}

Json columnToJson(const Column& c, bool primaryKeyColumn)
{
    Json j = objectWithRoom(4);
    j["type"] = std::string(typeName(c.type));
    if (c.length)
        j["length"] = *c.length;
    if (c.precision)
        j["precision"] = *c.precision;
    if (c.scale)
        j["scale"] = *c.scale;
    if (c.type == ColumnType::Enum)
        j["enum"] = c.enumName;
    if (c.type == ColumnType::Custom)
        j["sql"] = c.sql;
    if (c.arrayDims > 0)
        j["array"] = c.arrayDims;
    if (c.collation)
        j["collation"] = *c.collation;
    if (c.nullable == primaryKeyColumn)  // differs from what is implied
        j["nullable"] = c.nullable;
    if (c.autoincrement)
        j["autoincrement"] = true;
    if (c.defaultValue)
        j["default"] = defaultToJson(*c.defaultValue);
    if (c.generated) {
        Json g = Json::object();
        g["expr"] = *c.generated;
        if (!c.generatedStored)
            g["stored"] = false;
        j["generated"] = std::move(g);
    }
    if (c.comment)
        j["comment"] = *c.comment;
    if (c.renamedFrom)
        j["renamedFrom"] = *c.renamedFrom;
    return j;
}

Column columnFromJson(const Json& json, std::string name, bool primaryKeyColumn,
                      const std::string& file, const std::string& path)
{
    JsonObjectReader r(json, file, path);
    r.rejectUnknown({"type", "length", "precision", "scale", "enum", "sql", "array", "collation", "nullable",
                     "autoincrement", "default", "generated", "comment", "renamedFrom"});
    Column c;
    c.name = std::move(name);
    const std::string type = r.requireString("type");
    auto parsed = parseTypeName(type);
    if (!parsed)
        r.fail("type", "unknown type \"" + type
                           + "\" (expected smallint, integer, bigint, boolean, real, double, numeric, "
                             "text, varchar, char, date, time, timestamp, timestamptz, blob, json, uuid, "
                             "enum or custom)");
    c.type = *parsed;
    c.length = r.optionalInt("length");
    c.precision = r.optionalInt("precision");
    c.scale = r.optionalInt("scale");
    if (c.length && !takesLength(c.type))
        r.fail("length", "\"length\" applies to varchar and char, not " + type);
    if (c.precision && !takesPrecision(c.type))
        r.fail("precision", "\"precision\" applies to numeric, time, timestamp and timestamptz, not " + type);
    if (c.scale && c.type != ColumnType::Numeric)
        r.fail("scale", "\"scale\" applies to numeric, not " + type);
    if (c.scale && !c.precision)
        r.fail("scale", "\"scale\" needs \"precision\"");
    if (r.has("enum")) {
        if (c.type != ColumnType::Enum)
            r.fail("enum", "\"enum\" applies to type enum, not " + type);
        c.enumName = r.requireString("enum");
    } else if (c.type == ColumnType::Enum) {
        r.fail("type", "an enum column needs \"enum\": the enum's name");
    }
    if (r.has("sql")) {
        if (c.type != ColumnType::Custom)
            r.fail("sql", "\"sql\" applies to type custom, not " + type);
        c.sql = r.requireString("sql");
    } else if (c.type == ColumnType::Custom) {
        r.fail("type", "a custom column needs \"sql\": the type as the dialect spells it");
    }
    if (auto dims = r.optionalInt("array")) {
        if (*dims < 1)
            r.fail("array", "\"array\" is the number of dimensions, 1 or more (omit it for a plain column)");
        c.arrayDims = *dims;
    }
    c.collation = r.optionalString("collation");
    if (c.collation && c.collation->empty())
        r.fail("collation", "\"collation\" names a collation (omit it for the database's default)");
    c.nullable = r.optionalBool("nullable", !primaryKeyColumn);
    c.autoincrement = r.optionalBool("autoincrement", false);
    if (r.has("default")) {
        // `"default": null` is refused like any other non-object; `{"value": null}` is
        // DEFAULT NULL, which is no default (docs/decisions.md).
        const Json& d = r.get("default");
        JsonObjectReader dr(d, file, r.path("default"));  // type check
        if (!(dr.has("value") && dr.get("value").is_null()))
            c.defaultValue = defaultFromJson(d, file, dr.objectPath());
        else if (d.size() != 1)
            dr.fail("", "a default is {\"value\": literal} or {\"expr\": \"SQL\"}, exactly one of them");
    }
    if (r.has("generated")) {
        JsonObjectReader g(r.get("generated"), file, r.path("generated"));
        g.rejectUnknown({"expr", "stored"});
        c.generated = g.requireString("expr");
        c.generatedStored = g.optionalBool("stored", true);
    }
    c.comment = r.optionalString("comment");
    c.renamedFrom = r.optionalString("renamedFrom");
    return c;
}

Json indexToJson(const Index& index)
{
    Json j = Json::object();
    Json cols = Json::array();
    for (const auto& c : index.columns) {
        if (c.expression)
            cols.push_back(Json{{"expr", c.value}});
        else
            cols.push_back(c.value);
    }
    j["columns"] = std::move(cols);
    if (index.unique)
        j["unique"] = true;
    if (index.where)
        j["where"] = *index.where;
    return j;
}

Index indexFromJson(const Json& json, std::string name, const std::string& file, const std::string& path)
{
    JsonObjectReader r(json, file, path);
    r.rejectUnknown({"columns", "unique", "where"});
    Index index;
    index.name = std::move(name);
    const Json& cols = r.requireArray("columns");
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const std::string p = jsonPathIndex(r.path("columns"), i);
        if (cols[i].is_string()) {
            index.columns.push_back(IndexColumn::column(cols[i].get<std::string>()));
        } else {
            JsonObjectReader cr(cols[i], file, p);
            cr.rejectUnknown({"expr"});
            index.columns.push_back(IndexColumn::expr(cr.requireString("expr")));
        }
    }
    index.unique = r.optionalBool("unique", false);
    index.where = r.optionalString("where");
    return index;
}

void deferralToJson(const Deferral& deferral, Json& j)
{
    if (deferral.deferrable)
        j["deferrable"] = true;
    if (deferral.initiallyDeferred)
        j["initiallyDeferred"] = true;
}

Deferral deferralFromJson(const JsonObjectReader& r)
{
    Deferral d;
    d.deferrable = r.optionalBool("deferrable", false);
    d.initiallyDeferred = r.optionalBool("initiallyDeferred", false);
    if (d.initiallyDeferred && !d.deferrable)
        r.fail("initiallyDeferred", "\"initiallyDeferred\" needs \"deferrable\": true");
    return d;
}

Json uniqueToJson(const UniqueConstraint& unique)
{
    Json j = Json::object();
    j["columns"] = stringArray(unique.columns);
    deferralToJson(unique.deferral, j);
    return j;
}

UniqueConstraint uniqueFromJson(const Json& json, std::string name, const std::string& file,
                                const std::string& path)
{
    JsonObjectReader r(json, file, path);
    r.rejectUnknown({"columns", "deferrable", "initiallyDeferred"});
    return UniqueConstraint{std::move(name), r.stringList("columns", true), deferralFromJson(r)};
}

Json foreignKeyToJson(const ForeignKey& fk)
{
    Json j = Json::object();
    j["columns"] = stringArray(fk.columns);
    j["refTable"] = fk.refTable;
    j["refColumns"] = stringArray(fk.refColumns);
    if (fk.onDelete != FkAction::NoAction)
        j["onDelete"] = std::string(fkActionName(fk.onDelete));
    if (fk.onUpdate != FkAction::NoAction)
        j["onUpdate"] = std::string(fkActionName(fk.onUpdate));
    deferralToJson(fk.deferral, j);
    return j;
}

ForeignKey foreignKeyFromJson(const Json& json, std::string name, const std::string& file,
                              const std::string& path)
{
    JsonObjectReader r(json, file, path);
    r.rejectUnknown({"columns", "refTable", "refColumns", "onDelete", "onUpdate", "deferrable", "initiallyDeferred"});
    ForeignKey fk;
    fk.name = std::move(name);
    fk.columns = r.stringList("columns", true);
    fk.refTable = r.requireString("refTable");
    fk.refColumns = r.stringList("refColumns", true);
    auto action = [&](std::string_view key) {
        auto text = r.optionalString(key);
        if (!text)
            return FkAction::NoAction;
        auto a = parseFkAction(*text);
        if (!a)
            r.fail(key, "unknown action \"" + *text
                            + "\" (expected cascade, restrict, set null, set default or no action)");
        return *a;
    };
    fk.onDelete = action("onDelete");
    fk.onUpdate = action("onUpdate");
    fk.deferral = deferralFromJson(r);
    return fk;
}

Json checkToJson(const CheckConstraint& check)
{
    Json j = Json::object();
    j["expr"] = check.expr;
    return j;
}

CheckConstraint checkFromJson(const Json& json, std::string name, const std::string& file,
                              const std::string& path)
{
    JsonObjectReader r(json, file, path);
    r.rejectUnknown({"expr"});
    return CheckConstraint{std::move(name), r.requireString("expr")};
}

Json domainToJson(const Domain& domain)
{
    Json j = columnToJson(domain.base, false);
    if (!domain.checks.empty()) {
        Json checks = Json::object();
        for (const auto& c : domain.checks)
            checks[c.name] = checkToJson(c);
        j["checks"] = std::move(checks);
    }
    return j;
}

Domain domainFromJson(const Json& json, std::string name, const std::string& file, const std::string& path)
{
    JsonObjectReader r(json, file, path);
    r.rejectUnknown({"type", "length", "precision", "scale", "enum", "sql", "array", "nullable", "default", "checks"});
    Domain d;
    Json base = json;
    base.erase("checks");
    d.base = columnFromJson(base, name, false, file, path);
    d.name = std::move(name);
    readNamedMap(r, "checks", d.checks, [&](const Json& v, const std::string& n, const std::string& p) {
        return checkFromJson(v, n, file, p);
    });
    return d;
}

Json tableToJson(const Table& table)
{
    Json j = objectWithRoom(11);  // every key tableFromJson reads
    Json cols = objectWithRoom(table.columns.size());
    for (const auto& c : table.columns)
        cols[c.name] = columnToJson(c, table.isPrimaryKeyColumn(c.name));
    j["columns"] = std::move(cols);
    if (!table.primaryKey.empty())
        j["primaryKey"] = stringArray(table.primaryKey);
    auto named = [&](const char* key, const auto& items, auto toJson) {
        if (items.empty())
            return;
        Json map = objectWithRoom(items.size());
        for (const auto& item : items)
            map[item.name] = toJson(item);
        j[key] = std::move(map);
    };
    named("indexes", table.indexes, indexToJson);
    named("uniques", table.uniques, uniqueToJson);
    named("foreignKeys", table.foreignKeys, foreignKeyToJson);
    named("checks", table.checks, checkToJson);
    if (table.comment)
        j["comment"] = *table.comment;
    if (table.partitionBy)
        j["partitionBy"] = *table.partitionBy;
    if (table.partitionOf)
        j["partitionOf"] = *table.partitionOf;
    if (table.partitionBound)
        j["partitionBound"] = *table.partitionBound;
    if (table.renamedFrom)
        j["renamedFrom"] = *table.renamedFrom;
    return j;
}

Table tableFromJson(const Json& json, std::string name, const std::string& file, const std::string& path)
{
    JsonObjectReader r(json, file, path);
    r.rejectUnknown({"columns", "primaryKey", "indexes", "uniques", "foreignKeys", "checks",
                     "comment", "partitionBy", "partitionOf", "partitionBound", "renamedFrom"});
    Table t;
    t.name = std::move(name);
    t.partitionBy = r.optionalString("partitionBy");
    t.partitionOf = r.optionalString("partitionOf");
    t.partitionBound = r.optionalString("partitionBound");
    // A partition and its bound go together (docs/ir.md "Partitioning (PostgreSQL)").
    if (t.partitionOf && !t.partitionBound)
        throw InputError("partition \"" + t.name + "\" has \"partitionOf\" but no \"partitionBound\"", file,
                         r.path("partitionOf"));
    if (t.partitionBound && !t.partitionOf)
        throw InputError("table \"" + t.name + "\" has \"partitionBound\" but no \"partitionOf\"", file,
                         r.path("partitionBound"));
    for (const auto& [key, value] : {std::pair<const char*, const CompactOptional<std::string>*>{"partitionBy", &t.partitionBy},
                                      {"partitionOf", &t.partitionOf}, {"partitionBound", &t.partitionBound}})
        if (*value && (*value)->empty())
            throw InputError(std::string("\"") + key + "\" is empty", file, r.path(key));
    t.primaryKey = r.stringList("primaryKey", false);
    static const Json noColumns = Json::object();
    // A partition's columns are its parent's: it may leave "columns" out.
    const Json& cols = t.partitionOf && !r.has("columns") ? noColumns : r.requireObject("columns");
    t.columns.reserve(cols.size());  // exactly: thousands of tables of ~12 columns add up
    const std::string columnsPath = r.path("columns");
    for (auto it = cols.begin(); it != cols.end(); ++it)
        t.columns.push_back(columnFromJson(it.value(), it.key(), t.isPrimaryKeyColumn(it.key()), file,
                                           jsonPathMember(columnsPath, it.key())));
    readNamedMap(r, "indexes", t.indexes, [&](const Json& v, const std::string& n, const std::string& p) {
        return indexFromJson(v, n, file, p);
    });
    readNamedMap(r, "uniques", t.uniques, [&](const Json& v, const std::string& n, const std::string& p) {
        return uniqueFromJson(v, n, file, p);
    });
    readNamedMap(r, "foreignKeys", t.foreignKeys,
                 [&](const Json& v, const std::string& n, const std::string& p) {
                     return foreignKeyFromJson(v, n, file, p);
                 });
    readNamedMap(r, "checks", t.checks, [&](const Json& v, const std::string& n, const std::string& p) {
        return checkFromJson(v, n, file, p);
    });
    t.comment = r.optionalString("comment");
    t.renamedFrom = r.optionalString("renamedFrom");
    return t;
}

namespace {

/// True when no two tables share a name (always, for a valid IR).
bool tableNamesUnique(const Schema& schema)
{
    std::unordered_map<std::string_view, bool> seen;
    seen.reserve(schema.tables.size());
    for (const auto& t : schema.tables)
        if (!seen.emplace(t.name, true).second)
            return false;
    return true;
}

// A table's canonical text written straight from the IR: the same bytes as
// appendCanonicalJson(tableToJson(table), …), without the document in between — at 5,000
// tables its half a million allocations were most of `introspect`'s output (issue 12).
// tests/ir/tst_schema_text.cpp compares the two writers on random schemas and edge cases;
// tests/introspect_sqlite/output_unchanged.sh holds `introspect`'s text on the real
// SQLite schemas to its recorded digests.

/// Writes the members of one object, `indent` spaces deep, as writeCanonicalJson does.
class ObjectText {
public:
    ObjectText(std::string& out, int indent) : m_out(out), m_indent(indent) {}
    /// Starts member `key`; returns the column its value starts at.
    std::size_t key(std::string_view key)
    {
        m_out += m_empty ? "{\n" : ",\n";
        m_empty = false;
        const std::size_t start = m_out.size();
        m_out.append(static_cast<std::size_t>(m_indent + 2), ' ');
        appendJsonString(key, m_out);
        m_out += ": ";
        return m_out.size() - start;
    }
    void string(std::string_view k, std::string_view value)
    {
        key(k);
        appendJsonString(value, m_out);
    }
    void integer(std::string_view k, long long value)
    {
        key(k);
        m_out += std::to_string(value);
    }
    void boolean(std::string_view k, bool value)
    {
        key(k);
        m_out += value ? "true" : "false";
    }
    void stringArray(std::string_view k, const std::vector<std::string>& items)
    {
        const std::size_t column = key(k);
        if (items.empty()) {
            m_out += "[]";
            return;
        }
        const std::size_t start = m_out.size();
        m_out += "[";
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i)
                m_out += ", ";
            appendJsonString(items[i], m_out);
        }
        m_out += "]";
        if (column + (m_out.size() - start) + 1 <= kCanonicalJsonLineWidth)  // +1 for a trailing comma
            return;
        m_out.resize(start);
        m_out += "[\n";
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i)
                m_out += ",\n";
            m_out.append(static_cast<std::size_t>(m_indent + 4), ' ');
            appendJsonString(items[i], m_out);
        }
        m_out += "\n";
        m_out.append(static_cast<std::size_t>(m_indent + 2), ' ');
        m_out += "]";
    }
    /// An object member: `write` fills the ObjectText it is given.
    template <typename F>
    void object(std::string_view k, F write)
    {
        key(k);
        ObjectText inner(m_out, m_indent + 2);
        write(inner);
        inner.close();
    }
    void close()
    {
        if (m_empty) {
            m_out += "{}";
            return;
        }
        m_out += "\n";
        m_out.append(static_cast<std::size_t>(m_indent), ' ');
        m_out += "}";
    }
    std::string& out() { return m_out; }
    int indent() const { return m_indent; }

private:
    std::string& m_out;
    int m_indent;
    bool m_empty = true;
};

/// Whether `text` is an integer JSON writes back as it is (no sign on zero, no leading
/// zero, within 64 bits).
bool isPlainInteger(std::string_view text)
{
    const std::size_t digits = text.size() - (!text.empty() && text[0] == '-' ? 1 : 0);
    if (digits == 0 || digits > 18)
        return false;
    const std::string_view d = text.substr(text.size() - digits);
    if (d[0] == '0')
        return d.size() == 1 && text.size() == 1;
    for (const char c : d)
        if (c < '0' || c > '9')
            return false;
    return true;
}

void writeDefault(ObjectText& o, const DefaultValue& value)
{
    switch (value.kind) {
    case DefaultValue::Kind::String: o.string("value", value.text); return;
    case DefaultValue::Kind::Number:
        if (isPlainInteger(value.text)) {
            o.key("value");
            o.out() += value.text;
        } else {
            const std::size_t column = o.key("value");
            appendCanonicalJson(Json::parse(value.text), o.indent() + 2, column, o.out());
        }
        return;
    case DefaultValue::Kind::Boolean: o.boolean("value", value.text == "true"); return;
    case DefaultValue::Kind::Expression: o.string("expr", value.text); return;
    }
}

void writeColumn(ObjectText& o, const Column& c, bool primaryKeyColumn)
{
    o.string("type", typeName(c.type));
    if (c.length)
        o.integer("length", *c.length);
    if (c.precision)
        o.integer("precision", *c.precision);
    if (c.scale)
        o.integer("scale", *c.scale);
    if (c.type == ColumnType::Enum)
        o.string("enum", c.enumName);
    if (c.type == ColumnType::Custom)
        o.string("sql", c.sql);
    if (c.arrayDims > 0)
        o.integer("array", c.arrayDims);
    if (c.collation)
        o.string("collation", *c.collation);
    if (c.nullable == primaryKeyColumn)
        o.boolean("nullable", c.nullable);
    if (c.autoincrement)
        o.boolean("autoincrement", true);
    if (c.defaultValue)
        o.object("default", [&](ObjectText& d) { writeDefault(d, *c.defaultValue); });
    if (c.generated)
        o.object("generated", [&](ObjectText& g) {
            g.string("expr", *c.generated);
            if (!c.generatedStored)
                g.boolean("stored", false);
        });
    if (c.comment)
        o.string("comment", *c.comment);
    if (c.renamedFrom)
        o.string("renamedFrom", *c.renamedFrom);
}

void writeIndexColumns(ObjectText& o, const std::vector<IndexColumn>& columns)
{
    const bool anyExpression =
        std::any_of(columns.begin(), columns.end(), [](const IndexColumn& c) { return c.expression; });
    if (!anyExpression) {
        std::vector<std::string> names;
        names.reserve(columns.size());
        for (const auto& c : columns)
            names.push_back(c.value);
        o.stringArray("columns", names);
        return;
    }
    // An expression is an object: the array is written one item per line.
    o.key("columns");
    std::string& out = o.out();
    const int itemIndent = o.indent() + 4;
    out += "[\n";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i)
            out += ",\n";
        out.append(static_cast<std::size_t>(itemIndent), ' ');
        if (columns[i].expression) {
            ObjectText item(out, itemIndent);
            item.string("expr", columns[i].value);
            item.close();
        } else {
            appendJsonString(columns[i].value, out);
        }
    }
    out += "\n";
    out.append(static_cast<std::size_t>(itemIndent - 2), ' ');
    out += "]";
}

void writeDeferral(ObjectText& o, const Deferral& deferral)
{
    if (deferral.deferrable)
        o.boolean("deferrable", true);
    if (deferral.initiallyDeferred)
        o.boolean("initiallyDeferred", true);
}

/// Whether no two of `items` share a name (tableToJson keeps the first place and the last
/// definition of a repeated name; such a table is written through it).
template <typename T>
bool namesUnique(const std::vector<T>& items)
{
    for (std::size_t i = 1; i < items.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (items[i].name == items[k].name)
                return false;
    return true;
}

bool writableStraight(const Table& t)
{
    // Quadratic in a table's columns: a table of more than a few hundred goes the other way.
    return t.columns.size() <= 256 && namesUnique(t.columns) && namesUnique(t.indexes) && namesUnique(t.uniques)
        && namesUnique(t.foreignKeys) && namesUnique(t.checks);
}

void appendTableText(const Table& t, int indent, std::size_t column, std::string& out)
{
    if (!writableStraight(t)) {
        appendCanonicalJson(tableToJson(t), indent, column, out);
        return;
    }
    ObjectText o(out, indent);
    o.object("columns", [&](ObjectText& cols) {
        for (const auto& c : t.columns)
            cols.object(c.name, [&](ObjectText& col) { writeColumn(col, c, t.isPrimaryKeyColumn(c.name)); });
    });
    if (!t.primaryKey.empty())
        o.stringArray("primaryKey", t.primaryKey);
    auto named = [&](const char* key, const auto& items, auto write) {
        if (items.empty())
            return;
        o.object(key, [&](ObjectText& map) {
            for (const auto& item : items)
                map.object(item.name, [&](ObjectText& one) { write(one, item); });
        });
    };
    named("indexes", t.indexes, [](ObjectText& m, const Index& index) {
        writeIndexColumns(m, index.columns);
        if (index.unique)
            m.boolean("unique", true);
        if (index.where)
            m.string("where", *index.where);
    });
    named("uniques", t.uniques, [](ObjectText& m, const UniqueConstraint& u) {
        m.stringArray("columns", u.columns);
        writeDeferral(m, u.deferral);
    });
    named("foreignKeys", t.foreignKeys, [](ObjectText& m, const ForeignKey& fk) {
        m.stringArray("columns", fk.columns);
        m.string("refTable", fk.refTable);
        m.stringArray("refColumns", fk.refColumns);
        if (fk.onDelete != FkAction::NoAction)
            m.string("onDelete", fkActionName(fk.onDelete));
        if (fk.onUpdate != FkAction::NoAction)
            m.string("onUpdate", fkActionName(fk.onUpdate));
        writeDeferral(m, fk.deferral);
    });
    named("checks", t.checks, [](ObjectText& m, const CheckConstraint& c) { m.string("expr", c.expr); });
    if (t.comment)
        o.string("comment", *t.comment);
    if (t.partitionBy)
        o.string("partitionBy", *t.partitionBy);
    if (t.partitionOf)
        o.string("partitionOf", *t.partitionOf);
    if (t.partitionBound)
        o.string("partitionBound", *t.partitionBound);
    if (t.renamedFrom)
        o.string("renamedFrom", *t.renamedFrom);
    o.close();
}

/// Every member of a schema's JSON but "tables".
Json schemaWithoutTablesToJson(const Schema& schema);

} // namespace

Json schemaToJson(const Schema& schema)
{
    Json j = Json::object();
    Json tables = Json::object();
    // ordered_json's operator[] searches the keys linearly: thousands of tables made
    // that quadratic. Append instead; a repeated name keeps its first place and the
    // last definition, as operator[] did.
    auto& members = static_cast<Json::object_t::Container&>(tables.get_ref<Json::object_t&>());
    std::unordered_map<std::string_view, std::size_t> position;
    position.reserve(schema.tables.size());
    members.reserve(schema.tables.size());
    for (const auto& t : schema.tables) {
        if (const auto [it, inserted] = position.emplace(t.name, members.size()); inserted)
            members.emplace_back(t.name, tableToJson(t));
        else
            members[it->second].second = tableToJson(t);
    }
    j["tables"] = std::move(tables);
    Json rest = schemaWithoutTablesToJson(schema);
    for (auto it = rest.begin(); it != rest.end(); ++it)
        j[it.key()] = std::move(it.value());
    return j;
}

namespace {

Json schemaWithoutTablesToJson(const Schema& schema)
{
    Json j = Json::object();
    if (!schema.enums.empty()) {
        Json enums = Json::object();
        for (const auto& e : schema.enums) {
            if (e.renamedFrom)
                enums[e.name] = Json{{"values", stringArray(e.values)}, {"renamedFrom", *e.renamedFrom}};
            else
                enums[e.name] = stringArray(e.values);
        }
        j["enums"] = std::move(enums);
    }
    if (!schema.domains.empty()) {
        Json domains = Json::object();
        for (const auto& d : schema.domains)
            domains[d.name] = domainToJson(d);
        j["domains"] = std::move(domains);
    }
    if (!schema.sequences.empty())
        j["sequences"] = sequencesToJson(schema.sequences);
    if (!schema.unsupported.empty()) {
        Json list = Json::array();
        for (const auto& u : schema.unsupported) {
            Json o = Json::object();
            o["kind"] = u.kind;
            o["name"] = u.name;
            if (u.table)
                o["table"] = *u.table;
            if (u.detail)
                o["detail"] = *u.detail;
            if (u.sql)
                o["sql"] = *u.sql;
            list.push_back(std::move(o));
        }
        j["unsupported"] = std::move(list);
    }
    return j;
}

} // namespace

namespace {

/// schemaFromJson; with `owned` (the same object as `json`, the caller's to consume) each
/// table's JSON is released as soon as its IR is built, so the document and the schema
/// are not both whole at once (the DOM of a models file is several times its text).
/// The tables parseSchema read while parsing, or the first error one of them raised (held
/// until readSchema reaches "tables", so errors keep the order they had).
struct StreamedTables {
    std::vector<Table> tables;
    std::optional<InputError> error;
};

/// With `streamed`, the tables were read already (parseSchema): `json` holds a null for each.
Schema readSchema(const Json& json, Json* owned, const std::string& file, const std::string& path,
                  StreamedTables* streamed = nullptr)
{
    JsonObjectReader r(json, file, path);
    r.rejectUnknown({"tables", "enums", "domains", "sequences", "unsupported"});
    Schema s;
    if (streamed && r.has("tables")) {
        r.requireObject("tables");
        if (streamed->error)
            throw *streamed->error;
        s.tables = std::move(streamed->tables);
    } else if (r.has("tables")) {
        const Json& tables = r.requireObject("tables");
        // The same members as `tables`, writable: walked in step (a lookup by key in an
        // ordered_json is a linear scan).
        Json::iterator release = owned ? (*owned)["tables"].begin() : Json::iterator();
        s.tables.reserve(tables.size());
        for (auto it = tables.begin(); it != tables.end(); ++it) {
            s.tables.push_back(tableFromJson(it.value(), it.key(), file,
                                             jsonPathMember(r.path("tables"), it.key())));
            if (owned)
                *release++ = Json();
        }
    }
    if (r.has("enums")) {
        const Json& enums = r.requireObject("enums");
        for (auto it = enums.begin(); it != enums.end(); ++it) {
            const std::string p = jsonPathMember(r.path("enums"), it.key());
            EnumType e;
            e.name = it.key();
            if (it.value().is_array()) {
                const Json& values = it.value();
                for (std::size_t i = 0; i < values.size(); ++i) {
                    if (!values[i].is_string())
                        throw InputError("an enum value is a string", file, jsonPathIndex(p, i));
                    e.values.push_back(values[i].get<std::string>());
                }
            } else {
                JsonObjectReader er(it.value(), file, p);
                er.rejectUnknown({"values", "renamedFrom"});
                e.values = er.stringList("values", true);
                e.renamedFrom = er.optionalString("renamedFrom");
            }
            s.enums.push_back(std::move(e));
        }
    }
    readNamedMap(r, "domains", s.domains, [&](const Json& v, const std::string& n, const std::string& p) {
        return domainFromJson(v, n, file, p);
    });
    if (r.has("sequences"))
        s.sequences = sequencesFromJson(r.get("sequences"), file, r.path("sequences"));
    if (r.has("unsupported")) {
        const Json& list = r.requireArray("unsupported");
        for (std::size_t i = 0; i < list.size(); ++i) {
            JsonObjectReader ur(list[i], file, jsonPathIndex(r.path("unsupported"), i));
            ur.rejectUnknown({"kind", "name", "table", "detail", "sql"});
            UnsupportedObject u;
            u.kind = ur.requireString("kind");
            u.name = ur.requireString("name");
            u.table = ur.optionalString("table");
            u.detail = ur.optionalString("detail");
            u.sql = ur.optionalString("sql");
            s.unsupported.push_back(std::move(u));
        }
        s.sortUnsupported();
    }
    validateSchema(s, file);
    return s;
}

} // namespace

Schema schemaFromJson(const Json& json, const std::string& file, const std::string& path)
{
    return readSchema(json, nullptr, file, path);
}

Schema schemaFromJson(Json&& json, const std::string& file, const std::string& path)
{
    return readSchema(json, &json, file, path);
}

std::string toJson(const Schema& schema)
{
    std::string text;
    writeJson(schema, [&](std::string_view piece) { text += piece; });
    return text;
}

void writeJson(const Schema& schema, const std::function<void(std::string_view)>& write)
{
    if (!tableNamesUnique(schema)) {
        write(writeCanonicalJson(schemaToJson(schema)));
        return;
    }
    // writeCanonicalJson(schemaToJson(schema)), one table at a time: the document of
    // thousands of tables is never built whole, nor its text.
    constexpr std::size_t kPiece = 256 * 1024;
    std::string out = "{\n  \"tables\": ";
    if (schema.tables.empty()) {
        out += "{}";
    } else {
        out += "{\n";
        bool first = true;
        for (const auto& t : schema.tables) {
            if (!first)
                out += ",\n";
            first = false;
            if (out.size() >= kPiece) {
                write(out);
                out.clear();
            }
            const std::size_t start = out.size();
            out += "    ";
            appendJsonString(t.name, out);
            out += ": ";
            appendTableText(t, 4, out.size() - start, out);
        }
        out += "\n  }";
    }
    const Json rest = schemaWithoutTablesToJson(schema);
    for (auto it = rest.begin(); it != rest.end(); ++it) {
        out += ",\n";
        const std::size_t start = out.size();
        out += "  ";
        appendJsonString(it.key(), out);
        out += ": ";
        appendCanonicalJson(it.value(), 2, out.size() - start, out);
    }
    out += "\n}\n";
    write(out);
}

Schema loadSchemaFile(const std::string& path)
{
    return parseSchema(readJsonText(path), path);
}

Schema parseSchema(std::string_view text, const std::string& source)
{
    // Each table becomes IR as soon as its text is read: the parse tree of one table at a
    // time, never the whole file's (29.5 MB for a 10 MB models file of 5,000 tables, the
    // largest thing alive at `check`'s peak; issue 12). A table's error waits for its turn.
    StreamedTables streamed;
    const Json json = parseJsonHandingOver(text, source, "tables", [&](const std::string* key, std::size_t, Json&& value) {
        if (!key || streamed.error)  // "tables" as an array is refused by readSchema
            return;
        try {
            streamed.tables.push_back(tableFromJson(value, *key, source, jsonPathMember("$.tables", *key)));
        } catch (const InputError& e) {
            streamed.error = e;
        }
    });
    streamed.tables.shrink_to_fit();  // grown by doubling: up to twice the tables' size
    return readSchema(json, nullptr, source, "$", &streamed);
}

} // namespace tempest
