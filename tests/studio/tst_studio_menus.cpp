// The menu bar as a keyboard user and a bug reporter meet it: Help > About with the
// run-time versions and a documentation link, View with a checkable action per pane and
// "Reset layout".

#include "studio/about_dialog.h"
#include "studio/demo_project.h"
#include "studio/main_window.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
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

    bool load()
    {
        QSignalSpy loaded(&window, &MainWindow::snapshotLoaded);
        window.openProject(demo->projectFile());
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

} // namespace

class TestStudioMenus : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void aboutShowsRuntimeVersionsAndADocsLink();
    void viewMenuHidesAndShowsEveryPane();
    void resetLayoutShowsEverythingAndForgetsTheSavedLayout();
};

void TestStudioMenus::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("tempest-db-tests"));
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

QTEST_MAIN(TestStudioMenus)
#include "tst_studio_menus.moc"
