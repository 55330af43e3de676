#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests (the CTest fixture `postgres`).
#
#   pg-test-cluster.sh start DIR   initialise (once) and start a cluster under DIR; idempotent
#   pg-test-cluster.sh stop DIR    stop it (fast) and remove DIR
#
# DIR/data    data directory (owned by postgres when run as root)
# DIR/sock    its own Unix socket directory
# DIR/conninfo           socket + trust:  host=DIR/sock port=P dbname=tempest_test user=postgres
# DIR/conninfo_password  TCP + scram:     postgresql://tempest:tempest-secret-pw@127.0.0.1:P/tempest_test
# DIR/server.log         the server's log
#
# PGBIN overrides the binaries (default /usr/lib/postgresql/15/bin); TEMPEST_PG_PORT
# the first port tried (default 54329; the next free one up to +50 is used).
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
FIRST_PORT=${TEMPEST_PG_PORT:-54329}
ROLE=tempest
ROLE_PASSWORD=tempest-secret-pw
DATABASE=tempest_test

die() { echo "pg-test-cluster: $*" >&2; exit 1; }

usage() { die "usage: $0 start|stop DIR"; }

[ $# -eq 2 ] || usage
command=$1
dir=$2

# Runs a PostgreSQL binary as the cluster owner: postgres when we are root (the server
# refuses to run as root), ourselves otherwise. From / so that an unreadable working
# directory does not matter.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

is_running() {
    [ -f "$dir/data/PG_VERSION" ] && as_owner "$PGBIN/pg_ctl" status -D "$dir/data" >/dev/null 2>&1
}

port_in_use() {
    # Something accepting connections on 127.0.0.1:$1?
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

current_port() {
    sed -n 's/^port = \([0-9]*\).*/\1/p' "$dir/data/postgresql.auto.conf" 2>/dev/null | tail -n 1
}

initialise() {
    mkdir -p "$dir"
    chmod 755 "$dir"
    mkdir -p "$dir/sock"
    if [ "$(id -u)" -eq 0 ]; then
        getent passwd postgres >/dev/null || die "running as root but there is no postgres user"
        runuser -u postgres -- test -x "$dir" \
            || die "the postgres user cannot reach $dir (make its parent directories world-executable)"
        rm -rf "$dir/data"
        mkdir -p "$dir/data"
        : >"$dir/server.log"
        chown postgres: "$dir/data" "$dir/sock" "$dir/server.log"
        chmod 700 "$dir/data"
    fi
    chmod 755 "$dir/sock"
    touch "$dir/server.log"
    chmod 644 "$dir/server.log"
    as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    cat >>"$dir/data/postgresql.conf" <<CONF

# pg-test-cluster.sh: a throwaway cluster, tuned for speed, not durability
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
unix_socket_permissions = 0777
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
max_connections = 100
password_encryption = 'scram-sha-256'
CONF
    cat >"$dir/data/pg_hba.conf" <<'HBA'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   scram-sha-256
host    all       all   ::1/128        scram-sha-256
HBA
}

start_server() {
    local port=$FIRST_PORT last=$((FIRST_PORT + 50))
    while [ "$port" -le "$last" ]; do
        if ! port_in_use "$port"; then
            # postgresql.auto.conf overrides postgresql.conf; the last `port` line wins.
            echo "port = $port" >>"$dir/data/postgresql.auto.conf"
            # Another cluster may grab the port between the check and the bind: then
            # the start fails and we try the next one.
            if as_owner "$PGBIN/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 >/dev/null 2>&1; then
                return 0
            fi
        fi
        port=$((port + 1))
    done
    [ -f "$dir/server.log" ] && tail -n 20 "$dir/server.log" >&2
    die "could not start a server on any port from $FIRST_PORT to $last"
}

psql_admin() {
    as_owner "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$1" -U postgres -d postgres "${@:2}"
}

provision() {
    local port=$1
    psql_admin "$port" <<SQL
SELECT 'CREATE ROLE $ROLE LOGIN SUPERUSER'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') \gexec
ALTER ROLE $ROLE PASSWORD '$ROLE_PASSWORD';
SELECT 'CREATE DATABASE $DATABASE OWNER $ROLE'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DATABASE') \gexec
SQL
    printf 'host=%s port=%s dbname=%s user=postgres\n' "$dir/sock" "$port" "$DATABASE" >"$dir/conninfo.tmp"
    printf 'postgresql://%s:%s@127.0.0.1:%s/%s\n' "$ROLE" "$ROLE_PASSWORD" "$port" "$DATABASE" >"$dir/conninfo_password.tmp"
    chmod 644 "$dir/conninfo.tmp" "$dir/conninfo_password.tmp"
    mv -f "$dir/conninfo.tmp" "$dir/conninfo"
    mv -f "$dir/conninfo_password.tmp" "$dir/conninfo_password"
}

case $command in
start)
    [ -x "$PGBIN/initdb" ] || die "no PostgreSQL binaries in $PGBIN (set PGBIN)"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # A Unix socket path is limited to 107 bytes: DIR/sock/.s.PGSQL.NNNNN must fit.
    [ ${#dir} -le 85 ] || die "$dir is too long for a Unix socket path; use a shorter directory"
    if ! is_running; then
        [ -f "$dir/data/PG_VERSION" ] || initialise
        start_server
    fi
    port=$(current_port)
    [ -n "$port" ] || die "cannot tell the port of the cluster in $dir/data"
    provision "$port"
    echo "PostgreSQL test cluster running: $(cat "$dir/conninfo")"
    ;;
stop)
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    if is_running; then
        as_owner "$PGBIN/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >/dev/null
    fi
    rm -rf "$dir"
    echo "PostgreSQL test cluster in $dir stopped and removed"
    ;;
*)
    usage
    ;;
esac
