#!/usr/bin/env bash
# Load benchmark (issue #13): the Release server under wrk, against the Berlin demo and a grown negotiation (10,000
# statements, 1,000 positions), with /healthz measured in the same run as the baseline. Results go to stdout as a
# Markdown table; docs/benchmarks.md, "Under load", keeps the figures with the machine and date.
#   bench/load/run.sh                 # SQLite (a temporary file)
#   bench/load/run.sh --postgres      # a throwaway PostgreSQL cluster (as test.sh starts one)
#   SECONDS_EACH=20 bench/load/run.sh # longer runs (default 15 s each)
#   PUBLISHED=out bench/load/run.sh   # measure an existing `dotnet publish src/Parley -c Release -o out`
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/load
each=${SECONDS_EACH:-15}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d); port=$((5400 + RANDOM % 500)); base="http://127.0.0.1:$port"
export PARLEY_RECORD_KEY="$work/record-key.pem" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
database="$work/parley.db"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; stop_postgres; rm -rf "$work"; }
trap cleanup EXIT
# shellcheck source=../../tools/postgres.sh
. tools/postgres.sh
if [ "${1:-}" = "--postgres" ]; then
  start_postgres || exit 1
  database="$PARLEY_TEST_POSTGRES;Database=parley_load"
fi

# The published app, as it ships (a build folder's server also looks up its static assets in the source tree per request).
if [ -n "${PUBLISHED:-}" ]; then parley="$PUBLISHED/parley"   # a folder published as below, reused
else dotnet publish src/Parley -c Release -o "$work/app" -v q -nodeReuse:false >/dev/null; parley="$work/app/parley"; fi
python3 "$here/grow.py" scenarios/berlin-2025.yaml grown 10000 1000 > "$work/grown.yaml"

# A long-running server with what the short commands go without (src/Parley/Parley.csproj; the container sets the same).
DOTNET_TieredPGO=1 DOTNET_gcConcurrent=1 ASPNETCORE_ENVIRONMENT=Production "$parley" serve -d "$database" --urls "$base" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 120); do curl -sf "$base/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "$base/readyz" >/dev/null || { cat "$work/server.log" >&2; exit 1; }
"$parley" import "$work/grown.yaml" -d "$database" >/dev/null
"$parley" members add -n grown -u ua -r delegation -p ua -d "$database" >/dev/null
"$parley" members add -n grown -u mediator -r mediator -d "$database" >/dev/null
ua=$("$parley" tokens create ua -d "$database" 2>/dev/null)
mediator=$("$parley" tokens create mediator -d "$database" 2>/dev/null)

# One line per run: requests/s, p50, p99, non-2xx.
measure() { # name, connections, wrk arguments…
  local name=$1 connections=$2; shift 2
  local threads=$(( connections < 2 ? connections : 2 ))
  local out; out=$(wrk -t"$threads" -c"$connections" -d"${each}s" --latency "$@")
  local rps p50 p99 bad
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); bad=${bad:-0}
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$connections" "$rps" "$p50" "$p99" "$bad"
}
warm() { wrk -t2 -c8 -d5s "$@" >/dev/null; }

# A browser's sign-in: the demo account ua's cookie, which the dashboard's own requests carry (ua is grown's member too).
cookie=$(curl -s -D - -o /dev/null "$base/demo/sign-in/ua?returnUrl=/" | sed -n 's/^Set-Cookie: \(parley=[^;]*\).*/\1/p')
[ -n "$cookie" ] || { echo "the demo sign-in set no cookie" >&2; exit 1; }

status="/api/negotiations/%s/status"
warm "$base/healthz"; warm -H "Authorization: Bearer $ua" "$base$(printf "$status" berlin-2025)"
warm -H "Authorization: Bearer $ua" "$base$(printf "$status" grown)"; warm -H "Cookie: $cookie" "$base$(printf "$status" grown)"
echo "| run | connections | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
measure "GET /healthz (baseline)" 32 "$base/healthz"
measure "GET status, Berlin demo, as ua" 32 -H "Authorization: Bearer $ua" "$base$(printf "$status" berlin-2025)"
measure "GET status, grown (10,000 statements), as ua" 32 -H "Authorization: Bearer $ua" "$base$(printf "$status" grown)"
measure "GET status, Berlin demo, as ua signed in by cookie" 32 -H "Cookie: $cookie" "$base$(printf "$status" berlin-2025)"
measure "GET status, grown, as ua signed in by cookie" 32 -H "Cookie: $cookie" "$base$(printf "$status" grown)"
measure "GET /healthz (baseline, again)" 32 "$base/healthz"
# The same baseline carrying ua's token: every request then signs in (one token read), as the status requests do.
measure "GET /healthz with ua's API token" 32 -H "Authorization: Bearer $ua" "$base/healthz"
# Writes alone: one writer (each waits for its own commit), then 32 at once (group commit: those arriving together share one).
# The write path is warmed first, as the reads were: the first seconds of writes otherwise measure the JIT's tiering.
warm -s "$here/statement.lua" -H "Authorization: Bearer $mediator" "$base/api/negotiations/grown/statements"
measure "POST statement, grown, as mediator, one writer" 1 -s "$here/statement.lua" -H "Authorization: Bearer $mediator" "$base/api/negotiations/grown/statements"
measure "POST statement, grown, as mediator, 32 writers" 32 -s "$here/statement.lua" -H "Authorization: Bearer $mediator" "$base/api/negotiations/grown/statements"
# Mixed: WRITERS writers (4, 16, then 32) add statements to the grown negotiation while 16 readers read its status.
for writers in 4 16 32; do
  wrk -t1 -c16 -d"${each}s" -H "Authorization: Bearer $ua" "$base$(printf "$status" grown)" > "$work/readers.txt" &
  readers=$!
  measure "POST statement, grown, as mediator, while 16 readers run" "$writers" -s "$here/statement.lua" -H "Authorization: Bearer $mediator" "$base/api/negotiations/grown/statements"
  wait "$readers"
  printf '| %s | %s | %s | %s | %s | %s |\n' "GET status, grown, the 16 readers meanwhile" 16 \
    "$(awk '/Requests\/sec/ {print $2}' "$work/readers.txt")" "-" "-" "$(awk '/Non-2xx/ {print $NF}' "$work/readers.txt")"
done
"$parley" verify -d "$database" >/dev/null && echo "parley verify after the run: no finding"
