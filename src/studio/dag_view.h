#pragma once
// DagView: the revision graph as a list whose rows DagDelegate paints (only the visible
// rows are ever painted), uniform row heights so scrolling a long history is cheap.

#include <QListView>

namespace tempest::studio {

class RevisionGraphModel;

class DagView : public QListView {
    Q_OBJECT

public:
    explicit DagView(RevisionGraphModel* model, QWidget* parent = nullptr);
    /// The revision id of the current row, or "" when none.
    QString currentRevision() const;
    void selectRevision(const QString& revision);

private:
    RevisionGraphModel* m_model;
};

} // namespace tempest::studio
