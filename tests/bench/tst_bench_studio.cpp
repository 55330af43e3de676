// Studio benchmark on the generated project (generate_bench_project: 5,000 tables,
// 10,000 branchy revisions) in the real MainWindow, offscreen. A 5 ms heartbeat QTimer
// measures the longest event-loop stall (largest gap minus the interval) while the
// project loads and while the DAG view scrolls from top to bottom through its scroll
// bar; the same is measured on an empty project in the same run, and the report gives
// ratios against it (no absolute timing assertions: machines differ). What is asserted
// is structural: each frame of the DAG paints only the visible rows (plus a margin).

#include "studio/dag_delegate.h"
#include "studio/main_window.h"
#include "studio_bench_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace tempest::studio;
using namespace tempest::studio::bench;

namespace {

constexpr int kScrollSteps = 400;

/// Counts the DAG delegate's painted rows per viewport paint event (a frame).
class FrameCounter : public QObject {
public:
    FrameCounter(QWidget* viewport, const DagDelegate* delegate) : m_delegate(delegate)
    {
        viewport->installEventFilter(this);
    }
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            closeFrame(), m_frameStart = m_delegate->paintedRows(), m_open = true;
        return false;
    }
    void closeFrame()
    {
        if (!m_open)
            return;
        const quint64 rows = m_delegate->paintedRows() - m_frameStart;
        m_maxRows = std::max(m_maxRows, rows);
        m_totalRows += rows;
        ++m_frames;
        m_open = false;
    }
    quint64 maxRows() const { return m_maxRows; }
    quint64 frames() const { return m_frames; }
    quint64 totalRows() const { return m_totalRows; }

private:
    const DagDelegate* m_delegate;
    quint64 m_frameStart = 0, m_maxRows = 0, m_totalRows = 0, m_frames = 0;
    bool m_open = false;
};

struct Measurement {
    qint64 loadStallMs = 0;
    qint64 loadMs = 0;
    qint64 scrollStallMs = 0;
    qint64 scrollMs = 0;
    int revisions = 0;
    int visibleRows = 0;
    quint64 maxRowsPerFrame = 0;
    quint64 frames = 0;
    quint64 totalRows = 0;
};

/// Opens `projectFile` in a fresh window and scrolls its DAG top to bottom.
bool measure(const QString& projectFile, Measurement& m)
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    auto* dag = window.findChild<QAbstractItemView*>(QStringLiteral("dagView"));
    auto* delegate = dag ? qobject_cast<DagDelegate*>(dag->itemDelegate()) : nullptr;
    if (!delegate)
        return false;
    QSignalSpy loaded(&window, &MainWindow::snapshotLoaded);
    StallMeter meter;

    // Load: from openProject (inside the event loop, so its own time counts) until the
    // panes show the result and the events that follow have been handled.
    QElapsedTimer clock;
    clock.start();
    meter.start();
    QTimer::singleShot(0, &window, [&] { window.openProject(projectFile); });
    if (!loaded.wait(60000))
        return false;
    m.loadMs = clock.elapsed();
    QTest::qWait(100);
    m.loadStallMs = meter.stop();
    m.revisions = dag->model()->rowCount();

    // Scroll: the scroll bar from top to bottom in steps, letting the loop paint each.
    FrameCounter frames(dag->viewport(), delegate);
    QScrollBar* bar = dag->verticalScrollBar();
    const int rowHeight = dag->model()->rowCount() ? std::max(1, dag->sizeHintForRow(0)) : 1;
    m.visibleRows = dag->viewport()->height() / rowHeight + 1;
    clock.restart();
    meter.start();
    for (int step = 0; step <= kScrollSteps; ++step) {
        bar->setValue(bar->minimum() + int(qint64(bar->maximum() - bar->minimum()) * step / kScrollSteps));
        QCoreApplication::processEvents();
        QTest::qWait(1);
    }
    QTest::qWait(20);
    m.scrollStallMs = meter.stop();
    m.scrollMs = clock.elapsed();
    frames.closeFrame();
    m.maxRowsPerFrame = frames.maxRows();
    m.frames = frames.frames();
    m.totalRows = frames.totalRows();
    return true;
}

} // namespace

class BenchStudio : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tempest-db-bench"));
    }
    void largeProjectLoadsAndScrolls();
};

void BenchStudio::largeProjectLoadsAndScrolls()
{
    const QString bigProject = QStringLiteral(TEMPEST_BENCH_PROJECT "/tempest.json");
    QVERIFY2(QFile::exists(bigProject), "run generate_bench_project first (the CTest fixture bench_project does)");
    QTemporaryDir emptyDir;
    Measurement baseline, big;
    QVERIFY(measure(writeEmptyProject(emptyDir.path()), baseline));
    QVERIFY(measure(bigProject, big));
    QVERIFY2(big.revisions >= 10000, qPrintable(QString::number(big.revisions)));

    qInfo().noquote() << QStringLiteral(
        "\n=== Tempest Studio benchmark (heartbeat %1 ms) ===\n"
        "baseline (empty project): load %2 ms, load stall %3 ms, scroll stall %4 ms\n"
        "large project (%5 revisions): load %6 ms, load stall %7 ms (x%8 baseline)\n"
        "DAG scroll top to bottom, %9 steps in %10 ms: stall %11 ms (x%12 baseline)\n"
        "DAG frames: %13, rows painted: %14, max rows per frame %15 (visible rows %16)\n")
                             .arg(kHeartbeatMs)
                             .arg(baseline.loadMs)
                             .arg(baseline.loadStallMs)
                             .arg(baseline.scrollStallMs)
                             .arg(big.revisions)
                             .arg(big.loadMs)
                             .arg(big.loadStallMs)
                             .arg(ratio(big.loadStallMs, baseline.loadStallMs))
                             .arg(kScrollSteps)
                             .arg(big.scrollMs)
                             .arg(big.scrollStallMs)
                             .arg(ratio(big.scrollStallMs, baseline.scrollStallMs))
                             .arg(big.frames)
                             .arg(big.totalRows)
                             .arg(big.maxRowsPerFrame)
                             .arg(big.visibleRows);

    // The DAG paints only visible rows: a frame never paints more than what fits in the
    // viewport plus a partial row at each edge.
    QVERIFY2(big.frames > 0, "the DAG was never painted while scrolling");
    QVERIFY2(big.maxRowsPerFrame <= quint64(big.visibleRows + 2),
             qPrintable(QStringLiteral("a frame painted %1 rows; %2 are visible").arg(big.maxRowsPerFrame).arg(big.visibleRows)));
}

QTEST_MAIN(BenchStudio)
#include "tst_bench_studio.moc"
