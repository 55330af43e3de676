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

    /// How many rows this delegate has painted since it was made: lets tests and the
    /// benchmark check that a frame paints only the visible rows.
    quint64 paintedRows() const { return m_paintedRows; }

private:
    const RevisionGraphModel* m_model;
    mutable quint64 m_paintedRows = 0;
};

} // namespace tempest::studio
