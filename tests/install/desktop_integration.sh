#!/usr/bin/env bash
# Tempest Studio's desktop integration as installed: `cmake --install` into a temporary
# prefix, then the freedesktop validators on the installed files, the MIME database built
# from our type (tempest.json → application/x-tempest-project, opened by Studio), every
# icon size a real PNG, and the man page and completion in place.
# Usage: desktop_integration.sh BUILD_DIR CMAKE
set -euo pipefail
build=$1 cmake=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$cmake" --install "$build" --prefix "$prefix" >/dev/null
share=$prefix/share

desktop=$share/applications/tempest-studio.desktop
[ -f "$desktop" ] || fail "no $desktop"
desktop-file-validate "$desktop" || fail "desktop-file-validate"
grep -q '^MimeType=application/x-tempest-project;$' "$desktop" || fail "the entry does not open projects"
metainfo=$share/metainfo/io.github.tempest_db.Studio.metainfo.xml
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate"
grep -q "<release version=\"$("$prefix/bin/tempest-migrate" --version | awk '{print $2}')\"" "$metainfo" \
  || fail "the metainfo release is not the build's version"
[ -x "$prefix/bin/tempest-studio" ] || fail "tempest-studio is not installed"

# The MIME type: update-mime-database compiles it; tempest.json maps to it.
update-mime-database "$share/mime" >/dev/null 2>&1 || fail "update-mime-database"
[ -f "$share/mime/application/x-tempest-project.xml" ] || fail "MIME type not compiled"
grep -q 'application/x-tempest-project:tempest.json' "$share/mime/globs2" || fail "tempest.json glob missing"

for size in 16 24 32 48 64 128 256; do
  png=$share/icons/hicolor/${size}x${size}/apps/tempest-studio.png
  [ -f "$png" ] || fail "no ${size}px icon"
  head -c 8 "$png" | od -An -tx1 | tr -d ' \n' | grep -q '^89504e470d0a1a0a$' || fail "${size}px icon is not a PNG"
  # IHDR width and height (bytes 16-23) are the size.
  dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4, $7*256+$8}')
  [ "$dims" = "$size $size" ] || fail "${size}px icon is $dims"
done
[ -f "$share/icons/hicolor/scalable/apps/tempest-studio.svg" ] || fail "no scalable icon"
[ -f "$share/man/man1/tempest-migrate.1" ] || fail "no man page"
# Studio's page renders and names every option its --help prints.
studio_page=$share/man/man1/tempest-studio.1
[ -f "$studio_page" ] || fail "no tempest-studio man page"
page=$(MANWIDTH=100 man --warnings -l -P cat "$studio_page" 2>&1) || fail "man -l tempest-studio.1"
for o in $(QT_QPA_PLATFORM=offscreen "$prefix/bin/tempest-studio" --help 2>/dev/null | grep -oE '^ +(-[a-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
  grep -q -- "$o" <<<"$page" || fail "option $o of tempest-studio --help missing from its man page"
done
[ -f "$share/bash-completion/completions/tempest-migrate" ] || fail "no bash completion"
echo "ok: desktop entry, metainfo, MIME type, icons, man page and completion install and validate"
