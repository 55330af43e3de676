// `tempest-migrate graph`: the real binary draws a real Alembic history (Superset's 336
// revisions) as SVG, DOT and PNG; each output is read back the way a user's tool reads
// it (an XML parser, DOT lines, an image loader) and must show every revision and every
// parent edge. Applied state comes from the database when there is one, and the verb
// still draws (saying so) when the database cannot be reached.
#include "alembic_dag.h"
#include "cli_test_project.h"
#include "core/cli/cli.h"
#include "core/ir/json.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

#include <map>
#include <set>

using namespace tempest::test;

namespace {

using Edge = std::pair<std::string, std::string>;  // child, parent

// A project whose migrations folder holds Superset's Alembic history (no database yet).
struct SupersetProject {
    TestProject project;
    std::set<std::string> ids;
    std::multiset<Edge> edges;

    SupersetProject()
    {
        project.writeConfig();
        project.writeModels(R"({"tables": {}})");
        const AlembicDag dag = readAlembicDag(TEMPEST_TEST_DATA_DIR "/dags/superset.json");
        writeMigrationFiles(project.path("migrations"), toMigrations(dag));
        for (const AlembicRevision& r : dag.revisions) {
            ids.insert(r.revision);
            for (const std::string& parent : r.downRevision)
                edges.insert({r.revision, parent});
        }
    }
};

// What an SVG shows, read with an XML parser.
struct SvgContent {
    QString error;                          // empty when well-formed
    std::map<std::string, QString> nodes;   // revision group id (without "rev-") → class
    std::map<std::string, QString> titles;  // revision → its <title>
    std::set<std::string> texts;            // every <text> element's content
    std::multiset<Edge> edges;              // <path class="edge">
};

SvgContent readSvg(const QByteArray& data)
{
    SvgContent svg;
    QXmlStreamReader xml(data);
    std::string group;  // the revision whose <g> we are in
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto attributes = xml.attributes();
            const QString klass = attributes.value(QStringLiteral("class")).toString();
            if (xml.name() == QLatin1String("g") && klass.startsWith(QLatin1String("revision "))) {
                group = attributes.value(QStringLiteral("id")).toString().mid(4).toStdString();
                svg.nodes[group] = klass;
            } else if (xml.name() == QLatin1String("title") && !group.empty()) {
                svg.titles[group] = xml.readElementText();
            } else if (xml.name() == QLatin1String("text")) {
                svg.texts.insert(xml.readElementText().toStdString());
            } else if (xml.name() == QLatin1String("path") && klass == QLatin1String("edge")) {
                svg.edges.insert({attributes.value(QStringLiteral("data-child")).toString().toStdString(),
                                  attributes.value(QStringLiteral("data-parent")).toString().toStdString()});
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("g")) {
            group.clear();
        }
    }
    if (xml.hasError())
        svg.error = xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber());
    return svg;
}

// What a DOT text shows: `"id" [attributes];` node lines and `"a" -> "b";` edge lines.
struct DotContent {
    std::map<std::string, std::string> nodeAttributes;
    std::multiset<Edge> edges;
    bool hasDigraph = false;
};

DotContent readDot(const std::string& text)
{
    static const QRegularExpression node(QStringLiteral("^\\s*\"([^\"]+)\" \\[(.*)\\];$"));
    static const QRegularExpression edge(QStringLiteral("^\\s*\"([^\"]+)\" -> \"([^\"]+)\";$"));
    DotContent dot;
    for (const QString& line : QString::fromStdString(text).split(QLatin1Char('\n'))) {
        dot.hasDigraph = dot.hasDigraph || line.startsWith(QLatin1String("digraph "));
        if (const auto m = edge.match(line); m.hasMatch())
            dot.edges.insert({m.captured(1).toStdString(), m.captured(2).toStdString()});
        else if (const auto n = node.match(line); n.hasMatch())
            dot.nodeAttributes[n.captured(1).toStdString()] = n.captured(2).toStdString();
    }
    return dot;
}

// a01 → a02 → a03, a02 applied: a01 and a02 applied, a02 current, a03 pending (the head).
void writeAppliedChain(TestProject& p)
{
    p.writeConfig();
    p.writeModels(singleTableModels("t3", {}));
    p.writeMigration("a01", {}, "create t1 & <friends>", {createTableOp("t1")});
    p.writeMigration("a02", {"a01"}, "create t2", {createTableOp("t2")});
    p.writeMigration("a03", {"a02"}, "create t3", {createTableOp("t3")});
}

} // namespace

class TestCliGraph : public QObject {
    Q_OBJECT

private slots:
    void svgShowsEveryRevisionAndParentEdge();
    void dotShowsEveryRevisionAndParentEdge();
    void pngIsAnImageOfTheHistory();
    void appliedStateComesFromTheDatabase();
    void unreachableDatabaseStillDraws();
    void badUsageExits2_data();
    void badUsageExits2();
    void pngWithoutQtGuiPointsAtSvgAndDot();
    void pngModuleMissingIsExit2AndOtherVerbsWork();
};

void TestCliGraph::svgShowsEveryRevisionAndParentEdge()
{
    SupersetProject s;
    const CliRun r = s.project.run(QStringList{"graph", "--format", "svg", "--output", "superset.svg"});
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    // No database yet: drawn without applied state, said on stderr, and none created.
    QVERIFY2(contains(r.err, "pending"), r.describe().c_str());
    QVERIFY(!s.project.dbExists());

    const SvgContent svg = readSvg(QByteArray::fromStdString(s.project.readFile("superset.svg")));
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    QCOMPARE(svg.nodes.size(), std::size_t(336));
    QCOMPARE(s.ids.size(), std::size_t(336));
    for (const std::string& id : s.ids) {
        QVERIFY2(svg.nodes.count(id), id.c_str());
        QVERIFY2(svg.texts.count(id), (id + " not written as text").c_str());
        QVERIFY2(svg.titles.count(id) && svg.titles.at(id).startsWith(QString::fromStdString(id)), id.c_str());
        QVERIFY2(svg.nodes.at(id) == QLatin1String("revision pending"), id.c_str());
    }
    QCOMPARE(svg.edges.size(), s.edges.size());
    QVERIFY(svg.edges == s.edges);
}

void TestCliGraph::dotShowsEveryRevisionAndParentEdge()
{
    SupersetProject s;
    // DOT is the default and goes to stdout.
    const CliRun r = s.project.run(QStringList{"graph"});
    QVERIFY2(r.exitCode == 0, r.err.c_str());
    const DotContent dot = readDot(r.out);
    QVERIFY(dot.hasDigraph);
    QCOMPARE(dot.nodeAttributes.size(), std::size_t(336));
    for (const std::string& id : s.ids)
        QVERIFY2(dot.nodeAttributes.count(id), id.c_str());
    QCOMPARE(dot.edges.size(), s.edges.size());
    QVERIFY(dot.edges == s.edges);

    // --output writes the same text to a file.
    const CliRun toFile = s.project.run(QStringList{"graph", "--format", "dot", "--output", "g.dot"});
    QVERIFY2(toFile.exitCode == 0, toFile.describe().c_str());
    QCOMPARE(s.project.readFile("g.dot"), r.out);
}

void TestCliGraph::pngIsAnImageOfTheHistory()
{
    SupersetProject s;
    const CliRun r = s.project.run(QStringList{"graph", "--format", "png", "--output", "superset.png"});
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QImage image;
    QVERIFY(image.load(QString::fromStdString(s.project.path("superset.png")), "PNG"));
    // A row per revision (24 px each) and lanes plus text beside them.
    QVERIFY2(image.height() >= 336 * 24, qPrintable(QString::number(image.height())));
    QVERIFY2(image.width() > 200, qPrintable(QString::number(image.width())));
    // Something is drawn: the colours of lanes and nodes, not one flat background.
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
}

void TestCliGraph::appliedStateComesFromTheDatabase()
{
    TestProject p;
    writeAppliedChain(p);
    QVERIFY2(p.run(QStringList{"upgrade", "a02"}).exitCode == 0, "upgrade a02");

    const CliRun svgRun = p.run(QStringList{"graph", "--format", "svg"});
    QVERIFY2(svgRun.exitCode == 0, svgRun.describe().c_str());
    QVERIFY2(!contains(svgRun.err, "pending"), svgRun.err.c_str());  // no "drawn as pending" warning
    const SvgContent svg = readSvg(QByteArray::fromStdString(svgRun.out));
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    QCOMPARE(svg.nodes.at("a01"), QStringLiteral("revision applied"));
    QCOMPARE(svg.nodes.at("a02"), QStringLiteral("revision applied"));
    QCOMPARE(svg.nodes.at("a03"), QStringLiteral("revision pending"));
    // The state is text too (not colour only), and the label survives XML escaping.
    QVERIFY(svg.texts.count("applied, current"));
    QVERIFY(svg.texts.count("pending, head"));
    QVERIFY(svg.texts.count("create t1 & <friends>"));
    QVERIFY2(svg.titles.at("a02").contains(QStringLiteral("parents: a01")), qPrintable(svg.titles.at("a02")));

    const CliRun dotRun = p.run(QStringList{"graph", "--format", "dot"});
    const DotContent dot = readDot(dotRun.out);
    QVERIFY(contains(dot.nodeAttributes.at("a02"), "status=applied"));
    QVERIFY(contains(dot.nodeAttributes.at("a02"), "current=true"));
    QVERIFY(contains(dot.nodeAttributes.at("a03"), "status=pending"));
    QVERIFY(contains(dot.nodeAttributes.at("a03"), "head=true"));
    QVERIFY(!contains(dot.nodeAttributes.at("a01"), "current=true"));

    // --json: one document, the DOT text inside it, counts and whether state was read.
    const CliRun jsonRun = p.run(QStringList{"--json", "graph"});
    QVERIFY2(jsonRun.exitCode == 0, jsonRun.describe().c_str());
    const tempest::Json doc = tempest::Json::parse(jsonRun.out);
    QCOMPARE(doc["result"]["revisions"].get<int>(), 3);
    QCOMPARE(doc["result"]["edges"].get<int>(), 2);
    QCOMPARE(doc["result"]["appliedState"].get<bool>(), true);
    QCOMPARE(doc["result"]["text"].get<std::string>(), dotRun.out);
}

void TestCliGraph::unreachableDatabaseStillDraws()
{
    TestProject p;
    p.writeFile("tempest.json", R"({"dialect": "postgresql", "migrations": "migrations"})");
    p.writeMigration("r1", {}, "base", {createTableOp("users")});
    // Port 1 on localhost refuses at once: the graph is drawn all pending, the password masked.
    const CliRun r = p.run(QStringList{"--database", "postgresql://alice:s3cr3tpw@127.0.0.1:1/app", "graph"});
    QVERIFY2(r.exitCode == 0, r.describe().c_str());
    QVERIFY2(contains(r.err, "without applied state"), r.describe().c_str());
    QVERIFY2(!contains(r.out + r.err, "s3cr3tpw"), r.describe().c_str());
    QVERIFY(contains(readDot(r.out).nodeAttributes.at("r1"), "status=pending"));
}

void TestCliGraph::badUsageExits2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown format") << QStringList{"graph", "--format", "jpeg"} << "use svg, png or dot";
    QTest::newRow("png to stdout") << QStringList{"graph", "--format", "png"} << "--format png needs --output";
    QTest::newRow("unwritable path") << QStringList{"graph", "--format", "svg", "--output", "no/such/dir/g.svg"}
                                     << "no/such/dir/g.svg";
    QTest::newRow("unwritable png") << QStringList{"graph", "--format", "png", "--output", "no/such/dir/g.png"}
                                    << "no/such/dir/g.png";
    QTest::newRow("positional") << QStringList{"graph", "heads"} << "graph";
}

void TestCliGraph::badUsageExits2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    TestProject p;
    writeAppliedChain(p);
    const CliRun r = p.run(arguments);
    QVERIFY2(r.exitCode == 2, r.describe().c_str());
    QVERIFY2(contains(r.err, message.toStdString()), r.describe().c_str());
    QVERIFY2(r.out.empty(), r.describe().c_str());
    QVERIFY(!p.exists("no/such/dir"));
}

// A tempest-migrate built without Qt Gui has no PNG hook: runMigrationCli with the
// config such a build makes (no CliConfig::writePng).
void TestCliGraph::pngWithoutQtGuiPointsAtSvgAndDot()
{
    TestProject p;
    writeAppliedChain(p);
    std::string out, err;
    tempest::CliConfig config;
    config.io.out = [&out](std::string_view text) { out += text; };
    config.io.err = [&err](std::string_view text) { err += text; };
    config.io.cwd = p.dir();
    const int code = tempest::runMigrationCli({"graph", "--format", "png", "--output", "g.png"}, config);
    QCOMPARE(code, 2);
    QVERIFY2(contains(err, "--format svg or --format dot"), err.c_str());
    QVERIFY(!p.exists("g.png"));
    // svg still works in the same build (this config opens no database: drawn pending).
    QCOMPARE(tempest::runMigrationCli({"graph", "--format", "svg", "--output", "g.svg"}, config), 0);
    QVERIFY(p.exists("g.svg"));
    QVERIFY2(contains(err, "without applied state"), err.c_str());
}

void TestCliGraph::pngModuleMissingIsExit2AndOtherVerbsWork()
{
    // A deploy machine with tempest-migrate and no Qt: the binary alone, without the
    // tempest-graph-png.so beside it or in an installed prefix.
    TestProject p;
    writeAppliedChain(p);
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    const QString alone = bin.filePath(QStringLiteral("tempest-migrate"));
    QVERIFY(QFile::copy(QStringLiteral(TEMPEST_MIGRATE_BIN), alone));
    auto run = [&](const QStringList& args) {
        QProcess process;
        process.setWorkingDirectory(QString::fromStdString(p.dir()));
        process.start(alone, args);
        process.waitForFinished(60000);
        return std::make_pair(process.exitCode(), QString::fromUtf8(process.readAllStandardError()));
    };
    const auto [code, err] = run({"graph", "--format", "png", "--output", "g.png"});
    QCOMPARE(code, 2);
    QVERIFY2(err.contains("tempest-graph-png.so") && err.contains("--format svg or --format dot"), qPrintable(err));
    QVERIFY(!p.exists("g.png"));
    QCOMPARE(run({"graph", "--format", "dot", "--output", "g.dot"}).first, 0);
    QCOMPARE(run({"heads"}).first, 0);
}

QTEST_GUILESS_MAIN(TestCliGraph)
#include "tst_cli_graph.moc"
