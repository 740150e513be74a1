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

# --- PostgreSQL: a fresh cluster on a free port, stopped on exit (tools/postgres.sh) ------------------------
. tools/postgres.sh
PG_EXTRA_OPTIONS="-c fsync=off"   # the tests need a real server, not a durable one
cleanup() { stop_postgres; }
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
