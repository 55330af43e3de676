#include "studio/dag_delegate.h"

#include "core/revision/graph_picture.h"
#include "painting/graph_painter.h"
#include "studio/revision_graph_model.h"

#include <QApplication>
#include <QPainter>

namespace tempest::studio {

namespace {

Rgb toRgb(const QColor& color) { return {std::uint8_t(color.red()), std::uint8_t(color.green()), std::uint8_t(color.blue())}; }

} // namespace

DagDelegate::DagDelegate(const RevisionGraphModel* model, QObject* parent)
    : QStyledItemDelegate(parent), m_model(model)
{
}

GraphStyle DagDelegate::styleFor(const QPalette& palette, int rowHeight)
{
    GraphStyle style;
    style.laneWidth = kLaneWidth;
    style.rowHeight = rowHeight;
    style.darkBackground = palette.color(QPalette::Base).lightness() < 128;
    style.background = toRgb(palette.color(QPalette::Base));
    style.text = toRgb(palette.color(QPalette::Text));
    style.mutedText = toRgb(palette.color(QPalette::Disabled, QPalette::Text));
    return style;
}

QSize DagDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), kMinRowHeight));
    if (index.column() == RevisionGraphModel::GraphColumn)
        size.setWidth(size.width() + (m_model->layout().laneCount + 1) * kLaneWidth);
    return size;
}

void DagDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (index.column() != RevisionGraphModel::GraphColumn) {
        QStyleOptionViewItem opt = option;
        // Pending revisions read dimmer, in every column (the State column says it in words);
        // offline nothing is pending: the state is unknown.
        if (index.data(RevisionGraphModel::StateKnownRole).toBool()
            && !index.data(RevisionGraphModel::AppliedRole).toBool())
            opt.palette.setColor(QPalette::Text, option.palette.color(QPalette::Disabled, QPalette::Text));
        QStyledItemDelegate::paint(painter, opt, index);
        return;
    }
    ++m_paintedRows;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QPalette& palette = opt.palette;
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    // Background and selection as the style draws them, without the text.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect r = option.rect;
    const RevisionFacts& facts = m_model->factsAt(index.row());
    const GraphStyle graphStyle = styleFor(palette, r.height());
    RowPicture picture = rowPicture(m_model->layout(), std::size_t(index.row()), facts, graphStyle);
    const bool known = m_model->stateKnown();
    if (!known && !picture.circles.empty()) {
        // Offline: neither filled (applied) nor hollow (pending) but grey, the same for all.
        picture.circles.front().stroke = graphStyle.mutedText;
        picture.circles.front().fill = graphStyle.mutedText;
    }
    painter->save();
    painter->translate(r.topLeft());
    paintCurves(*painter, picture.curves);
    paintCircles(*painter, picture.circles);
    painter->restore();

    const int textLeft = r.left() + int(graphTextLeft(m_model->layout(), graphStyle));
    const QRect textRect(textLeft, r.top(), r.right() - textLeft, r.height());
    painter->save();
    QFont font = opt.font;
    font.setBold(facts.current);
    painter->setFont(font);
    const bool selected = opt.state & QStyle::State_Selected;
    QColor textColor = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    if (known && !facts.applied && !selected)
        textColor = palette.color(QPalette::Disabled, QPalette::Text);
    painter->setPen(textColor);
    const QString text = QString::fromStdString(facts.id);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

} // namespace tempest::studio
