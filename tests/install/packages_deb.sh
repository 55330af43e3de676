#!/usr/bin/env bash
# The Debian packages as a user gets them: cpack builds tempest-migrate, tempest-studio and
# tempest-db-dev from this build, each is unpacked into a temporary root (dpkg-deb -x), and
# the programs run from there: the CLI's version, init + revision --autogenerate + upgrade
# in a fresh folder, Studio's demo screenshot offscreen. Depends is computed
# (dpkg-shlibdeps) and the CLI package does not depend on Qt.
# Usage: packages_deb.sh BUILD_DIR CPACK
set -euo pipefail
build=$1 cpack=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$build" && "$cpack" -G DEB -B "$work/out" --config CPackConfig.cmake >"$work/cpack.log" 2>&1) \
  || { tail -30 "$work/cpack.log"; fail "cpack"; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
for p in tempest-migrate tempest-studio tempest-db-dev; do
  [ -f "$work/out/${p}_${version}_amd64.deb" ] || fail "no package $p (version $version)"
done
cli=$work/out/tempest-migrate_${version}_amd64.deb studio=$work/out/tempest-studio_${version}_amd64.deb
dev=$work/out/tempest-db-dev_${version}_amd64.deb

cli_depends=$(dpkg-deb --field "$cli" Depends)
echo "tempest-migrate Depends: $cli_depends"
grep -q 'libsqlite3-0' <<<"$cli_depends" || fail "CLI Depends lacks libsqlite3-0 (not computed?)"
grep -q 'libpq5' <<<"$cli_depends" || fail "CLI Depends lacks libpq5"
if grep -qi 'qt' <<<"$cli_depends"; then fail "the CLI package depends on Qt: $cli_depends"; fi
studio_depends=$(dpkg-deb --field "$studio" Depends)
echo "tempest-studio Depends: $studio_depends"
grep -q "tempest-migrate (= $version)" <<<"$studio_depends" || fail "Studio does not depend on the CLI package"
grep -q 'libqt6widgets6' <<<"$studio_depends" || fail "Studio Depends lacks Qt Widgets"
dev_files=$(dpkg-deb -c "$dev")  # listed once: grep -q on a pipe would cut it (SIGPIPE)
grep -q 'usr/include/tempest/core/ir/schema.h' <<<"$dev_files" || fail "dev package lacks the headers"
grep -q 'usr/lib/.*cmake/tempest-db/tempest-db-config.cmake' <<<"$dev_files" || fail "dev package lacks the CMake package"
if grep -q 'include/tempest/core/cli/' <<<"$dev_files"; then fail "dev package ships the CLI's internal headers"; fi

root=$work/root
for deb in "$cli" "$studio" "$dev"; do dpkg-deb -x "$deb" "$root"; done
"$root/usr/bin/tempest-migrate" --version | grep -q "tempest-migrate $version" || fail "--version"
project=$work/project
mkdir -p "$project"
cd "$project"
"$root/usr/bin/tempest-migrate" init . >/dev/null
cat >models.json <<'JSON'
{"tables": {"notes": {"columns": {"id": {"type": "integer", "autoincrement": true},
                                  "body": {"type": "text", "nullable": false}},
                      "primaryKey": ["id"]}}}
JSON
"$root/usr/bin/tempest-migrate" revision -m "notes" --autogenerate --rev-id 0a1b2c3d4e5f >/dev/null || fail "revision"
"$root/usr/bin/tempest-migrate" upgrade | grep -q "applied 0a1b2c3d4e5f" || fail "upgrade"
"$root/usr/bin/tempest-migrate" check >/dev/null || fail "check after upgrade"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/tempest-studio" --demo --screenshot "$work/shot.png" >/dev/null 2>&1 \
  || fail "tempest-studio --demo --screenshot"
head -c 8 "$work/shot.png" | od -An -tx1 | tr -d ' \n' | grep -q '^89504e470d0a1a0a$' || fail "the screenshot is not a PNG"
echo "ok: three packages built, unpacked and run (CLI without Qt; Depends computed)"
