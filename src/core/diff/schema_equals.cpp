// schemaEquals() and describeDifferences(): dialect-aware equality of two schemas and the
// human lines drift/check print. Both walk the same compareTable() results.

#include "core/diff/diff.h"
#include "core/diff/domain_diff.h"
#include "core/diff/sequence_diff.h"
#include "core/diff/table_compare.h"

#include <unordered_map>
#include <unordered_set>

namespace tempest {
namespace {

using diffdetail::TableChanges;

const ComparisonRules& rulesOrExact(const ComparisonRules* rules)
{
    return rules ? *rules : exactRules();
}

template <typename Named>
std::unordered_map<std::string_view, const Named*> indexByName(const std::vector<Named>& items)
{
    std::unordered_map<std::string_view, const Named*> index;
    index.reserve(items.size());
    for (const Named& item : items)
        index.emplace(item.name, &item);
    return index;
}

std::string quoteName(std::string_view name)
{
    return "\"" + std::string(name) + "\"";
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

std::string commentText(const std::optional<std::string>& comment)
{
    return comment ? quoteName(*comment) : "none";
}

std::string collationText(const std::optional<std::string>& collation)
{
    return collation ? quoteName(*collation) : "default";
}

std::string columnSummary(const Column& column)
{
    std::string text = columnTypeText(column) + (column.collation ? " collate " + quoteName(*column.collation) : "")
                     + (column.nullable ? "" : " not null");
    if (column.defaultValue)
        text += " default " + defaultValueText(column.defaultValue);
    if (column.autoincrement)
        text += " autoincrement";
    if (column.generated)
        text += std::string(column.generatedStored ? " stored" : " virtual") + " generated as (" + *column.generated + ")";
    return text;
}

std::string generatedText(const Column& column)
{
    if (!column.generated)
        return "none";
    return "(" + *column.generated + ")" + (column.generatedStored ? " stored" : " virtual");
}

std::string columnChange(const Column& a, const Column& b, const ComparisonRules& rules)
{
    std::vector<std::string> parts;
    if (!rules.typesEqual(a, b) || a.arrayDims != b.arrayDims)
        parts.push_back("type " + columnTypeText(a) + " → " + columnTypeText(b));
    if (!rules.collationsEqual(a.collation, b.collation))
        parts.push_back("collation " + collationText(a.collation) + " → " + collationText(b.collation));
    if (a.nullable != b.nullable)
        parts.push_back(b.nullable ? "not null → nullable" : "nullable → not null");
    if (!rules.defaultsEqual(a.defaultValue, b.defaultValue))
        parts.push_back("default " + defaultValueText(a.defaultValue) + " → " + defaultValueText(b.defaultValue));
    if (a.autoincrement != b.autoincrement)
        parts.push_back(b.autoincrement ? "autoincrement added" : "autoincrement removed");
    if ((a.generated || b.generated)
        && !(a.generated && b.generated && rules.expressionsEqual(*a.generated, *b.generated)
             && a.generatedStored == b.generatedStored))
        parts.push_back("generated " + generatedText(a) + " → " + generatedText(b));
    if (rules.compareComments() && a.comment != b.comment)
        parts.push_back("comment " + commentText(a.comment) + " → " + commentText(b.comment));
    std::string text;
    for (const std::string& part : parts)
        text += (text.empty() ? "" : "; ") + part;
    return text;
}

/// "index "ix" on table "t" added|removed|changed": a name on both sides is a change.
template <typename Item>
void describeItems(const diffdetail::ItemChanges<Item>& changes, std::string_view what, const std::string& table,
                   std::vector<SchemaDifference>& lines)
{
    std::unordered_set<std::string_view> addedNames;
    for (const Item* item : changes.added)
        addedNames.insert(item->name);
    std::unordered_set<std::string_view> changedNames;
    for (const Item* item : changes.removed) {
        bool changed = addedNames.count(item->name) > 0;
        if (changed)
            changedNames.insert(item->name);
        lines.push_back({table, {}, std::string(what) + " " + quoteName(item->name) + " on table " + quoteName(table)
                                        + (changed ? " changed" : " removed"), item->name});
    }
    for (const Item* item : changes.added)
        if (!changedNames.count(item->name))
            lines.push_back({table, {},
                             std::string(what) + " " + quoteName(item->name) + " on table " + quoteName(table) + " added",
                             item->name});
}

void describeTable(const Table& a, const Table& b, const TableChanges& changes, const ComparisonRules& rules,
                   std::vector<SchemaDifference>& out)
{
    auto line = [&](std::string text, std::string item = {}) {
        out.push_back({a.name, {}, std::move(text), std::move(item)});
    };
    const std::string column = "column " + quoteName(a.name) + ".";
    for (const Column* c : changes.addedColumns)
        line(column + quoteName(c->name) + " added (" + columnSummary(*c) + ")", c->name);
    for (const Column* c : changes.droppedColumns)
        line(column + quoteName(c->name) + " removed", c->name);
    for (const auto& [from, to] : changes.alteredColumns)
        line(column + quoteName(from->name) + " changed: " + columnChange(*from, *to, rules), from->name);
    if (changes.primaryKeyChanged)
        line("primary key of table " + quoteName(a.name) + " changed: (" + joined(a.primaryKey) + ") → ("
                        + joined(b.primaryKey) + ")");
    if (changes.commentChanged)
        line("comment of table " + quoteName(a.name) + " changed: " + commentText(a.comment) + " → "
                        + commentText(b.comment));
    if (changes.partitionByChanged)
        line("partition key of table " + quoteName(a.name) + " changed: " + commentText(a.partitionBy) + " → "
             + commentText(b.partitionBy));
    if (changes.partitionOfChanged) {
        if (a.partitionOf != b.partitionOf)
            line("parent of partition " + quoteName(a.name) + " changed: " + commentText(a.partitionOf) + " → "
                 + commentText(b.partitionOf));
        if (a.partitionBound != b.partitionBound)
            line("partition bound of table " + quoteName(a.name) + " changed: " + commentText(a.partitionBound) + " → "
                 + commentText(b.partitionBound));
    }
    describeItems(changes.indexes, "index", a.name, out);
    describeItems(changes.uniques, "unique constraint", a.name, out);
    describeItems(changes.foreignKeys, "foreign key", a.name, out);
    describeItems(changes.checks, "check constraint", a.name, out);
}

/// Walks both schemas, appending a line per difference to `lines` when given; without
/// `lines` it stops at the first difference (schemaEquals on large equal schemas is the
/// common case, and it never builds a string). With `only`, just the tables of a named
/// there that b has too (tableDifferences).
bool compareSchemas(const Schema& a, const Schema& b, const ComparisonRules& rules,
                    std::vector<SchemaDifference>* lines, const std::set<std::string>* only = nullptr)
{
    bool equal = true;
    auto differ = [&](SchemaDifference line) {
        equal = false;
        if (lines)
            lines->push_back(std::move(line));
        return lines == nullptr;  // true: stop
    };
    auto tableDiffers = [&](const std::string& table, std::string text) {
        return differ({table, {}, std::move(text)});
    };
    auto enumDiffers = [&](const std::string& name, std::string text) { return differ({{}, name, std::move(text)}); };

    const auto tablesOfB = indexByName(b.tables);
    const diffdetail::IndexNames indexNamesOfB = diffdetail::indexNamesOf(b);
    for (const Table& table : a.tables) {
        if (only && !only->count(table.name))
            continue;
        auto it = tablesOfB.find(table.name);
        if (only && it == tablesOfB.end())
            continue;
        if (it == tablesOfB.end()) {
            if (tableDiffers(table.name, "table " + quoteName(table.name) + " removed"))
                return false;
            continue;
        }
        TableChanges changes = diffdetail::compareTable(table, *it->second, rules, indexNamesOfB);
        if (changes.empty())
            continue;
        if (!lines)
            return false;
        equal = false;
        describeTable(table, *it->second, changes, rules, *lines);
    }
    if (only)
        return equal;
    const auto tablesOfA = indexByName(a.tables);
    for (const Table& table : b.tables)
        if (!tablesOfA.count(table.name) && tableDiffers(table.name, "table " + quoteName(table.name) + " added"))
            return false;

    if (diffdetail::compareSequences(a, b, differ))
        return false;
    if (!rules.compareEnums())
        return equal;
    const auto enumsOfB = indexByName(b.enums);
    for (const EnumType& type : a.enums) {
        auto it = enumsOfB.find(type.name);
        if (it == enumsOfB.end()) {
            if (enumDiffers(type.name, "enum " + quoteName(type.name) + " removed"))
                return false;
        } else if (type.values != it->second->values) {
            if (enumDiffers(type.name, "enum " + quoteName(type.name) + " values changed: [" + joined(type.values)
                                           + "] → [" + joined(it->second->values) + "]"))
                return false;
        }
    }
    const auto enumsOfA = indexByName(a.enums);
    for (const EnumType& type : b.enums)
        if (!enumsOfA.count(type.name) && enumDiffers(type.name, "enum " + quoteName(type.name) + " added"))
            return false;
    auto domainDiffers = [&](std::string text) { return differ({{}, {}, std::move(text)}); };
    for (const Domain& domain : a.domains) {
        const Domain* other = b.findDomain(domain.name);
        if (!other) {
            if (domainDiffers("domain " + quoteName(domain.name) + " removed"))
                return false;
        } else if (!diffdetail::domainsEqual(domain, *other, rules)) {
            if (domainDiffers("domain " + quoteName(domain.name) + " changed: " + diffdetail::domainSummary(domain)
                              + " → " + diffdetail::domainSummary(*other)))
                return false;
        }
    }
    for (const Domain& domain : b.domains)
        if (!a.findDomain(domain.name) && domainDiffers("domain " + quoteName(domain.name) + " added"))
            return false;
    return equal;
}

} // namespace

std::string columnTypeText(const Column& column)
{
    const std::string brackets = [&] {
        std::string b;
        for (int d = 0; d < column.arrayDims; ++d)
            b += "[]";
        return b;
    }();
    std::string text(typeName(column.type));
    if (column.type == ColumnType::Enum)
        return text + " " + column.enumName + brackets;
    if (column.type == ColumnType::Custom)
        return (column.sql.empty() ? "(untyped)" : column.sql) + brackets;
    if (column.length)
        text += "(" + std::to_string(*column.length) + ")";
    else if (column.precision && column.scale)
        text += "(" + std::to_string(*column.precision) + "," + std::to_string(*column.scale) + ")";
    else if (column.precision)
        text += "(" + std::to_string(*column.precision) + ")";
    return text + brackets;
}

std::string defaultValueText(const std::optional<DefaultValue>& value)
{
    if (!value)
        return "none";
    if (value->kind == DefaultValue::Kind::String)
        return "'" + value->text + "'";
    return value->text;
}

bool schemaEquals(const Schema& a, const Schema& b, const ComparisonRules* rules)
{
    return compareSchemas(a, b, rulesOrExact(rules), nullptr);
}

std::vector<SchemaDifference> schemaDifferences(const Schema& a, const Schema& b, const ComparisonRules* rules)
{
    std::vector<SchemaDifference> differences;
    compareSchemas(a, b, rulesOrExact(rules), &differences);
    return differences;
}

std::vector<SchemaDifference> tableDifferences(const Schema& a, const Schema& b, const std::set<std::string>& tables,
                                               const ComparisonRules* rules)
{
    std::vector<SchemaDifference> differences;
    compareSchemas(a, b, rulesOrExact(rules), &differences, &tables);
    return differences;
}

std::vector<std::string> describeDifferences(const Schema& a, const Schema& b, const ComparisonRules* rules)
{
    std::vector<std::string> lines;
    for (auto& difference : schemaDifferences(a, b, rules))
        lines.push_back(std::move(difference.text));
    return lines;
}

} // namespace tempest
