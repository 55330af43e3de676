#include "studio/tree_sync.h"

#include "studio/schema_tree_model.h"

#include <QScrollBar>
#include <QTreeView>

#include <vector>

namespace tempest::studio {

TreeSync::TreeSync(QTreeView* first, QTreeView* second, QObject* parent)
    : QObject(parent), m_first(first), m_second(second)
{
    connectPair(first, second, &m_firstState);
    connectPair(second, first, &m_secondState);
}

void TreeSync::connectPair(QTreeView* from, QTreeView* to, SavedState* saved)
{
    connect(from->verticalScrollBar(), &QScrollBar::valueChanged, this, [this, to](int value) {
        if (m_mirroring)
            return;
        m_mirroring = true;
        to->verticalScrollBar()->setValue(value);
        m_mirroring = false;
    });
    // The other tree's range may only grow once its layout ran: follow it when it does.
    connect(to->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this, from, to] {
        if (!m_mirroring && to->verticalScrollBar()->value() != from->verticalScrollBar()->value())
            to->verticalScrollBar()->setValue(from->verticalScrollBar()->value());
    });
    connect(from, &QTreeView::expanded, this, [this, to](const QModelIndex& index) { mirrorExpanded(to, index, true); });
    connect(from, &QTreeView::collapsed, this,
            [this, to](const QModelIndex& index) { mirrorExpanded(to, index, false); });
    connect(from->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this, to](const QModelIndex& current) { mirrorCurrent(to, current); });
    // The view connected to its model first, so on a reset it has cleared its state
    // before restore() runs; before the reset, its state is still there to save.
    QAbstractItemModel* model = from->model();
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this, from, saved] {
        if (!m_mirroring)
            save(from, *saved);
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this, from, saved] {
        const bool wasMirroring = m_mirroring;
        m_mirroring = true;  // each tree restores its own state; nothing to mirror
        restore(from, *saved);
        m_mirroring = wasMirroring;
    });
}

QModelIndex TreeSync::counterpartIndex(const QModelIndex& index, const QTreeView* to)
{
    if (!index.isValid())
        return {};
    std::vector<int> path;
    for (QModelIndex i = index; i.isValid(); i = i.parent())
        path.push_back(i.row());
    QModelIndex there;
    const QAbstractItemModel* model = to->model();
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
        there = model->index(*it, 0, there);
        if (!there.isValid())
            return {};
    }
    return there.siblingAtColumn(index.column());
}

void TreeSync::mirrorExpanded(QTreeView* to, const QModelIndex& index, bool expanded)
{
    if (m_mirroring)
        return;
    const QModelIndex there = counterpartIndex(index, to);
    if (!there.isValid() || to->isExpanded(there) == expanded)
        return;
    m_mirroring = true;
    to->setExpanded(there, expanded);
    m_mirroring = false;
}

void TreeSync::mirrorCurrent(QTreeView* to, const QModelIndex& index)
{
    if (m_mirroring || !index.isValid())
        return;
    const QModelIndex there = counterpartIndex(index.siblingAtColumn(0), to);
    if (!there.isValid() || to->currentIndex().siblingAtColumn(0) == there)
        return;
    m_mirroring = true;
    to->selectionModel()->setCurrentIndex(there, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    to->scrollTo(there);
    m_mirroring = false;
}

void TreeSync::save(QTreeView* tree, SavedState& state)
{
    state.expanded.clear();
    const QAbstractItemModel* model = tree->model();
    // Tables, then their groups: the only nodes with children.
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex table = model->index(r, 0);
        if (!tree->isExpanded(table))
            continue;
        state.expanded.insert(table.data(SchemaTreeModel::NodeKeyRole).toString());
        for (int g = 0; g < model->rowCount(table); ++g) {
            const QModelIndex group = model->index(g, 0, table);
            if (tree->isExpanded(group))
                state.expanded.insert(group.data(SchemaTreeModel::NodeKeyRole).toString());
        }
    }
    const QModelIndex current = tree->currentIndex();
    state.current = current.isValid() ? current.siblingAtColumn(0).data(SchemaTreeModel::NodeKeyRole).toString()
                                      : QString();
}

void TreeSync::restore(QTreeView* tree, const SavedState& state)
{
    if (state.expanded.isEmpty() && state.current.isEmpty())
        return;
    const QAbstractItemModel* model = tree->model();
    QModelIndex current;
    auto isCurrent = [&](const QModelIndex& index) {
        if (!current.isValid() && !state.current.isEmpty()
            && index.data(SchemaTreeModel::NodeKeyRole).toString() == state.current)
            current = index;
    };
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex table = model->index(r, 0);
        isCurrent(table);
        if (!state.expanded.contains(table.data(SchemaTreeModel::NodeKeyRole).toString()))
            continue;
        tree->expand(table);
        for (int g = 0; g < model->rowCount(table); ++g) {
            const QModelIndex group = model->index(g, 0, table);
            isCurrent(group);
            if (!state.expanded.contains(group.data(SchemaTreeModel::NodeKeyRole).toString()))
                continue;
            tree->expand(group);
            for (int i = 0; i < model->rowCount(group); ++i)
                isCurrent(model->index(i, 0, group));
        }
    }
    if (current.isValid()) {
        tree->selectionModel()->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        tree->scrollTo(current);
    }
}

} // namespace tempest::studio
