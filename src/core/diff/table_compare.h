#pragma once
// Internal to diff: what differs between two versions of one table, under comparison
// rules. Shared by diffSchema (which turns it into operations) and schemaEquals /
// describeDifferences (which only look at it), so the two can never disagree.

#include "core/ir/compare.h"
#include "core/ir/schema.h"

#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace tempest::diffdetail {

/// Column definitions equal under `rules`, ignoring the name and renamedFrom.
bool columnsEqual(const Column& a, const Column& b, const ComparisonRules& rules);
bool indexesEqual(const Index& a, const Index& b, const ComparisonRules& rules);
bool uniquesEqual(const UniqueConstraint& a, const UniqueConstraint& b, const ComparisonRules& rules);
bool foreignKeysEqual(const ForeignKey& a, const ForeignKey& b, const ComparisonRules& rules);
bool checksEqual(const CheckConstraint& a, const CheckConstraint& b, const ComparisonRules& rules);

/// Named items present on one side only after pairing by content. An item whose content
/// changed under the same name shows up in both lists (drop + create).
template <typename Item>
struct ItemChanges {
    std::vector<const Item*> removed;  // in `from` order
    std::vector<const Item*> added;    // in `to` order
    bool empty() const { return removed.empty() && added.empty(); }
};

struct TableChanges {
    std::vector<const Column*> addedColumns;    // `to` order
    std::vector<const Column*> droppedColumns;  // `from` order
    /// (from, to) pairs of same-named columns whose definitions differ, `to` order.
    std::vector<std::pair<const Column*, const Column*>> alteredColumns;
    bool primaryKeyChanged = false;
    bool commentChanged = false;
    /// partitionBy differs (strategy word without case); partitionOf or partitionBound
    /// differs. The diff refuses either (docs/decisions.md).
    bool partitionByChanged = false;
    bool partitionOfChanged = false;
    ItemChanges<Index> indexes;
    ItemChanges<UniqueConstraint> uniques;
    ItemChanges<ForeignKey> foreignKeys;
    ItemChanges<CheckConstraint> checks;

    bool empty() const;
};

/// Index names are global to a database: every index name of the `to` schema.
using IndexNames = std::unordered_set<std::string_view>;
IndexNames indexNamesOf(const Schema& schema);

/// Compares two tables of the same name. Column pairing is by name; named items pair
/// first by name and equal content, then by equal content alone, because live databases
/// give unnamed constraints synthesised names (DESIGN.md "Schema IR JSON"). Pairing by
/// content keeps the `from` name, so it is only done when `to` does not want that name
/// for something else (in the table, or for indexes in `toIndexNames`).
TableChanges compareTable(const Table& from, const Table& to, const ComparisonRules& rules,
                          const IndexNames& toIndexNames);

/// Partition keys equal: the strategy word (RANGE, LIST, HASH) without case, the rest exactly.
bool partitionKeysEqual(const std::optional<std::string>& a, const std::optional<std::string>& b);

/// Copies without renamedFrom hints: they steer the diff but are not part of a definition.
Table withoutHints(Table table);
Column withoutHints(Column column);

} // namespace tempest::diffdetail
