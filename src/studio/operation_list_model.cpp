#include "studio/operation_list_model.h"

#include "studio/diff_state.h"
#include "studio/operation_text.h"

#include <QGuiApplication>

namespace tempest::studio {

OperationListModel::OperationListModel(QObject* parent) : QAbstractListModel(parent) {}

void OperationListModel::setOperations(std::vector<SourcedOperation> operations)
{
    beginResetModel();
    m_sourced = std::move(operations);
    m_operations.clear();
    for (const SourcedOperation& op : m_sourced)
        m_operations.push_back(op.operation);
    endResetModel();
}

QString OperationListModel::sourceLabel(ChangeSource source)
{
    switch (source) {
    case ChangeSource::Pending: return tr("Pending");
    case ChangeSource::Drift: return tr("Drift");
    case ChangeSource::Uncaptured: return tr("Uncaptured");
    }
    return {};
}

QList<int> OperationListModel::rowsForTable(const QString& table) const
{
    QList<int> rows;
    const std::string name = table.toStdString();
    for (std::size_t i = 0; i < m_operations.size(); ++i) {
        const Operation& op = m_operations[i];
        bool touches = operationTable(op) == name;
        if (const auto* rename = std::get_if<RenameTable>(&op))
            touches = touches || rename->from == name;
        if (touches)
            rows << int(i);
    }
    return rows;
}

int OperationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_operations.size());
}

QVariant OperationListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_operations.size()))
        return {};
    const SourcedOperation& sourced = m_sourced[std::size_t(index.row())];
    const Operation& op = sourced.operation;
    // "Pending 3f2a9c1b7d4e: …", "Drift: …", "Uncaptured: …": what an upgrade will do is
    // never mistaken for drift.
    QString source = sourceLabel(sourced.source);
    if (!sourced.revision.empty())
        source += QLatin1Char(' ') + QString::fromStdString(sourced.revision);
    switch (role) {
    case Qt::DisplayRole: {
        const QString text = source + QStringLiteral(": ") + operationText(op);
        return isDestructive(op) ? QStringLiteral("⚠ ") + text : text;
    }
    case Qt::ToolTipRole: {
        const QString text = source + QStringLiteral(": ") + operationText(op);
        return isDestructive(op) ? tr("%1 — destructive: data is lost").arg(text) : text;
    }
    case SourceRole: return QString::fromUtf8(changeSourceName(sourced.source).data());
    case RevisionRole: return QString::fromStdString(sourced.revision);
    case Qt::ForegroundRole:
        if (isDestructive(op))
            return diffColor(DiffState::Removed, QGuiApplication::palette());
        return {};
    case DestructiveRole: return isDestructive(op);
    case TableNameRole: return QString::fromStdString(operationTable(op));
    case KindRole: return QString::fromUtf8(operationKind(op).data(), qsizetype(operationKind(op).size()));
    default: return {};
    }
}

} // namespace tempest::studio
