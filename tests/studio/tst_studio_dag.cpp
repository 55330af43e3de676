// Tempest Studio's revision DAG as a reviewer uses it, on the embedded demo project
// (base01, posts02, score03 applied; tags03, merge04, comments05 pending): the message,
// date and state columns, the search field, tooltips, context menus that offer only
// what applies, accessible names, and "Export graph" — whose SVG must be the very file
// `tempest-migrate graph --format svg` writes for the same project.

#include "studio/dag_view.h"
#include "studio/demo_project.h"
#include "studio/main_window.h"
#include "studio/revision_graph_model.h"
#include "studio/revisions_pane.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QXmlStreamReader>

using namespace tempest::studio;

namespace {

/// The demo in a shown main window, loaded; its revisions pane and DAG view.
struct DemoWindow {
    std::unique_ptr<DemoProject> demo = DemoProject::create();
    MainWindow window;
    RevisionsPane* pane = nullptr;
    DagView* view = nullptr;

    bool load()
    {
        QSignalSpy loaded(&window, &MainWindow::snapshotLoaded);
        window.openProject(demo->projectFile());
        window.show();
        pane = window.findChild<RevisionsPane*>(QStringLiteral("revisionsPane"));
        view = window.findChild<DagView*>(QStringLiteral("dagView"));
        return loaded.wait(30000) && pane && view && QTest::qWaitForWindowExposed(&window);
    }
    QModelIndex indexOf(const QString& revision, int column = 0) const
    {
        auto* model = view->model();
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data(RevisionGraphModel::RevisionIdRole).toString() == revision)
                return model->index(r, column);
        return {};
    }
    QStringList visibleRevisions() const
    {
        QStringList ids;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            if (!view->isRowHidden(r, {}))
                ids << view->model()->index(r, 0).data(RevisionGraphModel::RevisionIdRole).toString();
        return ids;
    }
    /// Right-clicks the revision and returns the menu that pops up.
    QMenu* openContextMenu(const QString& revision)
    {
        const QPoint pos = view->visualRect(indexOf(revision)).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(view->viewport(), &event);
        QMenu* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        return menu && menu->objectName() == QLatin1String("revisionContextMenu") ? menu : nullptr;
    }
};

QStringList actionNames(const QMenu* menu)
{
    QStringList names;
    for (const QAction* action : menu->actions())
        if (!action->isSeparator())
            names << action->objectName();
    return names;
}

void closeMenu(QMenu* menu)
{
    menu->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Revision groups of an SVG (id → class) read with an XML parser; "" when not well-formed.
std::map<QString, QString> svgRevisions(const QByteArray& svg, QString* error)
{
    std::map<QString, QString> revisions;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("g")) {
            const QString klass = xml.attributes().value(QStringLiteral("class")).toString();
            if (klass.startsWith(QLatin1String("revision ")))
                revisions[xml.attributes().value(QStringLiteral("id")).toString().mid(4)] = klass;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return revisions;
}

} // namespace

class TestStudioDag : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void columnsShowStateDateAndMessage();
    void searchFiltersAndSelects();
    void tooltipShowsTheWholeRevision();
    void contextMenuOffersOnlyWhatApplies_data();
    void contextMenuOffersOnlyWhatApplies();
    void contextMenuWhileARunIsBusyOffersNoRuns();
    void exportWritesSvgPngAndDot();
    void exportedSvgIsTheCliPicture();
};

void TestStudioDag::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("tempest-db-tests"));
}

void TestStudioDag::columnsShowStateDateAndMessage()
{
    DemoWindow d;
    QVERIFY(d.load());
    auto text = [&](const char* id, int column) { return d.indexOf(QLatin1String(id), column).data().toString(); };
    QCOMPARE(text("score03", RevisionGraphModel::LabelColumn), QStringLiteral("add users.score"));
    QCOMPARE(text("score03", RevisionGraphModel::DateColumn), QStringLiteral("2026-02-02 09:00"));
    // Applied and pending in words, not only as a filled or hollow node.
    QCOMPARE(text("score03", RevisionGraphModel::StateColumn), QStringLiteral("applied, current"));
    QCOMPARE(text("comments05", RevisionGraphModel::StateColumn), QStringLiteral("pending, head"));
    QCOMPARE(text("merge04", RevisionGraphModel::StateColumn), QStringLiteral("pending, merge"));
    QVERIFY(d.indexOf(QStringLiteral("tags03")).data(Qt::AccessibleTextRole).toString().contains(QLatin1String("pending")));
    QVERIFY(d.indexOf(QStringLiteral("base01")).data(Qt::AccessibleTextRole).toString().contains(QLatin1String("applied")));
    QCOMPARE(d.view->model()->headerData(RevisionGraphModel::LabelColumn, Qt::Horizontal).toString(),
             QStringLiteral("Message"));
    QVERIFY(!d.view->isColumnHidden(RevisionGraphModel::DateColumn));
    QVERIFY(d.view->columnWidth(RevisionGraphModel::DateColumn) > 0);
    // Screen readers get names for the view and the search field.
    QCOMPARE(d.view->accessibleName(), QStringLiteral("Revision graph"));
    QCOMPARE(d.pane->searchField()->accessibleName(), QStringLiteral("Search revisions"));
}

void TestStudioDag::searchFiltersAndSelects()
{
    DemoWindow d;
    QVERIFY(d.load());
    auto* search = d.window.findChild<QLineEdit*>(QStringLiteral("revisionSearch"));
    QVERIFY(search);
    // By message: "tags" is in tags03's and merge04's labels; the newest match is selected.
    QTest::keyClicks(search, QStringLiteral("TAGS"));
    QCOMPARE(d.visibleRevisions(), (QStringList{"merge04", "tags03"}));
    QCOMPARE(d.view->currentRevision(), QStringLiteral("merge04"));
    QCOMPARE(d.window.findChild<QLabel*>(QStringLiteral("revisionSearchStatus"))->text(), QStringLiteral("2 of 6 revisions"));
    // Return goes to the next match.
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(d.view->currentRevision(), QStringLiteral("tags03"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(d.view->currentRevision(), QStringLiteral("merge04"));

    // By id; the buttons follow the selected revision (score03 is applied).
    search->clear();
    QTest::keyClicks(search, QStringLiteral("score0"));
    QCOMPARE(d.visibleRevisions(), QStringList{"score03"});
    QCOMPARE(d.view->currentRevision(), QStringLiteral("score03"));
    QVERIFY(d.window.findChild<QWidget*>(QStringLiteral("downgradeHereButton"))->isEnabled());
    QVERIFY(!d.window.findChild<QWidget*>(QStringLiteral("upgradeHereButton"))->isEnabled());

    // Nothing matches: nothing shown, nothing selected; clearing shows all, selection kept.
    QTest::keyClicks(search, QStringLiteral("zz"));
    QVERIFY(d.visibleRevisions().isEmpty());
    QVERIFY(d.view->currentRevision().isEmpty());
    search->clear();
    QCOMPARE(d.visibleRevisions().size(), 6);
}

void TestStudioDag::tooltipShowsTheWholeRevision()
{
    DemoWindow d;
    QVERIFY(d.load());
    const QModelIndex tags = d.indexOf(QStringLiteral("tags03"), RevisionGraphModel::LabelColumn);
    const QPoint pos = d.view->visualRect(tags).center();
    QHelpEvent event(QEvent::ToolTip, pos, d.view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(d.view->viewport(), &event);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    for (const QString& part : {QStringLiteral("tags03"), QStringLiteral("create tags"),
                                QStringLiteral("parents: posts02"), QStringLiteral("2026-02-03 09:00"),
                                QStringLiteral("tags03_create_tags.json"), QStringLiteral("pending")})
        QVERIFY2(tip.contains(part), qPrintable(part + QStringLiteral(" not in: ") + tip));
    QToolTip::hideText();

    const QString mergeTip = d.indexOf(QStringLiteral("merge04")).data(Qt::ToolTipRole).toString();
    QVERIFY2(mergeTip.contains(QLatin1String("parents: score03, tags03")), qPrintable(mergeTip));
    QVERIFY(d.indexOf(QStringLiteral("posts02")).data(Qt::ToolTipRole).toString().contains(QLatin1String("applied")));
}

void TestStudioDag::contextMenuOffersOnlyWhatApplies_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QStringList>("notOffered");
    QTest::newRow("pending") << "tags03"
                             << QStringList{"upgradeHereAction", "showSqlAction", "openFileAction",
                                            "copyRevisionIdAction", "upgradeAllAction", "exportGraphAction"}
                             << QStringList{"downgradeHereAction"};
    QTest::newRow("applied") << "posts02"
                             << QStringList{"downgradeHereAction", "showSqlAction", "openFileAction",
                                            "copyRevisionIdAction", "exportGraphAction"}
                             << QStringList{"upgradeHereAction"};
    QTest::newRow("no revision") << ""
                                 << QStringList{"upgradeAllAction", "exportGraphAction"}
                                 << QStringList{"upgradeHereAction", "downgradeHereAction", "showSqlAction",
                                                "openFileAction"};
}

void TestStudioDag::contextMenuOffersOnlyWhatApplies()
{
    QFETCH(QString, revision);
    QFETCH(QStringList, offered);
    QFETCH(QStringList, notOffered);
    DemoWindow d;
    QVERIFY(d.load());
    // Below the last row (a click there selects nothing) the pane offers the menu for no
    // revision; the window may be too small to have such an area, so ask for it.
    QMenu* menu = revision.isEmpty() ? d.pane->contextMenuFor({}) : d.openContextMenu(revision);
    QVERIFY(menu);
    QVERIFY(revision.isEmpty() || menu->isVisible());
    const QStringList names = actionNames(menu);
    for (const QString& name : offered)
        QVERIFY2(names.contains(name), qPrintable(name + QStringLiteral(" missing from ") + names.join(u',')));
    for (const QString& name : notOffered)
        QVERIFY2(!names.contains(name), qPrintable(name + QStringLiteral(" offered in ") + names.join(u',')));
    if (!revision.isEmpty()) {
        // The menu acts on the revision it was opened on, which becomes the selection.
        QCOMPARE(d.view->currentRevision(), revision);
        menu->findChild<QAction*>(QStringLiteral("copyRevisionIdAction"))->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), revision);
        // Show SQL from the menu shows that revision's run SQL.
        QSignalSpy shown(&d.window, &MainWindow::revisionSqlShown);
        menu->findChild<QAction*>(QStringLiteral("showSqlAction"))->trigger();
        QVERIFY(shown.wait(30000));
        QCOMPARE(shown.last().at(0).toString(), revision);
    }
    closeMenu(menu);
}

void TestStudioDag::contextMenuWhileARunIsBusyOffersNoRuns()
{
    DemoWindow d;
    QVERIFY(d.load());
    d.pane->setBusy(true);
    for (const char* revision : {"tags03", "posts02"}) {
        QMenu* menu = d.openContextMenu(QLatin1String(revision));
        QVERIFY(menu);
        const QStringList names = actionNames(menu);
        QVERIFY2(!names.contains(QLatin1String("upgradeHereAction")), revision);
        QVERIFY2(!names.contains(QLatin1String("downgradeHereAction")), revision);
        QVERIFY2(!names.contains(QLatin1String("upgradeAllAction")), revision);
        QVERIFY2(names.contains(QLatin1String("showSqlAction")), revision);
        closeMenu(menu);
    }
}

void TestStudioDag::exportWritesSvgPngAndDot()
{
    DemoWindow d;
    QVERIFY(d.load());
    QTemporaryDir dir;
    const QStringList ids{"base01", "posts02", "score03", "tags03", "merge04", "comments05"};

    QString error;
    QVERIFY2(d.pane->exportGraph(dir.filePath(QStringLiteral("g.svg")), &error), qPrintable(error));
    const auto revisions = svgRevisions(readAll(dir.filePath(QStringLiteral("g.svg"))), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(int(revisions.size()), 6);
    for (const QString& id : ids)
        QVERIFY2(revisions.count(id), qPrintable(id));
    QCOMPARE(revisions.at(QStringLiteral("score03")), QStringLiteral("revision applied"));
    QCOMPARE(revisions.at(QStringLiteral("tags03")), QStringLiteral("revision pending"));

    QVERIFY2(d.pane->exportGraph(dir.filePath(QStringLiteral("g.png")), &error), qPrintable(error));
    QImage image;
    QVERIFY(image.load(dir.filePath(QStringLiteral("g.png")), "PNG"));
    QVERIFY2(image.height() >= 6 * 24 && image.width() > 100,
             qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));

    QVERIFY2(d.pane->exportGraph(dir.filePath(QStringLiteral("g.dot")), &error), qPrintable(error));
    const QString dot = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("g.dot"))));
    QVERIFY(dot.startsWith(QLatin1String("digraph ")));
    // One node line per revision, one edge per parent (merge04 has two): 6 and 6.
    QStringList nodes, edges;
    const QRegularExpression nodeLine(QStringLiteral("^\\s*\"([^\"]+)\" \\["));
    const QRegularExpression edgeLine(QStringLiteral("^\\s*\"([^\"]+)\" -> \"([^\"]+)\";$"));
    for (const QString& line : dot.split(QLatin1Char('\n'))) {
        if (const auto m = edgeLine.match(line); m.hasMatch())
            edges << m.captured(1) + QStringLiteral("->") + m.captured(2);
        else if (const auto n = nodeLine.match(line); n.hasMatch())
            nodes << n.captured(1);
    }
    nodes.sort();
    QStringList sortedIds = ids;
    sortedIds.sort();
    QCOMPARE(nodes, sortedIds);
    edges.sort();
    QCOMPARE(edges, (QStringList{"comments05->merge04", "merge04->score03", "merge04->tags03", "posts02->base01",
                                 "score03->posts02", "tags03->posts02"}));

    QVERIFY(!d.pane->exportGraph(dir.filePath(QStringLiteral("g.jpg")), &error));
    QVERIFY2(error.contains(QLatin1String(".svg")), qPrintable(error));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("g.jpg"))));
}

void TestStudioDag::exportedSvgIsTheCliPicture()
{
#ifndef TEMPEST_MIGRATE_BIN
    QSKIP("built without tempest-migrate");
#else
    DemoWindow d;
    QVERIFY(d.load());
    QTemporaryDir dir;
    const QString studioSvg = dir.filePath(QStringLiteral("studio.svg"));
    QString error;
    QVERIFY2(d.pane->exportGraph(studioSvg, &error), qPrintable(error));

    QProcess cli;
    cli.setWorkingDirectory(d.demo->directory());
    cli.start(QStringLiteral(TEMPEST_MIGRATE_BIN),
              {QStringLiteral("--config"), d.demo->projectFile(), QStringLiteral("graph"), QStringLiteral("--format"),
               QStringLiteral("svg")});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    const QByteArray cliSvg = cli.readAllStandardOutput();
    QVERIFY(!cliSvg.isEmpty());
    QCOMPARE(readAll(studioSvg), cliSvg);
#endif
}

QTEST_MAIN(TestStudioDag)
#include "tst_studio_dag.moc"
