#!/usr/bin/env bash
# realworld.sh [--quick] [--update] [--keep]
#
# Runs lockpoison under `go vet -vettool` over real code it was not written
# for — the Go standard library and modules of the project's dependency
# graph — and checks the findings against the checked-in, triaged list:
#
#   testdata/realworld/findings.txt        one line per finding:
#                                          check<TAB>file:line<TAB>message
#   docs/realworld.md                      a verdict for each (true bug /
#                                          true risk / false positive), counts
#
# It fails (exit 1) when a finding appears or disappears (with a diff), when
# a finding has no verdict in the report or a row of the report is stale,
# and on any analyzer error or panic.
#
#   --update   rewrite findings.txt (and the counts in the report) from this
#              run; then give every new finding a verdict in docs/realworld.md
#   --quick    the CI subset (a few std packages with findings, x/sync): a
#              few minutes on 2 cores with a warm build cache. Compared with
#              testdata/realworld/findings-quick.txt.
#   --keep     keep the temporary directory (raw go vet output)
#
# Targets (full run): std; golang.org/x/tools, x/mod, x/sync at the versions
# in go.mod; golangci-lint at the version scripts/build-golangci-lint.sh
# builds. Each module is copied from the module cache (downloaded through the
# proxy if missing) and vetted with `go vet ./...` inside it; its
# dependencies are analysed for facts, but go vet prints findings only for the
# named packages.
#
# Caching: go vet keys its result cache (facts and printed diagnostics) by the
# vet tool's ID, which for a singlechecker is the SHA-256 of the binary's
# content (-V=full), not its path. A package that was analysed only as a
# dependency (facts only, no diagnostics printed) and later vetted as a root
# with the same tool ID hits the cache and prints nothing, so findings could
# silently disappear between runs. The script therefore appends a fresh nonce
# to its copy of the binary (an ELF file runs the same with trailing bytes):
# every run has a new tool ID, so analysis results are cold while compile
# outputs stay warm.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
update=false quick=false keep=false
for arg in "$@"; do
	case $arg in
	--update) update=true ;;
	--quick) quick=true ;;
	--keep) keep=true ;;
	*) echo "usage: $0 [--quick] [--update] [--keep]" >&2; exit 2 ;;
	esac
done

gcl_version=v2.15.0 # as in scripts/build-golangci-lint.sh
# Module versions: those of go.mod, so the targets are the project's own
# dependency graph.
modver() { (cd "$root" && GOWORK=off go list -m -f '{{.Version}}' "$1"); }

# Std packages for --quick: those with findings (net/http, debug/gosym,
# testing) and robustness shapes (go/types: big generic code; runtime:
# assembly, linkname; os/user: cgo; log/slog, sync: lock-heavy).
quick_std=(net/http debug/gosym testing go/types log/slog os/user runtime sync)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/realworld.XXXXXX")
if $keep; then
	echo "keeping $tmp"
else
	trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fi

cd "$root"
echo "== build"
go build -o "$tmp/bin/lockpoison" ./cmd/lockpoison
go build -o "$tmp/bin/rwcheck" ./scripts/rwcheck
printf '\nrealworld-nonce %s %s\n' "$(date +%s.%N)" "$$" >>"$tmp/bin/lockpoison" # fresh tool ID: see above
tool=$tmp/bin/lockpoison

findings=$tmp/findings.txt
: >"$findings"
status=0

# vet NAME PREFIX ROOT DIR PATTERNS...: go vet the patterns inside DIR, with
# positions under ROOT shown as PREFIX/...
vet() {
	local name=$1 prefix=$2 posroot=$3 dir=$4
	shift 4
	local start=$SECONDS rc=0
	(cd "$dir" && GOWORK=off GOFLAGS=-mod=mod go vet -vettool="$tool" -json "$@") \
		>"$tmp/$name.json" 2>"$tmp/$name.stderr" || rc=$?
	# Under -json, go vet exits 0 with findings; anything else is a failure
	# of the tool or the build.
	if [ "$rc" != 0 ] || grep -qE 'panic:|internal error|fatal error:' "$tmp/$name.stderr"; then
		echo "FAIL $name: go vet exited with $rc:" >&2
		head -n 50 "$tmp/$name.stderr" >&2
		status=1
	fi
	local n0 n
	n0=$(wc -l <"$findings")
	if ! "$tmp/bin/rwcheck" normalize -prefix "$prefix" -root "$posroot" <"$tmp/$name.json" >>"$findings"; then
		echo "FAIL $name: analyzer errors (above)" >&2
		status=1
	fi
	n=$(($(wc -l <"$findings") - n0))
	echo "$name: $n finding(s) in $((SECONDS - start))s"
}

# module_copy MODULE@VERSION: a writable copy of the module's source.
module_copy() {
	local json dir
	json=$(cd "$tmp" && GOWORK=off GOFLAGS=-mod=mod go mod download -json "$1")
	dir=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
	[ -n "$dir" ] && [ -d "$dir" ] || { echo "go mod download $1 failed:" >&2; echo "$json" >&2; exit 1; }
	mkdir -p "$tmp/src/$1"
	cp -R "$dir/." "$tmp/src/$1/"
	chmod -R u+w "$tmp/src/$1"
	echo "$tmp/src/$1"
}

goroot=$(go env GOROOT)
echo "== go vet -vettool=lockpoison ($(go version | awk '{print $3}'))"
mkdir -p "$tmp/empty" # outside any module, for std
sync=golang.org/x/sync@$(modver golang.org/x/sync)
if $quick; then
	vet std '$GOROOT/src' "$goroot/src" "$tmp/empty" "${quick_std[@]}"
	d=$(module_copy "$sync") && vet sync "$sync" "$d" "$d" ./...
	want=testdata/realworld/findings-quick.txt
else
	vet std '$GOROOT/src' "$goroot/src" "$tmp/empty" std
	for m in "golang.org/x/tools@$(modver golang.org/x/tools)" "golang.org/x/mod@$(modver golang.org/x/mod)" "$sync" \
		"github.com/golangci/golangci-lint/v2@$gcl_version"; do
		d=$(module_copy "$m") && name=${m%@*} && vet "${name//\//_}" "$m" "$d" "$d" ./...
	done
	want=testdata/realworld/findings.txt
fi
LC_ALL=C sort -u -o "$findings" "$findings"
echo "total: $(wc -l <"$findings") finding(s)"

if $update; then
	mkdir -p "$(dirname "$want")"
	cp "$findings" "$want"
	echo "wrote $want"
elif ! diff -u <(cut -f1,2 "$want") <(cut -f1,2 "$findings"); then
	# A finding is its check and position; a reworded message alone is
	# reported below but does not fail the run.
	echo "FAIL: the findings changed (above: - expected, + this run)." >&2
	mode=
	$quick && mode="--quick "
	echo "If the change is intended, run $0 $mode--update and triage each new finding in docs/realworld.md." >&2
	status=1
elif ! cmp -s "$want" "$findings"; then
	echo "note: messages changed (not a failure; --update refreshes $want):"
	diff "$want" "$findings" || true
fi

echo "== triage (docs/realworld.md)"
if $quick; then
	# The quick findings are a subset of the full ones: check each has a
	# verdict, without requiring every row of the report to be present.
	missing=0
	while IFS=$'\t' read -r check loc _; do
		grep -qF "\`$loc\`" docs/realworld.md || { echo "no verdict in docs/realworld.md for $check $loc" >&2; missing=1; }
	done <"$findings"
	[ "$missing" = 0 ] || status=1
else
	flag=()
	$update && flag=(-update)
	"$tmp/bin/rwcheck" triage "${flag[@]}" docs/realworld.md "$findings" || status=1
fi
exit "$status"
