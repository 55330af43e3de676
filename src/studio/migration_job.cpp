#include "studio/migration_job.h"

#include "drivers/qtsql/qtsql_driver.h"

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

MigrationJob::MigrationJob(ProjectConfig config, std::shared_ptr<const RevisionGraph> graph, Direction direction,
                           QString target, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_graph(std::move(graph))
    , m_dialect(makeDialect(m_config.dialect))
    , m_direction(direction)
    , m_target(std::move(target))
{
    RunnerOptions options;
    options.versionTable = m_config.versionTable;
    options.schemaName = m_config.schemaName;
    m_runner = std::make_unique<MigrationRunner>(*m_graph, *m_dialect, options);
    connect(&m_watcher, &QFutureWatcher<MigrationOutcome>::finished, this,
            [this] { emit finished(m_watcher.result()); });
}

MigrationJob::~MigrationJob()
{
    // The runner and the graph must outlive the worker that uses them.
    if (m_watcher.isRunning()) {
        m_runner->requestCancel();
        m_watcher.waitForFinished();
    }
}

void MigrationJob::start()
{
    m_watcher.setFuture(QtConcurrent::run([this] { return run(); }));
}

void MigrationJob::cancel() { m_runner->requestCancel(); }

bool MigrationJob::isRunning() const { return m_watcher.isRunning(); }

MigrationOutcome MigrationJob::run()
{
    MigrationOutcome outcome;
    try {
        auto driver = QtSqlDriver::open(m_config.dialect, m_config.database);
        auto progress = [this](const ProgressEvent& event) {
            if (event.stage != ProgressEvent::Stage::RevisionStarted)
                return;
            const int index = int(event.revisionIndex), count = int(event.revisionCount);
            const QString revision = QString::fromStdString(event.revision);
            // Queued: the signal is emitted on the GUI thread, never blocking the worker.
            QMetaObject::invokeMethod(this, [this, index, count, revision] { emit progressed(index, count, revision); },
                                      Qt::QueuedConnection);
        };
        const std::string target = m_target.toStdString();
        RunResult result = m_direction == Direction::Upgrade ? m_runner->upgrade(*driver, target, progress)
                                                             : m_runner->downgrade(*driver, target, progress);
        outcome.ok = true;
        outcome.applied = toQStringList(result.applied);
        outcome.reverted = toQStringList(result.reverted);
    } catch (const MigrationFailed& e) {
        outcome.cancelled = e.cancelled();
        outcome.applied = toQStringList(e.completed().applied);
        outcome.reverted = toQStringList(e.completed().reverted);
        outcome.message = QString::fromUtf8(e.what());
    } catch (const std::exception& e) {
        outcome.message = QString::fromUtf8(e.what());
    }
    return outcome;
}

} // namespace tempest::studio
