#!/usr/bin/env bash
# Cold-start benchmark (issue #14): the published, ReadyToRun `parley` started afresh for each measurement, each
# measured RUNS times interleaved with its baseline in the same run so that a busy machine weighs on both alike:
#   draft stats of a 50 MB draft      against  wc -w on the same file            (target: ratio <= 1.5)
#   --version                         alone                                       (target: <= 100 ms)
#   incidents import of 200,000 ACLED rows (~100 MB) into a fresh SQLite file
#                                     against  sqlite3 -cmd ".mode csv" DB ".import FILE t"   (target: ratio <= 2)
#   status --scenario, settle --genius, incidents check   alone, for the record
# then the self-contained single file, run with no .NET on PATH and DOTNET_ROOT pointing to an empty folder
# (--version, settle through OR-Tools, draft stats, serve answering /healthz and serving blazor.web.js).
# Prints medians and ratios; docs/benchmarks.md, "Cold starts", keeps the figures with the machine and date.
#   bench/cold/run.sh                   # RUNS=5 each
#   RUNS=9 bench/cold/run.sh
#   SKIP_SINGLE_FILE=1 bench/cold/run.sh
#   PUBLISHED=out bench/cold/run.sh     # measure an existing `dotnet publish src/Parley -c Release -o out`
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
work=${WORK:-$(mktemp -d)}
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PARLEY_RECORD_KEY="$work/record-key.pem"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed: apt-get install -y sqlite3" >&2; exit 1; }

# ReadyToRun images in obj/ are reused by the next publish as they are; those of the single file (one composite image
# with the framework) make a framework-dependent parley abort at start, so each publish starts without them.
fresh_r2r() { rm -rf src/Parley/obj/Release/net10.0/R2R; }
if [ -n "${PUBLISHED:-}" ]; then
  parley="$PUBLISHED/parley"   # a folder published as below, reused (publishing takes minutes on two busy cores)
else
  echo "publishing (Release, ReadyToRun) into $work/out …" >&2
  fresh_r2r
  dotnet publish src/Parley -c Release -o "$work/out" -nodeReuse:false -v q >/dev/null
  parley="$work/out/parley"
fi
python3 bench/cold/make-inputs.py . "$work/in"
draft="$work/in/draft-50mb.md"; acled="$work/in/acled-200k.csv"

# A migrated database holding one negotiation (the import's target), copied afresh for every import.
rm -f "$work/template.db"*
"$parley" import scenarios/berlin-2025.yaml -d "$work/template.db" >/dev/null

ms() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
fresh_db() { rm -f "$work/i.db"*; cp "$work/template.db" "$work/i.db"; }
sqlite_import() { rm -f "$work/s.db"*; sqlite3 -cmd ".mode csv" "$work/s.db" ".import $acled t"; }
parley_import() { "$parley" incidents import "$acled" --format acled -d "$work/i.db"; }

: > "$work/wc"; : > "$work/stats"; : > "$work/version"; : > "$work/sqlite"; : > "$work/import"
: > "$work/status"; : > "$work/settle"; : > "$work/check"
for i in $(seq "$runs"); do
  ms wc -w "$draft" >> "$work/wc"
  ms "$parley" draft stats "$draft" >> "$work/stats"
  ms "$parley" --version >> "$work/version"
  ms "$parley" status --scenario scenarios/berlin-2025.yaml --as-of 2025-12-15 >> "$work/status"
  ms "$parley" settle --genius tests/data/genius/EnglandZimbabwe2010 >> "$work/settle"
  ms "$parley" incidents check tests/data/acled/acled-ukraine-sample.csv --format acled >> "$work/check"
  ms sqlite_import >> "$work/sqlite"
  fresh_db; ms parley_import >> "$work/import"
  echo "run $i/$runs done" >&2
done
wc_ms=$(median < "$work/wc"); stats_ms=$(median < "$work/stats"); version_ms=$(median < "$work/version")
sqlite_ms=$(median < "$work/sqlite"); import_ms=$(median < "$work/import")
echo
echo "| measurement (median of $runs, cold process each) | parley | baseline | ratio | target |"
echo "|---|---|---|---|---|"
echo "| draft stats, 50 MB draft | ${stats_ms} ms | wc -w ${wc_ms} ms | $(ratio "$stats_ms" "$wc_ms") | ≤ 1.5 |"
echo "| --version | ${version_ms} ms | — | — | ≤ 100 ms |"
echo "| incidents import, 200,000 ACLED rows | ${import_ms} ms | sqlite3 .import ${sqlite_ms} ms | $(ratio "$import_ms" "$sqlite_ms") | ≤ 2 |"
echo "| status --scenario berlin-2025.yaml | $(median < "$work/status") ms | — | — | |"
echo "| settle --genius EnglandZimbabwe2010 | $(median < "$work/settle") ms | — | — | |"
echo "| incidents check, ACLED sample (1,000 rows) | $(median < "$work/check") ms | — | — | |"
echo "(all runs, ms — wc: $(paste -sd, "$work/wc"); stats: $(paste -sd, "$work/stats"); version: $(paste -sd, "$work/version"); sqlite3: $(paste -sd, "$work/sqlite"); import: $(paste -sd, "$work/import"))"

[ -n "${SKIP_SINGLE_FILE:-}" ] && exit 0
echo >&2; echo "publishing the self-contained single file into $work/single …" >&2
fresh_r2r
dotnet publish src/Parley -c Release -o "$work/single" -p:PublishSingleFile=true -p:SelfContained=true -nodeReuse:false -v q >/dev/null
fresh_r2r
empty=$(mktemp -d)
bare() { env -i HOME="$HOME" PATH=/usr/bin:/bin DOTNET_ROOT="$empty" PARLEY_RECORD_KEY="$work/record-key.pem" "$@"; }
bare sh -c 'command -v dotnet' && { echo "dotnet is still on PATH" >&2; exit 1; }
echo
echo "single file: $(ls -l "$work/single/parley" | awk '{ printf "%.0f MB", $5 / 1048576 }'), files beside it: $(ls "$work/single" | grep -v '^parley$' | tr '\n' ' ')"
echo "single file --version: $(bare "$work/single/parley" --version) ($(ms bare "$work/single/parley" --version) ms)"
bare "$work/single/parley" settle --genius tests/data/genius/EnglandZimbabwe2010 --json | grep -q '"nash"' && echo "single file settle (OR-Tools): ok"
echo "single file draft stats, 50 MB: $(ms bare "$work/single/parley" draft stats "$draft") ms"
port=$((5900 + RANDOM % 500))
(cd "$empty" && exec env -i HOME="$HOME" PATH=/usr/bin:/bin DOTNET_ROOT="$empty" PARLEY_RECORD_KEY="$work/record-key.pem" \
  "$work/single/parley" serve -d "$work/single.db" --urls "http://127.0.0.1:$port" > "$work/single-serve.log" 2>&1) &
server=$!
for _ in $(seq 240); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
echo "single file serve: /healthz $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz"), blazor.web.js $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/_framework/blazor.web.js"), app.css $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/app.css")"
