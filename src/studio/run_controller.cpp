#include "studio/run_controller.h"

#include "studio/confirm_destructive_dialog.h"

#include <QWidget>

namespace tempest::studio {

RunController::RunController(QWidget* dialogParent) : QObject(dialogParent), m_dialogParent(dialogParent) {}

void RunController::setState(std::optional<tempest::Project> project, std::vector<AppliedRevision> applied)
{
    m_project = std::move(project);
    m_applied = std::move(applied);
}

QStringList RunController::lossesOf(const RevisionGraph& graph, const RunPlan& plan)
{
    QStringList losses;
    for (const auto& id : plan.revisions) {
        const Migration& m = graph.at(id);
        for (const Operation& op : plan.direction == Direction::Upgrade ? m.up : m.down)
            if (isDestructive(op))
                losses << QStringLiteral("%1: %2").arg(QString::fromStdString(id), QString::fromStdString(describe(op)));
    }
    return losses;
}

void RunController::requestRun(Direction direction, const QString& target)
{
    if (isRunning() || !m_project)
        return;
    RunPlan plan;
    try {
        plan = planRun(*m_project, m_applied, direction, target.toStdString());
    } catch (const std::exception& e) {
        MigrationOutcome outcome;
        outcome.message = QString::fromUtf8(e.what());
        emit runFinished(outcome);
        return;
    }
    if (plan.revisions.empty()) {
        MigrationOutcome outcome;
        outcome.ok = true;
        outcome.message = direction == Direction::Upgrade ? tr("nothing to upgrade") : tr("nothing to downgrade");
        emit runFinished(outcome);
        return;
    }
    const QStringList losses = lossesOf(m_project->graph(), plan);
    if (losses.isEmpty()) {
        startJob(plan);
        return;
    }
    const QString action = direction == Direction::Upgrade ? tr("Upgrading to %1").arg(target)
                                                           : tr("Downgrading to %1").arg(target);
    // Non-modal open(): the event loop keeps running, and tests can press Cancel.
    auto* dialog = new ConfirmDestructiveDialog(action, losses, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, plan] { startJob(plan); });
    dialog->open();
}

void RunController::startJob(const RunPlan& plan)
{
    if (!m_project)
        return;
    const int count = int(plan.revisions.size());
    auto* job = new MigrationJob(*m_project, plan, this);
    m_job = job;
    connect(job, &MigrationJob::progressed, this, &RunController::runProgressed);
    connect(job, &MigrationJob::finished, this, [this, job](const MigrationOutcome& outcome) {
        job->deleteLater();
        emit runFinished(outcome);
    });
    emit runStarted(count);
    job->start();
}

void RunController::cancel()
{
    if (m_job)
        m_job->cancel();
}

bool RunController::isRunning() const { return m_job && m_job->isRunning(); }

} // namespace tempest::studio
