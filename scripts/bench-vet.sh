#!/usr/bin/env bash
# bench-vet.sh [-n PAIRS] [-s PAIRS] [-t TARGETS]
#
# Compares lockpoison's cost with x/tools' nilness (scripts/nilness, a
# singlechecker built from the same x/tools), the closest SSA-based pass:
#
#   vet mode         go vet -vettool=lockpoison vs go vet -vettool=nilness
#                    over the same target, analysis results cold and compile
#                    outputs warm, PAIRS pairs run alternately (the order
#                    flips every pair, so drift in machine load cancels out)
#   standalone mode  lockpoison std vs nilness std (both load std from
#                    source: there peak memory is what users feel)
#
# and prints, per target, the median over pairs of the ratio
# lockpoison/nilness of:
#
#   cpu       user+sys of the whole go vet process tree
#   tool-cpu  user+sys of the vet tool processes only (the analyzer's share)
#   wall      elapsed time
#   rss       peak RSS of the largest vet tool process (go vet runs one per
#             package, so this is the memory a tool adds), and in standalone
#             mode of the single process
#
# Targets (-t, space-separated): std, and x/tools (golang.org/x/tools at the
# go.mod version, ./... in a writable copy). Defaults: -n 3 -s 1 -t "std x/tools".
#
# Cold results, warm compiles: go vet caches a tool's results under the
# tool's ID, the SHA-256 of the binary's content (-V=full). Each run copies
# the tool and appends a fresh nonce to the copy (an ELF file runs the same
# with trailing bytes), so nothing is reused from an earlier run, while the
# compile actions — keyed by the compiler's ID — stay cached. A first,
# unmeasured run of each tool warms the compile cache and the OS file cache.
#
# Per-process figures come from scripts/benchtime (Go, no GNU time needed),
# used as the -toolexec wrapper; it adds the same small cost to both tools.
# The machine should be otherwise idle: on a shared machine use the cpu and
# rss figures, not wall.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pairs=3 spairs=1 targets="std x/tools"
while getopts n:s:t: opt; do
	case $opt in
	n) pairs=$OPTARG ;;
	s) spairs=$OPTARG ;;
	t) targets=$OPTARG ;;
	*) echo "usage: $0 [-n PAIRS] [-s STANDALONE_PAIRS] [-t \"std x/tools\"]" >&2; exit 2 ;;
	esac
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-vet.XXXXXX")
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/bin/lockpoison" ./cmd/lockpoison
go build -o "$tmp/bin/nilness" ./scripts/nilness
go build -o "$tmp/bin/benchtime" ./scripts/benchtime
bt=$tmp/bin/benchtime
mkdir -p "$tmp/empty"

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(go version | awk '{print $3, $4}'), $(nproc) CPUs, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo 2>/dev/null)"
echo "# lockpoison $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?'), nilness from golang.org/x/tools $(GOWORK=off go list -m -f '{{.Version}}' golang.org/x/tools)"

# fresh TOOL RUN: a copy of the tool with a fresh content hash (tool ID).
fresh() {
	mkdir -p "$tmp/run/$2"
	cp "$tmp/bin/$1" "$tmp/run/$2/$1"
	printf '\nbench-nonce %s %s\n' "$2" "$(date +%s.%N)" >>"$tmp/run/$2/$1"
	echo "$tmp/run/$2/$1"
}

# vetrun TOOL DIR PATTERN OUT: one go vet run; appends
# "cpu wall rss tool-cpu" to OUT. With -json, go vet exits 0 on findings, so
# a non-zero exit is a failure.
n=0
vetrun() {
	local tool=$1 dir=$2 pat=$3 out=$4 bin
	n=$((n + 1))
	bin=$(fresh "$tool" "$n")
	: >"$tmp/run/$n/total" && : >"$tmp/run/$n/tools"
	(cd "$dir" && GOWORK=off GOFLAGS=-mod=mod "$bt" -o "$tmp/run/$n/total" \
		go vet -json -toolexec "$bt -tool $tool -o $tmp/run/$n/tools" -vettool="$bin" "$pat") \
		>/dev/null 2>"$tmp/run/$n/stderr" || true
	if [ "$(wc -l <"$tmp/run/$n/tools")" = 0 ] || grep -q 'exit=[1-9]' "$tmp/run/$n/total"; then
		echo "go vet -vettool=$tool $pat failed:" >&2
		head -n 20 "$tmp/run/$n/stderr" >&2
		exit 1
	fi
	awk '
		FNR == 1 { file++ }
		{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
		file == 1 { cpu = v["user"] + v["sys"]; wall = v["wall"] }
		file == 2 { tcpu += v["user"] + v["sys"]; if (v["maxrss"] > rss) rss = v["maxrss"] }
		END { printf "%.2f %.2f %d %.2f\n", cpu, wall, rss, tcpu }
	' "$tmp/run/$n/total" "$tmp/run/$n/tools" >>"$out"
}

# standalone TOOL OUT: TOOL std in an empty directory.
standalone() {
	local tool=$1 out=$2 f
	n=$((n + 1))
	mkdir -p "$tmp/run/$n"
	f=$tmp/run/$n/total
	(cd "$tmp/empty" && GOWORK=off "$bt" -o "$f" "$tmp/bin/$tool" std) >/dev/null 2>&1 || true
	grep -q 'exit=[0-3] *$' "$f" || { echo "$tool std failed: $(cat "$f")" >&2; exit 1; }
	awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		printf "%.2f %.2f %d %.2f\n", v["user"] + v["sys"], v["wall"], v["maxrss"], v["user"] + v["sys"] }' "$f" >>"$out"
}

# report NAME: per-pair figures and the median ratios.
report() {
	local name=$1 lp=$tmp/$1.lockpoison nl=$tmp/$1.nilness
	echo
	echo "## $name ($(wc -l <"$lp") pair(s))"
	printf '%-11s %-39s   %s\n' "" "lockpoison" "nilness"
	printf '%-11s %9s %9s %9s %9s   %9s %9s %9s %9s\n' "" "cpu s" "wall s" "rss MB" "tool-cpu" "cpu s" "wall s" "rss MB" "tool-cpu"
	paste -d' ' "$lp" "$nl" | awk '{ printf "pair %-6d %9.1f %9.1f %9.0f %9.1f   %9.1f %9.1f %9.0f %9.1f\n", NR, $1, $2, $3/1024, $4, $5, $6, $7/1024, $8 }'
	paste -d' ' "$lp" "$nl" | awk '
		function median(a, n,   i, j, t) {
			for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
			return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
		}
		{ c[NR] = $1/$5; w[NR] = $2/$6; r[NR] = $3/$7; t[NR] = $4/$8 }
		END { printf "median ratio lockpoison/nilness: cpu %.2fx  tool-cpu %.2fx  wall %.2fx  rss %.2fx\n",
			median(c, NR), median(t, NR), median(w, NR), median(r, NR) }'
}

for target in $targets; do
	case $target in
	std) dir=$tmp/empty pat=std ;;
	x/tools)
		v=$(GOWORK=off go list -m -f '{{.Version}}' golang.org/x/tools)
		src=$(cd "$tmp/empty" && GOWORK=off GOFLAGS=-mod=mod go mod download -json "golang.org/x/tools@$v" |
			sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
		dir=$tmp/x-tools pat=./...
		cp -R "$src/." "$dir/" 2>/dev/null || { mkdir -p "$dir" && cp -R "$src/." "$dir/"; }
		chmod -R u+w "$dir"
		;;
	*) echo "unknown target $target (std, x/tools)" >&2; exit 2 ;;
	esac
	name=vet-${target//\//-}
	echo "warming up $target ..." >&2
	vetrun lockpoison "$dir" "$pat" /dev/null
	vetrun nilness "$dir" "$pat" /dev/null
	: >"$tmp/$name.lockpoison" && : >"$tmp/$name.nilness"
	for i in $(seq "$pairs"); do
		echo "pair $i/$pairs ($target) ..." >&2
		if [ $((i % 2)) = 1 ]; then
			vetrun lockpoison "$dir" "$pat" "$tmp/$name.lockpoison"
			vetrun nilness "$dir" "$pat" "$tmp/$name.nilness"
		else
			vetrun nilness "$dir" "$pat" "$tmp/$name.nilness"
			vetrun lockpoison "$dir" "$pat" "$tmp/$name.lockpoison"
		fi
	done
	report "$name"
done

if [ "$spairs" -gt 0 ]; then
	: >"$tmp/standalone-std.lockpoison" && : >"$tmp/standalone-std.nilness"
	for i in $(seq "$spairs"); do
		echo "standalone pair $i/$spairs ..." >&2
		if [ $((i % 2)) = 1 ]; then
			standalone lockpoison "$tmp/standalone-std.lockpoison"
			standalone nilness "$tmp/standalone-std.nilness"
		else
			standalone nilness "$tmp/standalone-std.nilness"
			standalone lockpoison "$tmp/standalone-std.lockpoison"
		fi
	done
	report standalone-std
fi
