#pragma once
// DagDelegate: paints the graph column of the revision view (lane lines and node, as core's
// rowPicture() computes them, then the id); the view calls it for visible rows only, so
// a long history stays cheap. Other columns are painted as plain text.

#include <QStyledItemDelegate>

namespace tempest {
struct GraphStyle;
}

namespace tempest::studio {

class RevisionGraphModel;

class DagDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit DagDelegate(const RevisionGraphModel* model, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static constexpr int kLaneWidth = 16;
    static constexpr int kMinRowHeight = 24;

    /// The graph's look for a palette: the lane colours for a light or dark base, the
    /// node fill and ring from the palette.
    static GraphStyle styleFor(const QPalette& palette, int rowHeight);

    /// How many rows this delegate has painted since it was made: lets tests and the
    /// benchmark check that a frame paints only the visible rows.
    quint64 paintedRows() const { return m_paintedRows; }

private:
    const RevisionGraphModel* m_model;
    mutable quint64 m_paintedRows = 0;
};

} // namespace tempest::studio
