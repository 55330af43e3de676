#pragma once
// How an item of one schema relates to the other side of the comparison, with the
// glyph and the colour both trees show for it. Colours derive from the palette so a
// dark theme gets light tints and a light theme dark ones (Qt 6.4 has no colour-scheme API).

#include <QColor>
#include <QPalette>
#include <QString>

namespace tempest::studio {

enum class DiffState { Same = 0, Added, Removed, Changed, Renamed };

/// "+", "−", "~", "→" (renamed), or "" for Same.
QString diffGlyph(DiffState state);
/// A foreground colour for the state, readable on `palette`'s base colour; invalid for Same.
QColor diffColor(DiffState state, const QPalette& palette);

} // namespace tempest::studio
