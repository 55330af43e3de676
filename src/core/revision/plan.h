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
///   <id> / prefix / <label>@head   the applied revisions that descend from it
///                    (through parents and dependsOn), the target kept; other branches
///                    stay applied, as in Alembic (an unapplied target is refused)
///   heads / head     nothing (every revision is an ancestor of the heads)
std::vector<std::string> planDowngrade(const RevisionGraph& graph, const std::vector<std::string>& appliedBySeq,
                                       std::string_view target);

/// A FROM:TO range, without a database (`--sql`), as Alembic does it. Upgrade: FROM is
/// the lower end (`base` = nothing applied); the ancestors-inclusive of TO that are not
/// ancestors-inclusive of FROM, in topoOrder. Downgrade: FROM is the upper end and TO
/// the lower one; the revisions descending from TO (TO kept) that are
/// ancestors-inclusive of FROM (FROM included), in revert order; TO = `base` reverts
/// every ancestor-inclusive of FROM. Either end may be an id, a prefix, `<label>@head`,
/// `heads`, `head` or `base`; a lower end that is not an ancestor of the upper end is
/// refused.
std::vector<std::string> planRange(const RevisionGraph& graph, std::string_view from, std::string_view to,
                                   bool downgrade);

/// The revisions applied at a range end, in topoOrder: `base` none, `heads` all, `head`
/// the single head's ancestors-inclusive (refused when there are several), otherwise the
/// resolved revision's ancestors-inclusive. A range's SQL is rendered against this state
/// of FROM.
std::vector<std::string> planStateAt(const RevisionGraph& graph, std::string_view end);

/// The revisions the version table holds after `stamp TARGET`, in topoOrder: the same
/// sets as planStateAt (`heads` all, `head` the single head's ancestors-inclusive,
/// `base` none, a revision its ancestors-inclusive); errors name TARGET.
std::vector<std::string> planStamp(const RevisionGraph& graph, std::string_view target);

/// Splits "FROM:TO"; returns false when `target` is not a range.
bool splitRange(std::string_view target, std::string& from, std::string& to);

} // namespace tempest
