#!/usr/bin/env bash
# Sets everything up and runs the main job: Tempest Studio on the embedded demo
# project. On a machine without a display it says so and renders the Studio with Qt's
# offscreen platform into a screenshot instead; where the Studio is not built, it runs
# the scripted CLI tour of the bundled demo project.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"

studio=build/bin/tempest-studio
if [ ! -x "$studio" ]; then
  echo "Tempest Studio is not part of this build; running the CLI tour instead."
  exec bash scripts/tour.sh build/bin/tempest-migrate
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  shot=build/tempest-studio-demo.png
  echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset)."
  echo "Rendering Tempest Studio on the demo project with the offscreen platform into $shot."
  echo "To see the window, run this on a desktop, or: QT_QPA_PLATFORM=xcb $studio --demo"
  QT_QPA_PLATFORM=offscreen "$studio" --demo --screenshot "$shot"
  echo "Wrote $shot"
  exit 0
fi
exec "$studio" --demo
