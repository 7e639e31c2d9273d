#!/usr/bin/env bash
# benchinstr.sh counts the instructions per operation of each sync/poison
# benchmark pair of this package under valgrind (cachegrind), single-threaded
# (-test.cpu 1). Unlike the times of bench.sh, the counts do not depend on the
# load of the machine: they show what the poison side adds, exactly, where
# bench.sh on a shared machine can only estimate it. They are not times: the
# atomic read-modify-write instructions, identical on both sides, cost far
# more than the plain ones poison adds.
#
# Usage: runtime/poison/benchinstr.sh [regexp]   (default: every pair but the
# fairness one, which is concurrent by design)
#
# Each benchmark runs twice, for N and 3N iterations; the difference divided
# by 2N is the count per operation, free of the fixed start-up cost.
set -euo pipefail

regexp=${1:-'^Benchmark(Mutex|MutexDeferred|RWMutexWrite|RWMutexRead|RegistryGet|RegistrySet|MutexLockChecked|MutexTryLock|RWMutexReadDeferred)$'}
n=300000
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v valgrind >/dev/null || { echo "benchinstr.sh: needs valgrind" >&2; exit 1; }

(cd "$dir" && go test -c -o "$tmp/poison.test" .)

instructions() { # bench-regexp iterations
	valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
		"$tmp/poison.test" -test.run '^$' -test.bench "$1" -test.cpu 1 \
		-test.benchtime "$2x" 2>&1 | awk '/I[ ]+refs:/ { gsub(",", "", $NF); print $NF }'
}

pairs=$("$tmp/poison.test" -test.list "$regexp" | grep '^Benchmark')
echo "$(go version | cut -d' ' -f3), instructions per operation (cachegrind, -test.cpu 1)"
echo
printf '| %-19s | %10s | %12s | %10s |\n' benchmark "sync instr" "poison instr" "difference"
printf '| %-19s | %10s | %12s | %10s |\n' --- ---: ---: ---:
for b in $pairs; do
	declare -A per=()
	for side in sync poison; do
		one=$(instructions "^$b\$/^$side\$" "$n")
		three=$(instructions "^$b\$/^$side\$" "$((3 * n))")
		per[$side]=$(((three - one) / (2 * n)))
	done
	printf '| %-19s | %10d | %12d | %+10d |\n' "${b#Benchmark}" "${per[sync]}" "${per[poison]}" $((per[poison] - per[sync]))
done
