#include "core/revision/graph_picture.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace tempest {

namespace {

Rgb fromHsl(int hue, double saturation, double lightness)
{
    // HSL → RGB (CSS Color 3); hue in degrees, saturation and lightness in [0, 1].
    const double c = (1 - std::abs(2 * lightness - 1)) * saturation;
    const double h = hue / 60.0;
    const double x = c * (1 - std::abs(std::fmod(h, 2.0) - 1));
    double r = 0, g = 0, b = 0;
    switch (int(h) % 6) {
    case 0: r = c, g = x; break;
    case 1: r = x, g = c; break;
    case 2: g = c, b = x; break;
    case 3: g = x, b = c; break;
    case 4: r = x, b = c; break;
    default: r = c, b = x; break;
    }
    const double m = lightness - c / 2;
    auto channel = [m](double v) { return std::uint8_t(std::lround(std::clamp(v + m, 0.0, 1.0) * 255)); };
    return {channel(r), channel(g), channel(b)};
}

double laneX(int lane, const GraphStyle& style) { return style.laneWidth / 2 + lane * style.laneWidth; }

GraphCurve straight(GraphPoint from, GraphPoint to, Rgb color, double width)
{
    return {from, from, to, to, color, width};
}

// The three kinds of row segment (row coordinates); edges are built from the same.
GraphCurve passingCurve(int lane, const GraphStyle& style)
{
    const double x = laneX(lane, style);
    return straight({x, 0}, {x, style.rowHeight}, laneColor(lane, style.darkBackground), style.lineWidth);
}

GraphCurve incomingCurve(int lane, int nodeLane, const GraphStyle& style)
{
    const double x = laneX(lane, style), mid = style.rowHeight / 2;
    return {{x, 0}, {x, mid}, {x, mid}, {laneX(nodeLane, style), mid}, laneColor(lane, style.darkBackground),
            style.lineWidth};
}

GraphCurve outgoingCurve(int lane, int nodeLane, const GraphStyle& style)
{
    const double x = laneX(lane, style), mid = style.rowHeight / 2;
    return {{laneX(nodeLane, style), mid}, {x, mid}, {x, mid}, {x, style.rowHeight},
            laneColor(lane, style.darkBackground), style.lineWidth};
}

GraphPoint shifted(GraphPoint p, double dx, double dy) { return {p.x + dx, p.y + dy}; }

GraphCurve shifted(GraphCurve c, double dx, double dy)
{
    c.from = shifted(c.from, dx, dy);
    c.c1 = shifted(c.c1, dx, dy);
    c.c2 = shifted(c.c2, dx, dy);
    c.to = shifted(c.to, dx, dy);
    return c;
}

std::string fileName(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string joined(const std::vector<std::string>& items, const std::string& separator)
{
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : separator) + item;
    return text;
}

std::string tooltipOf(const RevisionFacts& f)
{
    std::string text = f.id;
    if (!f.label.empty())
        text += "\n" + f.label;
    if (!f.createdAt.empty())
        text += "\ncreated: " + revisionDateText(f.createdAt);
    text += "\nparents: " + (f.parents.empty() ? std::string("(base)") : joined(f.parents, ", "));
    if (!f.file.empty())
        text += "\nfile: " + fileName(f.file);
    text += "\n" + joined(revisionTags(f), ", ");
    return text;
}

// Locale-independent numbers ("12.5"), whatever setlocale() a GUI made.
std::string number(double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
    std::string text(buffer, result.ptr);
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text == "-0" ? "0" : text;
}

std::string point(GraphPoint p) { return number(p.x) + " " + number(p.y); }

std::string xmlEscaped(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            // XML 1.0 forbids control characters other than tab, newline and return.
            if (u >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r')
                out += ch;
        }
    }
    return out;
}

std::string dotQuoted(const std::string& text)
{
    std::string out = "\"";
    for (const char ch : text) {
        if (ch == '"' || ch == '\\')
            out += '\\';
        if (ch == '\n')
            out += "\\n";
        else if (static_cast<unsigned char>(ch) >= 0x20)
            out += ch;
    }
    return out + "\"";
}

} // namespace

std::string rgbHex(Rgb color)
{
    static const char digits[] = "0123456789abcdef";
    std::string text = "#";
    for (const std::uint8_t channel : {color.r, color.g, color.b}) {
        text += digits[channel >> 4];
        text += digits[channel & 15];
    }
    return text;
}

Rgb laneColor(int lane, bool darkBackground)
{
    return fromHsl((lane * 67 + 210) % 360, 160 / 255.0, (darkBackground ? 165 : 95) / 255.0);
}

std::string revisionDateText(const std::string& createdAt)
{
    // "2026-11-25T10:00:00Z" → "2026-11-25 10:00"; anything else as written.
    if (createdAt.size() == 20 && createdAt[10] == 'T' && createdAt.back() == 'Z')
        return createdAt.substr(0, 10) + " " + createdAt.substr(11, 5);
    return createdAt;
}

std::vector<RevisionFacts> revisionFacts(const RevisionGraph& graph, const DagLayout& layout,
                                         const std::vector<std::string>& applied,
                                         const std::vector<std::string>& currentHeads)
{
    const std::set<std::string> appliedSet(applied.begin(), applied.end());
    const std::set<std::string> currentSet(currentHeads.begin(), currentHeads.end());
    const auto headList = graph.heads();
    const std::set<std::string> heads(headList.begin(), headList.end());
    std::vector<RevisionFacts> facts;
    facts.reserve(layout.rows.size());
    for (const DagRow& row : layout.rows) {
        const Migration& m = graph.at(row.revision);
        RevisionFacts f;
        f.id = m.revision;
        f.label = m.label;
        f.createdAt = m.createdAt;
        f.file = m.file;
        f.parents = m.downRevision;
        f.applied = appliedSet.count(m.revision) > 0;
        f.head = heads.count(m.revision) > 0;
        f.current = currentSet.count(m.revision) > 0;
        facts.push_back(std::move(f));
    }
    return facts;
}

std::vector<std::string> revisionTags(const RevisionFacts& facts)
{
    std::vector<std::string> tags{facts.applied ? "applied" : "pending"};
    if (facts.head)
        tags.emplace_back("head");
    if (facts.current)
        tags.emplace_back("current");
    if (facts.merge())
        tags.emplace_back("merge");
    return tags;
}

RowPicture rowPicture(const DagLayout& layout, std::size_t rowIndex, const RevisionFacts& facts,
                      const GraphStyle& style)
{
    const DagRow& row = layout.rows.at(rowIndex);
    RowPicture picture;
    for (int lane : row.passing)
        picture.curves.push_back(passingCurve(lane, style));
    for (int lane : row.incoming)
        picture.curves.push_back(incomingCurve(lane, row.lane, style));
    for (int lane : row.outgoing)
        picture.curves.push_back(outgoingCurve(lane, row.lane, style));

    const GraphPoint node{laneX(row.lane, style), style.rowHeight / 2};
    const Rgb color = laneColor(row.lane, style.darkBackground);
    // Applied: filled; pending: hollow; the current revision gets a ring around it.
    picture.circles.push_back({node, style.nodeRadius, color, facts.applied ? color : style.background,
                               style.lineWidth});
    if (facts.current)
        picture.circles.push_back({node, style.ringRadius, style.text, std::nullopt, 1.5});
    return picture;
}

double graphTextLeft(const DagLayout& layout, const GraphStyle& style)
{
    return (layout.laneCount + 1) * style.laneWidth;
}

GraphPicture graphPicture(const DagLayout& layout, const std::vector<RevisionFacts>& facts, const GraphStyle& style)
{
    const double margin = 8;
    const double h = style.rowHeight;
    const double charWidth = style.fontSize * 0.6;  // monospace
    GraphPicture picture;
    picture.background = style.background;

    // Text columns: id, state, date, label, each as wide as its longest entry.
    std::size_t idChars = 0, stateChars = 0, dateChars = 0, labelChars = 0;
    auto glyphs = [](const std::string& s) {  // UTF-8 code points
        return std::size_t(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
    };
    for (const RevisionFacts& f : facts) {
        idChars = std::max(idChars, glyphs(f.id));
        stateChars = std::max(stateChars, glyphs(joined(revisionTags(f), ", ")));
        dateChars = std::max(dateChars, glyphs(revisionDateText(f.createdAt)));
        labelChars = std::max(labelChars, glyphs(f.label));
    }
    const double idX = margin + graphTextLeft(layout, style);
    const double stateX = idX + (idChars + 2) * charWidth;
    const double dateX = stateX + (stateChars + 2) * charWidth;
    const double labelX = dateX + (dateChars ? dateChars + 2 : 0) * charWidth;
    picture.width = std::ceil(labelX + labelChars * charWidth + margin);
    picture.height = std::ceil(2 * margin + h * double(layout.rows.size()));

    std::map<std::string, std::size_t> rowOf;
    for (std::size_t r = 0; r < layout.rows.size(); ++r)
        rowOf[layout.rows[r].revision] = r;

    for (std::size_t r = 0; r < layout.rows.size() && r < facts.size(); ++r) {
        const DagRow& row = layout.rows[r];
        const RevisionFacts& f = facts[r];
        const double top = margin + h * double(r);

        GraphNode node;
        node.id = f.id;
        node.applied = f.applied;
        node.tooltip = tooltipOf(f);
        for (const GraphCircle& circle : rowPicture(layout, r, f, style).circles) {
            GraphCircle placed = circle;
            placed.center = shifted(circle.center, margin, top);
            node.circles.push_back(placed);
        }
        const double baseline = top + h / 2 + style.fontSize * 0.35;
        const Rgb stateColor = f.applied ? style.text : style.mutedText;
        node.texts.push_back({{idX, baseline}, f.id, style.text, style.fontSize, f.current});
        node.texts.push_back({{stateX, baseline}, joined(revisionTags(f), ", "), stateColor, style.fontSize, false});
        if (!f.createdAt.empty())
            node.texts.push_back({{dateX, baseline}, revisionDateText(f.createdAt), style.mutedText, style.fontSize, false});
        if (!f.label.empty())
            node.texts.push_back({{labelX, baseline}, f.label, style.text, style.fontSize, false});
        picture.nodes.push_back(std::move(node));

        // Each parent edge: out of this row on its lane, down the rows between, into the
        // parent's node — the segments the rows draw.
        for (std::size_t p = 0; p < row.outgoing.size() && p < f.parents.size(); ++p) {
            const int lane = row.outgoing[p];
            const auto parentRow = rowOf.find(f.parents[p]);
            if (parentRow == rowOf.end())
                continue;
            const std::size_t pr = parentRow->second;
            GraphEdge edge{f.id, f.parents[p], {}};
            edge.curves.push_back(shifted(outgoingCurve(lane, row.lane, style), margin, top));
            if (pr > r + 1) {
                GraphCurve through = passingCurve(lane, style);
                through.from.y = through.c1.y = top + h;
                through.to.y = through.c2.y = margin + h * double(pr);
                through.from.x = through.c1.x = through.to.x = through.c2.x = margin + laneX(lane, style);
                edge.curves.push_back(through);
            }
            edge.curves.push_back(
                shifted(incomingCurve(lane, layout.rows[pr].lane, style), margin, margin + h * double(pr)));
            picture.edges.push_back(std::move(edge));
        }
    }
    return picture;
}

std::string writeGraphSvg(const GraphPicture& picture)
{
    const std::string w = number(picture.width), h = number(picture.height);
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + w + "\" height=\"" + h +
                      "\" viewBox=\"0 0 " + w + " " + h + "\" font-family=\"monospace\">\n"
                      "<title>Revision graph</title>\n"
                      "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"" + rgbHex(picture.background) + "\"/>\n"
                      "<g class=\"edges\" fill=\"none\">\n";
    for (const GraphEdge& edge : picture.edges) {
        if (edge.curves.empty())
            continue;
        std::string d = "M " + point(edge.curves.front().from);
        for (const GraphCurve& c : edge.curves)
            d += " C " + point(c.c1) + " " + point(c.c2) + " " + point(c.to);
        const GraphCurve& first = edge.curves.front();
        svg += "<path class=\"edge\" data-child=\"" + xmlEscaped(edge.child) + "\" data-parent=\"" +
               xmlEscaped(edge.parent) + "\" stroke=\"" + rgbHex(first.color) + "\" stroke-width=\"" +
               number(first.width) + "\" d=\"" + d + "\"/>\n";
    }
    svg += "</g>\n<g class=\"revisions\">\n";
    for (const GraphNode& node : picture.nodes) {
        svg += "<g class=\"revision " + std::string(node.applied ? "applied" : "pending") + "\" id=\"rev-" +
               xmlEscaped(node.id) + "\">\n<title>" + xmlEscaped(node.tooltip) + "</title>\n";
        for (const GraphCircle& c : node.circles)
            svg += "<circle cx=\"" + number(c.center.x) + "\" cy=\"" + number(c.center.y) + "\" r=\"" +
                   number(c.radius) + "\" stroke=\"" + rgbHex(c.stroke) + "\" stroke-width=\"" + number(c.width) +
                   "\" fill=\"" + (c.fill ? rgbHex(*c.fill) : std::string("none")) + "\"/>\n";
        for (const GraphText& t : node.texts)
            svg += "<text x=\"" + number(t.at.x) + "\" y=\"" + number(t.at.y) + "\" font-size=\"" +
                   number(t.size) + "\" fill=\"" + rgbHex(t.color) + "\"" +
                   (t.bold ? " font-weight=\"bold\"" : "") + " xml:space=\"preserve\">" + xmlEscaped(t.text) +
                   "</text>\n";
        svg += "</g>\n";
    }
    svg += "</g>\n</svg>\n";
    return svg;
}

std::string writeGraphDot(const std::vector<RevisionFacts>& facts)
{
    std::string dot = "digraph revisions {\n"
                      "  node [shape=box, style=rounded, fontname=\"monospace\"];\n";
    for (const RevisionFacts& f : facts) {
        const std::string label = f.label.empty() ? f.id : f.id + "\n" + f.label;
        dot += "  " + dotQuoted(f.id) + " [label=" + dotQuoted(label) + ", tooltip=" + dotQuoted(tooltipOf(f)) +
               ", status=" + std::string(f.applied ? "applied" : "pending");
        if (!f.createdAt.empty())
            dot += ", createdAt=" + dotQuoted(f.createdAt);
        if (f.head)
            dot += ", head=true";
        if (f.current)
            dot += ", current=true, penwidth=2";
        if (f.applied)
            dot += ", style=\"rounded,filled\", fillcolor=\"#d8e8d8\"";
        dot += "];\n";
    }
    for (const RevisionFacts& f : facts)
        for (const std::string& parent : f.parents)
            dot += "  " + dotQuoted(f.id) + " -> " + dotQuoted(parent) + ";\n";
    dot += "}\n";
    return dot;
}

} // namespace tempest
