#pragma once
// MigrationJob: one upgrade or downgrade run off the GUI thread. The worker opens its
// own QtSqlDriver connection (a Qt connection belongs to the thread that made it),
// executes the core's ProjectRun, reports progress through queued signals, and
// cancel() asks it to stop (the current revision is rolled back, the ones before stay).

#include "core/project/run_plan.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace tempest::studio {

struct MigrationOutcome {
    bool ok = false;
    bool cancelled = false;
    QStringList applied;
    QStringList reverted;
    /// The error as core's reportFailure() words it for every door (revision, operation,
    /// statement, server message; passwords masked), or a summary.
    QString message;
};

class MigrationJob : public QObject {
    Q_OBJECT

public:
    /// Runs `plan` (planned with the core's planRun) of `project`.
    MigrationJob(const tempest::Project& project, RunPlan plan, QObject* parent = nullptr);
    ~MigrationJob() override;

    /// Starts the run on the global thread pool. Call once.
    void start();
    /// Asks the run to stop; finished() still follows. Any thread.
    void cancel();
    bool isRunning() const;

signals:
    /// A revision started: `index` of `count` in this run.
    void progressed(int index, int count, const QString& revision);
    /// A line for the event log: a revision started, or was applied/reverted and how long
    /// it took.
    void logged(const QString& line);
    void finished(const tempest::studio::MigrationOutcome& outcome);

private:
    MigrationOutcome run();

    ProjectConfig m_config;
    std::unique_ptr<ProjectRun> m_run;
    QFutureWatcher<MigrationOutcome> m_watcher;
};

} // namespace tempest::studio
