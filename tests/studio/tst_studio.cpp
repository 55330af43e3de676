// Tempest Studio through its real widgets on the embedded demo project: the three
// linked panes, drift marks, the revision DAG, upgrade/downgrade runs checked through a
// separate libsqlite3 connection, the destructive confirmation, "Generate migration",
// and the tempest-studio executable's --screenshot and headless fallback.

#include "drivers/sqlite/sqlite_driver.h"
#include "studio/confirm_destructive_dialog.h"
#include "studio/demo_project.h"
#include "studio/generate_migration_dialog.h"
#include "studio/main_window.h"
#include "studio/operation_list_model.h"
#include "studio/revision_graph_model.h"
#include "studio/schema_tree_model.h"

#include <QAction>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <set>

using namespace tempest;
using namespace tempest::studio;

namespace {

/// The demo extracted and opened in a main window, loaded.
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

/// The tables a tree shows at its top level (its placeholders for the other side's
/// tables left out).
QStringList topLevelTables(QAbstractItemView* view)
{
    QStringList names;
    auto* model = view->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (!model->index(r, 0).data(SchemaTreeModel::PlaceholderRole).toBool())
            names << model->index(r, 0).data(SchemaTreeModel::TableNameRole).toString();
    return names;
}

QModelIndex tableIndex(QTreeView* tree, const QString& name)
{
    auto* model = tree->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(SchemaTreeModel::TableNameRole).toString() == name)
            return model->index(r, 0);
    return {};
}

void clickIndex(QAbstractItemView* view, const QModelIndex& index)
{
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

/// The version table's ids by seq, read through libsqlite3 (not through the Studio).
std::vector<std::string> appliedIds(const QString& databaseFile)
{
    SqliteOpenOptions options;
    options.create = false;
    auto driver = SqliteDriver::open(databaseFile.toStdString(), options);
    ResultSet rows = driver->query("SELECT id FROM tempest_db_migrations ORDER BY seq");
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < rows.rows.size(); ++i)
        ids.push_back(rows.text(i, "id"));
    return ids;
}

std::set<std::string> asSet(const std::vector<std::string>& ids) { return {ids.begin(), ids.end()}; }

bool selectRevision(QAbstractItemView* dag, const QString& revision)
{
    for (int r = 0; r < dag->model()->rowCount(); ++r) {
        const QModelIndex index = dag->model()->index(r, 0);
        if (index.data(RevisionGraphModel::RevisionIdRole).toString() == revision) {
            clickIndex(dag, index);
            return dag->currentIndex() == index;
        }
    }
    return false;
}

/// Everything a user could observe of a SQLite database's state: its schema objects
/// (with their SQL) and the version table's rows, read through libsqlite3.
QStringList sqliteState(const QString& databaseFile)
{
    SqliteOpenOptions options;
    options.create = false;
    auto driver = SqliteDriver::open(databaseFile.toStdString(), options);
    QStringList state;
    ResultSet objects = driver->query("SELECT type, name, coalesce(sql, '') AS sql FROM sqlite_master ORDER BY type, name");
    for (std::size_t i = 0; i < objects.rows.size(); ++i)
        state << QString::fromStdString(objects.text(i, "type") + " " + objects.text(i, "name") + ": "
                                        + objects.text(i, "sql"));
    ResultSet versions = driver->query("SELECT seq, id FROM tempest_db_migrations ORDER BY seq");
    for (std::size_t i = 0; i < versions.rows.size(); ++i)
        state << QString::fromStdString("version " + versions.text(i, "seq") + " " + versions.text(i, "id"));
    return state;
}

void writeFile(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

/// A SQLite project whose third revision is slow: `slow03` creates `big` and fills it with
/// many statements, each a recursive CTE inserting rows, so a run spends seconds in it.
void writeSlowProject(const QString& dir)
{
    writeFile(dir + "/tempest.json",
              R"({"dialect": "sqlite", "database": "slow.db", "migrations": "migrations", "models": "models.json"})");
    writeFile(dir + "/models.json", R"({"tables": {
        "t1": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]},
        "t2": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]},
        "big": {"columns": {"n": {"type": "integer"}}}}})");
    writeFile(dir + "/migrations/a01_create_t1.json", R"({"revision": "a01", "downRevision": [], "label": "create t1",
        "createdAt": "2026-01-01T00:00:00Z",
        "up": [{"kind": "create_table", "table": "t1", "definition": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}]})");
    writeFile(dir + "/migrations/a02_create_t2.json", R"({"revision": "a02", "downRevision": ["a01"], "label": "create t2",
        "createdAt": "2026-01-02T00:00:00Z",
        "up": [{"kind": "create_table", "table": "t2", "definition": {"columns": {"id": {"type": "integer"}}, "primaryKey": ["id"]}}]})");
    QByteArray ops = R"({"kind": "create_table", "table": "big", "definition": {"columns": {"n": {"type": "integer"}}}})";
    // ~200 statements of 200,000 rows each: far longer than the test needs to press Cancel.
    for (int i = 0; i < 200; ++i)
        ops += R"(, {"kind": "execute", "up": {"sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) INSERT INTO big (n) SELECT x FROM c"}, "down": {"sqlite": "DELETE FROM big"}})";
    writeFile(dir + "/migrations/slow03_fill_big.json", R"({"revision": "slow03", "downRevision": ["a02"], "label": "fill big",
        "createdAt": "2026-01-03T00:00:00Z", "up": [)" + ops + "]}");
}

} // namespace

class TestStudio : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void demoOpensWithThreeLinkedPanes();
    void selectionSyncs_data();
    void selectionSyncs();
    void driftIsMarked();
    void filterNarrowsBothTrees();
    void dagShowsEveryRevisionWithLaneAndState();
    void upgradeToHereAppliesItAndItsAncestorsOnly();
    void destructiveRunAsksAndCancelChangesNothing();
    void cancelDuringLongUpgradeLeavesDatabaseAsBeforeRevisionInFlight();
    void generateMigrationWritesAFile();
    void screenshotWritesANonTrivialPng_data();
    void screenshotWritesANonTrivialPng();
    void screenshotRefusesAnUnknownState();
    void headlessFallsBackToOffscreenWithAMessage();
};

void TestStudio::initTestCase()
{
    // Keep the user's real settings out of (and untouched by) the tests.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("tempest-db-tests"));
}

void TestStudio::demoOpensWithThreeLinkedPanes()
{
    OpenDemo d;
    QVERIFY(d.load());
    auto* models = d.child<QTreeView>("modelsTree");
    auto* database = d.child<QTreeView>("databaseTree");
    auto* ops = d.child<QListView>("operationsView");
    QVERIFY(models && database && ops);
    QStringList expectedModels{"users", "posts", "tags", "post_tags", "comments", "audit_log"};
    QCOMPARE(topLevelTables(models), expectedModels);
    // The demo database has the first three revisions: users and posts (no version table shown).
    QStringList live = topLevelTables(database);
    live.sort();
    QCOMPARE(live, (QStringList{"posts", "users"}));
    // Every table an operation touches is in one of the trees, and every models table
    // missing from the database has an operation.
    QSet<QString> opTables;
    for (int r = 0; r < ops->model()->rowCount(); ++r)
        opTables << ops->model()->index(r, 0).data(OperationListModel::TableNameRole).toString();
    for (const QString& t : opTables)
        QVERIFY2(expectedModels.contains(t) || t == QLatin1String("posts"), qPrintable(t));
    for (const char* t : {"tags", "post_tags", "comments", "audit_log"})
        QVERIFY2(opTables.contains(QLatin1String(t)), t);
}

void TestStudio::selectionSyncs_data()
{
    QTest::addColumn<QString>("sourceView");
    QTest::addColumn<QString>("table");
    QTest::newRow("models tree → others") << "modelsTree" << "posts";
    QTest::newRow("database tree → others") << "databaseTree" << "users";
    QTest::newRow("diff list → trees") << "operationsView" << "audit_log";
}

void TestStudio::selectionSyncs()
{
    QFETCH(QString, sourceView);
    QFETCH(QString, table);
    OpenDemo d;
    QVERIFY(d.load());
    auto* models = d.child<QTreeView>("modelsTree");
    auto* database = d.child<QTreeView>("databaseTree");
    auto* ops = d.child<QListView>("operationsView");
    if (sourceView == QLatin1String("operationsView")) {
        int row = -1;
        for (int r = 0; r < ops->model()->rowCount() && row < 0; ++r)
            if (ops->model()->index(r, 0).data(OperationListModel::TableNameRole).toString() == table)
                row = r;
        QVERIFY(row >= 0);
        clickIndex(ops, ops->model()->index(row, 0));
    } else {
        auto* tree = d.child<QTreeView>(qPrintable(sourceView));
        clickIndex(tree, tableIndex(tree, table));
    }
    QTRY_COMPARE(models->currentIndex().data(SchemaTreeModel::TableNameRole).toString(), table);
    if (table != QLatin1String("audit_log"))
        QCOMPARE(database->currentIndex().data(SchemaTreeModel::TableNameRole).toString(), table);
    else  // not in the database: its placeholder row, the same row as in the models tree
        QVERIFY(database->currentIndex().data(SchemaTreeModel::PlaceholderRole).toBool());
    QCOMPARE(database->currentIndex().row(), models->currentIndex().row());
    const auto selected = ops->selectionModel()->selectedRows();
    QVERIFY(!selected.isEmpty());
    for (const auto& index : selected)
        QCOMPARE(index.data(OperationListModel::TableNameRole).toString(), table);
    // The SQL preview shows the selected operations' SQL, naming the table.
    QTRY_VERIFY(d.child<QPlainTextEdit>("sqlPreview")->toPlainText().contains(table));
}

void TestStudio::driftIsMarked()
{
    OpenDemo d;
    QVERIFY(d.load());
    auto* database = d.child<QTreeView>("databaseTree");
    auto* models = d.child<QTreeView>("modelsTree");
    const QModelIndex posts = tableIndex(database, QStringLiteral("posts"));
    QCOMPARE(posts.data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Changed));
    QVERIFY(posts.data(Qt::DisplayRole).toString().startsWith(QLatin1Char('~')));
    // posts.draft was added by hand: only in the database.
    const QModelIndex columns = database->model()->index(0, 0, posts);
    bool draftFound = false, bodyFound = false;
    for (int r = 0; r < database->model()->rowCount(columns); ++r) {
        const QModelIndex column = database->model()->index(r, 0, columns);
        if (column.data().toString().endsWith(QLatin1String("body"))) {
            // posts.body got a default by hand: a changed column that says what changed,
            // database → models.
            bodyFound = true;
            QCOMPARE(column.data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Changed));
            QCOMPARE(column.siblingAtColumn(2).data().toString(), QStringLiteral("default: '' → none"));
        } else if (column.data().toString().endsWith(QLatin1String("draft"))) {
            draftFound = true;
            QCOMPARE(column.data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Removed));
            QVERIFY(column.data(Qt::ForegroundRole).value<QColor>().isValid());
        } else if (column.data().toString().endsWith(QLatin1String("title"))) {
            QCOMPARE(column.data(SchemaTreeModel::DiffStateRole).toInt(), int(DiffState::Same));
        }
    }
    QVERIFY(draftFound);
    QVERIFY(bodyFound);
    QCOMPARE(tableIndex(models, QStringLiteral("audit_log")).data(SchemaTreeModel::DiffStateRole).toInt(),
             int(DiffState::Added));
    QVERIFY2(d.child<QLabel>("driftLabel")->text().contains(QLatin1String("Drift")),
             qPrintable(d.child<QLabel>("driftLabel")->text()));
}

void TestStudio::filterNarrowsBothTrees()
{
    OpenDemo d;
    QVERIFY(d.load());
    QTest::keyClicks(d.child<QLineEdit>("filterEdit"), QStringLiteral("post"));
    QCOMPARE(topLevelTables(d.child<QTreeView>("modelsTree")), (QStringList{"posts", "post_tags"}));
    QCOMPARE(topLevelTables(d.child<QTreeView>("databaseTree")), QStringList{"posts"});
    // The aligned trees keep the same rows: post_tags is a placeholder in the database tree.
    QCOMPARE(d.child<QTreeView>("databaseTree")->model()->rowCount(), 2);
}

void TestStudio::dagShowsEveryRevisionWithLaneAndState()
{
    OpenDemo d;
    QVERIFY(d.load());
    auto* dag = d.child<QAbstractItemView>("dagView");
    QVERIFY(dag);
    auto* model = dag->model();
    QCOMPARE(model->rowCount(), 6);
    QHash<QString, QModelIndex> rows;
    QStringList order;
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, 0);
        rows.insert(index.data(RevisionGraphModel::RevisionIdRole).toString(), index);
        order << index.data(RevisionGraphModel::RevisionIdRole).toString();
    }
    // Newest first: the head on top, the base at the bottom.
    QCOMPARE(order.front(), QStringLiteral("comments05"));
    QCOMPARE(order.back(), QStringLiteral("base01"));
    // The two branches sit on different lanes; the line comes back for the merge.
    QVERIFY(rows["score03"].data(RevisionGraphModel::LaneRole) != rows["tags03"].data(RevisionGraphModel::LaneRole));
    QCOMPARE(rows["merge04"].data(RevisionGraphModel::LaneRole), rows["comments05"].data(RevisionGraphModel::LaneRole));
    QCOMPARE(rows["posts02"].data(RevisionGraphModel::LaneRole), rows["base01"].data(RevisionGraphModel::LaneRole));
    QVERIFY(rows["merge04"].data(RevisionGraphModel::MergeRole).toBool());
    for (const char* id : {"base01", "posts02", "score03"})
        QVERIFY2(rows[id].data(RevisionGraphModel::AppliedRole).toBool(), id);
    for (const char* id : {"tags03", "merge04", "comments05"})
        QVERIFY2(!rows[id].data(RevisionGraphModel::AppliedRole).toBool(), id);
    QVERIFY(rows["score03"].data(RevisionGraphModel::CurrentRole).toBool());
    QVERIFY(!rows["posts02"].data(RevisionGraphModel::CurrentRole).toBool());
    QVERIFY(rows["comments05"].data(RevisionGraphModel::HeadRole).toBool());
    QVERIFY(!rows["merge04"].data(RevisionGraphModel::HeadRole).toBool());
}

void TestStudio::upgradeToHereAppliesItAndItsAncestorsOnly()
{
    OpenDemo d;
    QVERIFY(d.load());
    auto* dag = d.child<QAbstractItemView>("dagView");
    QSignalSpy finished(&d.window, &MainWindow::runFinished);
    // Every run ends with a refresh; counted from here so a fast one is not missed.
    QSignalSpy loaded(&d.window, &MainWindow::snapshotLoaded);

    // Down to base01 first: reverting posts02 drops a table, so the Studio asks.
    QVERIFY(selectRevision(dag, QStringLiteral("base01")));
    QTest::mouseClick(d.child<QPushButton>("downgradeHereButton"), Qt::LeftButton);
    ConfirmDestructiveDialog* confirm = nullptr;
    QTRY_VERIFY((confirm = d.window.findChild<ConfirmDestructiveDialog*>()) != nullptr);
    QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("applyAnywayButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(appliedIds(d.demo->databaseFile()), std::vector<std::string>{"base01"});
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);

    // Up to tags03: it and its ancestors, not the other branch (score03) nor anything after.
    QVERIFY(selectRevision(dag, QStringLiteral("tags03")));
    QTest::mouseClick(d.child<QPushButton>("upgradeHereButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(1).toString()));
    QCOMPARE(asSet(appliedIds(d.demo->databaseFile())), (std::set<std::string>{"base01", "posts02", "tags03"}));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 30000);
    QCOMPARE(dag->model()->index(dag->model()->rowCount() - 1, 0).data(RevisionGraphModel::AppliedRole).toBool(), true);
}

void TestStudio::destructiveRunAsksAndCancelChangesNothing()
{
    OpenDemo d;
    QVERIFY(d.load());
    const auto before = appliedIds(d.demo->databaseFile());
    QSignalSpy finished(&d.window, &MainWindow::runFinished);
    // Upgrade all reaches comments05, which drops users.name.
    QTest::mouseClick(d.child<QPushButton>("upgradeAllButton"), Qt::LeftButton);
    ConfirmDestructiveDialog* confirm = nullptr;
    QTRY_VERIFY((confirm = d.window.findChild<ConfirmDestructiveDialog*>()) != nullptr);
    auto* losses = confirm->findChild<QTableWidget*>(QStringLiteral("factsTable"));
    QCOMPARE(losses->rowCount(), 1);
    const QString loss = losses->item(0, 1)->text();
    QVERIFY2(loss.contains(QLatin1String("users")) && loss.contains(QLatin1String("name")), qPrintable(loss));
    QCOMPARE(losses->item(0, 3)->text(), QStringLiteral("2 rows"));  // Ada and Alan
    QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QTRY_VERIFY(d.window.findChild<ConfirmDestructiveDialog*>() == nullptr || !confirm->isVisible());
    QTest::qWait(300);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(appliedIds(d.demo->databaseFile()), before);
    SqliteOpenOptions options;
    options.create = false;
    auto check = SqliteDriver::open(d.demo->databaseFile().toStdString(), options);
    QCOMPARE(check->query("SELECT name FROM users ORDER BY id").text(0, "name"), std::string("Ada"));
}

void TestStudio::cancelDuringLongUpgradeLeavesDatabaseAsBeforeRevisionInFlight()
{
    QTemporaryDir dir;
    writeSlowProject(dir.path());
    if (QTest::currentTestFailed())
        return;
    const QString database = dir.filePath(QStringLiteral("slow.db"));
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::snapshotLoaded);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    window.openProject(dir.filePath(QStringLiteral("tempest.json")));
    window.show();
    QVERIFY(loaded.wait(30000));
    auto* dag = window.findChild<QAbstractItemView*>(QStringLiteral("dagView"));
    QCOMPARE(dag->model()->rowCount(), 3);

    // The state "before the revision in flight": a01 and a02 applied through the Studio.
    QVERIFY(selectRevision(dag, QStringLiteral("a02")));
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("upgradeHereButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 30000);
    const QStringList before = sqliteState(database);
    QVERIFY2(before.contains(QStringLiteral("version 2 a02")), qPrintable(before.join('\n')));
    QVERIFY(!before.join('\n').contains(QLatin1String("table big")));

    // Upgrade all: slow03 is the only revision left; cancel while it runs.
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("upgradeAllButton")), Qt::LeftButton);
    auto* progress = window.findChild<QProgressBar*>(QStringLiteral("runProgress"));
    auto* cancel = window.findChild<QPushButton*>(QStringLiteral("cancelRunButton"));
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible() && cancel->isVisible(), 10000);
    QCOMPARE(finished.count(), 1);  // still running: the revision takes far longer than this
    QTest::qWait(200);              // well inside slow03's statements
    QVERIFY2(finished.count() == 1, "slow03 finished before Cancel could be pressed");
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY(!finished.at(1).at(0).toBool());
    QVERIFY2(finished.at(1).at(1).toString().contains(QLatin1String("Cancelled")), qPrintable(finished.at(1).at(1).toString()));
    QTRY_VERIFY(!cancel->isVisible());

    // Exactly as before slow03: same schema objects, same version rows, no `big`.
    QCOMPARE(sqliteState(database), before);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, 30000);
    QVERIFY(!dag->model()->index(0, 0).data(RevisionGraphModel::AppliedRole).toBool());
}

void TestStudio::generateMigrationWritesAFile()
{
    OpenDemo d;
    QVERIFY(d.load());
    const QDir migrations(QDir(d.demo->directory()).filePath(QStringLiteral("migrations")));
    const int filesBefore = int(migrations.entryList({QStringLiteral("*.json")}, QDir::Files).size());
    d.window.findChild<QAction*>(QStringLiteral("generateMigrationAction"))->trigger();
    GenerateMigrationDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = d.window.findChild<GenerateMigrationDialog*>()) != nullptr);
    auto* ops = dialog->findChild<QListWidget*>(QStringLiteral("operationList"));
    QCOMPARE(ops->count(), 1);  // the models differ from the heads by audit_log only
    QVERIFY(ops->item(0)->text().contains(QLatin1String("audit_log")));
    auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveButton"));
    QVERIFY(!save->isEnabled());  // no label yet
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("labelEdit")), QStringLiteral("add audit log"));
    QVERIFY(dialog->findChild<QPlainTextEdit*>(QStringLiteral("previewEdit"))->toPlainText().contains(
        QLatin1String("\"create_table\"")));
    QSignalSpy loaded(&d.window, &MainWindow::snapshotLoaded);
    QTest::mouseClick(save, Qt::LeftButton);
    const QStringList files = migrations.entryList({QStringLiteral("*_add_audit_log.json")}, QDir::Files);
    QCOMPARE(files.size(), 1);
    QCOMPARE(int(migrations.entryList({QStringLiteral("*.json")}, QDir::Files).size()), filesBefore + 1);
    // The Studio refreshes: the new revision is the new head.
    QVERIFY(loaded.wait(30000));
    auto* dag = d.child<QAbstractItemView>("dagView");
    QCOMPARE(dag->model()->rowCount(), 7);
    QVERIFY(files.front().startsWith(dag->model()->index(0, 0).data(RevisionGraphModel::RevisionIdRole).toString()));
}

void TestStudio::screenshotWritesANonTrivialPng_data()
{
    // The README's pictures: each state the option can select.
    QTest::addColumn<QString>("state");
    QTest::newRow("default") << QString();
    QTest::newRow("findings") << QStringLiteral("findings");
    QTest::newRow("compare") << QStringLiteral("compare");
    QTest::newRow("plan") << QStringLiteral("plan");
}

void TestStudio::screenshotWritesANonTrivialPng()
{
    QFETCH(QString, state);
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("out.png"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    process.setProcessEnvironment(env);
    QStringList args{QStringLiteral("--demo"), QStringLiteral("--screenshot"), png};
    if (!state.isEmpty())
        args << QStringLiteral("--screenshot-state") << state;
    process.start(QStringLiteral(TEMPEST_STUDIO_EXE), args);
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(QFileInfo(png).size() > 0);
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 400 && image.height() > 300);
    // Not a blank canvas: many distinct colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
}

void TestStudio::screenshotRefusesAnUnknownState()
{
    QTemporaryDir dir;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TEMPEST_STUDIO_EXE),
                  {QStringLiteral("--demo"), QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")),
                   QStringLiteral("--screenshot-state"), QStringLiteral("everything")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("compare, findings or plan"));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x.png"))));
}

void TestStudio::headlessFallsBackToOffscreenWithAMessage()
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("out.png"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TEMPEST_STUDIO_EXE), {QStringLiteral("--demo"), QStringLiteral("--screenshot"), png});
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("QT_QPA_PLATFORM=offscreen")), qPrintable(err));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(!QImage(png).isNull());
}

QTEST_MAIN(TestStudio)
#include "tst_studio.moc"
