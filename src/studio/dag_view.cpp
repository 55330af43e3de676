#include "studio/dag_view.h"

#include "studio/dag_delegate.h"
#include "studio/revision_graph_model.h"

namespace tempest::studio {

DagView::DagView(RevisionGraphModel* model, QWidget* parent) : QListView(parent), m_model(model)
{
    setModel(model);
    setItemDelegate(new DagDelegate(model, this));
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

QString DagView::currentRevision() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.data(RevisionGraphModel::RevisionIdRole).toString() : QString();
}

void DagView::selectRevision(const QString& revision)
{
    const int row = m_model->rowOf(revision);
    if (row >= 0)
        setCurrentIndex(m_model->index(row));
}

} // namespace tempest::studio
