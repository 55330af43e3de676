#pragma once
// RunController: turns "upgrade/downgrade to X" into a run. It plans the run, asks for
// confirmation when the run loses data (ConfirmDestructiveDialog; Cancel changes
// nothing), then starts a MigrationJob and reports progress, cancel and the outcome.

#include "core/project/run_plan.h"
#include "studio/migration_job.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QWidget;

namespace tempest::studio {

class RunController : public QObject {
    Q_OBJECT

public:
    explicit RunController(QWidget* dialogParent);

    /// What a run is planned against: the project (its graph loaded) and the version
    /// table's rows as last read.
    void setState(std::optional<tempest::Project> project, std::vector<AppliedRevision> applied);
    /// Plans `target`; asks first when data would be lost; then runs. An empty or
    /// invalid plan reports through runFinished without touching the database.
    void requestRun(Direction direction, const QString& target);
    void cancel();
    bool isRunning() const;

    /// One line per destructive operation of `plan` ("revision: drop column users.name").
    static QStringList lossesOf(const RevisionGraph& graph, const RunPlan& plan);

signals:
    void runStarted(int revisionCount);
    void runProgressed(int index, int count, const QString& revision);
    void runFinished(const tempest::studio::MigrationOutcome& outcome);

private:
    void startJob(const RunPlan& plan);

    QWidget* m_dialogParent;
    std::optional<tempest::Project> m_project;
    std::vector<AppliedRevision> m_applied;
    QPointer<MigrationJob> m_job;
};

} // namespace tempest::studio
