#!/usr/bin/env bash
# Runs every test of Parley. It installs and starts what the tests need — a throwaway PostgreSQL cluster
# (and Chromium once browser tests exist) — runs `dotnet test` on the whole solution, and ends with one
# line: `N passed, N failed`. Exit status 0 only when every test passed.
#   ./test.sh                 # everything
#   ./test.sh --filter Talks  # extra arguments go to `dotnet test`
set -uo pipefail
cd "$(dirname "$0")"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$PWD/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null; }

# --- PostgreSQL: a fresh cluster on a free port, stopped on exit -----------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
start_postgres() {
  local bin; bin=$(pg_bin)
  if [ -z "$bin" ]; then echo "installing PostgreSQL…" >&2; apt_install postgresql || return 1; bin=$(pg_bin); fi
  PGROOT=$(mktemp -d); PGPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  local run=()
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGROOT"; run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  "${run[@]}" "$bin/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c max_connections=200" start >/dev/null || return 1
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PGROOT/data" -m fast stop)
  export PARLEY_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT" >&2
}
cleanup() { [ -n "${PG_STOP:-}" ] && "${PG_STOP[@]}" >/dev/null 2>&1; [ -n "${PGROOT:-}" ] && rm -rf "$PGROOT"; }
trap cleanup EXIT
if [ -z "${PARLEY_TEST_POSTGRES:-}" ]; then
  start_postgres || echo "could not start PostgreSQL; the PostgreSQL tests will fail and say why" >&2
fi

# --- Chromium for the browser tests ----------------------------------------------------------------------
if ls tests/*Browser* >/dev/null 2>&1 && ! command -v chromium >/dev/null; then
  echo "installing Chromium…" >&2; apt_install chromium chromium-driver || echo "could not install Chromium" >&2
fi

# --- Build and test ---------------------------------------------------------------------------------------
[ -f .config/dotnet-tools.json ] && dotnet tool restore >/dev/null
dotnet test Parley.slnx -nodeReuse:false --logger trx --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1 && echo "dotnet test failed before running every test (see above)" >&2
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
