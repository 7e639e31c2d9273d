#!/usr/bin/env bash
# bench.sh runs the sync-vs-poison benchmark pairs of this package and prints,
# per pair, the median and the minimum ns/op of each side, the ratio
# poison/sync of the medians and of the minima, and allocs/op (the maximum over
# the runs); for the pairs that report it (the fairness benchmark), the longest
# single wait for the lock of each side, the maximum over the runs.
#
# Usage: runtime/poison/bench.sh [rounds] [benchtime] [cpus] [regexp]
#   defaults: 30 200000x, GOMAXPROCS, every benchmark. cpus is passed to
#   -test.cpu (1 makes the RunParallel pairs single-goroutine); regexp to
#   -test.bench.
#
# The test binary is built once and run for many rounds of -count=1, so the
# two sides of a pair are always measured close together in time: on a shared
# machine that matters more than the number of runs. The runs are short (a
# fixed 200000 iterations, 1 to 15 ms) so that on a loaded machine many of them
# run within one scheduler time slice, undisturbed: noise only ever adds time,
# so the minimum over the rounds approaches the unloaded time, and the ratio of
# minima is the steadier estimate of the intrinsic cost. Medians show what a
# typical run saw. Takes about 15 s with the defaults; benchinstr.sh counts
# instructions instead, independently of the load.
set -euo pipefail

rounds=${1:-30}
benchtime=${2:-200000x}
cpus=${3:-}
regexp=${4:-.}
cpuflag=()
if [[ -n $cpus ]]; then cpuflag=(-test.cpu "$cpus"); fi
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$dir" && go test -c -o "$tmp/poison.test" .)
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
for ((i = 1; i <= rounds; i++)); do
	"$tmp/poison.test" -test.run '^$' -test.bench "$regexp" -test.benchmem \
		-test.count 1 -test.benchtime "$benchtime" "${cpuflag[@]}" >>"$tmp/out.txt"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

grep -E '^(goos|goarch|cpu):' "$tmp/out.txt" | sort -u
echo "$(go version | cut -d' ' -f3), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "rounds: $rounds, benchtime: $benchtime, -test.cpu: ${cpus:-GOMAXPROCS}, CPUs: $(nproc)"
echo "load average (1/5/15 min) before: $load_before, after: $load_after"
echo

awk '
function median(key,    n, i, j, t, a) {
	n = cnt[key]
	for (i = 1; i <= n; i++) a[i] = val[key, i]
	for (i = 2; i <= n; i++) {          # insertion sort, portable awk
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]
		a[j + 1] = t
	}
	if (n % 2) return a[(n + 1) / 2]
	return (a[n / 2] + a[n / 2 + 1]) / 2
}
/^Benchmark/ {
	name = $1
	sub(/-[0-9]+$/, "", name)            # drop the GOMAXPROCS suffix
	side = name; sub(/.*\//, "", side)   # sync | poison
	pair = name; sub(/\/[^\/]*$/, "", pair)
	sub(/^Benchmark/, "", pair)
	for (f = 2; f <= NF; f++) {
		if ($f == "ns/op") ns = $(f - 1)
		if ($f == "allocs/op") al = $(f - 1)
		if ($f == "max-wait-ns") { mw = $(f - 1) + 0; if (!((pair SUBSEP side) in maxwait) || mw > maxwait[pair, side]) maxwait[pair, side] = mw }
	}
	k = pair SUBSEP side
	val[k, ++cnt[k]] = ns
	if (!(k in allocs) || al > allocs[k]) allocs[k] = al
	if (!(k in mins) || ns + 0 < mins[k]) mins[k] = ns + 0
	if (!(pair in seen)) { seen[pair] = 1; order[++npairs] = pair }
}
END {
	printf "| %-19s | %9s | %9s | %9s | %9s | %9s | %9s | %9s |\n", "benchmark", "sync med", "poison med", "ratio med", "sync min", "poison min", "ratio min", "allocs s/p"
	printf "| %-19s | %9s | %9s | %9s | %9s | %9s | %9s | %9s |\n", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"
	for (i = 1; i <= npairs; i++) {
		p = order[i]
		s = median(p SUBSEP "sync"); q = median(p SUBSEP "poison")
		ms = mins[p SUBSEP "sync"]; mq = mins[p SUBSEP "poison"]
		printf "| %-19s | %9.2f | %9.2f | %8.3fx | %9.2f | %9.2f | %8.3fx | %4d/%-4d |\n", p, s, q, q / s, ms, mq, mq / ms, allocs[p SUBSEP "sync"], allocs[p SUBSEP "poison"]
	}
	header = 0
	for (i = 1; i <= npairs; i++) {
		p = order[i]
		if (!((p SUBSEP "sync") in maxwait) || !((p SUBSEP "poison") in maxwait)) continue
		if (!header) {
			printf "\n| %-19s | %16s | %16s |\n", "fairness", "sync max wait ms", "poison max wait ms"
			printf "| %-19s | %16s | %16s |\n", "---", "---:", "---:"
			header = 1
		}
		printf "| %-19s | %16.1f | %16.1f |\n", p, maxwait[p, "sync"] / 1e6, maxwait[p, "poison"] / 1e6
	}
}' "$tmp/out.txt"
