#!/usr/bin/env bash
# Interleaved comparison of cold commands (issue #14): runs each configuration in turn, RUNS times over, and prints for
# each the median wall time and the median CPU time (user+sys, from /usr/bin/time), which a busy machine distorts less.
# A configuration is "label|VAR=value …" (environment for the command; at least one variable, e.g. X=1). The runs are
# bench/cold/versus.sh's, one command per configuration (so paths in the command must not hold spaces).
#   bench/cold/compare.sh 5 "default|X=1" "no-pgo|DOTNET_TieredPGO=0" -- out/parley draft stats draft-50mb.md
set -uo pipefail
runs=$1; shift
configs=()
while [ "$1" != "--" ]; do configs+=("$1"); shift; done; shift
commands=()
for c in "${configs[@]}"; do commands+=("${c%%|*}|env ${c#*|} $*"); done
exec bash "$(dirname "$0")/versus.sh" "$runs" "${commands[@]}"
