#pragma once
// RunController: turns "upgrade/downgrade to X" (and "Revert to base": downgrade to
// `base`) into a run. On a worker it plans the run (core planRun: on 10,000 revisions a
// replay of the whole history, too long for the GUI thread) and reads the facts of what
// it would lose (core destructiveFacts() with a read-only connection: rows per table,
// SQL); then it asks for confirmation when there are any (ConfirmDestructiveDialog; Cancel changes
// nothing), then starts a MigrationJob and reports progress, log lines, cancel and the
// outcome.

#include "core/project/destructive_facts.h"
#include "core/project/run_plan.h"
#include "studio/migration_job.h"

#include <QFutureWatcher>
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
    ~RunController() override;

    /// What a run is planned against: the project (its graph loaded) and the version
    /// table's rows as last read.
    void setState(std::optional<tempest::Project> project, std::vector<AppliedRevision> applied);
    /// Plans `target`; asks first when data would be lost; then runs. An empty or
    /// invalid plan reports through runFinished without touching the database.
    void requestRun(Direction direction, const QString& target);
    void cancel();
    /// A run, or the facts before one, are in progress.
    bool isRunning() const;

    /// The destructive facts of `plan`, counted on a read-only connection of the calling
    /// thread (without one, or when it fails, nothing is counted). Never throws.
    static std::vector<DestructiveFact> liveDestructiveFacts(const tempest::Project& project, const RunPlan& plan);

signals:
    void runStarted(int revisionCount);
    void runProgressed(int index, int count, const QString& revision);
    /// A line for the event log (what is run, each revision applied/reverted, the end).
    void runLogged(const QString& line);
    void runFinished(const tempest::studio::MigrationOutcome& outcome);

private:
    /// What the worker hands back: the plan and its destructive facts, or why there is none.
    struct Prepared {
        RunPlan plan;
        std::vector<DestructiveFact> facts;
        bool planned = false;
        QString error;
    };
    static Prepared prepare(const tempest::Project& project, const std::vector<AppliedRevision>& applied,
                            Direction direction, const std::string& target);
    void onFactsRead();
    void startJob(const RunPlan& plan);
    QString actionText(const RunPlan& plan) const;

    QWidget* m_dialogParent;
    std::optional<tempest::Project> m_project;
    std::vector<AppliedRevision> m_applied;
    QPointer<MigrationJob> m_job;
    QFutureWatcher<Prepared> m_facts;  // the plan and facts being prepared
};

} // namespace tempest::studio
