#!/usr/bin/env bash
# The guarantees desk's first screen with 100,000 stored reports (docs/benchmarks.md, "Guarantees desk").
# Builds nothing: run `dotnet build src/Parley.Server -nodeReuse:false` first. Starts the server (Development, demo seeded)
# on a fresh SQLite file, imports the ACLED sample repeated 100 times (ids suffixed -k, latitude shifted 0.02° per copy,
# so copies are not duplicates of each other) through the API as the demo mediator, then times the page's HTML
# (prerendered: the first screen) and a few filtered views with curl. SAVE_PAGE=file keeps the first screen's HTML.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd); work=$(mktemp -d); port=${PORT:-5099}; base="http://127.0.0.1:$port"
python3 - "$root/tests/data/acled/acled-ukraine-sample.csv" "$work/acled-100k.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'))); h = rows[0]
iid, ilat = h.index('event_id_cnty'), h.index('latitude')
with open(sys.argv[2], 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f); w.writerow(h)
    for k in range(100):
        for r in rows[1:]:
            r = list(r); r[iid] = f"{r[iid]}-{k}"; r[ilat] = f"{float(r[ilat]) + 0.02 * k:.4f}"; w.writerow(r)
PY
(cd "$root/src/Parley.Server" && ASPNETCORE_ENVIRONMENT=Development Parley__Database="$work/desk.db" \
  exec dotnet bin/Debug/net10.0/Parley.Server.dll --urls "$base" >"$work/server.log" 2>&1) &
server=$!; trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done
cj="$work/cookies"; page="/negotiations/berlin-2025/guarantees"
curl -s -c "$cj" -b "$cj" -o /dev/null "$base/demo/sign-in/mediator?returnUrl=$page"
token=$(curl -s -b "$cj" -c "$cj" "$base/account" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
echo "import: $(curl -s -b "$cj" -H "X-CSRF-TOKEN: $token" -H 'Content-Type: text/csv' --data-binary @"$work/acled-100k.csv" \
  -w ' %{time_total}s' "$base/api/negotiations/berlin-2025/incidents/import?format=acled")"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo -n "first screen, 10 runs (s, sorted):"
for _ in $(seq 10); do curl -s -b "$cj" -o /dev/null -w ' %{time_total}' "$base$page"; done | tr ' ' '\n' | sort -n | tr '\n' ' '; echo
[ -n "${SAVE_PAGE:-}" ] && curl -s -b "$cj" -o "$SAVE_PAGE" "$base$page"
echo "first screen size: $(curl -s -b "$cj" "$base$page" | wc -c) bytes (the incident map is drawn by the live page, not in it)"
for q in "?region=Donetsk&from=2022-03-07&to=2022-03-13" "?state=waiting&page=1000" "?q=drone&sort=deaths" "?asOf=2026-01-10"; do
  curl -s -b "$cj" -o /dev/null -w "%{http_code} %{time_total}s $page$q\n" "$base$page$q"
done
curl -s -b "$cj" -o /dev/null -w "%{http_code} %{time_total}s /api/…/incidents?limit=50&sort=newest\n" "$base/api/negotiations/berlin-2025/incidents?limit=50&sort=newest"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
