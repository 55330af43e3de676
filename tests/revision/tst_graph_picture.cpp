// core/revision/graph_picture on the real Alembic histories and on hostile labels: every
// parent edge is a connected line from the child's node to the parent's node (what the
// Studio's rows draw, joined), and the SVG and DOT writers keep any label readable —
// quotes, backslashes, markup, newlines and control characters — so a picture of a
// real project never breaks the XML parser or Graphviz's quoting.
#include "alembic_dag.h"
#include "core/revision/graph_layout.h"
#include "core/revision/graph_picture.h"
#include "core/revision/revision_graph.h"

#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

#include <map>

using namespace tempest;

namespace {

bool samePoint(GraphPoint a, GraphPoint b) { return std::abs(a.x - b.x) < 1e-9 && std::abs(a.y - b.y) < 1e-9; }

} // namespace

class TestGraphPicture : public QObject {
    Q_OBJECT

private slots:
    void edgesJoinChildAndParentNodes_data();
    void edgesJoinChildAndParentNodes();
    void hostileLabelsSurviveSvgAndDot();
};

void TestGraphPicture::edgesJoinChildAndParentNodes_data()
{
    QTest::addColumn<QString>("file");
    for (const char* f : {"superset.json", "airflow.json", "mlflow.json", "neutron.json", "keystone.json"})
        QTest::newRow(f) << f;
}

void TestGraphPicture::edgesJoinChildAndParentNodes()
{
    QFETCH(QString, file);
    const auto dag = test::readAlembicDag(std::string(TEMPEST_TEST_DATA_DIR "/dags/") + file.toStdString());
    const RevisionGraph graph(test::toMigrations(dag));
    const DagLayout layout = layoutDag(graph);
    const std::vector<RevisionFacts> facts = revisionFacts(graph, layout, {}, {});
    const GraphPicture picture = graphPicture(layout, facts);

    std::map<std::string, GraphPoint> nodeCenter;
    for (const GraphNode& node : picture.nodes)
        nodeCenter[node.id] = node.circles.front().center;
    QCOMPARE(nodeCenter.size(), graph.size());

    std::size_t parentEdges = 0, outgoing = 0;
    for (const Migration& m : graph.migrations())
        parentEdges += m.downRevision.size();
    for (std::size_t r = 0; r < layout.rows.size(); ++r)
        outgoing += layout.rows[r].outgoing.size();
    QCOMPARE(picture.edges.size(), parentEdges);
    QCOMPARE(outgoing, parentEdges);  // each edge leaves its child's row once

    for (const GraphEdge& edge : picture.edges) {
        const std::string what = edge.child + " -> " + edge.parent;
        QVERIFY2(!edge.curves.empty(), what.c_str());
        QVERIFY2(samePoint(edge.curves.front().from, nodeCenter.at(edge.child)), what.c_str());
        QVERIFY2(samePoint(edge.curves.back().to, nodeCenter.at(edge.parent)), what.c_str());
        for (std::size_t i = 1; i < edge.curves.size(); ++i)
            QVERIFY2(samePoint(edge.curves[i - 1].to, edge.curves[i].from), what.c_str());
        // Downwards only: a child is drawn above its parents.
        QVERIFY2(edge.curves.back().to.y > edge.curves.front().from.y, what.c_str());
    }
    // Everything lies inside the picture.
    for (const GraphNode& node : picture.nodes)
        for (const GraphCircle& c : node.circles)
            QVERIFY(c.center.x - c.radius >= 0 && c.center.x + c.radius <= picture.width &&
                    c.center.y - c.radius >= 0 && c.center.y + c.radius <= picture.height);
}

void TestGraphPicture::hostileLabelsSurviveSvgAndDot()
{
    const std::string nasty = "quote \" back\\slash <b>&amp;</b> ]]> 'x' \x01" "bell\nsecond line ünï";
    const RevisionGraph graph({Migration{.revision = "base-1", .downRevision = {}, .label = nasty},
                               Migration{.revision = "child_2", .downRevision = {"base-1"}, .label = "plain"}});
    const DagLayout layout = layoutDag(graph);
    const auto facts = revisionFacts(graph, layout, {"base-1"}, {"base-1"});
    const std::string svg = writeGraphSvg(graphPicture(layout, facts));

    QXmlStreamReader xml(QByteArray::fromStdString(svg));
    QStringList texts, titles;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("text"))
            texts << xml.readElementText();
        else if (xml.name() == QLatin1String("title"))
            titles << xml.readElementText();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    // The label as written, less the one character XML cannot carry.
    QString expected = QString::fromStdString(nasty);
    expected.remove(QChar(1));
    QVERIFY2(texts.contains(expected), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("applied, current")));
    QVERIFY(std::any_of(titles.begin(), titles.end(), [&](const QString& t) {
        return t.startsWith(QLatin1String("base-1\n")) && t.contains(expected);
    }));

    const std::string dot = writeGraphDot(facts);
    // Every quoted string in the DOT text closes on its own line: no quote or backslash
    // of the label escapes its string, no raw newline splits a statement.
    const QStringList lines = QString::fromStdString(dot).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);  // digraph, node defaults, two nodes, one edge, }
    const QRegularExpression node(QStringLiteral("^  \"base-1\" \\[label=\"(([^\"\\\\]|\\\\.)*)\", "));
    QRegularExpressionMatch match;
    for (const QString& line : lines)
        if (const auto m = node.match(line); m.hasMatch())
            match = m;
    QVERIFY2(match.hasMatch(), dot.c_str());
    QVERIFY(match.captured(1).contains(QStringLiteral("quote \\\" back\\\\slash")));
    QVERIFY(match.captured(1).contains(QStringLiteral("\\nsecond line")));
    QVERIFY(lines.contains(QStringLiteral("  \"child_2\" -> \"base-1\";")));
}

QTEST_GUILESS_MAIN(TestGraphPicture)
#include "tst_graph_picture.moc"
