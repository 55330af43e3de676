#include "studio/rename_choices.h"

#include "studio/operation_list_model.h"
#include "studio/schema_tree_model.h"

#include <QAction>
#include <QListView>
#include <QMenu>
#include <QTreeView>

#include <algorithm>

namespace tempest::studio {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

} // namespace

RenameChoices::RenameChoices(QObject* parent) : QObject(parent) {}

void RenameChoices::add(const RenameCandidate& rename)
{
    if (std::find(m_renames.begin(), m_renames.end(), rename) != m_renames.end())
        return;
    // One rename per column on each side: a newer choice replaces an older one.
    m_renames.erase(std::remove_if(m_renames.begin(), m_renames.end(),
                                   [&](const RenameCandidate& r) {
                                       return r.kind == rename.kind && r.table == rename.table
                                           && (r.from == rename.from || r.to == rename.to);
                                   }),
                    m_renames.end());
    m_renames.push_back(rename);
    emit changed();
}

void RenameChoices::remove(const RenameCandidate& rename)
{
    const auto it = std::find(m_renames.begin(), m_renames.end(), rename);
    if (it == m_renames.end())
        return;
    m_renames.erase(it);
    emit changed();
}

void RenameChoices::clear()
{
    if (m_renames.empty())
        return;
    m_renames.clear();
    emit changed();
}

QAction* RenameChoices::renameAction(const RenameCandidate& rename, QObject* parent)
{
    const bool confirmed = std::find(m_renames.begin(), m_renames.end(), rename) != m_renames.end();
    auto* action = new QAction(confirmed ? tr("Undo rename \"%1.%2\" → \"%1.%3\"")
                                         : tr("Treat \"%1.%2\" → \"%1.%3\" as a rename (keeps the data)"),
                               parent);
    action->setText(action->text().arg(q(rename.table), q(rename.from), q(rename.to)));
    action->setObjectName(confirmed ? QStringLiteral("undoRenameAction") : QStringLiteral("treatAsRenameAction"));
    connect(action, &QAction::triggered, this, [this, rename, confirmed] {
        if (confirmed)
            remove(rename);
        else
            add(rename);
    });
    return action;
}

QList<QAction*> RenameChoices::treeActions(const QModelIndex& index, QObject* parent)
{
    QList<QAction*> actions;
    if (!index.isValid() || index.data(SchemaTreeModel::RowKindRole).toInt() != int(RowKind::Column))
        return actions;
    const QModelIndex row = index.siblingAtColumn(0);
    const QModelIndex group = row.parent();
    const QString table = group.parent().data(SchemaTreeModel::TargetNameRole).toString();
    const auto state = DiffState(row.data(SchemaTreeModel::DiffStateRole).toInt());
    const QString current = row.data(SchemaTreeModel::CurrentNameRole).toString();
    const QString target = row.data(SchemaTreeModel::TargetNameRole).toString();
    if (state == DiffState::Renamed) {
        const RenameCandidate rename{RenameCandidate::Kind::Column, table.toStdString(), current.toStdString(),
                                     target.toStdString()};
        if (std::find(m_renames.begin(), m_renames.end(), rename) != m_renames.end())
            actions << renameAction(rename, parent);
        return actions;
    }
    if (table.isEmpty() || (state != DiffState::Added && state != DiffState::Removed))
        return actions;
    // Pair with each column of the other state in the same table.
    const DiffState other = state == DiffState::Added ? DiffState::Removed : DiffState::Added;
    const QAbstractItemModel* model = row.model();
    for (int r = 0; r < model->rowCount(group); ++r) {
        const QModelIndex sibling = model->index(r, 0, group);
        if (DiffState(sibling.data(SchemaTreeModel::DiffStateRole).toInt()) != other)
            continue;
        const QString from = state == DiffState::Added ? sibling.data(SchemaTreeModel::CurrentNameRole).toString() : current;
        const QString to = state == DiffState::Added ? target : sibling.data(SchemaTreeModel::TargetNameRole).toString();
        actions << renameAction({RenameCandidate::Kind::Column, table.toStdString(), from.toStdString(), to.toStdString()},
                                parent);
    }
    return actions;
}

QList<QAction*> RenameChoices::operationActions(const OperationListModel& operations, int row, QObject* parent)
{
    QList<QAction*> actions;
    const auto& ops = operations.sourcedOperations();
    if (row < 0 || std::size_t(row) >= ops.size() || ops[std::size_t(row)].source != ChangeSource::Uncaptured)
        return actions;
    const Operation& op = ops[std::size_t(row)].operation;
    const auto* added = std::get_if<AddColumn>(&op);
    const auto* dropped = std::get_if<DropColumn>(&op);
    if (!added && !dropped)
        return actions;
    const std::string& table = added ? added->table : dropped->table;
    for (const SourcedOperation& other : ops) {
        if (other.source != ChangeSource::Uncaptured)
            continue;
        if (added)
            if (const auto* d = std::get_if<DropColumn>(&other.operation); d && d->table == table)
                actions << renameAction({RenameCandidate::Kind::Column, table, d->definition.name, added->definition.name},
                                        parent);
        if (dropped)
            if (const auto* a = std::get_if<AddColumn>(&other.operation); a && a->table == table)
                actions << renameAction({RenameCandidate::Kind::Column, table, dropped->definition.name, a->definition.name},
                                        parent);
    }
    return actions;
}

void RenameChoices::attachTo(QTreeView* tree)
{
    tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tree, &QWidget::customContextMenuRequested, this, [this, tree](const QPoint& pos) {
        QMenu menu(tree);
        menu.addActions(treeActions(tree->indexAt(pos), &menu));
        if (!menu.isEmpty())
            menu.exec(tree->viewport()->mapToGlobal(pos));
    });
}

void RenameChoices::attachTo(QListView* view, OperationListModel* operations)
{
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view, operations](const QPoint& pos) {
        QMenu menu(view);
        menu.addActions(operationActions(*operations, view->indexAt(pos).row(), &menu));
        if (!menu.isEmpty())
            menu.exec(view->viewport()->mapToGlobal(pos));
    });
}

} // namespace tempest::studio
