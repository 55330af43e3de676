#pragma once
// TableFilterProxy: filters a schema tree by table name only — its name on either side,
// so both trees of the aligned compare keep the same rows — (children of a shown table
// are always shown), so filtering never walks the children of 5,000 tables. Also hides
// the Diff pane's rows of other tables (hideOtherOperations).

#include <QSortFilterProxyModel>

class QListView;

namespace tempest::studio {

class OperationListModel;

/// Hides the rows of `view` (over `operations`) whose table does not contain `text`
/// (case-insensitive); an empty text shows every row.
void hideOtherOperations(QListView* view, const OperationListModel& operations, const QString& text);

class TableFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit TableFilterProxy(QObject* parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
};

} // namespace tempest::studio
