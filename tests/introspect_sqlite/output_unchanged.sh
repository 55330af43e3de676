#!/usr/bin/env bash
# `tempest-migrate introspect` prints, byte for byte, what it printed when its digests
# were recorded, on every SQLite schema of tests/data/schemas: the guard of the
# performance work on SQLite introspection (issue 12), which must change no output.
# After an intended change of the IR or its JSON, record the digests again with
#   output_unchanged.sh TEMPEST_MIGRATE SCHEMAS_DIR DIGESTS_FILE WORK_DIR --record
#
# usage: output_unchanged.sh TEMPEST_MIGRATE SCHEMAS_DIR DIGESTS_FILE WORK_DIR [--record]
set -euo pipefail

migrate=$1
schemas=$2
digests=$3
work=$4
record=${5:-}

rm -rf "$work"
mkdir -p "$work"
actual=$work/digests.txt
: >"$actual"
for sql in "$schemas"/*.sqlite.sql; do
    name=$(basename "$sql" .sqlite.sql)
    dir=$work/$name
    mkdir -p "$dir/migrations"
    printf '{"dialect": "sqlite", "database": "db.sqlite", "migrations": "migrations", "models": "models.json"}\n' \
        >"$dir/tempest.json"
    sqlite3 -bail "$dir/db.sqlite" <"$sql"
    (cd "$dir" && "$migrate" introspect >"$dir/introspect.json")
    printf '%s  %s\n' "$(sha256sum <"$dir/introspect.json" | cut -d' ' -f1)" "$name" >>"$actual"
done

if [ "$record" = --record ]; then
    cp "$actual" "$digests"
    exit 0
fi
if ! diff -u "$digests" "$actual"; then
    echo "FAIL: introspect output changed (outputs under $work)" >&2
    exit 1
fi
