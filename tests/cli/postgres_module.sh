#!/usr/bin/env bash
# tempest-migrate loads its PostgreSQL driver (libpq) as a module on the first connection
# (src/tools/postgres_module.cpp): the executable must not need libpq, a PostgreSQL project
# must still connect through the module, and without the module the error names it.
# Usage: postgres_module.sh TEMPEST_MIGRATE
set -euo pipefail
bin=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/pgmodule.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. No libpq among the executable's needed libraries; the module has it.
if readelf -d "$bin" | grep -q 'libpq'; then fail "tempest-migrate links libpq"; fi
readelf -d "$(dirname "$bin")/tempest-driver-postgres.so" | grep -q 'libpq' || fail "the module does not link libpq"

# A PostgreSQL project whose server is not there (a socket folder that does not exist).
mkdir -p "$work/project/migrations"
cd "$work/project"
printf '{"dialect": "postgresql", "database": "host=%s/nosocket port=1 password=s3cret dbname=x", "migrations": "migrations", "models": "models.json"}' \
  "$work" > tempest.json
echo '{"tables": {}}' > models.json

# 2. Through the module: libpq's own error (the driver ran), the password masked, exit 2.
set +e
out=$("$bin" current 2>&1); rc=$?
set -e
[ "$rc" -eq 2 ] || fail "with the module: exit $rc: $out"
grep -q 'cannot connect to PostgreSQL' <<<"$out" || fail "with the module, no connection error: $out"
grep -q 'nosocket/.s.PGSQL.1' <<<"$out" || fail "libpq's message is missing: $out"
if grep -q 's3cret' <<<"$out"; then fail "the password reached the output: $out"; fi

# 3. Without the module (the executable copied alone): a clear error naming it, exit 2;
#    a SQLite command needs no module at all.
mkdir -p "$work/bin"
cp "$bin" "$work/bin/tempest-migrate"
set +e
out=$("$work/bin/tempest-migrate" current 2>&1); rc=$?
set -e
[ "$rc" -eq 2 ] || fail "without the module: exit $rc: $out"
grep -q 'tempest-driver-postgres.so' <<<"$out" || fail "the missing module is not named: $out"
grep -q "$work/bin" <<<"$out" || fail "the places looked in are not named: $out"
if grep -q 's3cret' <<<"$out"; then fail "the password reached the output: $out"; fi
printf '{"dialect": "sqlite", "database": "app.db", "migrations": "migrations", "models": "models.json"}' > tempest.json
"$work/bin/tempest-migrate" heads >/dev/null || fail "heads on a SQLite project needs the module"
echo "ok: tempest-migrate loads libpq only for PostgreSQL, through $(basename "$(dirname "$bin")")/tempest-driver-postgres.so"
