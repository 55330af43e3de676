#!/usr/bin/env bash
# install_example.sh BUILD_DIR SOURCE_DIR TEMPEST_MIGRATE CMAKE CXX [CONFIG]
# Installs tempest-db (the Development component) into a temporary prefix, builds a copy
# of the inventory example against that prefix alone, and checks what a user would:
# the app migrates a fresh database and a half-migrated one at start-up, and
# `tempest-migrate check` then finds no drift and no changed checksum, while it does
# notice a JSON twin that no longer matches what the app applied.
set -euo pipefail
build=$1 source=$2 migrate=$3 cmake=$4 cxx=$5 config=${6:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_line() {  # TEXT PATTERN WHAT
  grep -qE -- "$2" <<<"$1" || { printf '%s\n' "$1" >&2; fail "$3"; }
}

prefix=$tmp/prefix
"$cmake" --install "$build" --prefix "$prefix" --component Development ${config:+--config "$config"} >/dev/null
for header in core/ir/schema.h core/runner/migration_runner.h drivers/sqlite/sqlite_driver.h model/model.h; do
  [[ -f $prefix/include/tempest/$header ]] || fail "not installed: include/tempest/$header"
done
# The package must stand on its own: no path back into the source or build tree.
if grep -rqF -e "$source" -e "$build" "$prefix/lib/cmake/tempest-db"; then
  fail "the installed package refers to the source or build tree"
fi

# A copy, so that nothing in the source tree is found by accident and nothing is left there.
app=$tmp/inventory
cp -r "$source/resources/examples/inventory" "$app"
rm -rf "$app/build" "$app/inventory.db"
cd "$app"
"$cmake" -S . -B build -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log" >&2; fail "configure"; }
"$cmake" --build build -j2 >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; fail "build"; }

revisions=$(ls migrations/*.json | wc -l)
(( revisions >= 2 )) || fail "the example should have at least two migrations"

# A fresh database: every migration applied at start-up, then the data works.
out=$(./build/inventory add B-100 "Box, large" 3 packaging)
[[ $(grep -c '^applied ' <<<"$out") == "$revisions" ]] || { echo "$out" >&2; fail "fresh database: expected $revisions applied"; }
out=$(./build/inventory)
expect_line "$out" '^B-100  Box, large  3  \[packaging\]  \(reorder\)$' "list after add"
! grep -q '^applied ' <<<"$out" || fail "second start applied migrations again"
out=$("$migrate" check) || { echo "$out" >&2; fail "tempest-migrate check on the fresh database"; }
expect_line "$out" 'no drift; models match migrations' "check output"

# Half migrated by the CLI (from the JSON twins), finished by the app (from its C++).
"$migrate" --database partial.db upgrade +1 >/dev/null
out=$(./build/inventory --database partial.db)
[[ $(grep -c '^applied ' <<<"$out") == $((revisions - 1)) ]] || { echo "$out" >&2; fail "partial database"; }
"$migrate" --database partial.db check >/dev/null || fail "tempest-migrate check on the partial database"

# The control: a twin edited after the app applied it is reported.
twin=$(ls migrations/*.json | head -1)
id=$(basename "$twin" | cut -d_ -f1)
sed -i 's/"down": \[/"down": [{"kind": "execute", "up": {"sqlite": "SELECT 1"}, "down": {"sqlite": "SELECT 1"}},/' "$twin"
set +e
out=$("$migrate" check 2>&1)
rc=$?
set -e
[[ $rc == 1 ]] || { echo "$out" >&2; fail "check after editing a twin: exit $rc, expected 1"; }
expect_line "$out" "changed: $id" "check names the changed revision"

echo "install_example: ok"
