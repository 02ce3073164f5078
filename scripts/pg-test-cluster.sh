#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and prints its TEST_DATABASE_URL.
#   eval "$(scripts/pg-test-cluster.sh start)"   # exports TEST_DATABASE_URL
#   scripts/pg-test-cluster.sh stop
# initdb refuses root, so the cluster belongs to the postgres user when run as root.
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
DIR=${PG_TEST_DIR:-/tmp/minsheng-pg-test}
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -n "${PG_TEST_PORT:-}" ]; then
  PORT=$PG_TEST_PORT
elif [ -f "$DIR/postmaster.pid" ]; then
  PORT=$(sed -n 4p "$DIR/postmaster.pid") # the cluster is running: its own port
elif [ -f "$DIR/port" ]; then
  PORT=$(cat "$DIR/port") # this cluster's port from an earlier start
else
  PORT=55432
  while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
case "${1:-start}" in
  start)
    if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
      echo "PostgreSQL server binaries not found (install postgresql)" >&2
      exit 1
    fi
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      as_owner "$PGBIN/initdb -D $DIR -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    echo "$PORT" >"$DIR/port"
    if ! as_owner "$PGBIN/pg_ctl -D $DIR status" >/dev/null 2>&1; then
      as_owner "$PGBIN/pg_ctl -D $DIR -l $DIR/server.log -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200' -w start" >/dev/null
    fi
    echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    as_owner "$PGBIN/pg_ctl -D $DIR -m fast stop" >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
