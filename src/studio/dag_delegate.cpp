#include "studio/dag_delegate.h"

#include "studio/revision_graph_model.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace tempest::studio {

namespace {

/// A lane colour: hues spread around the wheel, lightness from the palette.
QColor laneColor(int lane, const QPalette& palette)
{
    const bool darkBase = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl((lane * 67 + 210) % 360, 160, darkBase ? 165 : 95);
}

} // namespace

DagDelegate::DagDelegate(const RevisionGraphModel* model, QObject* parent)
    : QStyledItemDelegate(parent), m_model(model)
{
}

QSize DagDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), 24));
    size.setWidth(size.width() + (m_model->layout().laneCount + 1) * kLaneWidth + 80);
    return size;
}

void DagDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    ++m_paintedRows;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QPalette& palette = opt.palette;
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    // Background and selection as the style draws them, without the text.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const DagRow& row = m_model->rowAt(index.row());
    const QRect r = option.rect;
    const int top = r.top(), bottom = r.bottom() + 1, mid = r.center().y();
    auto laneX = [&](int lane) { return r.left() + kLaneWidth / 2 + lane * kLaneWidth; };

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    auto pen = [&](int lane) { return QPen(laneColor(lane, palette), 2); };
    for (int lane : row.passing) {
        painter->setPen(pen(lane));
        painter->drawLine(laneX(lane), top, laneX(lane), bottom);
    }
    const QPointF node(laneX(row.lane), mid);
    for (int lane : row.incoming) {
        painter->setPen(pen(lane));
        QPainterPath path(QPointF(laneX(lane), top));
        path.cubicTo(QPointF(laneX(lane), mid), QPointF(laneX(lane), mid), node);
        painter->drawPath(path);
    }
    for (int lane : row.outgoing) {
        painter->setPen(pen(lane));
        QPainterPath path(node);
        path.cubicTo(QPointF(laneX(lane), mid), QPointF(laneX(lane), mid), QPointF(laneX(lane), bottom));
        painter->drawPath(path);
    }

    const bool applied = index.data(RevisionGraphModel::AppliedRole).toBool();
    const bool current = index.data(RevisionGraphModel::CurrentRole).toBool();
    const bool head = index.data(RevisionGraphModel::HeadRole).toBool();
    const QColor color = laneColor(row.lane, palette);
    painter->setPen(QPen(color, 2));
    // Applied: filled; pending: hollow; the current revision gets a ring around it.
    painter->setBrush(applied ? QBrush(color) : palette.brush(QPalette::Base));
    painter->drawEllipse(node, 5, 5);
    if (current) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(palette.color(QPalette::Text), 1.5));
        painter->drawEllipse(node, 8, 8);
    }

    const int textLeft = r.left() + (m_model->layout().laneCount + 1) * kLaneWidth;
    QRect textRect(textLeft, r.top(), r.right() - textLeft, r.height());
    QString text = index.data(Qt::DisplayRole).toString();
    QStringList tags;
    if (head)
        tags << tr("head");
    if (current)
        tags << tr("current");
    if (index.data(RevisionGraphModel::MergeRole).toBool())
        tags << tr("merge");
    if (!tags.isEmpty())
        text += QStringLiteral("  (") + tags.join(QStringLiteral(", ")) + QLatin1Char(')');
    QFont font = opt.font;
    font.setBold(current);
    painter->setFont(font);
    const bool selected = opt.state & QStyle::State_Selected;
    QColor textColor = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    if (!applied && !selected)
        textColor = palette.color(QPalette::Disabled, QPalette::Text);
    painter->setPen(textColor);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

} // namespace tempest::studio
