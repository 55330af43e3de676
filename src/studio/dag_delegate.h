#pragma once
// DagDelegate: paints one row of the revision graph (lane lines, the node, the text);
// the list view calls it for visible rows only, so a long history stays cheap.

#include <QStyledItemDelegate>

namespace tempest::studio {

class RevisionGraphModel;

class DagDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit DagDelegate(const RevisionGraphModel* model, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static constexpr int kLaneWidth = 16;

private:
    const RevisionGraphModel* m_model;
};

} // namespace tempest::studio
