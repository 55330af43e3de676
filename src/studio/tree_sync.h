#pragma once
// TreeSync: keeps the Models and Database trees of the aligned compare moving together —
// both show the same rows in the same order, so scrolling, expanding, collapsing and the
// current row of one are mirrored in the other — and keeps each tree's expanded nodes and
// current node across a refresh (a model reset), by the nodes' keys (NodeKeyRole).

#include <QModelIndex>
#include <QObject>
#include <QSet>
#include <QString>

class QTreeView;

namespace tempest::studio {

class TreeSync : public QObject {
    Q_OBJECT

public:
    TreeSync(QTreeView* first, QTreeView* second, QObject* parent = nullptr);

    /// The index in `to`'s model at the same place as `index` in `from`'s model.
    static QModelIndex counterpartIndex(const QModelIndex& index, const QTreeView* to);

private:
    struct SavedState {
        QSet<QString> expanded;
        QString current;
    };
    void connectPair(QTreeView* from, QTreeView* to, SavedState* saved);
    void mirrorExpanded(QTreeView* to, const QModelIndex& index, bool expanded);
    void mirrorCurrent(QTreeView* to, const QModelIndex& index);
    static void save(QTreeView* tree, SavedState& state);
    static void restore(QTreeView* tree, const SavedState& state);

    QTreeView* m_first;
    QTreeView* m_second;
    SavedState m_firstState;
    SavedState m_secondState;
    bool m_mirroring = false;
};

} // namespace tempest::studio
