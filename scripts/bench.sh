#!/usr/bin/env bash
# The benchmark of record (issue 12): every workload of the issue's table measured against
# its anchor — a process that does the same database work with nothing of ours around it —
# in the same run, interleaved round by round (anchor, tempest-migrate, anchor, …) after one
# unmeasured run of each, and the sizes of one workload interleaved the same way (so that
# their growth is measured in the same minutes); median and min–max of the wall time and
# the peak RSS of the process. Writes docs/benchmarks.md and docs/benchmarks.json and puts
# the latest table into README.md.
#
#   scripts/bench.sh [--quick | --smoke] [--rounds N] [--build-dir DIR] [--out DIR]
#                    [--pg-cluster DIR | --no-pg] [--note TEXT]
#
#   (default)      500 / 1,000 / 5,000 tables, 1,000 / 10,000 revisions, 1,000,000 + 100,000 rows, 5 rounds
#   --quick        100 / 1,000 tables, 100 / 1,000 revisions, 100,000 + 10,000 rows, 3 rounds
#   --smoke        100 tables, 100 revisions, 10,000 + 1,000 rows, 1 round (the ctest bench_smoke)
#   --rounds N     rounds per row
#   --build-dir    use the binaries of this build instead of building ./build-bench
#   --out DIR      write benchmarks.md/.json there (and leave README.md alone); default docs/
#   --pg-cluster   a running cluster of scripts/pg-test-cluster.sh (DIR/conninfo); by default
#                  the bench starts its own under the build directory and stops it at the end
#   --no-pg        leave out the PostgreSQL rows
#   --note TEXT    a remark for the report (e.g. what else ran on the machine)
#
# Needs sqlite3, psql and the PostgreSQL 15 server binaries (scripts/setup.sh installs them).
# A row whose tempest-migrate run fails (e.g. `check` on a server with default lock
# settings) is recorded with its exit code as "not met", and the bench goes on.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

mode=full
rounds=
build_dir=
out_dir=$root/docs
pg_cluster=
use_pg=1
extra_note=
while [ $# -gt 0 ]; do
    case $1 in
    --quick) mode=quick ;;
    --smoke) mode=smoke ;;
    --rounds) rounds=$2; shift ;;
    --build-dir) build_dir=$(cd "$2" && pwd); shift ;;
    --out) mkdir -p "$2"; out_dir=$(cd "$2" && pwd); shift ;;
    --pg-cluster) pg_cluster=$2; shift ;;
    --no-pg) use_pg=0 ;;
    --note) extra_note=$2; shift ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

case $mode in
full)  table_sizes=(500 1000 5000); revision_sizes=(1000 10000); parent_rows=1000000; child_rows=100000; default_rounds=5 ;;
quick) table_sizes=(100 1000);      revision_sizes=(100 1000);   parent_rows=100000;  child_rows=10000;  default_rounds=3 ;;
smoke) table_sizes=(100);           revision_sizes=(100);        parent_rows=10000;   child_rows=1000;   default_rounds=1 ;;
esac
rounds=${rounds:-$default_rounds}

# The commit the measured binaries come from: read now, not when the report is written
# (a commit landing during a long run would otherwise be named for binaries it did not build).
commit_at_start=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)

# --- binaries -----------------------------------------------------------------------------
if [ -z "$build_dir" ]; then
    build_dir=$root/build-bench
    if [ ! -f "$build_dir/CMakeCache.txt" ]; then
        cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    fi
    cmake --build "$build_dir" -j"${BENCH_JOBS:-$(nproc 2>/dev/null || echo 2)}" \
        --target tempest-migrate generate_bench_schema generate_bench_project bench_run bench_report
fi
find_binary() {
    local name=$1 candidate
    for candidate in "$build_dir/bin/$name" "$build_dir/tests/bench/$name" "$build_dir/src/tools/$name"; do
        [ -x "$candidate" ] && { echo "$candidate"; return; }
    done
    candidate=$(find "$build_dir" -name "$name" -type f -perm -u+x -print -quit 2>/dev/null)
    [ -n "$candidate" ] || { echo "bench.sh: no $name in $build_dir" >&2; exit 2; }
    echo "$candidate"
}
migrate=$(find_binary tempest-migrate)
gen_schema=$(find_binary generate_bench_schema)
gen_project=$(find_binary generate_bench_project)
bench_run=$(find_binary bench_run)
bench_report=$(find_binary bench_report)
anchors=$root/tests/bench/anchors
command -v sqlite3 >/dev/null || { echo "bench.sh: sqlite3 is missing (scripts/setup.sh installs it)" >&2; exit 2; }

work=$build_dir/bench-work-$mode
results=$work/results
rm -rf "$work"
mkdir -p "$results"
: >"$results/rows.tsv"
: >"$results/samples.tsv"
: >"$results/counts.tsv"
log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- PostgreSQL ---------------------------------------------------------------------------
started_cluster=
stop_cluster() {
    if [ -n "$started_cluster" ]; then
        bash "$root/scripts/pg-test-cluster.sh" stop "$started_cluster" >/dev/null || true
    fi
}
trap stop_cluster EXIT
pg_version=
if [ "$use_pg" = 1 ]; then
    command -v psql >/dev/null || { echo "bench.sh: psql is missing (scripts/setup.sh installs it)" >&2; exit 2; }
    if [ -z "$pg_cluster" ]; then
        pg_cluster=$build_dir/bench-pg
        started_cluster=$pg_cluster
        bash "$root/scripts/pg-test-cluster.sh" start "$pg_cluster" >/dev/null
    fi
    [ -f "$pg_cluster/conninfo" ] || { echo "bench.sh: no $pg_cluster/conninfo (is the cluster running?)" >&2; exit 2; }
    admin_conninfo=$(cat "$pg_cluster/conninfo")
    pg_conninfo() { echo "${admin_conninfo/dbname=tempest_test/dbname=$1}"; }
    pg_admin() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$admin_conninfo" "$@"; }
    pg_version=$(psql -X -A -t "$admin_conninfo" -c "SHOW server_version")
fi

# --- measuring ----------------------------------------------------------------------------
# row ID WORKLOAD SIZE ANCHOR GOAL_RATIO GOAL_RSS_MIB GROUP: declares a row of the table.
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$results/rows.tsv"; }

# sample ID ROUND SIDE OK_EXITS CWD STDIN COMMAND...: one measured run, appended to samples.tsv.
sample() {
    local id=$1 round=$2 side=$3 ok_exits=$4 cwd=$5 stdin=$6
    shift 6
    local wall rss code ok=0
    read -r wall rss code < <("$bench_run" --cwd "$cwd" --stdin "$stdin" --stderr "$work/last.err" -- "$@")
    [[ " $ok_exits " == *" $code "* ]] && ok=1
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$round" "$side" "$wall" "$rss" "$code" "$ok" >>"$results/samples.tsv"
    if [ "$ok" = 0 ]; then
        log "$id $side round $round: exit $code: $(tail -n 3 "$work/last.err" | tr '\n' ' ')"
    fi
}

# add ID PREP CWD: queues a row's runs for `measure`. The arrays ANCHOR and TEMPEST hold
# the commands (ANCHOR_STDIN a file for the anchor's stdin), TEMPEST_OK the exit codes
# that count as success; PREP (a function, untimed) runs before every run as
# `PREP anchor|tempest CWD`.
ANCHOR_STDIN=/dev/null
TEMPEST_OK=0
queued=()
declare -A q_anchor q_tempest q_stdin q_ok q_prep q_cwd
add() {
    local id=$1
    queued+=("$id")
    q_prep[$id]=$2
    q_cwd[$id]=$3
    q_anchor[$id]=$(printf '%q ' "${ANCHOR[@]}")
    q_tempest[$id]=$(printf '%q ' "${TEMPEST[@]}")
    q_stdin[$id]=$ANCHOR_STDIN
    q_ok[$id]=$TEMPEST_OK
    ANCHOR_STDIN=/dev/null
    TEMPEST_OK=0
}

# measure: the queued rows, interleaved round by round — in each round every row's anchor
# and then its tempest-migrate run, row after row (anchor, tempest-migrate, anchor, …) —
# so that a row and its anchor, and the sizes of one workload (whose growth the report
# compares), are measured in the same minutes, not one size minutes after the other.
measure() {
    local id round cmd
    # The files the rows' setup just wrote go to disk now, not in the middle of the rounds,
    # and each side of each row runs once unmeasured (caches, the first touch of its
    # binary): a disturbance at the start of the bench showed up as one row's 1.67x (issue 12).
    sync
    for id in "${queued[@]}"; do
        eval "cmd=(${q_anchor[$id]})"
        ${q_prep[$id]} anchor "${q_cwd[$id]}"
        "$bench_run" --cwd "${q_cwd[$id]}" --stdin "${q_stdin[$id]}" --stderr /dev/null -- "${cmd[@]}" >/dev/null || true
        eval "cmd=(${q_tempest[$id]})"
        ${q_prep[$id]} tempest "${q_cwd[$id]}"
        "$bench_run" --cwd "${q_cwd[$id]}" --stdin /dev/null --stderr /dev/null -- "${cmd[@]}" >/dev/null || true
    done
    for ((round = 1; round <= rounds; ++round)); do
        for id in "${queued[@]}"; do
            eval "cmd=(${q_anchor[$id]})"
            ${q_prep[$id]} anchor "${q_cwd[$id]}"
            sample "$id" "$round" anchor 0 "${q_cwd[$id]}" "${q_stdin[$id]}" "${cmd[@]}"
            eval "cmd=(${q_tempest[$id]})"
            ${q_prep[$id]} tempest "${q_cwd[$id]}"
            sample "$id" "$round" tempest "${q_ok[$id]}" "${q_cwd[$id]}" /dev/null "${cmd[@]}"
        done
    done
    log "${queued[*]}: done"
    queued=()
}
no_prep() { :; }

# project DIR DIALECT DATABASE MODELS MIGRATIONS: a tempest.json.
project() {
    mkdir -p "$1"
    cat >"$1/tempest.json" <<JSON
{
  "dialect": "$2",
  "database": "$3",
  "migrations": "$5",
  "models": "$4"
}
JSON
}

# run_migrate DIR ARGS...: an untimed tempest-migrate run during setup; fails the bench if it fails.
run_migrate() {
    local dir=$1
    shift
    if ! (cd "$dir" && "$migrate" "$@") >"$work/setup.out" 2>"$work/setup.err"; then
        cat "$work/setup.err" >&2
        echo "bench.sh: setup step failed: tempest-migrate $* (in $dir)" >&2
        exit 1
    fi
}

# count_findings ID WORKLOAD CHANGES_TSV CHECK_OUTPUT: of the known changes, how many a
# `drift:` or `note:` line names (a `note:` is a declared-type change of the same kind,
# e.g. INTEGER → BIGINT on SQLite: shown, not failing), and how many of those lines name
# none of them.
count_findings() {
    local id=$1 workload=$2 changes=$3 output=$4 found=0 expected=0 false_positives=0 kind table finding line hit
    grep -E '^(drift|note):' "$output" >"$work/drift.txt" || true
    while IFS=$'\t' read -r kind table finding; do
        expected=$((expected + 1))
        grep -qF -- "$finding" "$work/drift.txt" && found=$((found + 1))
    done <"$changes"
    while IFS= read -r line; do
        hit=0
        while IFS=$'\t' read -r kind table finding; do
            [[ $line == *"$finding"* ]] && { hit=1; break; }
        done <"$changes"
        [ "$hit" = 0 ] && false_positives=$((false_positives + 1))
    done <"$work/drift.txt"
    printf '%s\t%s\t%s\t%s\t%s\n' "$id" "$workload" "$found" "$expected" "$false_positives" >>"$results/counts.tsv"
    log "$id: $found/$expected known changes found, $false_positives other drift or note lines"
}

# --- tables: introspect and check ---------------------------------------------------------
# Every size's fixtures are set up first, so that each workload's sizes are measured
# interleaved (500, 1,000, 5,000, 500, …).
largest_tables=${table_sizes[${#table_sizes[@]} - 1]}
smallest_tables=${table_sizes[0]}
for n in "${table_sizes[@]}"; do
    dir=$work/schema_$n
    "$gen_schema" schema "$dir" "$n" >/dev/null
    # SQLite: the database holds the base schema at revision r0001; the models carry the 50 changes.
    project "$dir/sqlite" sqlite db.sqlite ../models_changed.json ../migrations
    sqlite3 -bail "$dir/sqlite/db.sqlite" <"$dir/schema.sqlite.sql"
    run_migrate "$dir/sqlite" stamp r0001
    if [ "$use_pg" = 1 ]; then
        db=bench_t$n
        pg_admin -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
        PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$(pg_conninfo "$db")" \
            -f "$dir/schema.postgres.sql" >/dev/null
        project "$dir/postgres" postgresql "$(pg_conninfo "$db")" ../models_changed.json ../migrations
        run_migrate "$dir/postgres" stamp r0001
    fi
done
# Peak-RSS goals are the issue's, stated for its largest size.
rss_goal() { if [ "$2" = 5000 ]; then echo "$1"; else echo -; fi; }

for n in "${table_sizes[@]}"; do
    row "introspect_sqlite_$n" "introspect SQLite" "$n" "sqlite3: one catalog query" 1.5 "$(rss_goal 64 "$n")" introspect_sqlite
    ANCHOR=(sqlite3 -bail db.sqlite); ANCHOR_STDIN=$anchors/sqlite_catalog.sql
    TEMPEST=("$migrate" introspect)
    add "introspect_sqlite_$n" no_prep "$work/schema_$n/sqlite"
done
measure
for n in "${table_sizes[@]}"; do
    row "check_sqlite_$n" "check SQLite, 50 known changes" "$n" "tempest-migrate introspect" 1.3 "$(rss_goal 100 "$n")" check_sqlite
    ANCHOR=("$migrate" introspect)
    TEMPEST=("$migrate" check); TEMPEST_OK="0 1"
    add "check_sqlite_$n" no_prep "$work/schema_$n/sqlite"
done
measure
dir=$work/schema_$smallest_tables
(cd "$dir/sqlite" && "$migrate" check >"$dir/sqlite/check.out" 2>&1) || true
count_findings "findings_sqlite_$smallest_tables" "check SQLite, 50 known changes of 7 kinds ($smallest_tables tables)" \
    "$dir/changes.tsv" "$dir/sqlite/check.out"

if [ "$use_pg" = 1 ]; then
    for n in "${table_sizes[@]}"; do
        row "introspect_pg_$n" "introspect PostgreSQL" "$n" "psql: one pg_catalog query" 1.5 "$(rss_goal 100 "$n")" introspect_pg
        ANCHOR=(psql -X -q -A -t -v ON_ERROR_STOP=1 "$(pg_conninfo "bench_t$n")"); ANCHOR_STDIN=$anchors/postgres_catalog.sql
        TEMPEST=("$migrate" introspect)
        add "introspect_pg_$n" no_prep "$work/schema_$n/postgres"
    done
    measure
    for n in "${table_sizes[@]}"; do
        row "check_pg_$n" "check PostgreSQL, 50 known changes" "$n" "tempest-migrate introspect" 1.3 - check_pg
        ANCHOR=("$migrate" introspect)
        TEMPEST=("$migrate" check); TEMPEST_OK="0 1"
        add "check_pg_$n" no_prep "$work/schema_$n/postgres"
    done
    measure
    (cd "$dir/postgres" && "$migrate" check >"$dir/postgres/check.out" 2>&1) || true
    count_findings "findings_pg_$smallest_tables" "check PostgreSQL, 50 known changes of 7 kinds ($smallest_tables tables)" \
        "$dir/changes.tsv" "$dir/postgres/check.out"
    for n in "${table_sizes[@]}"; do pg_admin -c "DROP DATABASE IF EXISTS bench_t$n"; done
fi
for n in "${table_sizes[@]}"; do
    [ "$n" = "$largest_tables" ] || rm -rf "$work/schema_$n"
done

# --- revisions: upgrade, heads, history, current -------------------------------------------
# prep for an upgrade row: both sides start from no database.
fresh_databases() { rm -f "$2/bench.db" "$2/anchor.db" "$2/bench.db-journal" "$2/anchor.db-journal"; }
for n in "${revision_sizes[@]}"; do
    for shape in linear branchy; do
        history=$work/history_${shape}_$n
        branches=0
        [ "$shape" = branchy ] && branches=50
        "$gen_project" "$history" $((n / 10)) "$n" --branches "$branches" >/dev/null
        # The anchor runs exactly the SQL tempest-migrate runs, in one transaction.
        run_migrate "$history" upgrade --sql
        if grep -qi '^BEGIN' "$work/setup.out"; then
            cp "$work/setup.out" "$history/upgrade.sql"
        else
            { echo "BEGIN;"; cat "$work/setup.out"; echo "COMMIT;"; } >"$history/upgrade.sql"
        fi
    done
done
for shape in linear branchy; do
    for n in "${revision_sizes[@]}"; do
        history=$work/history_${shape}_$n
        goal=1.1
        [ "$shape" = branchy ] && goal=1.2
        label="upgrade, $shape history, SQLite"
        [ "$shape" = branchy ] && label="upgrade, history with 50 branches and merges, SQLite"
        row "upgrade_${shape}_$n" "$label" "$n" "sqlite3 shell: the same SQL, one transaction" "$goal" - "upgrade_$shape"
        ANCHOR=(sqlite3 -bail anchor.db); ANCHOR_STDIN=$history/upgrade.sql
        TEMPEST=("$migrate" upgrade)
        add "upgrade_${shape}_$n" fresh_databases "$history"
    done
    measure
done
for n in "${revision_sizes[@]}"; do rm -rf "$work/history_linear_$n"; done

# heads / history / current on the branchy histories, their databases at heads.
for n in "${revision_sizes[@]}"; do
    fresh_databases - "$work/history_branchy_$n"
    run_migrate "$work/history_branchy_$n" upgrade
done
for verb in heads history current; do
    for n in "${revision_sizes[@]}"; do
        row "${verb}_$n" "\`$verb\`, history with 50 branches" "$n" "cat migrations/*.json" 1.2 - "$verb"
        ANCHOR=(sh -c 'cat migrations/*.json')
        TEMPEST=("$migrate" "$verb")
        add "${verb}_$n" no_prep "$work/history_branchy_$n"
    done
    measure
done

# --- rebuild: a type change of a 1,000,000-row table with a 100,000-row child ---------------
rows_dir=$work/rows
"$gen_schema" rows "$rows_dir" "$parent_rows" "$child_rows" >/dev/null
run_migrate "$rows_dir" upgrade r1
sqlite3 -bail "$rows_dir/rows.db" <"$rows_dir/fill.sql"
mv "$rows_dir/rows.db" "$rows_dir/base.db"
cp "$rows_dir/base.db" "$rows_dir/rows.db"
run_migrate "$rows_dir" upgrade r1:r2 --sql
# The anchor is the textbook 12-step rebuild: tempest-migrate's own SQL with one
# whole-database `PRAGMA foreign_key_check` in place of its last check (tempest-migrate's
# reads the changed table and its children: here the same two tables), the others left out.
check_line='^PRAGMA foreign_key_check;$|pragma_foreign_key_check\('
checks=$(grep -cE "$check_line" "$work/setup.out" || true)
{
    grep -qi '^BEGIN' "$work/setup.out" || echo "BEGIN;"
    awk -v n="$checks" -v re="$check_line" '$0 ~ re { if (++seen < n) next; print "PRAGMA foreign_key_check;"; next } { print }' "$work/setup.out"
    grep -qi '^COMMIT' "$work/setup.out" || echo "COMMIT;"
    [ "$checks" -gt 0 ] || echo "PRAGMA foreign_key_check;"
} >"$rows_dir/rebuild.sql"
rebuild_prep() {
    if [ "$1" = anchor ]; then cp "$rows_dir/base.db" "$rows_dir/anchor.db"; else cp "$rows_dir/base.db" "$rows_dir/rows.db"; fi
}
row rebuild "rebuild (type change) of a table whose child has 1/10 its rows, SQLite" "$parent_rows" \
    "sqlite3 shell: the same 12-step SQL, one foreign_key_check" 1.05 - -
ANCHOR=(sqlite3 -bail anchor.db); ANCHOR_STDIN=$rows_dir/rebuild.sql
TEMPEST=("$migrate" upgrade)
add rebuild rebuild_prep "$rows_dir"
measure
rm -f "$rows_dir/base.db" "$rows_dir/rows.db" "$rows_dir/anchor.db"

# --- Tempest Studio: interactive after opening, first progress after "Upgrade all" -----------
# The real MainWindow offscreen (tests/bench/tst_bench_studio_upgrade.cpp), once per round:
# a one-revision project (the anchor) and then the generated project, each opened, then
# "Upgrade all" clicked and cancelled after the first progress event. Issue 12 states these
# goals in milliseconds, not as ratios: the report gives the median against the goal, with
# the anchor and the ratio beside it to show what is the machine. "Interactive ≤ 1 s" is the
# issue's; for "progress moves from the first revision" the bench holds the first progress
# event to the same 1 s (the limit for a user's flow of thought; 0.1 s would feel instant).
# Needs a build with Studio (Qt 6); without bench_studio_upgrade the rows are left out.
# --smoke leaves them out too (the ctest bench_studio_upgrade covers the same code).
studio_bench=$(find "$build_dir" -name bench_studio_upgrade -type f -perm -u+x -print -quit 2>/dev/null || true)
if [ "$mode" != smoke ] && [ -n "$studio_bench" ]; then
    studio_tables=5000; studio_revisions=10000
    [ "$mode" = quick ] && { studio_tables=1000; studio_revisions=1000; }
    studio_dir=$work/studio_project
    "$gen_project" "$studio_dir" "$studio_tables" "$studio_revisions" >/dev/null
    studio_size="$studio_tables tables, $studio_revisions revisions"
    : >"$results/studio.tsv"
    # value NAME: a measurement of this round, - when the round did not get that far.
    value() { awk -F'\t' -v k="$1" '$1 == k { v = $2 } END { print (v == "" ? "-" : v) }' "$work/studio_round.tsv" 2>/dev/null || echo -; }
    for ((round = 1; round <= rounds; ++round)); do
        rm -f "$work/studio_round.tsv"
        if ! TEMPEST_BENCH_STUDIO_TSV=$work/studio_round.tsv TEMPEST_BENCH_STUDIO_PROJECT=$studio_dir \
            QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$studio_bench" firstProgressOnTheLargeProject \
            >"$work/studio.out" 2>&1; then
            log "studio round $round failed: $(grep -E 'FAIL|error' "$work/studio.out" | head -n 3 | tr '\n' ' ')"
        fi
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' studio_interactive "Studio: open the project until interactive ($studio_size)" \
            "the same, one-revision project" 1000 "$round" "$(value interactive_small)" "$(value interactive)" >>"$results/studio.tsv"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' studio_first_progress "Studio: \"Upgrade all\" until the first progress event ($studio_size)" \
            "the same, one-revision project" 1000 "$round" "$(value first_progress_small)" "$(value first_progress)" >>"$results/studio.tsv"
    done
    log "studio: done"
    rm -rf "$studio_dir"
elif [ "$mode" != smoke ]; then
    log "studio: no bench_studio_upgrade in $build_dir (a build without Studio): rows left out"
fi

# --- report -------------------------------------------------------------------------------
alembic_note="Alembic (python3-alembic) is not installed: no peer row."
if python3 -c 'import alembic' 2>/dev/null; then
    alembic_note="Alembic is installed, but its peer row is not measured by this script yet."
fi
note="The machine may be shared: a compiler or another job running beside the bench makes both sides slower and noisier; only the ratios of interleaved runs are meant to be compared. $alembic_note"
[ "$use_pg" = 1 ] || note="PostgreSQL rows left out (--no-pg). $note"
[ -z "$extra_note" ] || note="$extra_note $note"
commit=$commit_at_start
[ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ] && commit="$commit (with uncommitted changes)"
{
    printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'commit\t%s\n' "$commit"
    printf 'cpu\t%s\n' "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    printf 'cores\t%s\n' "$(nproc 2>/dev/null || echo '?')"
    printf 'memory\t%s\n' "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    printf 'sqlite\t%s\n' "$(sqlite3 --version | cut -d' ' -f1)"
    printf 'postgresql\t%s\n' "${pg_version:-not used}"
    printf 'rounds\t%s\n' "$rounds"
    printf 'mode\t%s\n' "$mode"
    printf 'note\t%s\n' "$note"
} >"$results/meta.tsv"

"$bench_report" "$results" "$out_dir/benchmarks.md" "$out_dir/benchmarks.json"
"$bench_report" --verify "$results"
[ -s "$out_dir/benchmarks.md" ] && [ -s "$out_dir/benchmarks.json" ] \
    || { echo "bench.sh: the report files were not written" >&2; exit 1; }

# The README shows the latest table of record (only when writing docs/).
if [ "$out_dir" = "$root/docs" ] && grep -q '<!-- bench:begin -->' "$root/README.md"; then
    {
        sed -n '1,/<!-- bench:begin -->/p' "$root/README.md"
        echo
        sed -n 's/^- \(date\|commit\|CPU\|memory\|note\): /- \1: /p' "$out_dir/benchmarks.md"
        echo
        sed -n '/^## Wall time/,$p' "$out_dir/benchmarks.md" | sed 's/^## /#### /' | sed '/^Anchors:/,$d'
        sed -n '/<!-- bench:end -->/,$p' "$root/README.md"
    } >"$root/README.md.new"
    mv "$root/README.md.new" "$root/README.md"
fi
log "wrote $out_dir/benchmarks.md and $out_dir/benchmarks.json"
