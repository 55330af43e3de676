#!/usr/bin/env bash
# The five-minute tour of tempest-migrate on SQLite, scripted: the README shows its
# output, and CTest runs it (tests/tour) so the tour keeps working.
# Usage: scripts/tour.sh [PATH/TO/tempest-migrate]   (default: build/bin/tempest-migrate)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
migrate=${1:-$here/../build/bin/tempest-migrate}
migrate=$(cd "$(dirname "$migrate")" && pwd)/$(basename "$migrate")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

step() {
  local shown="" a
  for a in "$@"; do
    [ "$a" = "$migrate" ] && a=tempest-migrate
    case "$a" in *" "*) a="\"$a\"" ;; esac
    shown+="${shown:+ }$a"
  done
  printf '\n$ %s\n' "$shown"
  "$@"
}
sql() { printf '\n$ sqlite3 app.db "%s"\n' "$1"; sqlite3 app.db "$1"; }

step "$migrate" init
cp "$here/tour/models_v1.json" models.json
echo; echo "# models.json: authors and books, books.author_id -> authors.id ON DELETE CASCADE"
step "$migrate" revision -m "authors and books" --autogenerate --rev-id a1b2c3d4e5f6
step "$migrate" upgrade
step "$migrate" check
sql "INSERT INTO authors (name, born) VALUES ('Ursula K. Le Guin', '1929'); INSERT INTO books (author_id, title) VALUES (1, 'The Dispossessed');"

cp "$here/tour/models_v2.json" models.json
echo; echo "# models.json now: authors.name renamedFrom -> full_name, born text -> integer, books.pages, an index"
set +e
step "$migrate" check
echo "(exit $?)"
set -e
step "$migrate" revision -m "rename name, born to integer, pages" --autogenerate --rev-id 0f9e8d7c6b5a
step "$migrate" upgrade
sql "SELECT * FROM authors; SELECT * FROM books; PRAGMA foreign_key_check; PRAGMA integrity_check;"
step "$migrate" check
step "$migrate" history
step "$migrate" downgrade 1
sql "SELECT * FROM authors; SELECT * FROM books;"
step "$migrate" current
