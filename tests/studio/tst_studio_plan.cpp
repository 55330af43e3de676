// Studio as a reviewer's tool (issue 10): the SQL pane previews the whole plan of
// "Upgrade/Downgrade to here" — statement for statement what the run executes (checked
// with a recording driver around a real SQLite connection) — and saves it; the
// destructive confirmation lists row counts and SQL; Stamp, Merge heads and Revert to
// base from the GUI; a failing revision opens the error dialog and stays in the event log.

#include "cli_test_project.h"
#include "recording_driver.h"

#include "core/dialect/sqlite/sqlite_render_split.h"
#include "core/ir/json.h"
#include "core/project/run_plan.h"
#include "drivers/sqlite/sqlite_driver.h"
#include "studio/confirm_destructive_dialog.h"
#include "studio/error_dialog.h"
#include "studio/event_log.h"
#include "studio/main_window.h"
#include "studio/revision_graph_model.h"
#include "studio/revisions_pane.h"
#include "studio/dag_view.h"
#include "studio/sql_pane.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

#include <regex>

using namespace tempest;
using namespace tempest::studio;
using namespace tempest::test;

namespace {

using Ids = std::vector<std::string>;

const char* const kNameNotNull =
    R"({"kind": "alter_column", "table": "users", "column": "name", "from": {"type": "text"},)"
    R"( "to": {"type": "text", "nullable": false, "default": {"value": "?"}}})";

/// r1 users (id, name, email) → r2 users.age → r3 users.name NOT NULL (a SQLite
/// rebuild) → r4 posts. r1 applied with three users, one without a name.
void writeChain(TestProject& p)
{
    p.writeConfig();
    p.writeModels(R"({"tables": {}})");
    p.writeMigration("r1", {}, "users",
                     {createTableOp("users", R"("name": {"type": "text"}, "email": {"type": "text"})")});
    p.writeMigration("r2", {"r1"}, "users.age", {addColumnOp("users", "age", "integer")});
    p.writeMigration("r3", {"r2"}, "name required", {kNameNotNull});
    p.writeMigration("r4", {"r3"}, "posts", {createTableOp("posts")});
}

std::unique_ptr<SqliteDriver> openDb(const std::string& path, bool create = false)
{
    SqliteOpenOptions options;
    options.create = create;
    return SqliteDriver::open(path, options);
}

/// Runs `target` with the core, as `tempest-migrate` does, on `db`.
void runCore(const TestProject& p, Direction direction, const std::string& target, Driver& db)
{
    const Project project = Project::open(p.path("tempest.json"), {}, {{}, p.dir(), {}});
    ProjectRun run(project, planRun(project, &db, direction, target));
    run.execute(db);
}

std::string withoutAppliedAt(const std::string& sql)
{
    static const std::regex timestamp("'[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z'");
    return std::regex_replace(sql, timestamp, "'<applied_at>'");
}

QStringList statementsOf(const std::string& script)
{
    QStringList out;
    for (const std::string& statement : splitSqliteStatements(script)) {
        QStringList lines = QString::fromStdString(withoutAppliedAt(statement)).split(QLatin1Char('\n'));
        while (!lines.isEmpty() && lines.front().startsWith(QLatin1String("--")))  // the script's headings
            lines.removeFirst();
        out << lines.join(QLatin1Char('\n')).trimmed();
    }
    return out;
}

struct OpenStudio {
    MainWindow window;

    bool load(const std::string& projectFile)
    {
        QSignalSpy loaded(&window, &MainWindow::snapshotLoaded);
        window.openProject(QString::fromStdString(projectFile));
        window.show();
        return loaded.wait(30000);
    }
    template <typename T>
    T* child(const char* name) { return window.findChild<T*>(QLatin1String(name)); }
    QModelIndex rowOf(const QString& revision)
    {
        auto* view = child<DagView>("dagView");
        for (int r = 0; r < view->model()->rowCount(); ++r)
            if (view->model()->index(r, 0).data(RevisionGraphModel::RevisionIdRole).toString() == revision)
                return view->model()->index(r, 0);
        return {};
    }
    /// Triggers the context menu action `name` on `revision` (none: the empty area).
    bool triggerMenuAction(const QString& revision, const char* name)
    {
        auto* pane = child<RevisionsPane>("revisionsPane");
        const QModelIndex index = revision.isEmpty() ? QModelIndex() : rowOf(revision);
        if (index.isValid())
            child<DagView>("dagView")->setCurrentIndex(index);
        std::unique_ptr<QMenu> menu(pane->contextMenuFor(index));
        QAction* action = menu->findChild<QAction*>(QLatin1String(name));
        if (!action)
            return false;
        action->trigger();
        return true;
    }
    /// Selects `revision`, clicks Show SQL and returns the preview once it is shown.
    QString previewOf(const QString& revision)
    {
        child<DagView>("dagView")->selectRevision(revision);
        QSignalSpy shown(&window, &MainWindow::revisionSqlShown);
        QTest::mouseClick(child<QPushButton>("showSqlButton"), Qt::LeftButton);
        if (!shown.wait(30000))
            return {};
        return child<QPlainTextEdit>("sqlPreview")->toPlainText();
    }
    QString eventLog() { return child<EventLog>("eventLog")->text(); }
};

template <typename T>
T* waitForDialog(MainWindow& window, const char* name)
{
    T* dialog = nullptr;
    (void)QTest::qWaitFor([&] { return (dialog = window.findChild<T*>(QLatin1String(name))) && dialog->isVisible(); }, 30000);
    return dialog;
}

} // namespace

class TestStudioPlan : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void previewIsWhatTheRunExecutes_data();
    void previewIsWhatTheRunExecutes();
    void destructiveDialogShowsRowsAndSqlAndRevertToBaseEmptiesTheVersionTable();
    void stampBaselinesAnExistingDatabase();
    void mergeHeadsWritesTheMergeRevision();
    void failingRevisionOpensTheErrorDialogAndStaysInTheLog();
};

void TestStudioPlan::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStudioPlan::previewIsWhatTheRunExecutes_data()
{
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("appliedAfter");
    QTest::newRow("upgrade to here: r2 and r3, a rebuild") << true << "r3" << QStringList{"r1", "r2", "r3"};
    QTest::newRow("downgrade to here: r4, r3 and r2") << false << "r1" << QStringList{"r1"};
}

void TestStudioPlan::previewIsWhatTheRunExecutes()
{
    QFETCH(bool, upgrade);
    QFETCH(QString, target);
    QFETCH(QStringList, appliedAfter);
    TestProject p;
    writeChain(p);
    {
        auto db = openDb(p.dbPath(), true);
        runCore(p, Direction::Upgrade, upgrade ? "r1" : "r4", *db);
        // Before r3 a user may have no name (the rebuild fills in the default).
        db->execute(std::string("INSERT INTO users (name, email) VALUES ('Ada', 'a@x'), (") +
                    (upgrade ? "NULL" : "'Bob'") + ", 'b@x'), ('Alan', NULL)");
    }
    OpenStudio studio;
    QVERIFY(studio.load(p.path("tempest.json")));
    const QString preview = studio.previewOf(target);
    // r3's NOT NULL (or its reversal) is a SQLite rebuild: a new table filled from the old.
    QVERIFY2(preview.contains(QLatin1String("CREATE TABLE")) && preview.contains(QLatin1String("INSERT INTO")),
             qPrintable(preview));
    for (const char* revision : upgrade ? std::vector<const char*>{"r2", "r3"} : std::vector<const char*>{"r4", "r3", "r2"})
        QVERIFY2(preview.contains(QLatin1String(revision)), revision);

    // "Save SQL…" writes the text shown.
    const QString saved = QDir(QString::fromStdString(p.dir())).filePath(QStringLiteral("plan.sql"));
    QVERIFY(studio.child<SqlPane>("sqlPane")->saveTo(saved));
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), preview);

    // The same plan run by the core on a copy of the database, through a recording driver:
    // every statement it sends (reads of the catalog and the version table aside) is the
    // preview's next statement.
    const std::string copy = p.path("copy.db");
    QVERIFY(QFile::copy(QString::fromStdString(p.dbPath()), QString::fromStdString(copy)));
    QStringList executed;
    {
        auto db = openDb(copy);
        RecordingDriver recording(*db);
        runCore(p, upgrade ? Direction::Upgrade : Direction::Downgrade, target.toStdString(), recording);
        for (const auto& entry : recording.entries()) {
            // The foreign-key check is a query the preview shows (a script runs it too).
            const bool read = entry.query && entry.sql.find("foreign_key_check") == std::string::npos;
            if (!read)
                executed << QString::fromStdString(withoutAppliedAt(entry.sql));
        }
    }
    const QStringList previewed = statementsOf(preview.toStdString());
    for (int i = 0; i < std::max(previewed.size(), executed.size()); ++i)
        QVERIFY2(i < previewed.size() && i < executed.size() && previewed[i] == executed[i].trimmed(),
                 qPrintable(QStringLiteral("statement %1:\npreviewed: %2\nexecuted:  %3")
                                .arg(i)
                                .arg(i < previewed.size() ? previewed[i] : QStringLiteral("(none)"),
                                     i < executed.size() ? executed[i] : QStringLiteral("(none)"))));

    // The Studio's own run ends where the recorded one did; its refresh clears the preview.
    QSignalSpy finished(&studio.window, &MainWindow::runFinished);
    QSignalSpy loaded(&studio.window, &MainWindow::snapshotLoaded);  // the refresh after the run
    studio.child<DagView>("dagView")->selectRevision(target);
    QTest::mouseClick(studio.child<QPushButton>(upgrade ? "upgradeHereButton" : "downgradeHereButton"), Qt::LeftButton);
    if (!upgrade) {  // reverting r2 drops users.age
        auto* confirm = waitForDialog<ConfirmDestructiveDialog>(studio.window, "confirmDestructiveDialog");
        QVERIFY(confirm);
        QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("applyAnywayButton")), Qt::LeftButton);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
    Ids expected;
    for (const QString& id : appliedAfter)
        expected.push_back(id.toStdString());
    QCOMPARE(p.appliedIds(), expected);
    QCOMPARE(openDb(p.dbPath())->query("SELECT sql FROM sqlite_schema WHERE name = 'users'").text(0, "sql"),
             openDb(copy)->query("SELECT sql FROM sqlite_schema WHERE name = 'users'").text(0, "sql"));
    QVERIFY(studio.child<QPlainTextEdit>("sqlPreview")->toPlainText().isEmpty());
    for (const char* revision : upgrade ? std::vector<const char*>{"r2", "r3"} : std::vector<const char*>{"r4", "r3", "r2"})
        QVERIFY2(studio.eventLog().contains(QStringLiteral("%1 %2").arg(upgrade ? "applied" : "reverted", revision)),
                 qPrintable(studio.eventLog()));
}

void TestStudioPlan::destructiveDialogShowsRowsAndSqlAndRevertToBaseEmptiesTheVersionTable()
{
    TestProject p;
    p.writeConfig();
    p.writeModels(R"({"tables": {}})");
    p.writeMigration("r1", {}, "users", {createTableOp("users", R"("name": {"type": "text"})")});
    p.writeMigration("r2", {"r1"}, "users.email", {addColumnOp("users", "email")});
    {
        auto db = openDb(p.dbPath(), true);
        runCore(p, Direction::Upgrade, "heads", *db);
        for (int i = 0; i < 7; ++i)
            db->execute("INSERT INTO users (name, email) VALUES ('n', 'e')");
    }
    OpenStudio studio;
    QVERIFY(studio.load(p.path("tempest.json")));

    // Downgrade to r1: one operation, the 7 rows' emails.
    studio.child<DagView>("dagView")->selectRevision(QStringLiteral("r1"));
    QTest::mouseClick(studio.child<QPushButton>("downgradeHereButton"), Qt::LeftButton);
    auto* confirm = waitForDialog<ConfirmDestructiveDialog>(studio.window, "confirmDestructiveDialog");
    QVERIFY(confirm);
    auto* table = confirm->findChild<QTableWidget*>(QStringLiteral("factsTable"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("r2"));
    QVERIFY2(table->item(0, 1)->text().startsWith(QLatin1String("drop column users.email")), qPrintable(table->item(0, 1)->text()));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("7 rows"));
    const QString sql = confirm->findChild<QPlainTextEdit*>(QStringLiteral("sqlView"))->toPlainText();
    QVERIFY2(sql.contains(QLatin1String("\"users\"")), qPrintable(sql));  // the statements of that operation
    // Cancel is the default: Enter changes nothing.
    QVERIFY(confirm->findChild<QPushButton*>(QStringLiteral("cancelButton"))->isDefault());
    QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QTest::qWait(200);
    QCOMPARE(p.appliedIds(), (Ids{"r1", "r2"}));

    // Revert to base: both revisions, each with the rows it loses; applied, nothing is left.
    QVERIFY(studio.triggerMenuAction({}, "revertToBaseAction"));
    confirm = waitForDialog<ConfirmDestructiveDialog>(studio.window, "confirmDestructiveDialog");
    QVERIFY(confirm);
    table = confirm->findChild<QTableWidget*>(QStringLiteral("factsTable"));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(1, 1)->text().left(16), QStringLiteral("drop table users"));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("7 rows"));
    table->selectRow(1);
    QVERIFY(confirm->findChild<QPlainTextEdit*>(QStringLiteral("sqlView"))->toPlainText().contains(QLatin1String("DROP TABLE \"users\"")));
    QSignalSpy finished(&studio.window, &MainWindow::runFinished);
    QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("applyAnywayButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(p.appliedIds(), Ids{});
    QCOMPARE(p.tables(), Ids{});
}

void TestStudioPlan::stampBaselinesAnExistingDatabase()
{
    TestProject p;
    p.writeConfig();
    p.writeModels(R"({"tables": {}})");
    p.writeMigration("r1", {}, "users", {createTableOp("users")});
    p.writeMigration("r2", {"r1"}, "posts", {createTableOp("posts")});
    openDb(p.dbPath(), true)->execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");  // made before tempest
    OpenStudio studio;
    QVERIFY(studio.load(p.path("tempest.json")));
    QVERIFY(studio.triggerMenuAction(QStringLiteral("r1"), "stampAction"));
    auto* box = waitForDialog<QMessageBox>(studio.window, "confirmStampDialog");
    QVERIFY(box);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QSignalSpy loaded(&studio.window, &MainWindow::snapshotLoaded);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("stampButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
    QCOMPARE(p.appliedIds(), Ids{"r1"});
    QCOMPARE(p.tables(), Ids{"users"});  // nothing was run
    QVERIFY(studio.rowOf(QStringLiteral("r1")).data(RevisionGraphModel::AppliedRole).toBool());
    QVERIFY(!studio.rowOf(QStringLiteral("r2")).data(RevisionGraphModel::AppliedRole).toBool());
    QVERIFY2(studio.eventLog().contains(QLatin1String("stamped r1")), qPrintable(studio.eventLog()));
}

void TestStudioPlan::mergeHeadsWritesTheMergeRevision()
{
    TestProject p;
    p.writeConfig();
    p.writeModels(R"({"tables": {}})");
    p.writeMigration("r1", {}, "users", {createTableOp("users")});
    p.writeMigration("r2a", {"r1"}, "posts", {createTableOp("posts")});
    p.writeMigration("r2b", {"r1"}, "tags", {createTableOp("tags")});
    OpenStudio studio;
    QVERIFY(studio.load(p.path("tempest.json")));
    QVERIFY(studio.triggerMenuAction({}, "mergeHeadsAction"));
    auto* dialog = waitForDialog<QInputDialog>(studio.window, "mergeMessageDialog");
    QVERIFY(dialog);
    dialog->setTextValue(QStringLiteral("join posts and tags"));
    QSignalSpy loaded(&studio.window, &MainWindow::snapshotLoaded);
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);

    const QStringList files = QDir(QString::fromStdString(p.path("migrations"))).entryList({"*.json"}, QDir::Files);
    QCOMPARE(files.size(), 4);
    QString merge;
    for (const QString& f : files)
        if (f.contains(QLatin1String("join_posts_and_tags")))
            merge = f;
    QVERIFY2(!merge.isEmpty(), qPrintable(files.join(", ")));
    const Json m = Json::parse(p.readFile("migrations/" + merge.toStdString()));
    QVERIFY2(m["downRevision"] == Json::array({"r2a", "r2b"}), m.dump().c_str());
    QCOMPARE(m["label"].get<std::string>(), std::string("join posts and tags"));
    // One head now: merging is no longer offered.
    QVERIFY(!studio.triggerMenuAction({}, "mergeHeadsAction"));
}

void TestStudioPlan::failingRevisionOpensTheErrorDialogAndStaysInTheLog()
{
    TestProject p;
    p.writeConfig();
    p.writeModels(R"({"tables": {}})");
    p.writeMigration("r1", {}, "users", {createTableOp("users")});
    p.writeMigration("r2", {"r1"}, "broken", {executeOp("INSERT INTO nosuch VALUES (1)", "SELECT 1")});
    openDb(p.dbPath(), true);
    OpenStudio studio;
    QVERIFY(studio.load(p.path("tempest.json")));
    QSignalSpy finished(&studio.window, &MainWindow::runFinished);
    QSignalSpy loaded(&studio.window, &MainWindow::snapshotLoaded);
    QTest::mouseClick(studio.child<QPushButton>("upgradeAllButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(!finished.at(0).at(0).toBool());
    auto* error = waitForDialog<ErrorDialog>(studio.window, "errorDialog");
    QVERIFY(error);
    const QString text = error->findChild<QPlainTextEdit*>(QStringLiteral("errorText"))->toPlainText();
    for (const char* part : {"revision r2 failed", "statement: INSERT INTO nosuch VALUES (1)", "no such table: nosuch"})
        QVERIFY2(text.contains(QLatin1String(part)), qPrintable(text));
    QVERIFY(error->findChild<QPlainTextEdit*>(QStringLiteral("errorText"))->isReadOnly());
    QCOMPARE(p.appliedIds(), Ids{"r1"});  // r1 committed, r2 rolled back
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
    const QString log = studio.eventLog();
    QVERIFY2(log.contains(QLatin1String("applied r1")) && log.contains(QLatin1String("INSERT INTO nosuch VALUES (1)")),
             qPrintable(log));
    QTest::mouseClick(studio.child<QPushButton>("clearEventLogButton"), Qt::LeftButton);
    QVERIFY(studio.eventLog().isEmpty());
}

QTEST_MAIN(TestStudioPlan)
#include "tst_studio_plan.moc"
