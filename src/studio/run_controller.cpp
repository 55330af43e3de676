#include "studio/run_controller.h"

#include "core/project/failure_report.h"
#include "studio/confirm_destructive_dialog.h"
#include "studio/project_snapshot.h"

#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace tempest::studio {

RunController::RunController(QWidget* dialogParent) : QObject(dialogParent), m_dialogParent(dialogParent)
{
    connect(&m_facts, &QFutureWatcher<Prepared>::finished, this, &RunController::onFactsRead);
}

RunController::~RunController() { m_facts.waitForFinished(); }

void RunController::setState(std::optional<tempest::Project> project, std::vector<AppliedRevision> applied)
{
    m_project = std::move(project);
    m_applied = std::move(applied);
}

std::vector<DestructiveFact> RunController::liveDestructiveFacts(const tempest::Project& project, const RunPlan& plan)
{
    try {
        const std::unique_ptr<Driver> driver = openDatabaseReadOnly(project.config());
        return destructiveFacts(project, plan, driver.get());
    } catch (const ConnectionError&) {
        // The run will say that it cannot connect; the operations are still listed.
    } catch (const std::exception&) {
    }
    try {
        return destructiveFacts(project, plan, nullptr);
    } catch (const std::exception&) {
        return {};
    }
}

QString RunController::actionText(const RunPlan& plan) const
{
    const QString target = QString::fromStdString(plan.target);
    if (plan.direction == Direction::Downgrade && plan.target == "base")
        return tr("Reverting to base");
    return plan.direction == Direction::Upgrade ? tr("Upgrading to %1").arg(target) : tr("Downgrading to %1").arg(target);
}

RunController::Prepared RunController::prepare(const tempest::Project& project,
                                               const std::vector<AppliedRevision>& applied, Direction direction,
                                               const std::string& target)
{
    Prepared prepared;
    try {
        prepared.plan = planRun(project, applied, direction, target);
    } catch (...) {
        prepared.error = QString::fromStdString(reportFailure(std::current_exception()).text);
        return prepared;
    }
    prepared.planned = true;
    if (!prepared.plan.revisions.empty())
        prepared.facts = liveDestructiveFacts(project, prepared.plan);
    return prepared;
}

void RunController::requestRun(Direction direction, const QString& target)
{
    if (isRunning() || !m_project)
        return;
    const tempest::Project project = *m_project;
    const std::vector<AppliedRevision> applied = m_applied;
    m_facts.setFuture(QtConcurrent::run([project, applied, direction, target = target.toStdString()] {
        return prepare(project, applied, direction, target);
    }));
}

void RunController::onFactsRead()
{
    Prepared prepared = m_facts.result();
    const RunPlan plan = prepared.plan;
    if (!prepared.planned || plan.revisions.empty()) {
        MigrationOutcome outcome;
        outcome.ok = prepared.planned;
        outcome.message = !prepared.planned ? prepared.error
                          : plan.direction == Direction::Upgrade ? tr("nothing to upgrade")
                                                                 : tr("nothing to downgrade");
        emit runFinished(outcome);
        return;
    }
    std::vector<DestructiveFact> facts = std::move(prepared.facts);
    if (facts.empty()) {
        startJob(plan);
        return;
    }
    for (const DestructiveFact& fact : facts)
        emit runLogged(tr("destructive: %1").arg(QString::fromStdString(describeFact(fact))));
    // Non-modal open(): the event loop keeps running, and tests can press Cancel.
    auto* dialog = new ConfirmDestructiveDialog(actionText(plan), std::move(facts), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, plan] { startJob(plan); });
    connect(dialog, &QDialog::rejected, this, [this, plan] { emit runLogged(tr("%1: cancelled, nothing was changed").arg(actionText(plan))); });
    dialog->open();
}

void RunController::startJob(const RunPlan& plan)
{
    if (!m_project || (m_job && m_job->isRunning()))
        return;
    const int count = int(plan.revisions.size());
    auto* job = new MigrationJob(*m_project, plan, this);
    m_job = job;
    connect(job, &MigrationJob::progressed, this, &RunController::runProgressed);
    connect(job, &MigrationJob::logged, this, &RunController::runLogged);
    connect(job, &MigrationJob::finished, this, [this, job](const MigrationOutcome& outcome) {
        job->deleteLater();
        emit runFinished(outcome);
    });
    emit runLogged(tr("%1: %n revision(s)", nullptr, count).arg(actionText(plan)));
    emit runStarted(count);
    job->start();
}

void RunController::cancel()
{
    if (m_job)
        m_job->cancel();
}

bool RunController::isRunning() const { return (m_job && m_job->isRunning()) || m_facts.isRunning(); }

} // namespace tempest::studio
