#include "core/project/object_compare.h"

#include "core/diff/diff.h"
#include "core/diff/domain_diff.h"
#include "core/ir/sequence.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace tempest {

namespace {

// Defined with the aligned compare below; compareColumn asks the same question.
std::vector<AttributeDifference> columnDifferences(const Column& current, const Column& target,
                                                   const ComparisonRules& rules);

template <typename T>
bool sameIgnoringName(T a, const T& b)
{
    a.name = b.name;
    return a == b;
}

/// Same by name, or else by content (introspection synthesises names for unnamed items).
template <typename T>
ObjectState namedState(const T& item, const std::vector<T>& others)
{
    for (const T& o : others)
        if (o.name == item.name)
            return sameIgnoringName(item, o) ? ObjectState::Same : ObjectState::Changed;
    for (const T& o : others)
        if (sameIgnoringName(item, o))
            return ObjectState::Same;
    return ObjectState::Missing;
}

} // namespace

ObjectState compareTable(const Table& table, const Table* other, const ComparisonRules& rules)
{
    if (!other)
        return ObjectState::Missing;
    Schema a, b;
    a.tables = {table};
    b.tables = {*other};
    return schemaEquals(a, b, &rules) ? ObjectState::Same : ObjectState::Changed;
}

ObjectState compareColumn(const Column& column, const Table* other, const ComparisonRules& rules)
{
    const Column* o = other ? other->findColumn(column.name) : nullptr;
    if (!o)
        return ObjectState::Missing;
    // The attributes the aligned view shows (columnDifferences): the same question.
    return columnDifferences(column, *o, rules).empty() ? ObjectState::Same : ObjectState::Changed;
}

ObjectState comparePrimaryKey(const Table& table, const Table* other)
{
    if (!other || other->primaryKey.empty())
        return ObjectState::Missing;
    return other->primaryKey == table.primaryKey ? ObjectState::Same : ObjectState::Changed;
}

ObjectState compareIndex(const Index& index, const Table* other)
{
    return other ? namedState(index, other->indexes) : ObjectState::Missing;
}

ObjectState compareUnique(const UniqueConstraint& unique, const Table* other)
{
    return other ? namedState(unique, other->uniques) : ObjectState::Missing;
}

ObjectState compareForeignKey(const ForeignKey& foreignKey, const Table* other)
{
    return other ? namedState(foreignKey, other->foreignKeys) : ObjectState::Missing;
}

ObjectState compareCheck(const CheckConstraint& check, const Table* other, const ComparisonRules& rules)
{
    if (!other)
        return ObjectState::Missing;
    for (const auto& o : other->checks)
        if (rules.expressionsEqual(o.expr, check.expr))
            return ObjectState::Same;
    return ObjectState::Missing;
}

} // namespace tempest

// ---- The aligned compare ----

namespace tempest {

namespace {

/// A pairing of two lists: index into `current` and into `target` (-1: a placeholder).
struct PairedIndex {
    int current = -1;
    int target = -1;
};

/// Display order of a pairing: the target's order, each current-only item right after
/// the paired item it follows in `current` (at the start when none precedes it).
/// `targetOfCurrent[i]`: the target index paired with current item i, or -1.
std::vector<PairedIndex> mergedOrder(const std::vector<int>& targetOfCurrent, std::size_t targetCount)
{
    std::vector<int> currentOfTarget(targetCount, -1);
    std::vector<std::vector<int>> currentOnlyAfter(targetCount + 1);  // [t + 1]: after target t
    int anchor = -1;
    for (std::size_t c = 0; c < targetOfCurrent.size(); ++c) {
        if (targetOfCurrent[c] >= 0) {
            anchor = targetOfCurrent[c];
            currentOfTarget[std::size_t(anchor)] = int(c);
        } else {
            currentOnlyAfter[std::size_t(anchor + 1)].push_back(int(c));
        }
    }
    std::vector<PairedIndex> order;
    order.reserve(targetOfCurrent.size() + targetCount);
    for (int c : currentOnlyAfter[0])
        order.push_back({c, -1});
    for (std::size_t t = 0; t < targetCount; ++t) {
        order.push_back({currentOfTarget[t], int(t)});
        for (int c : currentOnlyAfter[t + 1])
            order.push_back({c, -1});
    }
    return order;
}

std::string joinedNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return "(" + out + ")";
}

std::string indexColumnsText(const std::vector<IndexColumn>& columns)
{
    std::vector<std::string> names;
    for (const IndexColumn& c : columns)
        names.push_back(c.value);
    return joinedNames(names);
}

std::string optionalText(const std::optional<std::string>& text)
{
    return text ? *text : "none";
}

std::string deferralText(const Deferral& deferral)
{
    return !deferral.deferrable ? "no" : deferral.initiallyDeferred ? "initially deferred" : "initially immediate";
}

/// Appends `attribute` when the two values differ.
void compareAttribute(std::vector<AttributeDifference>& out, std::string attribute, std::string current,
                      std::string target)
{
    if (current != target)
        out.push_back({std::move(attribute), std::move(current), std::move(target)});
}

std::vector<AttributeDifference> columnDifferences(const Column& current, const Column& target,
                                                   const ComparisonRules& rules)
{
    std::vector<AttributeDifference> out;
    if (!rules.typesEqual(current, target) || current.arrayDims != target.arrayDims)
        out.push_back({"type", columnTypeText(current), columnTypeText(target)});
    if (!rules.collationsEqual(current.collation, target.collation))
        out.push_back({"collation", current.collation.value_or("default"), target.collation.value_or("default")});
    compareAttribute(out, "nullable", current.nullable ? "null" : "not null", target.nullable ? "null" : "not null");
    if (!rules.defaultsEqual(current.defaultValue, target.defaultValue))
        out.push_back({"default", defaultValueText(current.defaultValue), defaultValueText(target.defaultValue)});
    compareAttribute(out, "autoincrement", current.autoincrement ? "yes" : "no", target.autoincrement ? "yes" : "no");
    auto generatedText = [](const Column& c) {
        return c.generated ? "(" + *c.generated + ")" + (c.generatedStored ? " stored" : " virtual") : std::string("no");
    };
    const bool sameGenerated = current.generated.has_value() == target.generated.has_value()
                            && (!current.generated || (rules.expressionsEqual(*current.generated, *target.generated)
                                                       && current.generatedStored == target.generatedStored));
    if (!sameGenerated)
        out.push_back({"generated", generatedText(current), generatedText(target)});
    if (rules.compareComments())
        compareAttribute(out, "comment", optionalText(current.comment), optionalText(target.comment));
    return out;
}

std::vector<AttributeDifference> indexDifferences(const Index& current, const Index& target,
                                                  const ComparisonRules& rules)
{
    std::vector<AttributeDifference> out;
    bool sameColumns = current.columns.size() == target.columns.size();
    for (std::size_t i = 0; sameColumns && i < current.columns.size(); ++i) {
        const IndexColumn& a = current.columns[i];
        const IndexColumn& b = target.columns[i];
        sameColumns = a.expression == b.expression && (a.expression ? rules.expressionsEqual(a.value, b.value)
                                                                    : a.value == b.value);
    }
    if (!sameColumns)
        out.push_back({"columns", indexColumnsText(current.columns), indexColumnsText(target.columns)});
    compareAttribute(out, "unique", current.unique ? "yes" : "no", target.unique ? "yes" : "no");
    const bool sameWhere = current.where.has_value() == target.where.has_value()
                        && (!current.where || rules.expressionsEqual(*current.where, *target.where));
    if (!sameWhere)
        out.push_back({"where", optionalText(current.where), optionalText(target.where)});
    return out;
}

std::vector<AttributeDifference> uniqueDifferences(const UniqueConstraint& current, const UniqueConstraint& target,
                                                   const ComparisonRules&)
{
    std::vector<AttributeDifference> out;
    compareAttribute(out, "columns", joinedNames(current.columns), joinedNames(target.columns));
    compareAttribute(out, "deferrable", deferralText(current.deferral), deferralText(target.deferral));
    return out;
}

std::vector<AttributeDifference> foreignKeyDifferences(const ForeignKey& current, const ForeignKey& target,
                                                       const ComparisonRules&)
{
    std::vector<AttributeDifference> out;
    compareAttribute(out, "columns", joinedNames(current.columns), joinedNames(target.columns));
    compareAttribute(out, "references", current.refTable + joinedNames(current.refColumns),
                     target.refTable + joinedNames(target.refColumns));
    compareAttribute(out, "on delete", std::string(fkActionName(current.onDelete)),
                     std::string(fkActionName(target.onDelete)));
    compareAttribute(out, "on update", std::string(fkActionName(current.onUpdate)),
                     std::string(fkActionName(target.onUpdate)));
    compareAttribute(out, "deferrable", deferralText(current.deferral), deferralText(target.deferral));
    return out;
}

std::vector<AttributeDifference> checkDifferences(const CheckConstraint& current, const CheckConstraint& target,
                                                  const ComparisonRules& rules)
{
    if (rules.expressionsEqual(current.expr, target.expr))
        return {};
    return {{"expression", current.expr, target.expr}};
}

AlignedRow pairedRow(RowKind kind, std::string current, std::string target, std::vector<AttributeDifference> diffs,
                     bool renamed)
{
    const RowState state = renamed ? RowState::Renamed : diffs.empty() ? RowState::Same : RowState::Changed;
    return {kind, state, std::move(current), std::move(target), std::move(diffs)};
}

/// Named items (indexes, uniques, foreign keys, checks) aligned: by name, else by equal
/// content (a synthesised live name against the model's).
template <typename Item, typename Differences>
void alignNamedItems(RowKind kind, const std::vector<Item>& current, const std::vector<Item>& target,
                     Differences differencesOf, const ComparisonRules& rules, std::vector<AlignedRow>& out)
{
    std::vector<int> targetOfCurrent(current.size(), -1);
    std::vector<bool> targetPaired(target.size(), false);
    auto pairWhere = [&](auto matches) {
        for (std::size_t t = 0; t < target.size(); ++t)
            for (std::size_t c = 0; c < current.size() && !targetPaired[t]; ++c)
                if (targetOfCurrent[c] < 0 && matches(current[c], target[t])) {
                    targetOfCurrent[c] = int(t);
                    targetPaired[t] = true;
                }
    };
    pairWhere([](const Item& c, const Item& t) { return c.name == t.name; });
    pairWhere([&](const Item& c, const Item& t) { return differencesOf(c, t, rules).empty(); });
    for (const PairedIndex& p : mergedOrder(targetOfCurrent, target.size())) {
        if (p.current < 0)
            out.push_back({kind, RowState::Added, {}, target[std::size_t(p.target)].name, {}});
        else if (p.target < 0)
            out.push_back({kind, RowState::Removed, current[std::size_t(p.current)].name, {}, {}});
        else {
            const Item& c = current[std::size_t(p.current)];
            const Item& t = target[std::size_t(p.target)];
            out.push_back(pairedRow(kind, c.name, t.name, differencesOf(c, t, rules), false));
        }
    }
}

/// The current column a target column is renamed from, or "": a confirmed rename first,
/// then a renamedFrom hint, each only while the old name exists and the new one does not.
std::string renamedColumnSource(const Table& current, const Table& target, const Column& column,
                                const std::vector<RenameCandidate>& renames)
{
    if (current.findColumn(column.name))
        return {};
    for (const RenameCandidate& r : renames)
        if (r.kind == RenameCandidate::Kind::Column && r.table == target.name && r.to == column.name
            && current.findColumn(r.from) && !target.findColumn(r.from))
            return r.from;
    if (column.renamedFrom && current.findColumn(*column.renamedFrom) && !target.findColumn(*column.renamedFrom))
        return *column.renamedFrom;
    return {};
}

void alignColumns(const Table& current, const Table& target, const ComparisonRules& rules,
                  const std::vector<RenameCandidate>& renames, std::vector<AlignedRow>& out)
{
    std::vector<int> targetOfCurrent(current.columns.size(), -1);
    std::vector<bool> renamed(target.columns.size(), false);
    auto currentIndex = [&](std::string_view name) {
        for (std::size_t c = 0; c < current.columns.size(); ++c)
            if (current.columns[c].name == name)
                return int(c);
        return -1;
    };
    for (std::size_t t = 0; t < target.columns.size(); ++t) {
        const Column& column = target.columns[t];
        const std::string from = renamedColumnSource(current, target, column, renames);
        const int c = currentIndex(from.empty() ? std::string_view(column.name) : std::string_view(from));
        if (c >= 0 && targetOfCurrent[std::size_t(c)] < 0) {
            targetOfCurrent[std::size_t(c)] = int(t);
            renamed[t] = !from.empty();
        }
    }
    for (const PairedIndex& p : mergedOrder(targetOfCurrent, target.columns.size())) {
        if (p.current < 0)
            out.push_back({RowKind::Column, RowState::Added, {}, target.columns[std::size_t(p.target)].name, {}});
        else if (p.target < 0)
            out.push_back({RowKind::Column, RowState::Removed, current.columns[std::size_t(p.current)].name, {}, {}});
        else {
            const Column& c = current.columns[std::size_t(p.current)];
            const Column& t = target.columns[std::size_t(p.target)];
            out.push_back(pairedRow(RowKind::Column, c.name, t.name, columnDifferences(c, t, rules),
                                    renamed[std::size_t(p.target)]));
        }
    }
}

/// Every row of a table on one side only: the table's own state.
std::vector<AlignedRow> oneSidedContents(const Table& table, RowState state)
{
    const bool current = state == RowState::Removed;
    auto row = [&](RowKind kind, const std::string& name) {
        return AlignedRow{kind, state, current ? name : std::string(), current ? std::string() : name, {}};
    };
    std::vector<AlignedRow> out;
    for (const Column& c : table.columns)
        out.push_back(row(RowKind::Column, c.name));
    for (const Index& i : table.indexes)
        out.push_back(row(RowKind::Index, i.name));
    if (!table.primaryKey.empty())
        out.push_back(row(RowKind::PrimaryKey, "primary key"));
    for (const UniqueConstraint& u : table.uniques)
        out.push_back(row(RowKind::Unique, u.name));
    for (const ForeignKey& f : table.foreignKeys)
        out.push_back(row(RowKind::ForeignKey, f.name));
    for (const CheckConstraint& c : table.checks)
        out.push_back(row(RowKind::Check, c.name));
    return out;
}

} // namespace

std::string_view rowStateName(RowState state)
{
    switch (state) {
    case RowState::Same: return "same";
    case RowState::Changed: return "changed";
    case RowState::Added: return "added";
    case RowState::Removed: return "removed";
    case RowState::Renamed: return "renamed";
    }
    return "same";
}

std::string differencesText(const std::vector<AttributeDifference>& differences)
{
    std::string text;
    for (const AttributeDifference& d : differences)
        text += (text.empty() ? "" : "; ") + d.attribute + ": " + d.current + " → " + d.target;
    return text;
}

std::vector<TablePair> pairTables(const Schema& current, const Schema& target,
                                  const std::vector<RenameCandidate>& renames)
{
    std::unordered_map<std::string_view, int> currentRows, targetRows;
    currentRows.reserve(current.tables.size());
    targetRows.reserve(target.tables.size());
    for (std::size_t i = 0; i < current.tables.size(); ++i)
        currentRows.emplace(current.tables[i].name, int(i));
    for (std::size_t i = 0; i < target.tables.size(); ++i)
        targetRows.emplace(target.tables[i].name, int(i));
    auto renameApplies = [&](const std::string& from, const std::string& to) {
        return currentRows.count(from) && !currentRows.count(to) && !targetRows.count(from);
    };
    std::vector<int> targetOfCurrent(current.tables.size(), -1);
    std::vector<bool> renamed(target.tables.size(), false);
    for (std::size_t t = 0; t < target.tables.size(); ++t) {
        const Table& table = target.tables[t];
        std::string from;
        for (const RenameCandidate& r : renames)
            if (r.kind == RenameCandidate::Kind::Table && r.to == table.name && renameApplies(r.from, r.to))
                from = r.from;
        if (from.empty() && table.renamedFrom && renameApplies(*table.renamedFrom, table.name))
            from = *table.renamedFrom;
        auto it = currentRows.find(from.empty() ? table.name : from);
        if (it != currentRows.end() && targetOfCurrent[std::size_t(it->second)] < 0) {
            targetOfCurrent[std::size_t(it->second)] = int(t);
            renamed[t] = !from.empty();
        }
    }
    std::vector<TablePair> pairs;
    for (const PairedIndex& p : mergedOrder(targetOfCurrent, target.tables.size()))
        pairs.push_back({p.current < 0 ? nullptr : &current.tables[std::size_t(p.current)],
                         p.target < 0 ? nullptr : &target.tables[std::size_t(p.target)],
                         p.target >= 0 && renamed[std::size_t(p.target)]});
    return pairs;
}

std::vector<AlignedRow> alignTableContents(const TablePair& pair, const ComparisonRules& rules,
                                           const std::vector<RenameCandidate>& renames)
{
    if (!pair.current && !pair.target)
        return {};
    if (!pair.current)
        return oneSidedContents(*pair.target, RowState::Added);
    if (!pair.target)
        return oneSidedContents(*pair.current, RowState::Removed);
    const Table& current = *pair.current;
    const Table& target = *pair.target;
    std::vector<AlignedRow> out;
    alignColumns(current, target, rules, renames, out);
    alignNamedItems(RowKind::Index, current.indexes, target.indexes, indexDifferences, rules, out);
    if (!current.primaryKey.empty() || !target.primaryKey.empty()) {
        const std::string name = "primary key";
        if (current.primaryKey.empty())
            out.push_back({RowKind::PrimaryKey, RowState::Added, {}, name, {}});
        else if (target.primaryKey.empty())
            out.push_back({RowKind::PrimaryKey, RowState::Removed, name, {}, {}});
        else {
            std::vector<AttributeDifference> diffs;
            compareAttribute(diffs, "columns", joinedNames(current.primaryKey), joinedNames(target.primaryKey));
            out.push_back(pairedRow(RowKind::PrimaryKey, name, name, std::move(diffs), false));
        }
    }
    alignNamedItems(RowKind::Unique, current.uniques, target.uniques, uniqueDifferences, rules, out);
    alignNamedItems(RowKind::ForeignKey, current.foreignKeys, target.foreignKeys, foreignKeyDifferences, rules, out);
    alignNamedItems(RowKind::Check, current.checks, target.checks, checkDifferences, rules, out);
    return out;
}

/// The strategy word of a partition key without case, the rest exactly (as diff compares).
static bool partitionKeysEqual(const std::optional<std::string>& a, const std::optional<std::string>& b)
{
    if (!a || !b)
        return a.has_value() == b.has_value();
    auto normal = [](std::string key) {
        for (std::size_t i = 0; i < key.size() && key[i] != ' ' && key[i] != '('; ++i)
            key[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(key[i])));
        return key;
    };
    return normal(*a) == normal(*b);
}

AlignedRow alignedTableRow(const TablePair& pair, const ComparisonRules& rules,
                           const std::vector<RenameCandidate>& renames)
{
    if (!pair.current)
        return {RowKind::Table, RowState::Added, {}, pair.target ? pair.target->name : std::string(), {}};
    if (!pair.target)
        return {RowKind::Table, RowState::Removed, pair.current->name, {}, {}};
    std::vector<AttributeDifference> diffs;
    if (rules.compareComments())
        compareAttribute(diffs, "comment", optionalText(pair.current->comment), optionalText(pair.target->comment));
    if (!partitionKeysEqual(pair.current->partitionBy, pair.target->partitionBy))
        diffs.push_back({"partitionBy", optionalText(pair.current->partitionBy), optionalText(pair.target->partitionBy)});
    compareAttribute(diffs, "partitionOf", optionalText(pair.current->partitionOf), optionalText(pair.target->partitionOf));
    compareAttribute(diffs, "partitionBound", optionalText(pair.current->partitionBound),
                     optionalText(pair.target->partitionBound));
    AlignedRow row = pairedRow(RowKind::Table, pair.current->name, pair.target->name, std::move(diffs), pair.renamed);
    if (row.state == RowState::Same) {
        const auto contents = alignTableContents(pair, rules, renames);
        if (std::any_of(contents.begin(), contents.end(), [](const AlignedRow& r) { return r.state != RowState::Same; }))
            row.state = RowState::Changed;
    }
    return row;
}

std::vector<AlignedRow> alignSchemas(const Schema& current, const Schema& target, const ComparisonRules& rules,
                                     const std::vector<RenameCandidate>& renames)
{
    std::vector<AlignedRow> rows;
    for (const TablePair& pair : pairTables(current, target, renames)) {
        rows.push_back(alignedTableRow(pair, rules, renames));
        for (AlignedRow& row : alignTableContents(pair, rules, renames))
            rows.push_back(std::move(row));
    }
    for (AlignedRow& row : alignSchemaObjects(current, target, rules))
        rows.push_back(std::move(row));
    return rows;
}

namespace {

/// Objects of one kind paired by name (and `renamedFrom(target item)`, when it names an
/// object only `current` has), in name order; `differencesOf(current, target)` for pairs.
template <typename Item, typename RenamedFrom, typename Differences>
void alignByName(RowKind kind, const std::vector<Item>& current, const std::vector<Item>& target,
                 RenamedFrom renamedFrom, Differences differencesOf, std::vector<AlignedRow>& out)
{
    std::unordered_map<std::string_view, const Item*> currentByName, targetByName;
    for (const Item& item : current)
        currentByName.emplace(item.name, &item);
    for (const Item& item : target)
        targetByName.emplace(item.name, &item);
    struct Entry {
        std::string_view sortName;
        const Item* current;
        const Item* target;
    };
    std::vector<Entry> entries;
    std::unordered_map<std::string_view, bool> claimed;  // current names paired by a rename
    for (const Item& item : target) {
        const Item* counterpart = nullptr;
        if (auto it = currentByName.find(item.name); it != currentByName.end())
            counterpart = it->second;
        else if (const std::optional<std::string> from = renamedFrom(item);
                 from && !targetByName.count(*from) && currentByName.count(*from) && !claimed.count(*from)) {
            counterpart = currentByName.at(*from);
            claimed.emplace(counterpart->name, true);
        }
        entries.push_back({item.name, counterpart, &item});
    }
    for (const Item& item : current)
        if (!targetByName.count(item.name) && !claimed.count(item.name))
            entries.push_back({item.name, &item, nullptr});
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.sortName < b.sortName; });
    for (const Entry& e : entries) {
        if (!e.current)
            out.push_back({kind, RowState::Added, {}, e.target->name, {}});
        else if (!e.target)
            out.push_back({kind, RowState::Removed, e.current->name, {}, {}});
        else
            out.push_back(pairedRow(kind, e.current->name, e.target->name, differencesOf(*e.current, *e.target),
                                    e.current->name != e.target->name));
    }
}

/// ('a', 'b'): an enum's values as SQL lists them.
std::string enumValuesText(const std::vector<std::string>& values)
{
    std::string out;
    for (const std::string& value : values)
        out += (out.empty() ? "'" : ", '") + value + "'";
    return "(" + out + ")";
}

std::string ownerText(const std::optional<SequenceOwner>& owner)
{
    return owner ? owner->table + "." + owner->column : "none";
}

} // namespace

std::vector<AlignedRow> alignSchemaObjects(const Schema& current, const Schema& target, const ComparisonRules& rules)
{
    std::vector<AlignedRow> out;
    alignByName(
        RowKind::Enum, current.enums, target.enums, [](const EnumType& e) { return e.renamedFrom; },
        [](const EnumType& a, const EnumType& b) {
            std::vector<AttributeDifference> diffs;
            compareAttribute(diffs, "values", enumValuesText(a.values), enumValuesText(b.values));
            return diffs;
        },
        out);
    alignByName(
        RowKind::Domain, current.domains, target.domains, [](const Domain&) { return std::optional<std::string>(); },
        [&rules](const Domain& a, const Domain& b) {
            std::vector<AttributeDifference> diffs;
            if (!diffdetail::domainsEqual(a, b, rules))
                diffs.push_back({"definition", diffdetail::domainSummary(a), diffdetail::domainSummary(b)});
            return diffs;
        },
        out);
    alignByName(
        RowKind::Sequence, current.sequences, target.sequences,
        [](const Sequence&) { return std::optional<std::string>(); },
        [](const Sequence& a, const Sequence& b) {
            std::vector<AttributeDifference> diffs;
            if (!sameSequenceOptions(a, b)) {
                Sequence ownerless = a, otherOwnerless = b;
                ownerless.ownedBy.reset();
                otherOwnerless.ownedBy.reset();
                diffs.push_back({"options", sequenceSummary(ownerless), sequenceSummary(otherOwnerless)});
            }
            compareAttribute(diffs, "owned by", ownerText(a.ownedBy), ownerText(b.ownedBy));
            return diffs;
        },
        out);
    return out;
}

std::string schemaObjectDefinition(const Schema& schema, RowKind kind, const std::string& name)
{
    switch (kind) {
    case RowKind::Enum:
        for (const EnumType& e : schema.enums)
            if (e.name == name)
                return "enum " + enumValuesText(e.values);
        break;
    case RowKind::Domain:
        if (const Domain* d = schema.findDomain(name))
            return "domain " + diffdetail::domainSummary(*d);
        break;
    case RowKind::Sequence:
        for (const Sequence& s : schema.sequences)
            if (s.name == name)
                return "sequence " + sequenceSummary(s);
        break;
    default: break;
    }
    return {};
}

} // namespace tempest
