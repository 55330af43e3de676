#include "painting/graph_painter.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QString>

#include <cmath>
#include <stdexcept>

namespace tempest {

QColor toQColor(Rgb color) { return QColor(color.r, color.g, color.b); }

namespace {

QPointF toQPoint(GraphPoint p) { return QPointF(p.x, p.y); }

} // namespace

void paintCurves(QPainter& painter, const std::vector<GraphCurve>& curves)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    for (const GraphCurve& c : curves) {
        painter.setPen(QPen(toQColor(c.color), c.width));
        QPainterPath path(toQPoint(c.from));
        path.cubicTo(toQPoint(c.c1), toQPoint(c.c2), toQPoint(c.to));
        painter.drawPath(path);
    }
    painter.restore();
}

void paintCircles(QPainter& painter, const std::vector<GraphCircle>& circles)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (const GraphCircle& c : circles) {
        painter.setPen(QPen(toQColor(c.stroke), c.width));
        painter.setBrush(c.fill ? QBrush(toQColor(*c.fill)) : QBrush(Qt::NoBrush));
        painter.drawEllipse(toQPoint(c.center), c.radius, c.radius);
    }
    painter.restore();
}

void paintGraphPicture(QPainter& painter, const GraphPicture& picture)
{
    painter.save();
    painter.fillRect(QRectF(0, 0, picture.width, picture.height), toQColor(picture.background));
    for (const GraphEdge& edge : picture.edges)
        paintCurves(painter, edge.curves);
    QFont font(QStringLiteral("monospace"));
    font.setStyleHint(QFont::TypeWriter);
    for (const GraphNode& node : picture.nodes) {
        paintCircles(painter, node.circles);
        for (const GraphText& text : node.texts) {
            font.setPixelSize(int(std::lround(text.size)));
            font.setBold(text.bold);
            painter.setFont(font);
            painter.setPen(toQColor(text.color));
            painter.drawText(toQPoint(text.at), QString::fromStdString(text.text));
        }
    }
    painter.restore();
}

QImage graphImage(const GraphPicture& picture)
{
    QImage image(int(std::ceil(picture.width)), int(std::ceil(picture.height)), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    QPainter painter(&image);
    paintGraphPicture(painter, picture);
    painter.end();
    return image;
}

void writeGraphPng(const GraphPicture& picture, const std::string& path)
{
    const QImage image = graphImage(picture);
    if (image.isNull())
        throw std::runtime_error("the graph is too large for a PNG (" + std::to_string(int(picture.width)) + "x" +
                                 std::to_string(int(picture.height)) + " pixels): write " + path +
                                 " as --format svg instead");
    if (!image.save(QString::fromStdString(path), "PNG"))
        throw std::runtime_error("cannot write the graph to " + path);
}

} // namespace tempest
