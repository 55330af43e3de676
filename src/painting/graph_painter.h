#pragma once
// QPainter for core's graph picture primitives (core/revision/graph_picture.h): what
// Tempest Studio paints for each DAG row and what every PNG of the graph is. The
// primitives are computed in the core; this only turns them into pixels, so the Studio,
// its export and `tempest-migrate graph` show one picture.

#include "core/revision/graph_picture.h"

#include <QColor>
#include <QImage>

#include <string>
#include <vector>

class QPainter;

namespace tempest {

QColor toQColor(Rgb color);

/// Curves and circles in the painter's current coordinates (a view translates to the
/// row's top-left first). Leaves the painter's state as it found it.
void paintCurves(QPainter& painter, const std::vector<GraphCurve>& curves);
void paintCircles(QPainter& painter, const std::vector<GraphCircle>& circles);

/// The whole picture: background, edges, nodes, text (a monospace font, as the SVG).
void paintGraphPicture(QPainter& painter, const GraphPicture& picture);

/// The picture as an image; a null image when it is too large to allocate. Needs a
/// QGuiApplication (fonts).
QImage graphImage(const GraphPicture& picture);

/// Writes graphImage() as PNG. Throws std::runtime_error naming `path` when the picture
/// is too large or the file cannot be written.
void writeGraphPng(const GraphPicture& picture, const std::string& path);

} // namespace tempest
