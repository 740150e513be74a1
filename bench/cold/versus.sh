#!/usr/bin/env bash
# Interleaved comparison of different cold commands (issue #14): each "label|command …" runs in turn, RUNS times over,
# so that whatever else the shared machine does weighs on all of them alike; prints each one's median wall time and
# median CPU time (user+sys, from /usr/bin/time), then every run. Output goes to /dev/null.
#   bench/cold/versus.sh 7 "wc|wc -w in/draft-50mb.md" "main|/tmp/main/parley draft stats in/draft-50mb.md" \
#                          "branch|out/parley draft stats in/draft-50mb.md"
# (bench/cold/compare.sh compares one command under different environment variables.)
set -uo pipefail
runs=$1; shift
times=$(mktemp)
declare -A wall cpu
for _ in $(seq "$runs"); do
  for c in "$@"; do
    label=${c%%|*}
    # shellcheck disable=SC2086 # the command is meant to split
    /usr/bin/time -o "$times" -f "%e %U %S" ${c#*|} >/dev/null 2>&1
    read -r w u s < <(tail -1 "$times")
    wall[$label]+="$w "; cpu[$label]+="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') "
  done
done
rm -f "$times"
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for c in "$@"; do
  label=${c%%|*}
  echo "$label: wall $(echo "${wall[$label]}" | median) s, cpu $(echo "${cpu[$label]}" | median) s   (wall: ${wall[$label]}; cpu: ${cpu[$label]})"
done
