#pragma once
// RunController: turns "upgrade/downgrade to X" into a run. It plans the run, asks for
// confirmation when the run loses data (ConfirmDestructiveDialog; Cancel changes
// nothing), then starts a MigrationJob and reports progress, cancel and the outcome.

#include "core/cli/project_config.h"
#include "core/revision/revision_graph.h"
#include "core/runner/migration_runner.h"
#include "studio/migration_job.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <string>
#include <vector>

class QWidget;

namespace tempest::studio {

class RunController : public QObject {
    Q_OBJECT

public:
    explicit RunController(QWidget* dialogParent);

    /// What a run is planned against: the project, its graph and the applied ids by seq.
    void setState(ProjectConfig config, std::shared_ptr<const RevisionGraph> graph, std::vector<std::string> applied);
    /// Plans `target`; asks first when data would be lost; then runs. An empty or
    /// invalid plan reports through runFinished without touching the database.
    void requestRun(Direction direction, const QString& target);
    void cancel();
    bool isRunning() const;

    /// One line per destructive operation of `plan` ("revision: drop column users.name").
    static QStringList lossesOf(const RevisionGraph& graph, Direction direction, const std::vector<std::string>& plan);

signals:
    void runStarted(int revisionCount);
    void runProgressed(int index, int count, const QString& revision);
    void runFinished(const tempest::studio::MigrationOutcome& outcome);

private:
    void startJob(Direction direction, const QString& target, int count);

    QWidget* m_dialogParent;
    ProjectConfig m_config;
    std::shared_ptr<const RevisionGraph> m_graph;
    std::vector<std::string> m_applied;
    QPointer<MigrationJob> m_job;
};

} // namespace tempest::studio
