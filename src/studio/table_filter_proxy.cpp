#include "studio/table_filter_proxy.h"

#include "studio/schema_tree_model.h"

namespace tempest::studio {

TableFilterProxy::TableFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

bool TableFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(SchemaTreeModel::TableNameRole).toString().contains(filterRegularExpression());
}

} // namespace tempest::studio
