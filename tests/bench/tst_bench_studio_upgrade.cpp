// Studio's "Upgrade all" on the generated project (generate_bench_project), in the real
// MainWindow offscreen with a real SQLite database, clicked through its button. What a
// user notices is asserted: a progress event for every pending revision, in run order
// (the first names the first pending revision, the last the last, each carries the
// pending count), the database at the heads afterwards (asked of the core's
// projectStatus), and the GUI thread never blocked much longer than during the same
// run on a one-revision project. Times (opening until interactive, click until the
// first progress event) are printed for the report, never asserted: machines differ.
//
// Two projects of the same generator and shape: the full upgrade runs on the first
// 5,200 revisions of the 10,000 (5,000 tables created, then 200 added columns): on the
// full history SQLite's own ALTER TABLE work over a 5,000-table schema takes ~90 s (the
// `sqlite3` shell running the same SQL takes as long). The time to the first progress
// event is measured on the full 10,000-revision project, the run cancelled after it.
//
// For scripts/bench.sh: with TEMPEST_BENCH_STUDIO_TSV set, firstProgressOnTheLargeProject
// appends its measurements to that file as `name<TAB>ms` lines; TEMPEST_BENCH_STUDIO_PROJECT
// names the generated project to open instead of the CTest fixture's.

#include "core/project/status.h"
#include "studio/confirm_destructive_dialog.h"
#include "studio/main_window.h"
#include "studio/project.h"
#include "studio/project_snapshot.h"
#include "studio/run_controller.h"
#include "studio_bench_support.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace tempest;
using namespace tempest::studio;
using namespace tempest::studio::bench;

namespace {

struct ProgressRecord {
    int index = 0;
    int count = 0;
    QString revision;
    qint64 msSinceClick = 0;
};

struct Opened {
    qint64 interactiveMs = 0;  // openProject until loaded and the event loop is free again
};

/// Copies a generated project (tempest.json, models.json, migrations/) into `to`, so the
/// run creates its database there and the fixture stays untouched; returns the copy's
/// tempest.json, empty when the fixture is missing.
QString copyFixture(const QString& from, const QString& to)
{
    QDir().mkpath(to + "/migrations");
    for (const char* file : {"tempest.json", "models.json"})
        if (!QFile::copy(from + "/" + file, to + "/" + file))
            return {};
    QDirIterator it(from + "/migrations", {QStringLiteral("*.json")}, QDir::Files);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!QFile::copy(path, to + "/migrations/" + it.fileName()))
            return {};
    }
    return to + "/tempest.json";
}

/// Shows `window`, opens `projectFile` in it (inside the event loop, so its own time
/// counts) and waits until the panes show it and a zero timer queued after that has run:
/// the window takes input again.
bool openAndWait(MainWindow& window, const QString& projectFile, Opened& opened)
{
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    QSignalSpy loaded(&window, &MainWindow::snapshotLoaded);
    bool free = false;
    QElapsedTimer clock;
    QObject::connect(&window, &MainWindow::snapshotLoaded, &window, [&] {
        QTimer::singleShot(0, &window, [&] {
            if (!free)
                opened.interactiveMs = clock.elapsed();
            free = true;
        });
    }, Qt::SingleShotConnection);
    clock.start();
    QTimer::singleShot(0, &window, [&] { window.openProject(projectFile); });
    if (!loaded.wait(60000))
        return false;
    return QTest::qWaitFor([&] { return free; }, 10000);
}

/// The core's status of the project at `projectFile` (its database read-only).
ProjectStatus statusOf(const QString& projectFile)
{
    const tempest::Project project = openStudioProject(projectFile);
    const std::unique_ptr<Driver> db = openDatabaseReadOnly(project.config());
    return projectStatus(project, db.get(), StatusScope::FindingsOnly);
}

QStringList toQStringList(const std::vector<std::string>& ids)
{
    QStringList list;
    for (const auto& id : ids)
        list << QString::fromStdString(id);
    return list;
}

/// Clicks "Upgrade all" and records every progress event with its time since the click;
/// a destructive-operation confirmation, if one comes, is accepted.
class UpgradeAll {
public:
    explicit UpgradeAll(MainWindow& window) : m_window(window)
    {
        auto* runs = window.findChild<RunController*>();
        QObject::connect(runs, &RunController::runProgressed, &window,
                         [this](int index, int count, const QString& revision) {
                             events.push_back({index, count, revision, m_clock.elapsed()});
                         });
    }
    bool click()
    {
        auto* button = m_window.findChild<QPushButton*>(QStringLiteral("upgradeAllButton"));
        if (!button || !button->isEnabled())
            return false;
        m_clock.start();
        QTest::mouseClick(button, Qt::LeftButton);
        return true;
    }
    /// Waits for the first progress event (accepting a confirmation on the way).
    bool waitForFirst(int timeoutMs)
    {
        return QTest::qWaitFor([this] {
            if (auto* confirm = m_window.findChild<ConfirmDestructiveDialog*>(); confirm && confirm->isVisible())
                confirm->findChild<QPushButton*>(QStringLiteral("applyAnywayButton"))->click();
            return !events.empty();
        }, timeoutMs);
    }
    std::vector<ProgressRecord> events;

private:
    MainWindow& m_window;
    QElapsedTimer m_clock;
};

struct RunMeasure {
    qint64 stallMs = 0;  // the longest the GUI thread was blocked, click to reloaded
    qint64 runMs = 0;    // click to runFinished
    bool ok = false;
    QString message;
};

/// Upgrade all on the project open in `window`, to its end and the reload after it.
bool upgradeAllToTheEnd(MainWindow& window, UpgradeAll& run, RunMeasure& m)
{
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QSignalSpy loaded(&window, &MainWindow::snapshotLoaded);
    StallMeter meter;
    QElapsedTimer clock;
    meter.start();
    clock.start();
    if (!run.click() || !run.waitForFirst(60000))
        return false;
    if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 300000))
        return false;
    m.runMs = clock.elapsed();
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 60000))
        return false;
    QTest::qWait(100);
    m.stallMs = meter.stop();
    m.ok = finished.at(0).at(0).toBool();
    m.message = finished.at(0).at(1).toString();
    return true;
}

void writeOneRevisionProject(const QString& dir)
{
    writeEmptyProject(dir);
    QFile models(dir + "/models.json");
    models.open(QIODevice::WriteOnly | QIODevice::Truncate);
    models.write(R"({"tables": {"t0": {"columns": {"id": {"type": "integer", "nullable": false}}, "primaryKey": ["id"]}}})");
    QFile migration(dir + "/migrations/r00000_step.json");
    migration.open(QIODevice::WriteOnly);
    migration.write(R"({"revision": "r00000", "downRevision": [], "label": "step 0", "createdAt": "2026-01-01T00:00:00Z",
"up": [{"kind": "create_table", "table": "t0", "definition": {"columns": {"id": {"type": "integer", "nullable": false}}, "primaryKey": ["id"]}}]})");
}

/// Appends `name<TAB>ms` to $TEMPEST_BENCH_STUDIO_TSV when it is set.
void record(const char* name, qint64 ms)
{
    const QString path = qEnvironmentVariable("TEMPEST_BENCH_STUDIO_TSV");
    if (path.isEmpty())
        return;
    QFile out(path);
    if (out.open(QIODevice::Append | QIODevice::Text))
        out.write(QStringLiteral("%1\t%2\n").arg(QLatin1String(name)).arg(ms).toUtf8());
}

/// A stall is "the same" up to this factor of the one-revision run's, floored at this
/// many ms (an idle run stalls ~0 ms; a shared CI machine preempts for tens of ms).
constexpr qint64 kStallFactor = 10;
constexpr qint64 kStallFloorMs = 100;

} // namespace

class BenchStudioUpgrade : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tempest-db-bench"));
    }
    void upgradeAllReportsEveryRevisionInOrder();
    void firstProgressOnTheLargeProject();
};

void BenchStudioUpgrade::upgradeAllReportsEveryRevisionInOrder()
{

    // Baseline: the same click on a one-revision project, same machine, same run.
    QTemporaryDir smallDir;
    writeOneRevisionProject(smallDir.path());
    RunMeasure baseline;
    {
        MainWindow window;
        Opened opened;
        QVERIFY(openAndWait(window, smallDir.path() + "/tempest.json", opened));
        UpgradeAll run(window);
        QVERIFY(upgradeAllToTheEnd(window, run, baseline));
        QVERIFY2(baseline.ok, qPrintable(baseline.message));
        QCOMPARE(run.events.size(), std::size_t(1));
    }

    QTemporaryDir dir;
    const QString projectFile = copyFixture(QStringLiteral(TEMPEST_BENCH_UPGRADE_PROJECT), dir.path());
    QVERIFY2(!projectFile.isEmpty(), "run generate_bench_project first (the CTest fixture does)");
    const ProjectStatus before = statusOf(projectFile);
    const QStringList pending = toQStringList(before.pending);
    QVERIFY2(pending.size() >= 5000, qPrintable(QString::number(pending.size())));

    MainWindow window;
    Opened opened;
    QVERIFY(openAndWait(window, projectFile, opened));
    UpgradeAll run(window);
    RunMeasure big;
    QVERIFY(upgradeAllToTheEnd(window, run, big));
    QVERIFY2(big.ok, qPrintable(big.message));

    // One event per pending revision, in run order, each with the run's count.
    QCOMPARE(run.events.size(), std::size_t(pending.size()));
    QCOMPARE(run.events.front().revision, pending.front());
    QCOMPARE(run.events.back().revision, pending.back());
    for (std::size_t i = 0; i < run.events.size(); ++i) {
        const ProgressRecord& e = run.events[i];
        QVERIFY2(e.index == int(i) && e.count == pending.size() && e.revision == pending[int(i)],
                 qPrintable(QStringLiteral("event %1: index %2 of %3, %4 (expected %5)")
                                .arg(i).arg(e.index).arg(e.count).arg(e.revision, pending[int(i)])));
    }

    // The database is at the heads, as the core sees it.
    const ProjectStatus after = statusOf(projectFile);
    QVERIFY2(after.pending.empty(), qPrintable(QString::number(after.pending.size())));
    QCOMPARE(toQStringList(after.currentHeads), toQStringList(after.heads));
    QCOMPARE(int(after.appliedRows.size()), pending.size());

    const qint64 firstMs = run.events.front().msSinceClick;
    const qint64 lastMs = run.events.back().msSinceClick;
    qInfo().noquote() << QStringLiteral(
        "\n=== Studio: Upgrade all, %1 revisions (the first %1 of the generated history) ===\n"
        "one-revision project: run %2 ms, GUI stall %3 ms\n"
        "opened until interactive %4 ms\n"
        "click until first progress event %5 ms, until last %6 ms, until finished %7 ms\n"
        "GUI stall during the run and the reload after it %8 ms (x%9 the one-revision run)\n")
                             .arg(pending.size())
                             .arg(baseline.runMs)
                             .arg(baseline.stallMs)
                             .arg(opened.interactiveMs)
                             .arg(firstMs)
                             .arg(lastMs)
                             .arg(big.runMs)
                             .arg(big.stallMs)
                             .arg(ratio(big.stallMs, baseline.stallMs));
    const qint64 allowed = kStallFactor * std::max(baseline.stallMs, kStallFloorMs);
    QVERIFY2(big.stallMs <= allowed,
             qPrintable(QStringLiteral("the GUI thread was blocked %1 ms during the run (one-revision run: %2 ms)")
                            .arg(big.stallMs)
                            .arg(baseline.stallMs)));
}

void BenchStudioUpgrade::firstProgressOnTheLargeProject()
{

    // The anchor: a one-revision project, opened and upgraded in the same run.
    QTemporaryDir smallDir;
    writeOneRevisionProject(smallDir.path());
    Opened small;
    qint64 smallFirstMs = 0;
    {
        MainWindow window;
        QVERIFY(openAndWait(window, smallDir.path() + "/tempest.json", small));
        UpgradeAll run(window);
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(run.click());
        QVERIFY(run.waitForFirst(60000));
        smallFirstMs = run.events.front().msSinceClick;
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 60000));
    }

    // scripts/bench.sh names the project it generated at its size.
    const QString fixture = qEnvironmentVariable("TEMPEST_BENCH_STUDIO_PROJECT", QStringLiteral(TEMPEST_BENCH_PROJECT));
    QTemporaryDir dir;
    const QString projectFile = copyFixture(fixture, dir.path());
    QVERIFY2(!projectFile.isEmpty(), "run generate_bench_project first (the CTest fixture does)");
    const QStringList pending = toQStringList(statusOf(projectFile).pending);
    const int wanted = qEnvironmentVariableIsSet("TEMPEST_BENCH_STUDIO_PROJECT") ? 1 : 10000;
    QVERIFY2(pending.size() >= wanted, qPrintable(QString::number(pending.size())));

    MainWindow window;
    Opened opened;
    QVERIFY(openAndWait(window, projectFile, opened));
    UpgradeAll run(window);
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QVERIFY(run.click());
    QVERIFY(run.waitForFirst(120000));
    const qint64 firstMs = run.events.front().msSinceClick;
    // Cancel: the revision in flight is rolled back, the ones before it stay.
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("cancelRunButton")), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 120000));

    QCOMPARE(run.events.front().index, 0);
    QCOMPARE(run.events.front().count, pending.size());
    QCOMPARE(run.events.front().revision, pending.front());

    qInfo().noquote() << QStringLiteral(
        "\n=== Studio: the generated project, %1 revisions ===\n"
        "one-revision project: opened until interactive %2 ms, click until first progress event %3 ms\n"
        "large project: opened until interactive %4 ms, click until first progress event %5 ms\n")
                             .arg(pending.size())
                             .arg(small.interactiveMs)
                             .arg(smallFirstMs)
                             .arg(opened.interactiveMs)
                             .arg(firstMs);
    record("interactive_small", small.interactiveMs);
    record("first_progress_small", smallFirstMs);
    record("interactive", opened.interactiveMs);
    record("first_progress", firstMs);
}

QTEST_MAIN(BenchStudioUpgrade)
#include "tst_bench_studio_upgrade.moc"
