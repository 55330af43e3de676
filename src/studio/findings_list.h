#pragma once
// FindingsList: the project status findings (pending revisions, drift per object,
// uncaptured model changes, edited or unknown applied revisions, several heads), one
// row each labelled with its kind, in the core's order (grouped by kind), as
// projectStatus() reports them. Activating a row selects its table — and its column,
// index or constraint — in both trees, or its revision in the DAG.

#include "core/project/status.h"

#include <QListWidget>

#include <vector>

namespace tempest::studio {

class FindingsList : public QListWidget {
    Q_OBJECT

public:
    /// Data roles of each row.
    enum Role { KindRole = Qt::UserRole + 1, SubjectRole, ItemRole, PendingRevisionRole };

    explicit FindingsList(QWidget* parent = nullptr);
    void setFindings(const std::vector<Finding>& findings);
    /// The translated name of a finding kind ("Pending", "Drift", …).
    static QString kindLabel(FindingKind kind);

signals:
    void tableActivated(const QString& table);
    /// After tableActivated, when the finding is about a column, index or constraint.
    void itemActivated(const QString& table, const QString& item);
    void revisionActivated(const QString& revision);

private:
    void onItemActivated(QListWidgetItem* item);
};

} // namespace tempest::studio
