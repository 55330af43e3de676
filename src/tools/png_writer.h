#pragma once
// The PNG hook of tempest-migrate (CliConfig::writePng), compiled when Qt Gui is there.

#include "core/revision/graph_picture.h"

#include <string>

namespace tempest {

/// Paints the picture with QPainter on the offscreen platform (a command line needs no
/// display) and writes it as PNG. Throws std::runtime_error naming `path`.
void writeGraphPngOffscreen(const GraphPicture& picture, const std::string& path);

} // namespace tempest
