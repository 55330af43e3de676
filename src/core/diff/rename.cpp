// Rename planning: which dropped/added pairs of tables, columns and enums become
// rename_* operations (data kept) instead of drop + add.

#include "core/diff/rename.h"
#include "core/diff/table_compare.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace tempest::diffdetail {
namespace {

template <typename Named>
std::unordered_map<std::string_view, const Named*> indexByName(const std::vector<Named>& items)
{
    std::unordered_map<std::string_view, const Named*> index;
    index.reserve(items.size());
    for (const Named& item : items)
        index.emplace(item.name, &item);
    return index;
}

/// Names already taken by a rename, on each side, so that no name is used twice.
struct Claims {
    std::unordered_set<std::string> from, to;
    bool free(const std::string& f, const std::string& t) const { return !from.count(f) && !to.count(t); }
    void claim(const std::string& f, const std::string& t)
    {
        from.insert(f);
        to.insert(t);
    }
};

/// One dropped/added pair that looks like a rename.
struct Pair {
    std::string from, to;
};

/// Confirms candidate pairs (autoRename when each side has exactly one counterpart, else
/// the prompt), claims them and returns the confirmed ones; the rest go to
/// result.candidates unless one of their names got renamed after all.
std::vector<Pair> confirmCandidates(const std::vector<Pair>& pairs, RenameCandidate::Kind kind,
                                    const std::string& table, const DiffOptions& options, Claims& claims,
                                    DiffResult& result)
{
    std::unordered_map<std::string, int> fromCount, toCount;
    for (const Pair& pair : pairs) {
        ++fromCount[pair.from];
        ++toCount[pair.to];
    }
    std::vector<Pair> confirmed;
    std::vector<RenameCandidate> declined;
    for (const Pair& pair : pairs) {
        if (!claims.free(pair.from, pair.to))
            continue;
        RenameCandidate candidate{kind, table, pair.from, pair.to};
        const bool unambiguous = fromCount[pair.from] == 1 && toCount[pair.to] == 1;
        if ((options.autoRename && unambiguous) || (options.confirm && options.confirm(candidate))) {
            claims.claim(pair.from, pair.to);
            confirmed.push_back(pair);
        } else {
            declined.push_back(std::move(candidate));
        }
    }
    for (RenameCandidate& candidate : declined)
        if (claims.free(candidate.from, candidate.to))
            result.candidates.push_back(std::move(candidate));
    return confirmed;
}

/// Sorted column names: tables with the same columns share the key.
std::string columnNamesKey(const Table& table)
{
    std::vector<std::string_view> names;
    for (const Column& column : table.columns)
        names.push_back(column.name);
    std::sort(names.begin(), names.end());
    std::string key;
    for (std::string_view name : names) {
        key += name;
        key += '\0';
    }
    return key;
}

bool sameColumnTypes(const Table& a, const Table& b, const ComparisonRules& rules)
{
    for (const Column& column : b.columns) {
        const Column* other = a.findColumn(column.name);
        if (!other || !rules.typesEqual(*other, column))
            return false;
    }
    return true;
}

} // namespace

std::vector<Operation> planEnumRenames(const Schema& current, const Schema& target)
{
    std::vector<Operation> ops;
    const auto currentEnums = indexByName(current.enums);
    Claims claims;
    for (const EnumType& type : target.enums) {
        if (!type.renamedFrom || currentEnums.count(type.name) || !currentEnums.count(*type.renamedFrom)
            || !claims.free(*type.renamedFrom, type.name))
            continue;
        claims.claim(*type.renamedFrom, type.name);
        ops.push_back(RenameEnum{*type.renamedFrom, type.name});
    }
    return ops;
}

std::vector<Operation> planTableRenames(const Schema& current, const Schema& target, const DiffOptions& options,
                                        const ComparisonRules& rules, DiffResult& result)
{
    const auto currentTables = indexByName(current.tables);
    const auto targetTables = indexByName(target.tables);
    Claims claims;
    std::vector<Operation> ops;
    // Names the tables have after the renames so far: a rename into a name that another
    // rename frees (b → c, then a → b) waits for it and comes after it.
    std::unordered_set<std::string> occupied;
    for (const Table& table : current.tables)
        occupied.insert(table.name);
    auto rename = [&](const std::string& from, const std::string& to) {
        claims.claim(from, to);
        occupied.erase(from);
        occupied.insert(to);
        ops.push_back(RenameTable{from, to});
        result.applied.push_back({RenameCandidate::Kind::Table, {}, from, to});
    };
    auto applies = [&](const std::string& from, const std::string& to) {
        return currentTables.count(from) && occupied.count(from) && targetTables.count(to) && !occupied.count(to)
            && claims.free(from, to);
    };

    for (bool progress = true; progress;) {
        progress = false;
        for (const RenameCandidate& confirmed : options.confirmedRenames)
            if (confirmed.kind == RenameCandidate::Kind::Table && applies(confirmed.from, confirmed.to)) {
                rename(confirmed.from, confirmed.to);
                progress = true;
            }
        for (const Table& table : target.tables)
            if (table.renamedFrom && applies(*table.renamedFrom, table.name)) {
                rename(*table.renamedFrom, table.name);
                progress = true;
            }
    }

    // Candidates: dropped and added tables bucketed by their column names, then checked
    // for equal types, so this stays linear in the number of tables. Partitions list no
    // columns (they have their parent's): never candidates, only renamedFrom renames them.
    std::unordered_map<std::string, std::vector<const Table*>> droppedByColumns;
    for (const Table& table : current.tables)
        if (!targetTables.count(table.name) && !claims.from.count(table.name) && !table.partitionOf)
            droppedByColumns[columnNamesKey(table)].push_back(&table);
    std::vector<Pair> pairs;
    if (!droppedByColumns.empty()) {
        for (const Table& table : target.tables) {
            if (currentTables.count(table.name) || claims.to.count(table.name) || table.partitionOf)
                continue;
            auto bucket = droppedByColumns.find(columnNamesKey(table));
            if (bucket == droppedByColumns.end())
                continue;
            for (const Table* dropped : bucket->second)
                if (sameColumnTypes(*dropped, table, rules))
                    pairs.push_back({dropped->name, table.name});
        }
    }
    for (const Pair& pair : confirmCandidates(pairs, RenameCandidate::Kind::Table, {}, options, claims, result))
        rename(pair.from, pair.to);
    return ops;
}

std::vector<Operation> planColumnRenames(const Table& from, const Table& to, const std::string& oldTableName,
                                         const DiffOptions& options, const ComparisonRules& rules,
                                         DiffResult& result)
{
    Claims claims;
    std::vector<Operation> ops;
    // As for tables: a rename into a name another rename frees comes after that one.
    std::unordered_set<std::string> occupied;
    for (const Column& column : from.columns)
        occupied.insert(column.name);
    auto rename = [&](const std::string& oldName, const std::string& newName) {
        claims.claim(oldName, newName);
        occupied.erase(oldName);
        occupied.insert(newName);
        ops.push_back(RenameColumn{to.name, oldName, newName});
        result.applied.push_back({RenameCandidate::Kind::Column, to.name, oldName, newName});
    };
    auto applies = [&](const std::string& oldName, const std::string& newName) {
        return from.findColumn(oldName) && occupied.count(oldName) && to.findColumn(newName)
            && !occupied.count(newName) && claims.free(oldName, newName);
    };

    for (bool progress = true; progress;) {
        progress = false;
        for (const RenameCandidate& confirmed : options.confirmedRenames)
            if (confirmed.kind == RenameCandidate::Kind::Column
                && (confirmed.table == to.name || confirmed.table == oldTableName)
                && applies(confirmed.from, confirmed.to)) {
                rename(confirmed.from, confirmed.to);
                progress = true;
            }
        for (const Column& column : to.columns)
            if (column.renamedFrom && applies(*column.renamedFrom, column.name)) {
                rename(*column.renamedFrom, column.name);
                progress = true;
            }
    }

    std::vector<Pair> pairs;
    for (const Column& dropped : from.columns) {
        if (to.findColumn(dropped.name) || claims.from.count(dropped.name))
            continue;
        for (const Column& added : to.columns)
            if (!from.findColumn(added.name) && !claims.to.count(added.name) && columnsEqual(dropped, added, rules))
                pairs.push_back({dropped.name, added.name});
    }
    for (const Pair& pair : confirmCandidates(pairs, RenameCandidate::Kind::Column, to.name, options, claims, result))
        rename(pair.from, pair.to);
    return ops;
}

} // namespace tempest::diffdetail
