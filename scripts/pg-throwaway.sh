#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a loopback port, for tests and benchmarks.
#   scripts/pg-throwaway.sh start [PORT]   prints the URL to use as SAMAD_TEST_POSTGRES_URL
#   scripts/pg-throwaway.sh stop  [PORT]
#   SAMAD_PG_DURABLE=on scripts/pg-throwaway.sh start PORT   fsync and synchronous_commit on, for benchmarks
# It installs nothing: .ci/run installs the postgresql package first. Tests run it with fsync off (fast,
# and a lost test cluster costs nothing); benchmarks must not, or commits would look cheaper than they are.
set -euo pipefail
cmd=${1:-start}
port=${2:-54329}
dir=/tmp/samad-pg-$port
durability="-c fsync=off -c synchronous_commit=off"
[ "${SAMAD_PG_DURABLE:-off}" = on ] && durability="-c fsync=on -c synchronous_commit=on"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

# initdb and postgres refuse to run as root: run them as the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      rm -rf "$dir"; mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_pg "$bin/initdb" -D "$dir" -U samad --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # Already running (a previous start): reuse it.
    as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1 || as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=1000 $durability" \
      start >/dev/null
    psql -h 127.0.0.1 -p "$port" -U samad -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='samad_test'" | grep -q 1 \
      || psql -h 127.0.0.1 -p "$port" -U samad -d postgres -qc "CREATE DATABASE samad_test" >/dev/null
    echo "postgres://samad@127.0.0.1:$port/samad_test?sslmode=disable"
    ;;
  stop)
    [ -f "$dir/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop [PORT]" >&2; exit 2 ;;
esac
