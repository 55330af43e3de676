#pragma once
// The tempest-studio program: command line (--demo, --screenshot FILE, a project file),
// the headless fallback, translations, and the main window.

namespace tempest::studio {

/// main() of tempest-studio. Returns the exit code.
int runStudio(int argc, char** argv);

/// True when argv names a platform (-platform X) or QT_QPA_PLATFORM is set, or a display
/// (DISPLAY / WAYLAND_DISPLAY) is available: then Qt's own choice is kept.
bool hasUsablePlatform(int argc, char** argv);

} // namespace tempest::studio
