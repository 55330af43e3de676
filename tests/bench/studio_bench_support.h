#pragma once
// What the Studio benchmarks share: the event-loop stall meter (a heartbeat QTimer whose
// largest gap, minus its interval, is the longest time the GUI thread was blocked) and
// an empty project to measure the same things against on the same machine in the same run.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QTimer>

#include <algorithm>

namespace tempest::studio::bench {

constexpr int kHeartbeatMs = 5;

/// Largest gap between heartbeat ticks while it runs, minus the interval.
class StallMeter : public QObject {
public:
    StallMeter()
    {
        m_timer.setInterval(kHeartbeatMs);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_maxGap = std::max(m_maxGap, m_clock.restart());
        });
    }
    void start()
    {
        m_maxGap = 0;
        m_clock.start();
        m_timer.start();
    }
    /// The stall in ms, counting the time since the last tick too.
    qint64 stop()
    {
        m_timer.stop();
        m_maxGap = std::max(m_maxGap, m_clock.elapsed());
        return std::max<qint64>(0, m_maxGap - kHeartbeatMs);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_maxGap = 0;
};

/// A SQLite project in `dir` with no tables and no revisions; returns its tempest.json.
inline QString writeEmptyProject(const QString& dir)
{
    QDir().mkpath(dir + "/migrations");
    QFile models(dir + "/models.json");
    models.open(QIODevice::WriteOnly);
    models.write(R"({"tables": {}})");
    QFile project(dir + "/tempest.json");
    project.open(QIODevice::WriteOnly);
    project.write(R"({"dialect": "sqlite", "database": "empty.db", "migrations": "migrations", "models": "models.json"})");
    return dir + "/tempest.json";
}

/// "1.0" for value / baseline, a baseline under 1 ms (timer jitter) counted as 1 ms.
inline QString ratio(qint64 value, qint64 baseline)
{
    return QString::number(double(value) / double(std::max<qint64>(baseline, 1)), 'f', 1);
}

} // namespace tempest::studio::bench
