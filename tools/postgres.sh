# Sourced by test.sh and bench/load/run.sh: start_postgres starts a throwaway PostgreSQL cluster on a free port
# (installing PostgreSQL when missing), exports PARLEY_TEST_POSTGRES and sets PG_STOP to the command that stops it;
# stop_postgres stops it and removes its files.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
start_postgres() {
  local bin; bin=$(pg_bin)
  if [ -z "$bin" ]; then echo "installing PostgreSQL…" >&2; apt_install postgresql || return 1; bin=$(pg_bin); fi
  PGROOT=$(mktemp -d); PGPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  local run=()
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGROOT"; run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  "${run[@]}" "$bin/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT ${PG_EXTRA_OPTIONS:-} -c max_connections=200" start >/dev/null || return 1
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PGROOT/data" -m fast stop)
  export PARLEY_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT" >&2
}
stop_postgres() { [ -n "${PG_STOP:-}" ] && "${PG_STOP[@]}" >/dev/null 2>&1; [ -n "${PGROOT:-}" ] && rm -rf "$PGROOT"; }
