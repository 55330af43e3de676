#include "studio/operation_list_model.h"

#include "studio/diff_state.h"

#include <QGuiApplication>

namespace tempest::studio {

OperationListModel::OperationListModel(QObject* parent) : QAbstractListModel(parent) {}

void OperationListModel::setOperations(std::vector<Operation> operations)
{
    beginResetModel();
    m_operations = std::move(operations);
    endResetModel();
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
    const Operation& op = m_operations[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        const QString text = QString::fromStdString(describe(op));
        return isDestructive(op) ? QStringLiteral("⚠ ") + text : text;
    }
    case Qt::ToolTipRole:
        return isDestructive(op) ? tr("%1 — destructive: data is lost").arg(QString::fromStdString(describe(op)))
                                 : QString::fromStdString(describe(op));
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
