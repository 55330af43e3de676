#pragma once
// Internal to diff: the sequence operations between two schemas, and the difference
// lines drift prints for sequences (options resolved, never the current value).

#include "core/diff/diff.h"
#include "core/ir/schema.h"
#include "core/ops/operation.h"

#include <functional>
#include <vector>

namespace tempest::diffdetail {

/// Where the operations go in diffSchemaDetailed's phases:
///   `first`     create_sequence (without owner) and option changes: before tables use
///               them in defaults;
///   `unown`     alter_sequence to OWNED BY NONE before the old owner table or column is
///               dropped (PostgreSQL would drop the sequence with it);
///   `own`       alter_sequence to the new owner once tables and columns exist;
///   `last`      drop_sequence after the tables whose defaults use it are dropped.
struct SequencePhases {
    std::vector<Operation>& first;
    std::vector<Operation>& unown;
    std::vector<Operation>& own;
    std::vector<Operation>& last;
};
void diffSequences(const Schema& current, const Schema& target, SequencePhases phases);

/// Calls `differ` with a line per sequence added, removed or changed (options or owner);
/// returns true as soon as `differ` does (stop).
bool compareSequences(const Schema& a, const Schema& b, const std::function<bool(SchemaDifference)>& differ);

} // namespace tempest::diffdetail
