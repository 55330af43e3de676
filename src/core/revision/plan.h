#pragma once
// Target semantics (DESIGN.md "Targets") as pure functions over the graph and the
// applied revisions (the version table's ids in application order, i.e. by seq). The
// runner executes what these return; `--sql`, the CLI and the Studio share them.
//
// Every error is an InputError naming the target: an unknown or ambiguous revision,
// `head` with several heads, a relative step larger than what there is to do, an
// unapplied downgrade target, an applied revision the graph does not know.

#include "core/revision/revision_graph.h"

#include <string>
#include <string_view>
#include <vector>

namespace tempest {

/// Revisions to apply, in topoOrder (parents and dependsOn first):
///   heads            every pending revision (upgrade's default)
///   head             the same, refused when there are several heads (they are named)
///   base             nothing
///   <id> / prefix / <label>@head   it and its pending ancestors
///   +N               the next N pending revisions in topoOrder
std::vector<std::string> planUpgrade(const RevisionGraph& graph, const std::vector<std::string>& appliedBySeq,
                                     std::string_view target);

/// Revisions to revert, children (and dependents) before parents:
///   base             every applied revision
///   N / -N           the last N applied (by application order), widened so that every
///                    applied descendant of a chosen one is reverted too. Digits that
///                    are an id mean the revision; 4+ digits that prefix an id are refused.
///   <id> / prefix / <label>@head   everything applied that is not it or its ancestor
///                    (an unapplied target is refused)
///   heads / head     nothing (every revision is an ancestor of the heads)
std::vector<std::string> planDowngrade(const RevisionGraph& graph, const std::vector<std::string>& appliedBySeq,
                                       std::string_view target);

/// A FROM:TO range, without a database (`--sql`), as Alembic does it: the revisions that
/// are ancestors-inclusive of the upper end but not of the lower end. Upgrade: FROM is
/// the lower end (`base` = nothing applied), result in topoOrder. Downgrade: FROM is the
/// upper end and TO the lower one (`base` = down to nothing), result in revert order.
/// Either end may be an id, a prefix, `<label>@head`, `heads`, `head` or `base`.
std::vector<std::string> planRange(const RevisionGraph& graph, std::string_view from, std::string_view to,
                                   bool downgrade);

/// Splits "FROM:TO"; returns false when `target` is not a range.
bool splitRange(std::string_view target, std::string& from, std::string& to);

} // namespace tempest
