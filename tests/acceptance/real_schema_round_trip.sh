#!/usr/bin/env bash
# Issue 11's acceptance path on a real application schema, as a new user walks it with
# the CLI: load the schema into a database, `introspect` it, make that IR the models,
# `revision --autogenerate` from nothing, `upgrade` an empty database, and then
#   - `check` of the new database against the IR finds nothing (it introspects equal
#     under the dialect's rules), and
#   - `check` of the original database, stamped at that revision, finds nothing either.
#
# usage: real_schema_round_trip.sh TEMPEST_MIGRATE SCHEMA_SQL WORK_DIR [PG_CLUSTER_DIR]
# Without PG_CLUSTER_DIR the schema is SQLite (loaded with sqlite3), else PostgreSQL
# (loaded with psql into fresh databases of the test cluster).
set -euo pipefail

migrate=$1
schema_sql=$2
work=$3
cluster=${4:-}
name=$(basename "$schema_sql" .sql)

rm -rf "$work"
mkdir -p "$work/original" "$work/copy"

fail() { echo "FAIL ($name): $*" >&2; exit 1; }

# A project whose models are the file models.json and whose database is $2; $4, when
# given, is the JSON list of the named schemas it manages besides public.
project() {
    local dir=$1 url=$2 dialect=$3 schemas_line=
    [ -z "${4:-}" ] || schemas_line="
  \"schemas\": $4,"
    cat > "$dir/tempest.json" <<JSON
{
  "dialect": "$dialect",
  "database": "$url",
  "migrations": "migrations",
  "models": "models.json",$schemas_line
  "versionTable": "tempest_db_migrations"
}
JSON
    mkdir -p "$dir/migrations"
}

if [ -z "$cluster" ]; then
    sqlite3 -bail "$work/original/db.sqlite" < "$schema_sql" || fail "sqlite3 cannot load $schema_sql"
    project "$work/original" db.sqlite sqlite
    project "$work/copy" db.sqlite sqlite
else
    host=$(sed -n 's/.*host=\([^ ]*\).*/\1/p' "$cluster/conninfo")
    port=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' "$cluster/conninfo")
    db_original="accept_${name//[^a-z0-9]/_}_original"
    db_copy="accept_${name//[^a-z0-9]/_}_copy"
    psql_admin() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres "$@"; }
    for db in "$db_original" "$db_copy"; do
        psql_admin -d tempest_test -c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\""
    done
    psql_admin -d "$db_original" -f "$schema_sql" > /dev/null || fail "psql cannot load $schema_sql"
    # What a DBA provisions before the first migration, and the IR has no place for: the
    # schemas and the extensions the original has (adventureworks: five schemas of
    # tables, five of views, and uuid-ossp, whose uuid_generate_v1() the defaults call).
    # A project with named schemas lists them under "schemas" (docs/ir.md "Named schemas").
    named=$(psql_admin -d "$db_original" -At -c "SELECT nspname FROM pg_catalog.pg_namespace
              WHERE nspname NOT LIKE 'pg\_%' AND nspname NOT IN ('public', 'information_schema') ORDER BY 1")
    extensions=$(psql_admin -d "$db_original" -At -c "SELECT extname FROM pg_catalog.pg_extension
              WHERE extname <> 'plpgsql' ORDER BY oid")
    schemas_json=
    for schema in $named; do
        psql_admin -d "$db_copy" -c "CREATE SCHEMA \"$schema\""
        schemas_json="${schemas_json:+$schemas_json, }\"$schema\""
    done
    for extension in $extensions; do
        psql_admin -d "$db_copy" -c "CREATE EXTENSION IF NOT EXISTS \"$extension\""
    done
    project "$work/original" "postgresql://postgres@/$db_original?host=$host&port=$port" postgresql \
        "${schemas_json:+[$schemas_json]}"
    project "$work/copy" "postgresql://postgres@/$db_copy?host=$host&port=$port" postgresql \
        "${schemas_json:+[$schemas_json]}"
fi

run() {  # run DIR ARGS...: tempest-migrate in DIR; prints its output on failure
    local dir=$1
    shift
    if ! (cd "$dir" && "$migrate" "$@") > "$work/last.out" 2> "$work/last.err"; then
        cat "$work/last.out" "$work/last.err" >&2
        fail "tempest-migrate $* (in $(basename "$dir")) exited non-zero"
    fi
}

run "$work/original" introspect
cp "$work/last.out" "$work/original/models.json"
if [ -n "$cluster" ] && [ "$name" = every_feature.postgres ]; then
    # The PostgreSQL-only features of this IR: a SQLite project refuses it at load.
    mkdir -p "$work/on_sqlite"
    project "$work/on_sqlite" db.sqlite sqlite
    cp "$work/original/models.json" "$work/on_sqlite/models.json"
    set +e
    (cd "$work/on_sqlite" && "$migrate" check) > "$work/last.out" 2> "$work/last.err"
    code=$?
    set -e
    [ "$code" = 2 ] || fail "a SQLite project with this IR exited $code, not 2: $(cat "$work/last.err")"
    grep -q 'models.json: \$\.[a-z]' "$work/last.err" || fail "the refusal names no JSON path: $(cat "$work/last.err")"
    grep -q "PostgreSQL-only" "$work/last.err" || fail "the refusal does not say why: $(cat "$work/last.err")"
    [ ! -e "$work/on_sqlite/db.sqlite" ] || fail "the refused check created the database"
fi
cp "$work/original/models.json" "$work/copy/models.json"
run "$work/copy" revision --autogenerate -m "$name as introspected" --rev-id r1
compgen -G "$work/copy/migrations/r1*" > /dev/null || fail "autogenerate wrote no migration: $(cat "$work/last.out")"
run "$work/copy" upgrade
run "$work/copy" check
grep -q "no drift" "$work/last.out" || fail "check of the new database: $(cat "$work/last.out")"
# Not even a note (a declared type of the same affinity): the IR reads back as written.
! grep -q "^note:" "$work/last.out" || fail "check of the new database noted: $(cat "$work/last.out")"
cp "$work/copy/migrations/"* "$work/original/migrations/"
run "$work/original" stamp r1
run "$work/original" check
grep -q "no drift" "$work/last.out" || fail "check of the original database: $(cat "$work/last.out")"
! grep -q "^note:" "$work/last.out" || fail "check of the original database noted: $(cat "$work/last.out")"
echo "ok ($name): introspected, autogenerated, upgraded an empty database, both checks clean"
