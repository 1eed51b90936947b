#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite (TOOLCHAIN.md).
#   pg.sh start DIR [PORT]  → initialises and starts a cluster in DIR, prints its admin URL
#   pg.sh stop DIR          → stops it
# Runs the server as the `postgres` user when invoked as root (initdb refuses root).
set -euo pipefail

cmd=${1:?usage: pg.sh start|stop DIR [PORT]}
dir=${2:?usage: pg.sh start|stop DIR [PORT]}
port=${3:-55432}
pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$pgbin/initdb" ] || { echo "pg.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    # The folder (and its parent, e.g. a mktemp -d) must be reachable by the server user.
    [ "$(id -u)" = 0 ] && chown postgres "$dir" && chmod 755 "$dir" "$(dirname "$dir")"
    as_owner "'$pgbin/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 --no-locale" >"$dir/initdb.log"
    as_owner "'$pgbin/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_owner "'$pgbin/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
    ;;
  *) echo "usage: pg.sh start|stop DIR [PORT]" >&2; exit 2 ;;
esac
