#pragma once
// The revision DAG as a picture: drawing primitives (lane curves, node circles, text)
// computed from the lane layout (graph_layout.h) and what is known of each revision, and
// the DOT and SVG writers. Pure C++: Tempest Studio paints the same primitives with
// QPainter (row by row), `tempest-migrate graph` writes them as SVG, and PNG is those
// primitives painted into an image — one picture for every door.

#include "core/revision/graph_layout.h"
#include "core/revision/revision_graph.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tempest {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};
/// "#rrggbb".
std::string rgbHex(Rgb color);
/// The colour of a lane: hues spread around the wheel; darker on a light background,
/// lighter on a dark one.
Rgb laneColor(int lane, bool darkBackground = false);

/// What the picture says about one revision. `applied` and `current` come from the
/// project layer (revisionState); without a database both are false.
struct RevisionFacts {
    std::string id;
    std::string label;
    std::string createdAt;  // may be empty
    std::string file;
    std::vector<std::string> parents;
    bool applied = false;
    bool head = false;     // no child revision
    bool current = false;  // an applied revision no applied revision names as parent
    bool merge() const { return parents.size() > 1; }
};

/// One fact per layout row, in row order. `applied`: the version table's ids;
/// `currentHeads`: RevisionState::currentHeads. Ids the graph does not know are ignored.
std::vector<RevisionFacts> revisionFacts(const RevisionGraph& graph, const DagLayout& layout,
                                         const std::vector<std::string>& applied,
                                         const std::vector<std::string>& currentHeads);

/// "2026-11-25T10:00:00Z" → "2026-11-25 10:00" (UTC); other text as written.
std::string revisionDateText(const std::string& createdAt);

/// "applied" or "pending", then "head", "current", "merge" when they apply: the state
/// in words, for text next to the colour (accessibility, SVG, DOT).
std::vector<std::string> revisionTags(const RevisionFacts& facts);

struct GraphPoint {
    double x = 0, y = 0;
};

/// A cubic Bézier from → to; a straight line when the controls lie on it.
struct GraphCurve {
    GraphPoint from, c1, c2, to;
    Rgb color;
    double width = 2;
};

struct GraphCircle {
    GraphPoint center;
    double radius = 5;
    Rgb stroke;
    std::optional<Rgb> fill;  // none: hollow
    double width = 2;
};

/// Text whose baseline starts at `at`.
struct GraphText {
    GraphPoint at;
    std::string text;
    Rgb color;
    double size = 12;
    bool bold = false;
};

struct GraphStyle {
    double laneWidth = 16;
    double rowHeight = 24;
    double nodeRadius = 5;
    double ringRadius = 8;  // around the current revision
    double lineWidth = 2;
    double fontSize = 12;
    bool darkBackground = false;
    Rgb background{255, 255, 255};
    Rgb text{0x20, 0x20, 0x20};
    Rgb mutedText{0x70, 0x70, 0x70};  // pending revisions, dates
};

/// The lane lines and node circles of one layout row in row coordinates (y from 0 at
/// the row's top edge to rowHeight): what a view paints for one visible row.
struct RowPicture {
    std::vector<GraphCurve> curves;
    std::vector<GraphCircle> circles;
};
RowPicture rowPicture(const DagLayout& layout, std::size_t row, const RevisionFacts& facts,
                      const GraphStyle& style);
/// Where text starts, right of every lane.
double graphTextLeft(const DagLayout& layout, const GraphStyle& style);

/// A parent edge drawn from the child's node to the parent's: the same curves the rows
/// between them draw, joined.
struct GraphEdge {
    std::string child, parent;
    std::vector<GraphCurve> curves;
};

struct GraphNode {
    std::string id;
    std::vector<GraphCircle> circles;
    std::vector<GraphText> texts;
    /// Several lines: id, label, date, parents, file name, state (an SVG <title>).
    std::string tooltip;
    bool applied = false;
};

struct GraphPicture {
    double width = 0, height = 0;
    Rgb background;
    std::vector<GraphEdge> edges;  // one per parent edge (dependsOn is not drawn)
    std::vector<GraphNode> nodes;  // one per revision, newest first
};

/// The whole picture: rows stacked newest first, text columns id, state, date, label.
/// `facts` is revisionFacts() for `layout`.
GraphPicture graphPicture(const DagLayout& layout, const std::vector<RevisionFacts>& facts,
                          const GraphStyle& style = {});

/// SVG 1.1 text: one <g class="revision"> per node (with its <title>), one
/// <path class="edge"> per edge, text XML-escaped (characters XML 1.0 forbids dropped).
std::string writeGraphSvg(const GraphPicture& picture);

/// Graphviz DOT: one node per revision (label "id\nlabel", status="applied|pending",
/// head/current attributes, applied ones filled), one edge child -> parent per parent
/// edge. Graphviz lays it out itself; the lanes are the SVG's and PNG's.
std::string writeGraphDot(const std::vector<RevisionFacts>& facts);

} // namespace tempest
