#pragma once
// TableFilterProxy: filters a schema tree by table name only (children of a shown table
// are always shown), so filtering never walks the children of 5,000 tables.

#include <QSortFilterProxyModel>

namespace tempest::studio {

class TableFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit TableFilterProxy(QObject* parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
};

} // namespace tempest::studio
