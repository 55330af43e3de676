#pragma once
// How the objects of two schemas relate, for side-by-side views (Tempest Studio's trees):
// one object at a time, and the aligned compare — both schemas as one list of rows in one
// order (a table, then its columns, indexes and constraints), each row with its state and,
// when changed, the attributes that differ with each side's value. Tables are paired
// cheaply up front and compared only when asked, so a view with 5,000 tables compares
// only what it shows. Comparison goes through the dialect's rules, like drift.

#include "core/diff/diff.h"
#include "core/ir/compare.h"
#include "core/ir/schema.h"

#include <string>
#include <vector>

namespace tempest {

enum class ObjectState {
    Same,     // the counterpart has it, equal under the rules
    Missing,  // the counterpart does not have it
    Changed,  // the counterpart has it (same name), different
};

/// `other`: the counterpart's table of the same name, or null.
ObjectState compareTable(const Table& table, const Table* other, const ComparisonRules& rules);
ObjectState compareColumn(const Column& column, const Table* other, const ComparisonRules& rules);
ObjectState comparePrimaryKey(const Table& table, const Table* other);
/// Named items pair by name, else by content (live databases synthesise names).
ObjectState compareIndex(const Index& index, const Table* other);
ObjectState compareUnique(const UniqueConstraint& unique, const Table* other);
ObjectState compareForeignKey(const ForeignKey& foreignKey, const Table* other);
ObjectState compareCheck(const CheckConstraint& check, const Table* other, const ComparisonRules& rules);

/// A row of the aligned compare, named as diffSchema(current, target) names its sides:
/// `current` is the database, `target` the models.
enum class RowState {
    Same,
    Changed,  // both sides have it, different (see `differences`)
    Added,    // only the target has it (an upgrade would create it)
    Removed,  // only the current side has it (it would be dropped)
    Renamed,  // both sides, under different names (a renamedFrom hint or a confirmed rename)
};
enum class RowKind { Table, Column, Index, PrimaryKey, Unique, ForeignKey, Check, Enum, Domain, Sequence };

/// "same", "changed", "added", "removed", "renamed".
std::string_view rowStateName(RowState state);

struct AttributeDifference {
    std::string attribute;  // "type", "nullable", "default", "on delete", "columns", …
    std::string current;    // its value on the current side
    std::string target;     // its value on the target side
    bool operator==(const AttributeDifference&) const = default;
};

struct AlignedRow {
    RowKind kind = RowKind::Column;
    RowState state = RowState::Same;
    /// The object's name on each side; empty: a placeholder (the side does not have it).
    /// A primary key is named "primary key".
    std::string current;
    std::string target;
    /// The attributes that differ (Changed, and Renamed when more than the name changed),
    /// each side's value, in a fixed order per kind.
    std::vector<AttributeDifference> differences;
    bool operator==(const AlignedRow&) const = default;
};

/// `type: integer → text; nullable: not null → null` (current → target); "" when none.
std::string differencesText(const std::vector<AttributeDifference>& differences);

/// Two tables paired by the aligned compare, not compared yet.
struct TablePair {
    const Table* current = nullptr;  // null: only the target has it
    const Table* target = nullptr;   // null: only the current side has it
    bool renamed = false;
};

/// The tables of both schemas paired — by name, by a renamedFrom hint that applies (the
/// old name exists in `current`, the new one does not), or by a confirmed table rename —
/// in one order: the target's, each table only `current` has right after the table it
/// follows there. Compares nothing. The pointers point into the two schemas.
std::vector<TablePair> pairTables(const Schema& current, const Schema& target,
                                  const std::vector<RenameCandidate>& renames = {});

/// The table's own row (Changed when anything in it differs).
AlignedRow alignedTableRow(const TablePair& pair, const ComparisonRules& rules,
                           const std::vector<RenameCandidate>& renames = {});

/// The table's contents as rows: its columns, then indexes, then constraints (primary
/// key, uniques, foreign keys, checks), each kind in the target's order with what only
/// the current side has after the item it follows there. Columns pair by name, by a
/// renamedFrom hint that applies, or by a confirmed column rename (`renames`, its table
/// named as in the target); named items by name, else by equal content (live databases
/// synthesise names for unnamed constraints).
std::vector<AlignedRow> alignTableContents(const TablePair& pair, const ComparisonRules& rules,
                                           const std::vector<RenameCandidate>& renames = {});

/// The schema's objects beside its tables (PostgreSQL enums, domains and sequences) as
/// rows: enums, then domains, then sequences, each kind by name. An enum pairs by name or
/// by a renamedFrom hint that applies (as diffSchema renames it); the others by name.
/// Differences: an enum's "values", a domain's "definition" (its one-line summary, as
/// drift prints it), a sequence's "options" and "owned by".
std::vector<AlignedRow> alignSchemaObjects(const Schema& current, const Schema& target, const ComparisonRules& rules);
/// One line that defines the enum, domain or sequence `name` of `schema` (`kind` one of
/// those): `enum ('a', 'b')`, `domain integer NOT NULL CHECK …`, `sequence integer, start
/// 100`; "" when the schema has no such object.
std::string schemaObjectDefinition(const Schema& schema, RowKind kind, const std::string& name);

/// The whole aligned compare: each table's row followed by its contents, then the
/// schema's other objects (alignSchemaObjects).
std::vector<AlignedRow> alignSchemas(const Schema& current, const Schema& target, const ComparisonRules& rules,
                                     const std::vector<RenameCandidate>& renames = {});

} // namespace tempest
