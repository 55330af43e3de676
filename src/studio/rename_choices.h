#pragma once
// RenameChoices: the column renames a reviewer confirmed with "Treat as rename" on an
// added/removed column pair (in the Models or Database tree, or in the Diff pane). The
// aligned compare then shows the pair as one renamed row, and the next "Generate
// migration" starts with them confirmed, so the migration renames the column and keeps
// its data (the core's autogenerate takes them as confirmedRenames). Kept for the session.

#include "core/project/autogenerate.h"

#include <QList>
#include <QObject>

#include <vector>

class QAction;
class QListView;
class QModelIndex;
class QTreeView;

namespace tempest::studio {

class OperationListModel;

class RenameChoices : public QObject {
    Q_OBJECT

public:
    explicit RenameChoices(QObject* parent = nullptr);

    const std::vector<RenameCandidate>& renames() const { return m_renames; }
    void add(const RenameCandidate& rename);
    void remove(const RenameCandidate& rename);
    /// Forgets every choice (another project was opened).
    void clear();

    /// "Treat as rename" actions for the row at `index` of a SchemaTreeModel tree: on an
    /// added column, one per removed column of the same table (and the other way round);
    /// on a renamed row the user confirmed, "Undo rename". Parented to `parent`.
    QList<QAction*> treeActions(const QModelIndex& index, QObject* parent);
    /// The same for the Diff pane's row `row`: an added column paired with each dropped
    /// column of its table among the uncaptured model changes.
    QList<QAction*> operationActions(const OperationListModel& operations, int row, QObject* parent);
    /// Shows these actions as the context menu of `tree` / `view`.
    void attachTo(QTreeView* tree);
    void attachTo(QListView* view, OperationListModel* operations);

signals:
    void changed();

private:
    QAction* renameAction(const RenameCandidate& rename, QObject* parent);

    std::vector<RenameCandidate> m_renames;
};

} // namespace tempest::studio
