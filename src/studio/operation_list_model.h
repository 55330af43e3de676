#pragma once
// OperationListModel: the Diff pane — the operations between the live database and the
// models, one row each (describe() text), by where they come from (the core's
// operationsBySource): what pending revisions will do first, then drift, then model
// changes no migration captures, each row labelled with its source; destructive ones
// flagged and coloured.

#include "core/ops/operation.h"
#include "core/project/diff_sections.h"

#include <QAbstractListModel>

#include <vector>

namespace tempest::studio {

class OperationListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { DestructiveRole = Qt::UserRole + 1, TableNameRole, KindRole, SourceRole, RevisionRole };

    explicit OperationListModel(QObject* parent = nullptr);

    void setOperations(std::vector<SourcedOperation> operations);
    const std::vector<SourcedOperation>& sourcedOperations() const { return m_sourced; }
    /// The operations alone, row by row.
    const std::vector<Operation>& operations() const { return m_operations; }
    /// Rows whose operation touches `table`, in order.
    QList<int> rowsForTable(const QString& table) const;
    /// The translated label of a source ("Pending", "Drift", "Uncaptured").
    static QString sourceLabel(ChangeSource source);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::vector<SourcedOperation> m_sourced;
    std::vector<Operation> m_operations;
};

} // namespace tempest::studio
