#pragma once
// PaneLinker: keeps the Models tree, the Database tree and the operation list pointing
// at the same table: selecting a table (or anything inside it, or an operation on it)
// in one selects it in the other two.

#include <QObject>
#include <QString>

class QAbstractItemView;
class QSortFilterProxyModel;
class QTreeView;
class QListView;

namespace tempest::studio {

class OperationListModel;
class SchemaTreeModel;

class PaneLinker : public QObject {
    Q_OBJECT

public:
    PaneLinker(QTreeView* modelsTree, QSortFilterProxyModel* modelsProxy, SchemaTreeModel* models,
               QTreeView* databaseTree, QSortFilterProxyModel* databaseProxy, SchemaTreeModel* database,
               QListView* operationsView, OperationListModel* operations, QObject* parent = nullptr);

    QString currentTable() const { return m_table; }
    /// Selects `table` in all three panes ("" clears). A tree whose current item is in
    /// `table` (`source` first) keeps it, and the other tree takes the same row.
    void selectTable(const QString& table, QTreeView* source = nullptr);
    /// Selects `table`, then its column, index or constraint `item` in both trees (its row
    /// or placeholder row), expanding what holds it.
    void selectItem(const QString& table, const QString& item);

signals:
    void tableSelected(const QString& table);

private:
    void selectInTree(QTreeView* tree, QSortFilterProxyModel* proxy, SchemaTreeModel* model, const QString& table);
    void selectOperations(const QString& table);
    void onTreeCurrentChanged(QTreeView* tree, const QModelIndex& current);
    void onOperationsCurrentChanged(const QModelIndex& current);

    QTreeView* m_modelsTree;
    QSortFilterProxyModel* m_modelsProxy;
    SchemaTreeModel* m_models;
    QTreeView* m_databaseTree;
    QSortFilterProxyModel* m_databaseProxy;
    SchemaTreeModel* m_database;
    QListView* m_operationsView;
    OperationListModel* m_operations;
    QString m_table;
    bool m_syncing = false;
};

} // namespace tempest::studio
