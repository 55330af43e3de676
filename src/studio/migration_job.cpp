#include "studio/migration_job.h"

#include "core/project/failure_report.h"
#include "drivers/qtsql/qtsql_driver.h"
#include "studio/project_snapshot.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

namespace tempest::studio {

namespace {

QStringList toQStringList(const std::vector<std::string>& ids)
{
    QStringList list;
    for (const auto& id : ids)
        list << QString::fromStdString(id);
    return list;
}

} // namespace

MigrationJob::MigrationJob(const tempest::Project& project, RunPlan plan, QObject* parent)
    : QObject(parent), m_config(project.config()), m_run(std::make_unique<ProjectRun>(project, std::move(plan)))
{
    connect(&m_watcher, &QFutureWatcher<MigrationOutcome>::finished, this,
            [this] { emit finished(m_watcher.result()); });
}

MigrationJob::~MigrationJob()
{
    // The runner and the graph must outlive the worker that uses them.
    if (m_watcher.isRunning()) {
        m_run->requestCancel();
        m_watcher.waitForFinished();
    }
}

void MigrationJob::start()
{
    m_watcher.setFuture(QtConcurrent::run([this] { return run(); }));
}

void MigrationJob::cancel() { m_run->requestCancel(); }

bool MigrationJob::isRunning() const { return m_watcher.isRunning(); }

MigrationOutcome MigrationJob::run()
{
    MigrationOutcome outcome;
    try {
        auto driver = QtSqlDriver::open(m_config.dialect, m_config.database, kStudioConnectTimeoutSeconds);
        QElapsedTimer revisionTimer;
        auto progress = [this, &revisionTimer](const ProgressEvent& event) {
            if (event.stage == ProgressEvent::Stage::StatementDone)
                return;
            const bool up = event.direction == Direction::Upgrade;
            const QString revision = QString::fromStdString(event.revision);
            QString line;
            if (event.stage == ProgressEvent::Stage::RevisionStarted) {
                revisionTimer.start();
                line = (up ? tr("applying %1") : tr("reverting %1")).arg(revision);
            } else {
                line = (up ? tr("applied %1 (%2 ms)") : tr("reverted %1 (%2 ms)"))
                           .arg(revision)
                           .arg(revisionTimer.elapsed());
            }
            // Queued: the signals are emitted on the GUI thread, never blocking the worker.
            QMetaObject::invokeMethod(this, [this, line] { emit logged(line); }, Qt::QueuedConnection);
            if (event.stage != ProgressEvent::Stage::RevisionStarted)
                return;
            const int index = int(event.revisionIndex), count = int(event.revisionCount);
            QMetaObject::invokeMethod(this, [this, index, count, revision] { emit progressed(index, count, revision); },
                                      Qt::QueuedConnection);
        };
        RunResult result = m_run->execute(*driver, progress);
        outcome.ok = true;
        outcome.applied = toQStringList(result.applied);
        outcome.reverted = toQStringList(result.reverted);
    } catch (const MigrationFailed& e) {
        outcome.cancelled = e.cancelled();
        outcome.applied = toQStringList(e.completed().applied);
        outcome.reverted = toQStringList(e.completed().reverted);
        outcome.message = QString::fromStdString(reportFailure(std::current_exception()).text);
    } catch (...) {
        outcome.message = QString::fromStdString(reportFailure(std::current_exception()).text);
    }
    return outcome;
}

} // namespace tempest::studio
