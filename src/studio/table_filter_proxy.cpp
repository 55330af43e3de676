#include "studio/table_filter_proxy.h"

#include "studio/operation_list_model.h"
#include "studio/schema_tree_model.h"

#include <QListView>

namespace tempest::studio {

TableFilterProxy::TableFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

bool TableFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid())
        return true;
    // Either side's name: both trees of the aligned compare keep the same rows.
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    for (int role : {int(SchemaTreeModel::TableNameRole), int(SchemaTreeModel::CurrentNameRole),
                     int(SchemaTreeModel::TargetNameRole)})
        if (index.data(role).toString().contains(filterRegularExpression()))
            return true;
    return false;
}

void hideOtherOperations(QListView* view, const OperationListModel& operations, const QString& text)
{
    for (int row = 0; row < operations.rowCount(); ++row) {
        const QModelIndex index = operations.index(row);
        bool shown = text.isEmpty() || index.data(OperationListModel::TableNameRole).toString().contains(text, Qt::CaseInsensitive);
        // A renamed table's operation is shown under either name.
        if (!shown)
            if (const auto* rename = std::get_if<RenameTable>(&operations.operations()[std::size_t(row)]))
                shown = QString::fromStdString(rename->from).contains(text, Qt::CaseInsensitive);
        view->setRowHidden(row, !shown);
    }
}

} // namespace tempest::studio
