#include "studio/schema_tree_model.h"

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

SchemaTreeModel::Group groupOf(RowKind kind)
{
    switch (kind) {
    case RowKind::Table:
    case RowKind::Column: return SchemaTreeModel::Group::Columns;
    case RowKind::Index: return SchemaTreeModel::Group::Indexes;
    case RowKind::PrimaryKey:
    case RowKind::Unique:
    case RowKind::ForeignKey:
    case RowKind::Check:
    case RowKind::Enum:  // never inside a table: top-level rows of their own
    case RowKind::Domain:
    case RowKind::Sequence: break;
    }
    return SchemaTreeModel::Group::Constraints;
}

QString q(const std::string& s) { return QString::fromStdString(s); }

} // namespace

SchemaTreeModel::SchemaTreeModel(DiffState onlyHereState, QObject* parent)
    : QAbstractItemModel(parent), m_onlyHere(onlyHereState)
{
}

DiffState SchemaTreeModel::stateOf(RowState state) const
{
    switch (state) {
    case RowState::Same: return DiffState::Same;
    case RowState::Changed: return DiffState::Changed;
    case RowState::Added: return DiffState::Added;
    case RowState::Removed: return DiffState::Removed;
    case RowState::Renamed: return DiffState::Renamed;
    }
    return DiffState::Same;
}

void SchemaTreeModel::setSchemas(Schema schema, std::optional<Schema> counterpart,
                                 std::shared_ptr<const Dialect> dialect, std::vector<RenameCandidate> renames)
{
    beginResetModel();
    m_schema = std::move(schema);
    m_counterpart = std::move(counterpart);
    m_dialect = std::move(dialect);
    m_renames = std::move(renames);
    rebuild();
    endResetModel();
}

void SchemaTreeModel::setRenames(std::vector<RenameCandidate> renames)
{
    beginResetModel();
    m_renames = std::move(renames);
    rebuild();
    endResetModel();
}

void SchemaTreeModel::rebuild()
{
    m_pairs.clear();
    if (m_counterpart) {
        const Schema& current = isModelsSide() ? *m_counterpart : m_schema;
        const Schema& target = isModelsSide() ? m_schema : *m_counterpart;
        m_pairs = pairTables(current, target, m_renames);
        m_objects = alignSchemaObjects(current, target, rules());
    } else {
        // Nothing to compare with: each table against itself, all Same, no placeholders.
        for (const Table& table : m_schema.tables)
            m_pairs.push_back({&table, &table, false});
        m_objects = alignSchemaObjects(m_schema, m_schema, exactRules());
    }
    m_tableRows.clear();
    for (std::size_t i = 0; i < m_pairs.size(); ++i) {
        if (m_pairs[i].target)
            m_tableRows.emplace(m_pairs[i].target->name, int(i));
        if (m_pairs[i].current)
            m_tableRows.emplace(m_pairs[i].current->name, int(i));
    }
    // PostgreSQL keeps tables, types and sequences apart by name, so an object's name
    // never hides a table's; emplace keeps the table's row if it did.
    for (std::size_t i = 0; i < m_objects.size(); ++i) {
        if (!m_objects[i].target.empty())
            m_tableRows.emplace(m_objects[i].target, int(m_pairs.size() + i));
        if (!m_objects[i].current.empty())
            m_tableRows.emplace(m_objects[i].current, int(m_pairs.size() + i));
    }
    m_tableRowCache.assign(m_pairs.size(), std::nullopt);
    m_contents.clear();
    m_contents.resize(m_pairs.size());
}

const ComparisonRules& SchemaTreeModel::rules() const
{
    return m_dialect ? m_dialect->rules() : exactRules();
}

const Table* SchemaTreeModel::thisSide(const TablePair& pair) const
{
    return isModelsSide() ? pair.target : pair.current;
}

QModelIndex SchemaTreeModel::indexOfTable(const QString& name) const
{
    auto it = m_tableRows.find(name.toStdString());
    return it == m_tableRows.end() ? QModelIndex() : createIndex(it->second, 0, quintptr(0));
}

QModelIndex SchemaTreeModel::indexOfItem(const QString& table, const QString& item) const
{
    const QModelIndex tableIndex = indexOfTable(table);
    if (!tableIndex.isValid() || std::size_t(tableIndex.row()) >= m_pairs.size())
        return {};
    const std::string name = item.toStdString();
    const Contents& contents = contentsOf(tableIndex.row());
    const std::vector<Group> groups = groupsOf(tableIndex.row());
    int offset = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const int count = contents.counts[int(groups[g])];
        for (int i = 0; i < count; ++i) {
            const AlignedRow& row = contents.rows[std::size_t(offset + i)];
            if (row.current == name || row.target == name)
                return createIndex(i, 0, itemId(tableIndex.row(), int(groups[g])));
        }
        offset += count;
    }
    return {};
}

int SchemaTreeModel::computedTableStates() const
{
    return int(std::count_if(m_tableRowCache.begin(), m_tableRowCache.end(),
                             [](const std::optional<AlignedRow>& r) { return r.has_value(); }));
}

const AlignedRow& SchemaTreeModel::tableRow(int table) const
{
    std::optional<AlignedRow>& cached = m_tableRowCache[std::size_t(table)];
    if (!cached)
        cached = alignedTableRow(m_pairs[std::size_t(table)], rules(), m_renames);
    return *cached;
}

DiffState SchemaTreeModel::tableState(int row) const
{
    if (row < 0 || std::size_t(row) >= m_pairs.size() + m_objects.size() || !m_counterpart)
        return DiffState::Same;
    if (std::size_t(row) >= m_pairs.size())
        return stateOf(m_objects[std::size_t(row) - m_pairs.size()].state);
    return stateOf(tableRow(row).state);
}

const SchemaTreeModel::Contents& SchemaTreeModel::contentsOf(int table) const
{
    std::unique_ptr<Contents>& cached = m_contents[std::size_t(table)];
    if (!cached) {
        cached = std::make_unique<Contents>();
        cached->rows = alignTableContents(m_pairs[std::size_t(table)], rules(), m_renames);
        for (const AlignedRow& row : cached->rows)
            ++cached->counts[int(groupOf(row.kind))];
    }
    return *cached;
}

const AlignedRow& SchemaTreeModel::itemRow(int table, Group group, int item) const
{
    const Contents& contents = contentsOf(table);
    int offset = 0;
    for (int g = 0; g < int(group); ++g)
        offset += contents.counts[g];
    return contents.rows[std::size_t(offset + item)];
}

SchemaTreeModel::NodeRef SchemaTreeModel::decode(const QModelIndex& index) const
{
    NodeRef ref;
    const quintptr id = index.internalId();
    if (id == 0 && std::size_t(index.row()) >= m_pairs.size()) {
        ref.kind = NodeKind::Object;
        ref.item = index.row() - int(m_pairs.size());
    } else if (id == 0) {
        ref.kind = NodeKind::Table;
        ref.table = index.row();
    } else if ((id & 3) == kGroupTag) {
        ref.kind = NodeKind::Group;
        ref.table = int((id >> 2) - 1);
        ref.group = groupsOf(ref.table)[std::size_t(index.row())];
    } else {
        ref.kind = NodeKind::Item;
        ref.table = int((id >> 4) - 1);
        ref.group = static_cast<Group>((id >> 2) & 3);
        ref.item = index.row();
    }
    return ref;
}

std::vector<SchemaTreeModel::Group> SchemaTreeModel::groupsOf(int table) const
{
    const Contents& contents = contentsOf(table);
    std::vector<Group> groups{Group::Columns};
    if (contents.counts[int(Group::Indexes)] > 0)
        groups.push_back(Group::Indexes);
    if (contents.counts[int(Group::Constraints)] > 0)
        groups.push_back(Group::Constraints);
    return groups;
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
    if (ref.kind == NodeKind::Table || ref.kind == NodeKind::Object)
        return {};
    if (ref.kind == NodeKind::Group)
        return createIndex(ref.table, 0, quintptr(0));
    const auto groups = groupsOf(ref.table);
    const auto it = std::find(groups.begin(), groups.end(), ref.group);
    return createIndex(int(it - groups.begin()), 0, groupId(ref.table));
}

int SchemaTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_pairs.size() + m_objects.size());
    if (parent.column() != 0)
        return 0;
    const NodeRef ref = decode(parent);
    if (ref.kind == NodeKind::Table)
        return int(groupsOf(ref.table).size());
    if (ref.kind == NodeKind::Group)
        return contentsOf(ref.table).counts[int(ref.group)];
    return 0;
}

int SchemaTreeModel::columnCount(const QModelIndex&) const { return 3; }

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case DefinitionColumn: return tr("Definition");
    default: return tr("Differences (database → models)");
    }
}

QString SchemaTreeModel::itemDetail(const Table& table, const AlignedRow& row) const
{
    const std::string& name = isModelsSide() ? row.target : row.current;
    switch (row.kind) {
    case RowKind::Table: return tr("%n column(s)", nullptr, int(table.columns.size()));
    case RowKind::Column:
        if (const tempest::Column* c = table.findColumn(name))
            return columnDetailText(*c, table.primaryKey.size() == 1 && table.isPrimaryKeyColumn(c->name));
        break;
    case RowKind::Index:
        if (const Index* i = table.findIndex(name))
            return indexDetailText(*i);
        break;
    case RowKind::PrimaryKey: return primaryKeyDetailText(table.primaryKey);
    case RowKind::Unique:
        if (const UniqueConstraint* u = table.findUnique(name))
            return uniqueDetailText(*u);
        break;
    case RowKind::ForeignKey:
        if (const ForeignKey* f = table.findForeignKey(name))
            return foreignKeyDetailText(*f);
        break;
    case RowKind::Check:
        if (const CheckConstraint* c = table.findCheck(name))
            return QStringLiteral("CHECK (%1)").arg(q(c->expr));
        break;
    case RowKind::Enum:
    case RowKind::Domain:
    case RowKind::Sequence: break;  // objectData()
    }
    return {};
}

QString SchemaTreeModel::nodeKey(const NodeRef& ref) const
{
    if (ref.kind == NodeKind::Object) {
        const AlignedRow& row = m_objects[std::size_t(ref.item)];
        return QStringLiteral("o%1:").arg(int(row.kind))
             + (row.target.empty() ? QStringLiteral("c:") + q(row.current) : q(row.target));
    }
    const TablePair& pair = m_pairs[std::size_t(ref.table)];
    // Keyed by the models' name when there is one: a rename applied keeps its key.
    QString key = pair.target ? QStringLiteral("t:") + q(pair.target->name) : QStringLiteral("c:") + q(pair.current->name);
    if (ref.kind == NodeKind::Table)
        return key;
    key += QStringLiteral("/g%1").arg(int(ref.group));
    if (ref.kind == NodeKind::Group)
        return key;
    const AlignedRow& row = itemRow(ref.table, ref.group, ref.item);
    return key + QStringLiteral("/%1:").arg(int(row.kind))
         + (row.target.empty() ? QStringLiteral("c:") + q(row.current) : q(row.target));
}

QString SchemaTreeModel::toolTip(const AlignedRow& row, DiffState state, bool placeholder) const
{
    QStringList lines;
    if (placeholder)
        lines << tr("not here: \"%1\" exists only on the other side").arg(q(isModelsSide() ? row.current : row.target));
    switch (state) {
    case DiffState::Added: lines << tr("only in the models: an upgrade would create it"); break;
    case DiffState::Removed: lines << tr("only in the database: it would be dropped"); break;
    case DiffState::Changed: lines << tr("differs between models and database"); break;
    case DiffState::Renamed:
        lines << tr("renamed: \"%1\" in the database, \"%2\" in the models").arg(q(row.current), q(row.target));
        break;
    case DiffState::Same: break;
    }
    for (const AttributeDifference& d : row.differences)
        lines << tr("%1: database %2, models %3").arg(q(d.attribute), q(d.current), q(d.target));
    return lines.join(QLatin1Char('\n'));
}

QVariant SchemaTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const NodeRef ref = decode(index);
    if (ref.kind == NodeKind::Object)
        return objectData(index, m_objects[std::size_t(ref.item)], role);
    const TablePair& pair = m_pairs[std::size_t(ref.table)];
    const Table* here = thisSide(pair);
    const Table* table = here ? here : (pair.target ? pair.target : pair.current);
    if (role == TableNameRole)
        return q(table->name);
    if (role == NodeKindRole)
        return int(ref.kind);
    if (role == NodeKeyRole)
        return nodeKey(ref);

    // The row this node shows: the table's own, an item's, none for a group.
    const AlignedRow* row = nullptr;
    if (ref.kind == NodeKind::Item)
        row = &itemRow(ref.table, ref.group, ref.item);
    else if (ref.kind == NodeKind::Table && m_counterpart)
        row = &tableRow(ref.table);
    const bool placeholder = !here || (row && (isModelsSide() ? row->target : row->current).empty());

    DiffState state = DiffState::Same;
    if (row && m_counterpart)
        state = stateOf(row->state);
    switch (role) {
    case DiffStateRole: return int(state);
    case PlaceholderRole: return placeholder;
    case RowKindRole: return ref.kind == NodeKind::Item ? int(row->kind) : -1;
    case CurrentNameRole:
        return ref.kind == NodeKind::Group ? QVariant() : q(row ? row->current : (pair.current ? pair.current->name : ""));
    case TargetNameRole:
        return ref.kind == NodeKind::Group ? QVariant() : q(row ? row->target : (pair.target ? pair.target->name : ""));
    case DifferencesRole: return row ? q(differencesText(row->differences)) : QString();
    case Qt::ForegroundRole:
    case Qt::BackgroundRole: return rowColors(placeholder, state, role);
    case Qt::ToolTipRole:
        return row ? toolTip(*row, state, placeholder) : QVariant();
    case Qt::AccessibleTextRole:
        if (placeholder)
            return tr("missing here");
        break;
    case Qt::DisplayRole: break;
    default: return {};
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    if (placeholder)
        return QString();

    switch (index.column()) {
    case NameColumn: {
        QString name;
        switch (ref.kind) {
        case NodeKind::Table: name = q(here->name); break;
        case NodeKind::Group:
            name = ref.group == Group::Columns ? tr("Columns")
                 : ref.group == Group::Indexes ? tr("Indexes") : tr("Constraints");
            break;
        case NodeKind::Item:
            name = row->kind == RowKind::PrimaryKey ? tr("primary key")
                                                    : q(isModelsSide() ? row->target : row->current);
            break;
        case NodeKind::Object: break;  // objectData()
        }
        const QString glyph = diffGlyph(state);
        return glyph.isEmpty() ? name : glyph + QLatin1Char(' ') + name;
    }
    case DefinitionColumn:
        if (ref.kind == NodeKind::Group)
            return QString::number(rowCount(index.siblingAtColumn(0)));
        return row ? itemDetail(*here, *row) : tr("%n column(s)", nullptr, int(here->columns.size()));
    default: return row ? changesText(*row) : QVariant();
    }
}

QString SchemaTreeModel::changesText(const AlignedRow& row) const
{
    QStringList parts;
    if (row.state == RowState::Renamed)
        parts << tr("name: %1 → %2").arg(q(row.current), q(row.target));
    if (!row.differences.empty())
        parts << q(differencesText(row.differences));
    return parts.join(QStringLiteral("; "));
}

QVariant SchemaTreeModel::rowColors(bool placeholder, DiffState state, int role) const
{
    const QPalette palette = QGuiApplication::palette();
    if (role == Qt::BackgroundRole)
        return placeholder ? QVariant(palette.color(QPalette::Window)) : QVariant();
    if (placeholder)
        return palette.color(QPalette::Disabled, QPalette::Text);
    const QColor color = diffColor(state, palette);
    return color.isValid() ? QVariant(color) : QVariant();
}

QVariant SchemaTreeModel::objectData(const QModelIndex& index, const AlignedRow& row, int role) const
{
    const std::string& here = isModelsSide() ? row.target : row.current;
    const std::string& there = isModelsSide() ? row.current : row.target;
    const bool placeholder = here.empty();
    const DiffState state = m_counterpart ? stateOf(row.state) : DiffState::Same;
    switch (role) {
    case TableNameRole: return q(placeholder ? there : here);
    case NodeKindRole: return int(NodeKind::Object);
    case NodeKeyRole: return nodeKey({NodeKind::Object, -1, Group::Columns, index.row() - int(m_pairs.size())});
    case DiffStateRole: return int(state);
    case PlaceholderRole: return placeholder;
    case RowKindRole: return int(row.kind);
    case CurrentNameRole: return q(row.current);
    case TargetNameRole: return q(row.target);
    case DifferencesRole: return q(differencesText(row.differences));
    case Qt::ForegroundRole:
    case Qt::BackgroundRole: return rowColors(placeholder, state, role);
    case Qt::ToolTipRole:
        return toolTip(row, state, placeholder);
    case Qt::AccessibleTextRole:
        if (placeholder)
            return tr("missing here");
        break;
    case Qt::DisplayRole: break;
    default: return {};
    }
    if (placeholder)
        return QString();
    switch (index.column()) {
    case NameColumn: {
        const QString glyph = diffGlyph(state);
        return glyph.isEmpty() ? q(here) : glyph + QLatin1Char(' ') + q(here);
    }
    case DefinitionColumn: return q(schemaObjectDefinition(m_schema, row.kind, here));
    default: return changesText(row);
    }
}

} // namespace tempest::studio
