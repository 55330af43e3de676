#pragma once
// SchemaTreeModel: a Schema IR as a tree (tables → Columns / Indexes / Constraints →
// items), each node carrying its diff state against a counterpart schema. Nodes are
// addressed arithmetically through QModelIndex::internalId, so nothing is allocated per
// node and a 5,000-table schema costs two name indexes; states are computed on demand
// and cached per table.

#include "core/dialect/dialect.h"
#include "core/ir/schema.h"
#include "core/project/object_compare.h"
#include "studio/diff_state.h"

#include <QAbstractItemModel>

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace tempest::studio {

class SchemaTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Role { DiffStateRole = Qt::UserRole + 1, TableNameRole, NodeKindRole };
    enum class NodeKind { Table = 0, Group, Item };
    enum class Group { Columns = 0, Indexes, Constraints };

    /// `onlyHereState`: what an item missing from the counterpart is (Added in the models
    /// tree, where it would be created; Removed in the database tree, where it would go).
    explicit SchemaTreeModel(DiffState onlyHereState, QObject* parent = nullptr);

    /// Replaces the content. Without a counterpart every node is Same. `dialect` provides
    /// the comparison rules (null: exact comparison); it is kept alive by the model.
    void setSchemas(Schema schema, std::optional<Schema> counterpart, std::shared_ptr<const Dialect> dialect);
    const Schema& schema() const { return m_schema; }

    /// The index of a table row (column 0), invalid when there is no such table.
    QModelIndex indexOfTable(const QString& name) const;
    /// The diff state of the table at `row`.
    DiffState tableState(int row) const;
    /// How many tables' diff states have been computed so far: states are computed when
    /// a table is first asked about, so this shows what a view has actually touched.
    int computedTableStates() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct NodeRef {
        NodeKind kind = NodeKind::Table;
        int table = -1;
        Group group = Group::Columns;
        int item = -1;
    };
    NodeRef decode(const QModelIndex& index) const;
    std::vector<Group> groupsOf(const Table& table) const;
    int itemCount(const Table& table, Group group) const;
    const Table* counterpartOf(const Table& table) const;
    DiffState itemState(const Table& table, Group group, int item) const;
    DiffState stateOf(ObjectState state) const;
    QString itemName(const Table& table, Group group, int item) const;
    QString itemDetail(const Table& table, Group group, int item) const;
    const ComparisonRules& rules() const;

    DiffState m_onlyHere;
    Schema m_schema;
    std::optional<Schema> m_counterpart;
    std::shared_ptr<const Dialect> m_dialect;
    std::unordered_map<std::string, int> m_tableRows;
    std::unordered_map<std::string, int> m_counterpartRows;
    mutable std::vector<signed char> m_tableStates;  // -1: not computed yet
};

} // namespace tempest::studio
