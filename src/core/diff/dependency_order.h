#pragma once
// Internal to diff: orders a set of tables so that a table comes after every table of the
// set its foreign keys reference (create order; reversed, it is a drop order). Foreign
// keys that close a cycle are reported so the caller can add them after the creates (or
// drop them before the drops).

#include "core/ir/schema.h"

#include <string>
#include <utility>
#include <vector>

namespace tempest::diffdetail {

struct DependencyOrder {
    /// Indices into the input, referenced tables first.
    std::vector<std::size_t> order;
    /// (table name, foreign key name): keys that had to be left out to break a cycle.
    std::vector<std::pair<std::string, std::string>> cycleKeys;
};

/// Kahn's algorithm over foreign keys between the given tables (self-references and keys
/// to tables outside the set are ignored). Ties go to the lower input index, so the result
/// follows the input order as far as the references allow. O(tables + keys · log).
DependencyOrder dependencyOrder(const std::vector<const Table*>& tables);

/// Create order of domains: a domain over another domain of the set comes after it
/// (reversed, a drop order). Ties keep the input order; PostgreSQL cannot make a cycle.
/// Enums come before every domain and tables after them: those are diff phases.
std::vector<std::size_t> domainOrder(const std::vector<const Domain*>& domains);

} // namespace tempest::diffdetail
