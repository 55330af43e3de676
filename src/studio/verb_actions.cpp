#include "studio/verb_actions.h"

#include "core/project/autogenerate.h"
#include "core/project/failure_report.h"
#include "core/project/run_plan.h"
#include "drivers/qtsql/qtsql_driver.h"
#include "studio/project_snapshot.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace tempest::studio {

namespace {

QString failureText() { return QString::fromStdString(reportFailure(std::current_exception()).text); }

} // namespace

VerbActions::VerbActions(QWidget* dialogParent) : QObject(dialogParent), m_dialogParent(dialogParent)
{
    connect(&m_stamp, &QFutureWatcher<std::pair<bool, QString>>::finished, this, [this] {
        const auto [ok, message] = m_stamp.result();
        emit finished(ok, tr("Stamp"), message);
    });
}

VerbActions::~VerbActions() { m_stamp.waitForFinished(); }

QString VerbActions::stampNow(const tempest::Project& project, const QString& target)
{
    const std::string id = target.toStdString();
    checkStampTarget(project, id);  // before the database is opened (and possibly created)
    const ProjectConfig& config = project.config();
    auto driver = QtSqlDriver::open(config.dialect, config.database, kStudioConnectTimeoutSeconds);
    const RunResult result = stampDatabase(project, *driver, id);
    QStringList lines;
    for (const std::string& stamped : result.applied)
        lines << tr("stamped %1").arg(QString::fromStdString(stamped));
    for (const std::string& unstamped : result.reverted)
        lines << tr("unstamped %1").arg(QString::fromStdString(unstamped));
    if (lines.isEmpty())
        lines << tr("version table already at %1").arg(target);
    return lines.join(QLatin1Char('\n'));
}

QString VerbActions::mergeHeadsNow(const tempest::Project& project, const QString& label)
{
    const RevisionGraph& graph = project.graph();
    const std::vector<std::string> parents = mergeParents(graph, {"heads"});
    const std::string revision = newRevisionId(graph, "");
    const WrittenRevision written = writeRevision(project, revision, parents, label.toStdString(), {});
    return QString::fromStdString(written.files.back());
}

void VerbActions::requestStamp(const QString& revision)
{
    if (!m_project || revision.isEmpty() || isBusy())
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Stamp"),
                                tr("Set the version table to %1 without running any operation?").arg(revision),
                                QMessageBox::Cancel, m_dialogParent);
    box->setObjectName(QStringLiteral("confirmStampDialog"));
    box->setInformativeText(tr("Use this to baseline a database whose schema already matches %1 (as "
                               "`tempest-migrate stamp`). Revisions after it stay pending; the schema is not changed.")
                                .arg(revision));
    QPushButton* stamp = box->addButton(tr("&Stamp"), QMessageBox::AcceptRole);
    stamp->setObjectName(QStringLiteral("stampButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const tempest::Project project = *m_project;
    connect(box, &QMessageBox::buttonClicked, this, [this, stamp, project, revision](QAbstractButton* clicked) {
        if (clicked != stamp)
            return;
        m_stamp.setFuture(QtConcurrent::run([project, revision]() -> std::pair<bool, QString> {
            try {
                return {true, stampNow(project, revision)};
            } catch (...) {
                return {false, failureText()};
            }
        }));
    });
    box->open();
}

void VerbActions::requestMergeHeads()
{
    if (!m_project)
        return;
    auto* dialog = new QInputDialog(m_dialogParent);
    dialog->setObjectName(QStringLiteral("mergeMessageDialog"));
    dialog->setWindowTitle(tr("Merge heads"));
    dialog->setLabelText(tr("Message of the merge revision:"));
    dialog->setTextValue(tr("merge heads"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const tempest::Project project = *m_project;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, project](const QString& label) {
        try {
            emit finished(true, tr("Merge heads"), tr("created %1").arg(mergeHeadsNow(project, label)));
        } catch (...) {
            emit finished(false, tr("Merge heads"), failureText());
        }
    });
    dialog->open();
}

} // namespace tempest::studio
