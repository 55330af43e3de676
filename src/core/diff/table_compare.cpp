// compareTable(): pairs the columns and named items of two versions of a table under
// comparison rules and lists what is left unpaired or changed.

#include "core/diff/table_compare.h"

#include <cctype>

#include <algorithm>

namespace tempest::diffdetail {
namespace {

bool optionalExpressionsEqual(const std::optional<std::string>& a, const std::optional<std::string>& b,
                              const ComparisonRules& rules)
{
    if (!a || !b)
        return !a && !b;
    return rules.expressionsEqual(*a, *b);
}

/// Pairs items by name with equal content, then leftovers by content alone unless the
/// `from` name is wanted by another item of `to` (`nameWanted`). Item lists are a table's
/// indexes or constraints: small, so the quadratic pairing is cheap.
template <typename Item, typename Equal, typename NameWanted>
ItemChanges<Item> matchItems(const std::vector<Item>& from, const std::vector<Item>& to, Equal equal,
                             NameWanted nameWanted)
{
    std::vector<bool> fromPaired(from.size(), false);
    std::vector<bool> toPaired(to.size(), false);
    for (std::size_t t = 0; t < to.size(); ++t) {
        for (std::size_t f = 0; f < from.size(); ++f) {
            if (!fromPaired[f] && from[f].name == to[t].name) {
                if (equal(from[f], to[t]))
                    fromPaired[f] = toPaired[t] = true;
                break;
            }
        }
    }
    for (std::size_t t = 0; t < to.size(); ++t) {
        if (toPaired[t])
            continue;
        for (std::size_t f = 0; f < from.size(); ++f) {
            if (!fromPaired[f] && equal(from[f], to[t]) && !nameWanted(from[f].name)) {
                fromPaired[f] = toPaired[t] = true;
                break;
            }
        }
    }
    ItemChanges<Item> changes;
    for (std::size_t f = 0; f < from.size(); ++f)
        if (!fromPaired[f])
            changes.removed.push_back(&from[f]);
    for (std::size_t t = 0; t < to.size(); ++t)
        if (!toPaired[t])
            changes.added.push_back(&to[t]);
    return changes;
}

} // namespace

bool columnsEqual(const Column& a, const Column& b, const ComparisonRules& rules)
{
    return rules.typesEqual(a, b) && a.arrayDims == b.arrayDims && rules.collationsEqual(a.collation, b.collation)
        && a.nullable == b.nullable && a.autoincrement == b.autoincrement
        && rules.defaultsEqual(a.defaultValue, b.defaultValue)
        && optionalExpressionsEqual(a.generated, b.generated, rules)
        && (!a.generated || a.generatedStored == b.generatedStored)
        && (!rules.compareComments() || a.comment == b.comment);
}

bool indexesEqual(const Index& a, const Index& b, const ComparisonRules& rules)
{
    if (a.unique != b.unique || a.columns.size() != b.columns.size()
        || !optionalExpressionsEqual(a.where, b.where, rules))
        return false;
    for (std::size_t i = 0; i < a.columns.size(); ++i) {
        const IndexColumn& x = a.columns[i];
        const IndexColumn& y = b.columns[i];
        if (x.expression != y.expression)
            return false;
        if (x.expression ? !rules.expressionsEqual(x.value, y.value) : x.value != y.value)
            return false;
    }
    return true;
}

bool uniquesEqual(const UniqueConstraint& a, const UniqueConstraint& b, const ComparisonRules&)
{
    return a.columns == b.columns && a.deferral == b.deferral;
}

bool foreignKeysEqual(const ForeignKey& a, const ForeignKey& b, const ComparisonRules&)
{
    return a.columns == b.columns && a.refTable == b.refTable && a.refColumns == b.refColumns
        && a.onDelete == b.onDelete && a.onUpdate == b.onUpdate && a.deferral == b.deferral;
}

bool checksEqual(const CheckConstraint& a, const CheckConstraint& b, const ComparisonRules& rules)
{
    return rules.expressionsEqual(a.expr, b.expr);
}

bool partitionKeysEqual(const std::optional<std::string>& a, const std::optional<std::string>& b)
{
    if (!a || !b)
        return a.has_value() == b.has_value();
    auto split = [](const std::string& key) {
        const std::size_t end = key.find_first_of(" (");
        std::string word = key.substr(0, end);
        for (char& c : word)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        std::size_t rest = end == std::string::npos ? key.size() : end;
        while (rest < key.size() && key[rest] == ' ')
            ++rest;
        return std::make_pair(word, key.substr(rest));
    };
    return split(*a) == split(*b);
}

bool TableChanges::empty() const
{
    return addedColumns.empty() && droppedColumns.empty() && alteredColumns.empty() && !primaryKeyChanged
        && !commentChanged && !partitionByChanged && !partitionOfChanged && indexes.empty() && uniques.empty() && foreignKeys.empty() && checks.empty();
}

IndexNames indexNamesOf(const Schema& schema)
{
    IndexNames names;
    for (const Table& table : schema.tables)
        for (const Index& index : table.indexes)
            names.insert(index.name);
    return names;
}

TableChanges compareTable(const Table& from, const Table& to, const ComparisonRules& rules,
                          const IndexNames& toIndexNames)
{
    TableChanges changes;
    for (const Column& column : to.columns) {
        const Column* old = from.findColumn(column.name);
        if (!old)
            changes.addedColumns.push_back(&column);
        else if (!columnsEqual(*old, column, rules))
            changes.alteredColumns.emplace_back(old, &column);
    }
    for (const Column& column : from.columns)
        if (!to.findColumn(column.name))
            changes.droppedColumns.push_back(&column);
    changes.primaryKeyChanged = from.primaryKey != to.primaryKey;
    changes.commentChanged = rules.compareComments() && from.comment != to.comment;
    changes.partitionByChanged = !partitionKeysEqual(from.partitionBy, to.partitionBy);
    changes.partitionOfChanged = from.partitionOf != to.partitionOf || from.partitionBound != to.partitionBound;

    auto with = [&rules](auto equal) {
        return [&rules, equal](const auto& a, const auto& b) { return equal(a, b, rules); };
    };
    auto wantedIn = [](const auto& items) {
        return [&items](const std::string& name) {
            return std::any_of(items.begin(), items.end(), [&](const auto& item) { return item.name == name; });
        };
    };
    auto indexNameWanted = [&toIndexNames](const std::string& name) { return toIndexNames.count(name) > 0; };
    changes.indexes = matchItems(from.indexes, to.indexes, with(indexesEqual), indexNameWanted);
    changes.uniques = matchItems(from.uniques, to.uniques, with(uniquesEqual), wantedIn(to.uniques));
    changes.foreignKeys = matchItems(from.foreignKeys, to.foreignKeys, with(foreignKeysEqual), wantedIn(to.foreignKeys));
    changes.checks = matchItems(from.checks, to.checks, with(checksEqual), wantedIn(to.checks));
    return changes;
}

Table withoutHints(Table table)
{
    table.renamedFrom.reset();
    for (Column& column : table.columns)
        column.renamedFrom.reset();
    return table;
}

Column withoutHints(Column column)
{
    column.renamedFrom.reset();
    return column;
}

} // namespace tempest::diffdetail
