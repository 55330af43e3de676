#pragma once
// DagView: the revision graph as a flat tree view — the graph column painted by
// DagDelegate (only the visible rows are ever painted), then message, date and state
// columns; uniform row heights so scrolling a long history is cheap.

#include <QTreeView>

namespace tempest::studio {

class RevisionGraphModel;

class DagView : public QTreeView {
    Q_OBJECT

public:
    explicit DagView(RevisionGraphModel* model, QWidget* parent = nullptr);
    /// The revision id of the current row, or "" when none.
    QString currentRevision() const;
    void selectRevision(const QString& revision);

private:
    void fitGraphColumn();

    RevisionGraphModel* m_model;
};

} // namespace tempest::studio
