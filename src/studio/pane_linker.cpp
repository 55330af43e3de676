#include "studio/pane_linker.h"

#include "studio/operation_list_model.h"
#include "studio/schema_tree_model.h"
#include "studio/tree_sync.h"

#include <QListView>
#include <QSortFilterProxyModel>
#include <QTreeView>

namespace tempest::studio {

PaneLinker::PaneLinker(QTreeView* modelsTree, QSortFilterProxyModel* modelsProxy, SchemaTreeModel* models,
                       QTreeView* databaseTree, QSortFilterProxyModel* databaseProxy, SchemaTreeModel* database,
                       QListView* operationsView, OperationListModel* operations, QObject* parent)
    : QObject(parent)
    , m_modelsTree(modelsTree)
    , m_modelsProxy(modelsProxy)
    , m_models(models)
    , m_databaseTree(databaseTree)
    , m_databaseProxy(databaseProxy)
    , m_database(database)
    , m_operationsView(operationsView)
    , m_operations(operations)
{
    for (QTreeView* tree : {modelsTree, databaseTree})
        connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, tree](const QModelIndex& current) { onTreeCurrentChanged(tree, current); });
    connect(operationsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onOperationsCurrentChanged(current); });
}

void PaneLinker::onTreeCurrentChanged(QTreeView* tree, const QModelIndex& current)
{
    if (m_syncing || !current.isValid())
        return;
    selectTable(current.data(SchemaTreeModel::TableNameRole).toString(), tree);
}

void PaneLinker::onOperationsCurrentChanged(const QModelIndex& current)
{
    if (m_syncing || !current.isValid())
        return;
    const QString table = current.data(OperationListModel::TableNameRole).toString();
    if (table.isEmpty())
        return;
    // Keep the user's own operation selection; only the trees follow.
    m_syncing = true;
    m_table = table;
    selectInTree(m_modelsTree, m_modelsProxy, m_models, table);
    selectInTree(m_databaseTree, m_databaseProxy, m_database, table);
    m_syncing = false;
    emit tableSelected(table);
}

void PaneLinker::selectTable(const QString& table, QTreeView* source)
{
    m_syncing = true;
    m_table = table;
    // The aligned trees show the same rows: a tree whose current item is in `table` (the
    // one the click came from first) keeps it — a column stays selected — and the other
    // tree takes the very same row; otherwise both select the table's row.
    auto inTable = [&table](const QTreeView* tree) {
        const QModelIndex current = tree->currentIndex();
        return current.isValid() && current.data(SchemaTreeModel::TableNameRole).toString() == table;
    };
    QTreeView* anchor = source && inTable(source) ? source
                      : inTable(m_modelsTree)     ? m_modelsTree
                      : inTable(m_databaseTree)   ? m_databaseTree
                                                  : nullptr;
    for (auto [tree, proxy, model] : {std::tuple{m_modelsTree, m_modelsProxy, m_models},
                                      std::tuple{m_databaseTree, m_databaseProxy, m_database}}) {
        if (tree == anchor)
            continue;
        const QModelIndex same = anchor ? TreeSync::counterpartIndex(anchor->currentIndex().siblingAtColumn(0), tree)
                                        : QModelIndex();
        if (same.isValid()) {
            tree->selectionModel()->setCurrentIndex(same, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            tree->scrollTo(same);
        } else {
            selectInTree(tree, proxy, model, table);
        }
    }
    selectOperations(table);
    m_syncing = false;
    emit tableSelected(table);
}

void PaneLinker::selectItem(const QString& table, const QString& item)
{
    selectTable(table);
    m_syncing = true;
    for (auto [tree, proxy, model] : {std::tuple{m_modelsTree, m_modelsProxy, m_models},
                                      std::tuple{m_databaseTree, m_databaseProxy, m_database}}) {
        const QModelIndex index = proxy->mapFromSource(model->indexOfItem(table, item));
        if (!index.isValid())
            continue;
        tree->expand(index.parent().parent());
        tree->expand(index.parent());
        tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        tree->scrollTo(index);
    }
    m_syncing = false;
}

void PaneLinker::selectInTree(QTreeView* tree, QSortFilterProxyModel* proxy, SchemaTreeModel* model,
                              const QString& table)
{
    const QModelIndex index = proxy->mapFromSource(model->indexOfTable(table));
    if (!index.isValid()) {
        tree->selectionModel()->clearSelection();
        tree->selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
        return;
    }
    tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    tree->scrollTo(index);
}

void PaneLinker::selectOperations(const QString& table)
{
    QItemSelection selection;
    const QList<int> rows = m_operations->rowsForTable(table);
    for (int row : rows)
        selection.select(m_operations->index(row), m_operations->index(row));
    auto* selectionModel = m_operationsView->selectionModel();
    selectionModel->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!rows.isEmpty()) {
        selectionModel->setCurrentIndex(m_operations->index(rows.front()), QItemSelectionModel::NoUpdate);
        m_operationsView->scrollTo(m_operations->index(rows.front()));
    }
}

} // namespace tempest::studio
