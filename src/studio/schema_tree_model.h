#pragma once
// SchemaTreeModel: one side of the aligned compare as a tree (tables → Columns / Indexes /
// Constraints → items; after the tables, one row per enum, domain and sequence). Both trees (Models and Database) show the same rows in the same
// order — the core's aligned compare (object_compare.h) — so an object missing on one
// side is an empty, greyed placeholder row there, a renamed object is one row, and a
// changed row names what differs with both values. Nodes are addressed arithmetically
// through QModelIndex::internalId, so nothing is allocated per node; tables are paired by
// name up front and compared only when first asked about, so a 5,000-table schema costs
// two name indexes.

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
    enum Role {
        DiffStateRole = Qt::UserRole + 1,
        /// The table's name on this side; on a placeholder, its name on the other side.
        TableNameRole,
        NodeKindRole,
        /// True for a placeholder: the object exists on the other side only.
        PlaceholderRole,
        /// The object's name in the database (current) and in the models (target); "" where
        /// it does not exist. Table rows: the table's names.
        CurrentNameRole,
        TargetNameRole,
        /// A key that names the node across refreshes (expansion and selection keeping).
        NodeKeyRole,
        /// "type: integer → text; …" (database → models) for a changed or renamed row.
        DifferencesRole,
        /// The RowKind of an item or object row (-1 for tables and groups).
        RowKindRole,
    };
    /// Object: a top-level row after the tables for an enum, domain or sequence (no children).
    enum class NodeKind { Table = 0, Group, Item, Object };
    enum class Group { Columns = 0, Indexes, Constraints };
    enum ViewColumn { NameColumn = 0, DefinitionColumn, ChangesColumn };

    /// `onlyHereState`: Added makes this the models side (the diff's target, where an object
    /// only it has would be created), Removed the database side (the current one).
    explicit SchemaTreeModel(DiffState onlyHereState, QObject* parent = nullptr);

    /// Replaces the content. Without a counterpart every node is Same and there are no
    /// placeholders. `dialect` provides the comparison rules (null: exact comparison); it is
    /// kept alive by the model. `renames`: renames the user confirmed, shown as one row.
    void setSchemas(Schema schema, std::optional<Schema> counterpart, std::shared_ptr<const Dialect> dialect,
                    std::vector<RenameCandidate> renames = {});
    /// Same schemas, other confirmed renames.
    void setRenames(std::vector<RenameCandidate> renames);
    const Schema& schema() const { return m_schema; }
    bool isModelsSide() const { return m_onlyHere == DiffState::Added; }

    /// The row of a table named `name` on either side (column 0), invalid when none.
    QModelIndex indexOfTable(const QString& name) const;
    /// The row of `item` (a column, index or constraint name on either side) inside
    /// `table`, invalid when none.
    QModelIndex indexOfItem(const QString& table, const QString& item) const;
    /// The diff state of the table (or schema object) at top-level `row`.
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
    struct Contents {
        std::vector<AlignedRow> rows;  // columns, then indexes, then constraints
        int counts[3] = {0, 0, 0};     // rows per Group
    };
    void rebuild();
    NodeRef decode(const QModelIndex& index) const;
    std::vector<Group> groupsOf(int table) const;
    const Contents& contentsOf(int table) const;
    const AlignedRow& itemRow(int table, Group group, int item) const;
    const AlignedRow& tableRow(int table) const;
    const Table* thisSide(const TablePair& pair) const;
    DiffState stateOf(RowState state) const;
    QString itemDetail(const Table& table, const AlignedRow& row) const;
    QString displayName(const NodeRef& ref, const AlignedRow* row) const;
    QString nodeKey(const NodeRef& ref) const;
    /// `placeholder`: the row is this side's empty placeholder (the tip says so first).
    QString toolTip(const AlignedRow& row, DiffState state, bool placeholder) const;
    /// The Differences column: the rename, then what differs.
    QString changesText(const AlignedRow& row) const;
    QVariant objectData(const QModelIndex& index, const AlignedRow& row, int role) const;
    QVariant rowColors(bool placeholder, DiffState state, int role) const;
    const ComparisonRules& rules() const;

    DiffState m_onlyHere;
    Schema m_schema;
    std::optional<Schema> m_counterpart;
    std::shared_ptr<const Dialect> m_dialect;
    std::vector<RenameCandidate> m_renames;
    std::vector<TablePair> m_pairs;
    std::vector<AlignedRow> m_objects;  // enums, domains, sequences: top-level rows after the tables
    std::unordered_map<std::string, int> m_tableRows;  // either side's name → row
    mutable std::vector<std::optional<AlignedRow>> m_tableRowCache;
    mutable std::vector<std::unique_ptr<Contents>> m_contents;
};

} // namespace tempest::studio
