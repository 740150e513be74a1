#!/usr/bin/env bash
# Interleaved comparison of cold commands (issue #14): runs each configuration in turn, RUNS times over, and prints for
# each the median wall time and the median CPU time (user+sys, from /usr/bin/time), which a busy machine distorts less.
# A configuration is "label|VAR=value …" (environment for the command; at least one variable, e.g. X=1).
#   bench/cold/compare.sh 5 "default|X=1" "no-pgo|DOTNET_TieredPGO=0" -- out/parley draft stats draft-50mb.md
set -uo pipefail
runs=$1; shift
configs=()
while [ "$1" != "--" ]; do configs+=("$1"); shift; done; shift
times=$(mktemp)
declare -A wall cpu
for _ in $(seq "$runs"); do
  for c in "${configs[@]}"; do
    label=${c%%|*}; envs=${c#*|}
    # shellcheck disable=SC2086 # the variables are meant to split
    /usr/bin/time -o "$times" -f "%e %U %S" env $envs "$@" >/dev/null 2>&1
    read -r w u s < <(tail -1 "$times")
    wall[$label]+="$w "; cpu[$label]+="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') "
  done
done
rm -f "$times"
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for c in "${configs[@]}"; do
  label=${c%%|*}
  echo "$label: wall $(echo "${wall[$label]}" | median) s, cpu $(echo "${cpu[$label]}" | median) s   (wall: ${wall[$label]}; cpu: ${cpu[$label]})"
done
