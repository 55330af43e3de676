#include "studio/dag_view.h"

#include "studio/dag_delegate.h"
#include "studio/revision_graph_model.h"

#include <QHeaderView>

namespace tempest::studio {

DagView::DagView(RevisionGraphModel* model, QWidget* parent) : QTreeView(parent), m_model(model)
{
    setModel(model);
    setItemDelegate(new DagDelegate(model, this));
    setUniformRowHeights(true);
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setIndentation(0);
    setAllColumnsShowFocus(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    header()->setStretchLastSection(true);
    connect(model, &QAbstractItemModel::modelReset, this, &DagView::fitGraphColumn);
}

void DagView::fitGraphColumn()
{
    // From the lane count and the longest id, not ResizeToContents: that would measure
    // every row of a long history.
    int idWidth = 0, stateWidth = 0;
    for (const auto& f : m_model->facts()) {
        idWidth = std::max(idWidth, fontMetrics().horizontalAdvance(QString::fromStdString(f.id)));
        stateWidth = std::max(stateWidth, fontMetrics().horizontalAdvance(
                                              RevisionGraphModel::stateText(f, m_model->stateKnown())));
    }
    header()->resizeSection(RevisionGraphModel::GraphColumn,
                            (m_model->layout().laneCount + 1) * DagDelegate::kLaneWidth + idWidth + 16);
    header()->resizeSection(RevisionGraphModel::StateColumn, stateWidth + 16);
    header()->resizeSection(RevisionGraphModel::DateColumn,
                            fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00")) + 16);
}

QString DagView::currentRevision() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.data(RevisionGraphModel::RevisionIdRole).toString() : QString();
}

void DagView::selectRevision(const QString& revision)
{
    const int row = m_model->rowOf(revision);
    if (row >= 0) {
        setCurrentIndex(m_model->index(row, 0));
        scrollTo(currentIndex());
    }
}

} // namespace tempest::studio
