#include "studio/diff_state.h"

namespace tempest::studio {

QString diffGlyph(DiffState state)
{
    switch (state) {
    case DiffState::Added: return QStringLiteral("+");
    case DiffState::Removed: return QString(QChar(0x2212));
    case DiffState::Changed: return QStringLiteral("~");
    case DiffState::Renamed: return QString(QChar(0x2192));
    case DiffState::Same: break;
    }
    return {};
}

QColor diffColor(DiffState state, const QPalette& palette)
{
    int hue = 0;
    switch (state) {
    case DiffState::Same: return {};
    case DiffState::Added: hue = 120; break;
    case DiffState::Removed: hue = 0; break;
    case DiffState::Changed: hue = 35; break;
    case DiffState::Renamed: hue = 210; break;
    }
    // Keep the hue, take the lightness side from the palette: light text on dark bases.
    const bool darkBase = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(hue, 200, darkBase ? 170 : 80);
}

} // namespace tempest::studio
