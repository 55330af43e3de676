#pragma once
// Lane layout of a revision DAG for a commit-graph picture: rows newest first (reverse
// topoOrder), each revision on a lane, and per row the line segments to draw, so a
// painter draws one row without looking at any other. Shared by Tempest Studio's DAG
// view and `tempest-migrate graph` (graph_picture.h), so both draw the same picture.

#include "core/revision/revision_graph.h"

#include <string>
#include <vector>

namespace tempest {

struct DagRow {
    std::string revision;
    int lane = 0;
    /// Lanes whose line comes from the top edge into this row's node (its children).
    std::vector<int> incoming;
    /// Lanes that pass straight through this row (top to bottom edge).
    std::vector<int> passing;
    /// Lanes the node's lines leave by the bottom edge (towards its parents).
    std::vector<int> outgoing;
};

struct DagLayout {
    std::vector<DagRow> rows;
    int laneCount = 0;
};

/// Lays out parent edges (dependsOn is left out: it is an ordering constraint, not
/// history). A revision takes the lane of its leftmost child that waits for it; its
/// first parent continues on that lane, further parents get free lanes; lanes are reused
/// once their line has ended.
DagLayout layoutDag(const RevisionGraph& graph);

} // namespace tempest
