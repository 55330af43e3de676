#include "studio/schema_tree_model.h"

#include "core/project/object_compare.h"
#include "studio/schema_text.h"

#include <algorithm>
#include <QGuiApplication>
#include <QPalette>

namespace tempest::studio {

namespace {

// internalId layout: 0 = table row; (table+1)<<2 | 1 = group row of that table;
// (table+1)<<4 | group<<2 | 2 = item row of that table's group.
constexpr quintptr kGroupTag = 1;
constexpr quintptr kItemTag = 2;

quintptr groupId(int table) { return (quintptr(table) + 1) << 2 | kGroupTag; }
quintptr itemId(int table, int group) { return (quintptr(table) + 1) << 4 | quintptr(group) << 2 | kItemTag; }

} // namespace

DiffState SchemaTreeModel::stateOf(ObjectState state) const
{
    switch (state) {
    case ObjectState::Same: return DiffState::Same;
    case ObjectState::Changed: return DiffState::Changed;
    case ObjectState::Missing: return m_onlyHere;
    }
    return DiffState::Same;
}

SchemaTreeModel::SchemaTreeModel(DiffState onlyHereState, QObject* parent)
    : QAbstractItemModel(parent), m_onlyHere(onlyHereState)
{
}

void SchemaTreeModel::setSchemas(Schema schema, std::optional<Schema> counterpart,
                                 std::shared_ptr<const Dialect> dialect)
{
    beginResetModel();
    m_schema = std::move(schema);
    m_counterpart = std::move(counterpart);
    m_dialect = std::move(dialect);
    m_tableRows.clear();
    m_counterpartRows.clear();
    for (std::size_t i = 0; i < m_schema.tables.size(); ++i)
        m_tableRows.emplace(m_schema.tables[i].name, int(i));
    if (m_counterpart)
        for (std::size_t i = 0; i < m_counterpart->tables.size(); ++i)
            m_counterpartRows.emplace(m_counterpart->tables[i].name, int(i));
    m_tableStates.assign(m_schema.tables.size(), -1);
    endResetModel();
}

const ComparisonRules& SchemaTreeModel::rules() const
{
    return m_dialect ? m_dialect->rules() : exactRules();
}

QModelIndex SchemaTreeModel::indexOfTable(const QString& name) const
{
    auto it = m_tableRows.find(name.toStdString());
    return it == m_tableRows.end() ? QModelIndex() : createIndex(it->second, 0, quintptr(0));
}

const Table* SchemaTreeModel::counterpartOf(const Table& table) const
{
    if (!m_counterpart)
        return nullptr;
    auto it = m_counterpartRows.find(table.name);
    return it == m_counterpartRows.end() ? nullptr : &m_counterpart->tables[std::size_t(it->second)];
}

int SchemaTreeModel::computedTableStates() const
{
    return int(std::count_if(m_tableStates.begin(), m_tableStates.end(), [](signed char s) { return s >= 0; }));
}

DiffState SchemaTreeModel::tableState(int row) const
{
    if (row < 0 || std::size_t(row) >= m_schema.tables.size() || !m_counterpart)
        return DiffState::Same;
    signed char& cached = m_tableStates[std::size_t(row)];
    if (cached < 0) {
        const Table& table = m_schema.tables[std::size_t(row)];
        cached = static_cast<signed char>(stateOf(compareTable(table, counterpartOf(table), rules())));
    }
    return static_cast<DiffState>(cached);
}

SchemaTreeModel::NodeRef SchemaTreeModel::decode(const QModelIndex& index) const
{
    NodeRef ref;
    const quintptr id = index.internalId();
    if (id == 0) {
        ref.kind = NodeKind::Table;
        ref.table = index.row();
    } else if ((id & 3) == kGroupTag) {
        ref.kind = NodeKind::Group;
        ref.table = int((id >> 2) - 1);
        const auto groups = groupsOf(m_schema.tables[std::size_t(ref.table)]);
        ref.group = groups[std::size_t(index.row())];
    } else {
        ref.kind = NodeKind::Item;
        ref.table = int((id >> 4) - 1);
        ref.group = static_cast<Group>((id >> 2) & 3);
        ref.item = index.row();
    }
    return ref;
}

std::vector<SchemaTreeModel::Group> SchemaTreeModel::groupsOf(const Table& table) const
{
    std::vector<Group> groups{Group::Columns};
    if (!table.indexes.empty())
        groups.push_back(Group::Indexes);
    if (itemCount(table, Group::Constraints) > 0)
        groups.push_back(Group::Constraints);
    return groups;
}

int SchemaTreeModel::itemCount(const Table& table, Group group) const
{
    switch (group) {
    case Group::Columns: return int(table.columns.size());
    case Group::Indexes: return int(table.indexes.size());
    case Group::Constraints:
        return int((table.primaryKey.empty() ? 0 : 1) + table.uniques.size() + table.foreignKeys.size()
                   + table.checks.size());
    }
    return 0;
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= columnCount(parent) || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const NodeRef p = decode(parent);
    if (p.kind == NodeKind::Table)
        return createIndex(row, column, groupId(p.table));
    if (p.kind == NodeKind::Group)
        return createIndex(row, column, itemId(p.table, int(p.group)));
    return {};
}

QModelIndex SchemaTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const NodeRef ref = decode(child);
    if (ref.kind == NodeKind::Table)
        return {};
    if (ref.kind == NodeKind::Group)
        return createIndex(ref.table, 0, quintptr(0));
    const auto groups = groupsOf(m_schema.tables[std::size_t(ref.table)]);
    int groupRow = 0;
    for (std::size_t i = 0; i < groups.size(); ++i)
        if (groups[i] == ref.group)
            groupRow = int(i);
    return createIndex(groupRow, 0, groupId(ref.table));
}

int SchemaTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_schema.tables.size());
    if (parent.column() != 0)
        return 0;
    const NodeRef ref = decode(parent);
    const Table& table = m_schema.tables[std::size_t(ref.table)];
    if (ref.kind == NodeKind::Table)
        return int(groupsOf(table).size());
    if (ref.kind == NodeKind::Group)
        return itemCount(table, ref.group);
    return 0;
}

int SchemaTreeModel::columnCount(const QModelIndex&) const { return 2; }

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Name") : tr("Definition");
}

DiffState SchemaTreeModel::itemState(const Table& table, Group group, int item) const
{
    const Table* other = counterpartOf(table);
    if (!m_counterpart)
        return DiffState::Same;
    if (!other)
        return m_onlyHere;
    const std::size_t index = std::size_t(item);
    switch (group) {
    case Group::Columns:
        return stateOf(compareColumn(table.columns[index], other, rules()));
    case Group::Indexes:
        return stateOf(compareIndex(table.indexes[index], other));
    case Group::Constraints: {
        std::size_t i = index;
        if (!table.primaryKey.empty()) {
            if (i == 0)
                return stateOf(comparePrimaryKey(table, other));
            --i;
        }
        if (i < table.uniques.size())
            return stateOf(compareUnique(table.uniques[i], other));
        i -= table.uniques.size();
        if (i < table.foreignKeys.size())
            return stateOf(compareForeignKey(table.foreignKeys[i], other));
        i -= table.foreignKeys.size();
        return stateOf(compareCheck(table.checks[i], other, rules()));
    }
    }
    return DiffState::Same;
}

QString SchemaTreeModel::itemName(const Table& table, Group group, int item) const
{
    std::size_t i = std::size_t(item);
    switch (group) {
    case Group::Columns: return QString::fromStdString(table.columns[i].name);
    case Group::Indexes: return QString::fromStdString(table.indexes[i].name);
    case Group::Constraints:
        if (!table.primaryKey.empty()) {
            if (i == 0)
                return tr("primary key");
            --i;
        }
        if (i < table.uniques.size())
            return QString::fromStdString(table.uniques[i].name);
        i -= table.uniques.size();
        if (i < table.foreignKeys.size())
            return QString::fromStdString(table.foreignKeys[i].name);
        i -= table.foreignKeys.size();
        return QString::fromStdString(table.checks[i].name);
    }
    return {};
}

QString SchemaTreeModel::itemDetail(const Table& table, Group group, int item) const
{
    std::size_t i = std::size_t(item);
    switch (group) {
    case Group::Columns: {
        const Column& c = table.columns[i];
        return columnDetailText(c, table.primaryKey.size() == 1 && table.isPrimaryKeyColumn(c.name));
    }
    case Group::Indexes: return indexDetailText(table.indexes[i]);
    case Group::Constraints:
        if (!table.primaryKey.empty()) {
            if (i == 0)
                return primaryKeyDetailText(table.primaryKey);
            --i;
        }
        if (i < table.uniques.size())
            return uniqueDetailText(table.uniques[i]);
        i -= table.uniques.size();
        if (i < table.foreignKeys.size())
            return foreignKeyDetailText(table.foreignKeys[i]);
        i -= table.foreignKeys.size();
        return QStringLiteral("CHECK (%1)").arg(QString::fromStdString(table.checks[i].expr));
    }
    return {};
}

QVariant SchemaTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const NodeRef ref = decode(index);
    const Table& table = m_schema.tables[std::size_t(ref.table)];
    if (role == TableNameRole)
        return QString::fromStdString(table.name);
    if (role == NodeKindRole)
        return int(ref.kind);

    DiffState state = DiffState::Same;
    if (ref.kind == NodeKind::Table)
        state = tableState(ref.table);
    else if (ref.kind == NodeKind::Item && tableState(ref.table) != DiffState::Same)
        state = itemState(table, ref.group, ref.item);  // a Same table has only Same items
    if (role == DiffStateRole)
        return int(state);
    if (role == Qt::ForegroundRole) {
        const QColor color = diffColor(state, QGuiApplication::palette());
        return color.isValid() ? QVariant(color) : QVariant();
    }
    if (role == Qt::ToolTipRole && state != DiffState::Same) {
        switch (state) {
        case DiffState::Added: return tr("only in the models: an upgrade would create it");
        case DiffState::Removed: return tr("only in the database: it would be dropped");
        case DiffState::Changed: return tr("differs between models and database");
        case DiffState::Same: break;
        }
    }
    if (role != Qt::DisplayRole)
        return {};

    if (index.column() == 0) {
        const QString glyph = diffGlyph(state);
        QString name;
        switch (ref.kind) {
        case NodeKind::Table: name = QString::fromStdString(table.name); break;
        case NodeKind::Group:
            name = ref.group == Group::Columns ? tr("Columns")
                 : ref.group == Group::Indexes ? tr("Indexes") : tr("Constraints");
            break;
        case NodeKind::Item: name = itemName(table, ref.group, ref.item); break;
        }
        return glyph.isEmpty() ? name : glyph + QLatin1Char(' ') + name;
    }
    switch (ref.kind) {
    case NodeKind::Table: return tr("%n column(s)", nullptr, int(table.columns.size()));
    case NodeKind::Group: return QString::number(itemCount(table, ref.group));
    case NodeKind::Item: return itemDetail(table, ref.group, ref.item);
    }
    return {};
}

} // namespace tempest::studio
