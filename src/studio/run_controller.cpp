#include "studio/run_controller.h"

#include "core/revision/plan.h"
#include "studio/confirm_destructive_dialog.h"

#include <QWidget>

namespace tempest::studio {

RunController::RunController(QWidget* dialogParent) : QObject(dialogParent), m_dialogParent(dialogParent) {}

void RunController::setState(ProjectConfig config, std::shared_ptr<const RevisionGraph> graph,
                             std::vector<std::string> applied)
{
    m_config = std::move(config);
    m_graph = std::move(graph);
    m_applied = std::move(applied);
}

QStringList RunController::lossesOf(const RevisionGraph& graph, Direction direction, const std::vector<std::string>& plan)
{
    QStringList losses;
    for (const auto& id : plan) {
        const Migration& m = graph.at(id);
        for (const Operation& op : direction == Direction::Upgrade ? m.up : m.down)
            if (isDestructive(op))
                losses << QStringLiteral("%1: %2").arg(QString::fromStdString(id), QString::fromStdString(describe(op)));
    }
    return losses;
}

void RunController::requestRun(Direction direction, const QString& target)
{
    if (isRunning() || !m_graph)
        return;
    std::vector<std::string> plan;
    try {
        plan = direction == Direction::Upgrade ? planUpgrade(*m_graph, m_applied, target.toStdString())
                                               : planDowngrade(*m_graph, m_applied, target.toStdString());
    } catch (const std::exception& e) {
        MigrationOutcome outcome;
        outcome.message = QString::fromUtf8(e.what());
        emit runFinished(outcome);
        return;
    }
    if (plan.empty()) {
        MigrationOutcome outcome;
        outcome.ok = true;
        outcome.message = direction == Direction::Upgrade ? tr("nothing to upgrade") : tr("nothing to downgrade");
        emit runFinished(outcome);
        return;
    }
    const QStringList losses = lossesOf(*m_graph, direction, plan);
    if (losses.isEmpty()) {
        startJob(direction, target, int(plan.size()));
        return;
    }
    const QString action = direction == Direction::Upgrade ? tr("Upgrading to %1").arg(target)
                                                           : tr("Downgrading to %1").arg(target);
    // Non-modal open(): the event loop keeps running, and tests can press Cancel.
    auto* dialog = new ConfirmDestructiveDialog(action, losses, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const int count = int(plan.size());
    connect(dialog, &QDialog::accepted, this, [this, direction, target, count] { startJob(direction, target, count); });
    dialog->open();
}

void RunController::startJob(Direction direction, const QString& target, int count)
{
    auto* job = new MigrationJob(m_config, m_graph, direction, target, this);
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
