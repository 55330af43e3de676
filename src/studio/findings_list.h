#pragma once
// FindingsList: the project status findings (pending revisions, drift per object,
// uncaptured model changes, edited or unknown applied revisions, several heads), one
// row each with its kind, as the core's projectStatus() reports them. Activating a row
// selects its table in the panes or its revision in the DAG.

#include "core/project/status.h"

#include <QListWidget>

#include <vector>

namespace tempest::studio {

class FindingsList : public QListWidget {
    Q_OBJECT

public:
    /// Data roles of each row.
    enum Role { KindRole = Qt::UserRole + 1, SubjectRole };

    explicit FindingsList(QWidget* parent = nullptr);
    void setFindings(const std::vector<Finding>& findings);
    /// The translated name of a finding kind ("Pending", "Drift", …).
    static QString kindLabel(FindingKind kind);

signals:
    void tableActivated(const QString& table);
    void revisionActivated(const QString& revision);

private:
    void onItemActivated(QListWidgetItem* item);
};

} // namespace tempest::studio
