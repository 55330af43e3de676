#pragma once
// Replaying history: the schema a set of revisions produces, computed from their `up`
// operations alone (what --autogenerate diffs the models against, and what `check`
// compares with the models).

#include "core/ir/schema.h"
#include "core/revision/revision_graph.h"

#include <string>
#include <vector>

namespace tempest {

/// Applies the `up` operations of `revisionsInOrder` (ids, applied in the given order)
/// to an empty schema. A migration that does not fit its history throws InputError
/// naming the revision, its file and the operation's JSON path ("$.up[3]").
Schema replaySchema(const RevisionGraph& graph, const std::vector<std::string>& revisionsInOrder);

/// The schema at `targets` (ids, prefixes or <label>@head): every revision that is an
/// ancestor-inclusive of one of them, in topoOrder. No targets = the empty schema.
Schema replaySchemaTo(const RevisionGraph& graph, const std::vector<std::string>& targets);

} // namespace tempest
