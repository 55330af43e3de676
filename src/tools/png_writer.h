#pragma once
// PNG for `tempest-migrate graph --format png` without Qt in tempest-migrate: the
// painting lives in a module, `tempest-graph-png.so` (Qt Gui, built when Qt Gui is
// there), that tempest-migrate loads with dlopen only when a PNG is asked for. A deploy
// machine without Qt runs every other verb; PNG then exits 2 pointing at svg and dot.

#include "core/revision/graph_picture.h"

#include <cstddef>
#include <string>

/// The module's one entry point (C linkage, looked up by name). Writes `picture` as PNG to
/// `path`; returns 0, or non-zero with a message naming the file in `error`.
extern "C" int tempest_graph_png(const tempest::GraphPicture* picture, const char* path, char* error,
                                 std::size_t errorSize);

namespace tempest {

/// Where tempest-migrate looks for the module: beside the executable (the build tree),
/// then <prefix>/<libdir>/tempest-db/ of an installed prefix.
std::string graphPngModuleName();

/// Loads the module and writes the PNG; throws std::runtime_error when the module is not
/// installed (naming svg and dot) or the file cannot be written.
void writeGraphPngThroughModule(const GraphPicture& picture, const std::string& path);

} // namespace tempest
