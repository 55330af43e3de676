#pragma once
// OperationListModel: the operations that turn the live database into the models, one
// row each (describe() text), destructive ones flagged and coloured.

#include "core/ops/operation.h"

#include <QAbstractListModel>

#include <vector>

namespace tempest::studio {

class OperationListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { DestructiveRole = Qt::UserRole + 1, TableNameRole, KindRole };

    explicit OperationListModel(QObject* parent = nullptr);

    void setOperations(std::vector<Operation> operations);
    const std::vector<Operation>& operations() const { return m_operations; }
    /// Rows whose operation touches `table`, in order.
    QList<int> rowsForTable(const QString& table) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::vector<Operation> m_operations;
};

} // namespace tempest::studio
