#include "studio/findings_list.h"

namespace tempest::studio {

FindingsList::FindingsList(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("findingsList"));
    setAccessibleName(tr("Findings"));
    setAccessibleDescription(tr("Everything that is off, each with its kind: pending revisions, drift, model "
                                "changes not in a migration, edited migrations, several heads. Activate one to "
                                "select it in the panes."));
    setUniformItemSizes(true);
    connect(this, &QListWidget::itemActivated, this, &FindingsList::onItemActivated);
    connect(this, &QListWidget::itemClicked, this, &FindingsList::onItemActivated);
}

QString FindingsList::kindLabel(FindingKind kind)
{
    switch (kind) {
    case FindingKind::Pending: return tr("Pending");
    case FindingKind::Drift: return tr("Drift");
    case FindingKind::Uncaptured: return tr("Uncaptured");
    case FindingKind::Edited: return tr("Edited");
    case FindingKind::Unknown: return tr("Unknown revision");
    case FindingKind::MultipleHeads: return tr("Heads");
    case FindingKind::DeclaredType: return tr("Note");
    }
    return {};
}

void FindingsList::setFindings(const std::vector<Finding>& findings)
{
    clear();
    for (const Finding& f : findings) {
        QString text = QStringLiteral("%1: %2").arg(kindLabel(f.kind), QString::fromStdString(f.text));
        // Drift that a pending revision changes is not (yet) a mistake: say which one.
        if (!f.pendingRevision.empty())
            text += QLatin1Char(' ')
                + tr("(pending revision %1 changes %2)")
                      .arg(QString::fromStdString(f.pendingRevision), QString::fromStdString(f.subject));
        auto* item = new QListWidgetItem(text, this);
        item->setData(KindRole, QString::fromUtf8(findingKindName(f.kind).data()));
        item->setData(SubjectRole, QString::fromStdString(f.subject));
        item->setData(ItemRole, QString::fromStdString(f.item));
        item->setData(PendingRevisionRole, QString::fromStdString(f.pendingRevision));
        item->setToolTip(item->text());
    }
}

void FindingsList::onItemActivated(QListWidgetItem* item)
{
    if (!item)
        return;
    const QString kind = item->data(KindRole).toString();
    const QString subject = item->data(SubjectRole).toString();
    if (subject.isEmpty())
        return;
    if (kind == QLatin1String("drift") || kind == QLatin1String("uncaptured")
        || kind == QLatin1String("declared-type")) {
        emit tableActivated(subject);
        const QString object = item->data(ItemRole).toString();
        if (!object.isEmpty())
            emit itemActivated(subject, object);
    } else
        emit revisionActivated(subject);
}

} // namespace tempest::studio
