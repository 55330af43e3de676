#pragma once
// How one object of a schema relates to its counterpart in another, for side-by-side
// views (Tempest Studio's trees): a table, column, index, constraint at a time, so a
// view with 5,000 tables compares only what it shows. Comparison goes through the
// dialect's rules, like drift.

#include "core/ir/compare.h"
#include "core/ir/schema.h"

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

} // namespace tempest
