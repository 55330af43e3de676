#pragma once
// MigrationJob: one upgrade or downgrade run off the GUI thread. The worker opens its
// own QtSqlDriver connection (a Qt connection belongs to the thread that made it),
// reports progress through queued signals, and cancel() asks the MigrationRunner to
// stop (the current revision is rolled back, the ones before it stay).

#include "core/cli/project_config.h"
#include "core/dialect/dialect.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"

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
    QString message;  // the error, or a summary
};

class MigrationJob : public QObject {
    Q_OBJECT

public:
    MigrationJob(ProjectConfig config, std::shared_ptr<const RevisionGraph> graph, Direction direction,
                 QString target, QObject* parent = nullptr);
    ~MigrationJob() override;

    /// Starts the run on the global thread pool. Call once.
    void start();
    /// Asks the run to stop; finished() still follows. Any thread.
    void cancel();
    bool isRunning() const;

signals:
    /// A revision started: `index` of `count` in this run.
    void progressed(int index, int count, const QString& revision);
    void finished(const tempest::studio::MigrationOutcome& outcome);

private:
    MigrationOutcome run();

    ProjectConfig m_config;
    std::shared_ptr<const RevisionGraph> m_graph;
    std::unique_ptr<Dialect> m_dialect;
    std::unique_ptr<MigrationRunner> m_runner;
    Direction m_direction;
    QString m_target;
    QFutureWatcher<MigrationOutcome> m_watcher;
};

} // namespace tempest::studio
