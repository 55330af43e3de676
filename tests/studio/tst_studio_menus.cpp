// The menu bar as a keyboard user and a bug reporter meet it: Help > About with the
// run-time versions and a documentation link, View with a checkable action per pane and
// "Reset layout".

#include "studio/about_dialog.h"
#include "studio/demo_project.h"
#include "studio/dag_view.h"
#include "studio/main_window.h"
#include "studio/operation_list_model.h"
#include "studio/rename_choices.h"
#include "studio/revision_graph_model.h"
#include "studio/revisions_pane.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QPushButton>
#include <QUrl>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QTreeView>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>

using namespace tempest::studio;

namespace {

struct OpenDemo {
    std::unique_ptr<DemoProject> demo = DemoProject::create();
    MainWindow window;

    bool load(const QString& displayName = {})
    {
        QSignalSpy loaded(&window, &MainWindow::snapshotLoaded);
        window.openProject(demo->projectFile(), displayName);
        window.show();
        return loaded.wait(30000);
    }
    template <typename T>
    T* child(const char* name) { return window.findChild<T*>(QLatin1String(name)); }
};

QMenu* menuTitled(QMainWindow& window, const QString& title)
{
    for (QAction* a : window.menuBar()->actions())
        if (a->menu() && a->text() == title)
            return a->menu();
    return nullptr;
}

/// Every action of the menu bar, submenus included.
QList<QAction*> menuBarActions(QMainWindow& window)
{
    QList<QAction*> all;
    QList<QMenu*> menus;
    for (QAction* a : window.menuBar()->actions())
        if (a->menu())
            menus << a->menu();
    while (!menus.isEmpty()) {
        QMenu* menu = menus.takeFirst();
        emit menu->aboutToShow();  // menus filled when they open
        for (QAction* a : menu->actions()) {
            all << a;
            if (a->menu())
                menus << a->menu();
        }
    }
    return all;
}

QAction* menuBarAction(QMainWindow& window, const QString& objectName)
{
    for (QAction* a : menuBarActions(window))
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

QList<QModelIndex> allRows(const QAbstractItemModel* model, const QModelIndex& parent = {})
{
    QList<QModelIndex> rows;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        rows << index << allRows(model, index);
    }
    return rows;
}

} // namespace

class TestStudioMenus : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void aboutShowsRuntimeVersionsAndADocsLink();
    void viewMenuHidesAndShowsEveryPane();
    void resetLayoutShowsEverythingAndForgetsTheSavedLayout();
    void hiddenPanesStayHiddenAfterARestart();
    void everyMenuHasAMnemonic();
    void everyDagContextActionIsInTheMenuBar();
    void treatAsRenameIsInTheMenuBar();
    void everyControlHasAnAccessibleName();
    void dagRowsSayAppliedOrPendingInWords();
    void demoTitleIsAFriendlyName();
    void openFileWithoutADesktopHandlerShowsTheFile();
};

void TestStudioMenus::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("tempest-db-tests"));
    QSettings().clear();  // no layout left by an earlier run
}

void TestStudioMenus::aboutShowsRuntimeVersionsAndADocsLink()
{
    OpenDemo d;
    QVERIFY(d.load());
    QMenu* help = menuTitled(d.window, QStringLiteral("&Help"));
    QVERIFY(help);
    QAction* about = d.child<QAction>("aboutAction");
    QVERIFY(about && help->actions().contains(about));
    about->trigger();
    auto* dialog = d.child<AboutDialog>("aboutDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("qtVersionLabel"))->text(), QString::fromLatin1(qVersion()));
    // "3.40.1", "15.3": digits and dots, whatever the machine has.
    const QRegularExpression version(QStringLiteral("^\\d+\\.\\d+(\\.\\d+)?$"));
    QVERIFY(version.match(dialog->findChild<QLabel*>(QStringLiteral("sqliteVersionLabel"))->text()).hasMatch());
    QVERIFY(version.match(dialog->findChild<QLabel*>(QStringLiteral("libpqVersionLabel"))->text()).hasMatch());
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("titleLabel"))->text().contains(QStringLiteral("Tempest Studio")));
    auto* docs = dialog->findChild<QLabel*>(QStringLiteral("docsLabel"));
    QVERIFY(docs->openExternalLinks());
    QVERIFY(docs->text().contains(QStringLiteral("href=\"file://")));
    QVERIFY(QFileInfo::exists(AboutDialog::documentationFile()));
    dialog->close();
}

void TestStudioMenus::viewMenuHidesAndShowsEveryPane()
{
    OpenDemo d;
    QVERIFY(d.load());
    QVERIFY(menuTitled(d.window, QStringLiteral("&View")));
    const QList<QPair<const char*, const char*>> panes{
        {"showModelsBoxAction", "modelsBox"},         {"showDatabaseBoxAction", "databaseBox"},
        {"showDiffBoxAction", "diffBox"},             {"showRevisionsBoxAction", "revisionsBox"},
        {"showFindingsBoxAction", "findingsBox"},     {"showSqlPreviewBoxAction", "sqlPreviewBox"},
        {"showEventLogAction", "eventLogDock"},       {"showToolbarAction", "mainToolBar"}};
    for (const auto& [actionName, paneName] : panes) {
        auto* action = d.child<QAction>(actionName);
        QVERIFY2(action, actionName);
        QWidget* pane = d.child<QWidget>(paneName);
        QVERIFY2(pane, paneName);
        QVERIFY(action->isCheckable());
        QVERIFY(action->isChecked());
        QVERIFY(pane->isVisible());
        action->trigger();
        QTRY_VERIFY2(!pane->isVisible(), paneName);
        QVERIFY(!action->isChecked());
        action->trigger();
        QTRY_VERIFY2(pane->isVisible(), paneName);
    }
}

void TestStudioMenus::resetLayoutShowsEverythingAndForgetsTheSavedLayout()
{
    OpenDemo d;
    QVERIFY(d.load());
    d.child<QAction>("showFindingsBoxAction")->trigger();
    d.child<QAction>("showEventLogAction")->trigger();
    auto* dock = d.child<QDockWidget>("eventLogDock");
    QVERIFY(!dock->isVisible());
    auto* panes = d.child<QSplitter>("paneSplitter");
    panes->setSizes({10, 1000, 10});
    d.window.close();  // saves the layout
    QVERIFY(QSettings().contains(QStringLiteral("window/paneSplitter")));
    d.window.show();
    d.child<QAction>("resetLayoutAction")->trigger();
    QTRY_VERIFY(dock->isVisible());
    QVERIFY(!dock->isFloating());
    QCOMPARE(d.window.dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QVERIFY(d.child<QWidget>("findingsBox")->isVisible());
    QVERIFY(d.child<QAction>("showFindingsBoxAction")->isChecked());
    const QList<int> sizes = panes->sizes();
    QVERIFY2(qAbs(sizes[0] - sizes[1]) <= 2 && qAbs(sizes[1] - sizes[2]) <= 2, "equal parts again");
    QVERIFY(!QSettings().contains(QStringLiteral("window/paneSplitter")));
}

void TestStudioMenus::hiddenPanesStayHiddenAfterARestart()
{
    {
        OpenDemo d;
        QVERIFY(d.load());
        d.child<QAction>("showFindingsBoxAction")->trigger();
        d.child<QAction>("showSqlPreviewBoxAction")->trigger();
        d.window.close();  // saves the layout, as quitting does
    }
    {
        OpenDemo d;  // a new window: what the next start builds
        QVERIFY(d.load());
        QVERIFY(!d.child<QWidget>("findingsBox")->isVisible());
        QVERIFY(!d.child<QAction>("showFindingsBoxAction")->isChecked());
        QVERIFY(!d.child<QWidget>("sqlPreviewBox")->isVisible());
        QVERIFY(!d.child<QAction>("showSqlPreviewBoxAction")->isChecked());
        QVERIFY(d.child<QWidget>("diffBox")->isVisible());
        QVERIFY(d.child<QAction>("showDiffBoxAction")->isChecked());
        d.child<QAction>("resetLayoutAction")->trigger();
        QVERIFY(d.child<QWidget>("findingsBox")->isVisible());
        QVERIFY(d.child<QWidget>("sqlPreviewBox")->isVisible());
    }
    QVERIFY(!QSettings().contains(QStringLiteral("window/hiddenPanes")));
}

void TestStudioMenus::everyMenuHasAMnemonic()
{
    OpenDemo d;
    QVERIFY(d.load());
    QSet<QChar> barKeys;
    for (QAction* a : d.window.menuBar()->actions()) {
        const int amp = a->text().indexOf(QLatin1Char('&'));
        QVERIFY2(amp >= 0, qPrintable(a->text()));
        const QChar key = a->text().at(amp + 1).toLower();
        QVERIFY2(!barKeys.contains(key), qPrintable(a->text()));  // each opens its own menu
        barKeys << key;
    }
    for (QAction* a : menuBarActions(d.window))
        if (!a->isSeparator() && a->objectName() != QLatin1String("noRenameAction")
            && !a->parent()->inherits("tempest::studio::RecentProjects"))
            QVERIFY2(a->text().contains(QLatin1Char('&')) || !a->isEnabled(), qPrintable(a->text()));
}

// Every action the DAG's context menu offers on a row (or the empty area) is in the
// menu bar, enabled when the current row is that row: reachable without a mouse.
void TestStudioMenus::everyDagContextActionIsInTheMenuBar()
{
    OpenDemo d;
    QVERIFY(d.load());
    auto* pane = d.child<RevisionsPane>("revisionsPane");
    DagView* dag = pane->view();
    QAbstractItemModel* model = dag->model();
    QVERIFY(model->rowCount() > 3);
    QSet<QString> seen;
    QList<QModelIndex> places{QModelIndex()};
    for (int r = 0; r < model->rowCount(); ++r)
        places << model->index(r, 0);
    for (const QModelIndex& index : places) {
        dag->setCurrentIndex(index);
        std::unique_ptr<QMenu> menu(pane->contextMenuFor(index));
        for (QAction* offered : menu->actions()) {
            if (offered->isSeparator())
                continue;
            QString name = offered->objectName();
            name.replace(QStringLiteral("Action"), QStringLiteral("MenuAction"));
            QAction* inBar = menuBarAction(d.window, name);
            QVERIFY2(inBar, qPrintable(name));
            QVERIFY2(inBar->isEnabled(), qPrintable(name + QStringLiteral(" on row ") + QString::number(index.row())));
            seen << offered->objectName();
        }
    }
    // The demo offers them all somewhere (a branch, applied and pending revisions).
    for (const char* name : {"upgradeHereAction", "downgradeHereAction", "showSqlAction", "openFileAction",
                             "copyRevisionIdAction", "stampAction", "upgradeAllAction", "revertToBaseAction",
                             "exportGraphAction"})
        QVERIFY2(seen.contains(QLatin1String(name)), name);
    // The frequent ones have shortcuts.
    for (const char* name : {"upgradeHereMenuAction", "downgradeHereMenuAction", "showSqlMenuAction",
                             "openFileMenuAction", "upgradeAllMenuAction"})
        QVERIFY2(!menuBarAction(d.window, QLatin1String(name))->shortcut().isEmpty(), name);
    // What the context menu leaves out is disabled in the menu bar (an applied row).
    for (const QModelIndex& index : places)
        if (index.isValid() && index.data(RevisionGraphModel::AppliedRole).toBool()) {
            dag->setCurrentIndex(index);
            QVERIFY(!menuBarAction(d.window, QStringLiteral("upgradeHereMenuAction"))->isEnabled());
            QVERIFY(menuBarAction(d.window, QStringLiteral("downgradeHereMenuAction"))->isEnabled());
            break;
        }
}

// "Treat as rename" (the trees' and the Diff's context menus) is in Compare, on the
// current row of the pane last used.
void TestStudioMenus::treatAsRenameIsInTheMenuBar()
{
    OpenDemo d;
    // posts.draft exists only in the database; a new model column pairs with it.
    QFile models(d.demo->directory() + QStringLiteral("/models.json"));
    QVERIFY(models.open(QIODevice::ReadOnly));
    QByteArray text = models.readAll();
    models.close();
    const QByteArray body = "\"body\": {\"type\": \"text\"}";
    QVERIFY(text.contains(body));
    text.replace(body, body + ", \"is_draft\": {\"type\": \"boolean\"}");
    QVERIFY(models.open(QIODevice::WriteOnly | QIODevice::Truncate));
    models.write(text);
    models.close();
    QVERIFY(d.load());
    auto* choices = d.window.findChild<RenameChoices*>();
    int offeredRows = 0;
    auto check = [&](QAbstractItemView* view, const QModelIndex& index, const QList<QAction*>& offered) {
        if (offered.isEmpty())
            return;
        ++offeredRows;
        view->setCurrentIndex(index);
        QStringList inBar;
        QMenu* compare = d.window.findChild<QMenu*>(QStringLiteral("compareMenu"));
        emit compare->aboutToShow();
        for (QAction* a : compare->actions())
            inBar << a->text();
        for (QAction* a : offered)
            QVERIFY2(inBar.contains(a->text()), qPrintable(a->text()));
    };
    QObject owner;
    for (const char* name : {"modelsTree", "databaseTree"}) {
        auto* tree = d.child<QTreeView>(name);
        for (const QModelIndex& index : allRows(tree->model()))
            check(tree, index, choices->treeActions(index, &owner));
    }
    auto* ops = d.child<QListView>("operationsView");
    auto* opsModel = static_cast<OperationListModel*>(ops->model());
    for (int r = 0; r < opsModel->rowCount(); ++r)
        check(ops, opsModel->index(r), choices->operationActions(*opsModel, r, &owner));
    QVERIFY(offeredRows >= 2);  // the pair, in both trees (and the Diff)
    QMenu* compare = d.window.findChild<QMenu*>(QStringLiteral("compareMenu"));
    QAction* treat = nullptr;
    emit compare->aboutToShow();
    for (QAction* a : compare->actions())
        if (a->objectName() == QLatin1String("treatAsRenameAction"))
            treat = a;
    QVERIFY(treat);
    treat->trigger();
    QCOMPARE(choices->renames().size(), std::size_t(1));
}

// A screen reader names every view, field and button of the main window; the views
// also say what they show.
void TestStudioMenus::everyControlHasAnAccessibleName()
{
    OpenDemo d;
    QVERIFY(d.load());
    int checked = 0;
    for (QWidget* w : d.window.findChildren<QWidget*>()) {
        const bool view = qobject_cast<QAbstractItemView*>(w) != nullptr;
        const bool control = view || qobject_cast<QPlainTextEdit*>(w) || qobject_cast<QAbstractButton*>(w)
                          || qobject_cast<QProgressBar*>(w)
                          || (qobject_cast<QLineEdit*>(w) && !w->parent()->inherits("QAbstractSpinBox"));
        // Toolbar buttons speak their actions' texts; a header belongs to its view.
        if (!control || w->inherits("QToolButton") || w->inherits("QHeaderView"))
            continue;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        QVERIFY(a);
        const QString who = w->objectName() + QStringLiteral(" (") + QLatin1String(w->metaObject()->className()) +
                            QLatin1Char(')');
        QVERIFY2(!a->text(QAccessible::Name).trimmed().isEmpty(), qPrintable(who));
        if (view || qobject_cast<QPlainTextEdit*>(w))
            QVERIFY2(!w->accessibleDescription().isEmpty(), qPrintable(who));
        ++checked;
    }
    QVERIFY(checked >= 20);
    QVERIFY(!d.child<QWidget>("offlineBanner")->accessibleName().isEmpty());
    QVERIFY(!d.child<QWidget>("driftLabel")->accessibleName().isEmpty());
}

void TestStudioMenus::dagRowsSayAppliedOrPendingInWords()
{
    OpenDemo d;
    QVERIFY(d.load());
    QAbstractItemModel* model = d.child<RevisionsPane>("revisionsPane")->view()->model();
    int applied = 0, pending = 0;
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, RevisionGraphModel::GraphColumn);
        const QString spoken = index.data(Qt::AccessibleTextRole).toString();
        QVERIFY(spoken.startsWith(index.data(RevisionGraphModel::RevisionIdRole).toString()));
        if (index.data(RevisionGraphModel::AppliedRole).toBool()) {
            QVERIFY2(spoken.contains(QStringLiteral("applied")), qPrintable(spoken));
            ++applied;
        } else {
            QVERIFY2(spoken.contains(QStringLiteral("pending")), qPrintable(spoken));
            ++pending;
        }
    }
    QVERIFY(applied > 0 && pending > 0);
}

// The demo lives in a temporary folder: its path is no name for a window.
void TestStudioMenus::demoTitleIsAFriendlyName()
{
    OpenDemo d;
    QVERIFY(d.load(DemoProject::displayName()));
    QCOMPARE(d.window.windowTitle(), QStringLiteral("demo (blog, SQLite) — Tempest Studio"));
    QVERIFY(!d.window.windowTitle().contains(QDir(d.demo->directory()).dirName()));
    // A project of one's own keeps its folder and database in the title.
    OpenDemo plain;
    QVERIFY(plain.load());
    QVERIFY(plain.window.windowTitle().contains(QStringLiteral("demo.db")));
}

// Offscreen there is no desktop handler: "Open file" used to do nothing at all.
void TestStudioMenus::openFileWithoutADesktopHandlerShowsTheFile()
{
    OpenDemo d;
    QVERIFY(d.load());
    auto* pane = d.child<RevisionsPane>("revisionsPane");
    pane->view()->selectRevision(QStringLiteral("tags03"));
    const QString file = pane->view()->currentIndex().data(RevisionGraphModel::FileRole).toString();
    QVERIFY(QFileInfo::exists(file));
    if (QDesktopServices::openUrl(QUrl::fromLocalFile(file)))
        QSKIP("this platform opens files: the fallback is not reached");
    d.child<QPushButton>("openFileButton")->click();
    QDialog* viewer = nullptr;
    QTRY_VERIFY((viewer = d.window.findChild<QDialog*>(QStringLiteral("fileViewerDialog"))) && viewer->isVisible());
    auto* path = viewer->findChild<QLineEdit*>(QStringLiteral("filePathField"));
    QCOMPARE(path->text(), QDir::toNativeSeparators(file));
    QVERIFY(path->isReadOnly());
    path->selectAll();
    QCOMPARE(path->selectedText(), path->text());  // selectable, so copyable
    auto* text = viewer->findChild<QPlainTextEdit*>(QStringLiteral("fileText"));
    QVERIFY(text->isReadOnly());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(text->toPlainText(), QString::fromUtf8(f.readAll()));
    viewer->close();
}

QTEST_MAIN(TestStudioMenus)
#include "tst_studio_menus.moc"
