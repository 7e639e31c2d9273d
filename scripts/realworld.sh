#!/usr/bin/env bash
# realworld.sh [--quick] [--target NAME]... [--update] [--keep] [--list]
#
# Runs lockpoison under `go vet -vettool` over real code it was not written
# for — the Go standard library, modules of the project's dependency graph,
# real services and libraries downloaded through the module proxy — and
# checks the findings against the checked-in, triaged lists:
#
#   testdata/realworld/findings/NAME.txt   one file per target, one line per
#                                          finding:
#                                          check<TAB>file:line<TAB>message
#   docs/realworld.md                      a verdict for each finding (true
#                                          bug / true risk / false positive)
#                                          in the section "### NAME", counts
#
# It fails (exit 1) when a finding appears or disappears (with a diff), when
# a finding has no verdict in the report or a row of the report is stale,
# when a module cannot be downloaded, when a target yields fewer packages
# than its minimum (a pattern or a module that silently shrank), and on any
# analyzer error or panic.
#
#   --quick        the CI subset: the canary (a checked-in module of real bug
#                  shapes, testdata/realworld/canary, whose expected findings
#                  are not empty: an analyzer that reports nothing fails
#                  here), a few std packages, x/sync. A few minutes on 2
#                  cores with a warm build cache.
#   --target NAME  run only this target (repeatable; see --list)
#   --update       rewrite the findings files of the targets that ran; add a
#                  row marked "untriaged" to docs/realworld.md for each new
#                  finding and mark each stale row; rewrite the counts. Then
#                  give every untriaged row a verdict and delete stale rows
#                  (the run fails until then).
#   --keep         keep the temporary directory (raw go vet output)
#   --list         print the targets and exit
#
# Each module target is copied from the module cache (downloaded through the
# proxy if missing; replace directives that point to a directory are
# dropped, as the sibling directories are not in the module zip) and vetted
# with `go vet PATTERNS` inside it; its dependencies are analysed for facts,
# but go vet prints findings only for the named packages. Library targets
# (mode "lib") run with -assume-recovered=exported.
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

# The whole script is one compound command, which bash reads before it runs
# any of it: editing this file during a (long) run cannot break that run.
{
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

gcl_version=v2.15.0 # as in scripts/build-golangci-lint.sh
# Module versions of the project's own graph: those of go.mod.
modver() { GOWORK=off go list -m -f '{{.Version}}' "$1"; }

# The targets, one a line:
#   NAME SET MODE MINPKGS SOURCE PATTERNS...
# SET: quick (in --quick and the full run), full (full run only), std-quick
# style subsets name their report section after a colon (quick:std: the
# findings are a subset of section std's). MODE: default or lib
# (-assume-recovered=exported), optionally :TAGS, build tags for go list
# and go vet (syncthing's GUI assets are generated; its noassets tag stubs
# them, as in its own tests). MINPKGS: the run fails when the patterns
# match fewer packages. SOURCE: std, local:DIR (a directory of this
# repository), or MODULE@VERSION (pinned, so the findings are stable).
#
# Order matters: the targets run in this order with one tool ID, and a std
# package analysed earlier as a dependency of another target (facts only)
# would hit vet's cache as a root and print nothing (see "Caching"), so the
# std targets come first. Module targets are vetted in their own copies
# (other paths than the module cache), so they do not collide.
targets() {
	cat <<EOF
std-quick     quick:std    default 8    std net/http debug/gosym testing go/types log/slog os/user runtime sync
std           full         default 300  std std
canary        quick        default 1    local:testdata/realworld/canary ./...
x-sync        quick        default 4    golang.org/x/sync@$(modver golang.org/x/sync) ./...
x-tools       full         default 200  golang.org/x/tools@$(modver golang.org/x/tools) ./...
x-mod         full         default 10   golang.org/x/mod@$(modver golang.org/x/mod) ./...
golangci-lint full         default 150  github.com/golangci/golangci-lint/v2@$gcl_version ./...
nats-server   full         default 15   github.com/nats-io/nats-server/v2@v2.15.3 ./...
nsq           full         default 25   github.com/nsqio/nsq@v1.3.0 ./...
etcd-server   full         default 45   go.etcd.io/etcd/server/v3@v3.7.3 ./...
syncthing     full         default:noassets 80 github.com/syncthing/syncthing@v1.30.0 ./...
raft          full         default 2    github.com/hashicorp/raft@v1.8.0 ./...
raft-lib      full         lib     2    github.com/hashicorp/raft@v1.8.0 ./...
memberlist    full         default 2    github.com/hashicorp/memberlist@v0.7.0 ./...
memberlist-lib full        lib     2    github.com/hashicorp/memberlist@v0.7.0 ./...
serf          full         default 8    github.com/hashicorp/serf@v0.11.0 ./...
yamux-lib     full         lib     1    github.com/hashicorp/yamux@v0.1.2 ./...
bbolt-lib     full         lib     10   go.etcd.io/bbolt@v1.5.0 ./...
lru-lib       full         lib     3    github.com/hashicorp/golang-lru/v2@v2.0.7 ./...
EOF
}

quick=false update=false keep=false list=false
selected=()
while [ $# -gt 0 ]; do
	case $1 in
	--quick) quick=true ;;
	--update) update=true ;;
	--keep) keep=true ;;
	--list) list=true ;;
	--target)
		[ $# -ge 2 ] || { echo "--target needs a name" >&2; exit 2; }
		selected+=("$2")
		shift
		;;
	--target=*) selected+=("${1#--target=}") ;;
	*) echo "usage: $0 [--quick] [--target NAME]... [--update] [--keep] [--list]" >&2; exit 2 ;;
	esac
	shift
done

if $list; then
	targets | awk '{printf "%-15s %-10s %-8s %s\n", $1, $2, $3, $5}'
	exit 0
fi

# The targets to run.
run=()
while read -r name set _; do
	if [ ${#selected[@]} -gt 0 ]; then
		for s in "${selected[@]}"; do [ "$s" = "$name" ] && run+=("$name"); done
	elif $quick; then
		[[ $set == quick* ]] && run+=("$name")
	else
		[[ $set == quick:* ]] || run+=("$name") # a full run has std, not std-quick
	fi
done < <(targets)
for s in "${selected[@]}"; do
	targets | awk -v n="$s" '$1 == n {f=1} END {exit !f}' || { echo "unknown target $s (see --list)" >&2; exit 2; }
done
[ ${#run[@]} -gt 0 ] || { echo "no target selected" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/realworld.XXXXXX")
if $keep; then
	echo "keeping $tmp"
else
	trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fi

echo "== build"
go build -o "$tmp/bin/lockpoison" ./cmd/lockpoison
go build -o "$tmp/bin/rwcheck" ./scripts/rwcheck
printf '\nrealworld-nonce %s %s\n' "$(date +%s.%N)" "$$" >>"$tmp/bin/lockpoison" # fresh tool ID: see above
tool=$tmp/bin/lockpoison
status=0

# module_copy MODULE@VERSION: a writable copy of the module's source, with
# directory replacements dropped. Exits the script if the download fails.
module_copy() {
	local json dir dst=$tmp/src/$1
	if ! json=$(cd "$tmp" && GOWORK=off GOFLAGS=-mod=mod go mod download -json "$1" 2>&1); then
		echo "FAIL: go mod download $1:" >&2
		echo "$json" >&2
		exit 1
	fi
	dir=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
	[ -n "$dir" ] && [ -d "$dir" ] || { echo "FAIL: go mod download $1:" >&2; echo "$json" >&2; exit 1; }
	if [ ! -d "$dst" ]; then
		mkdir -p "$dst"
		cp -R "$dir/." "$dst/"
		chmod -R u+w "$dst"
		[ -f "$dst/go.mod" ] || { echo "FAIL: $1 has no go.mod" >&2; exit 1; }
		local r
		for r in $(cd "$dst" && go mod edit -json | "$tmp/bin/rwcheck" localreplaces); do
			(cd "$dst" && go mod edit -dropreplace="$r")
		done
	fi
	echo "$dst"
}

goroot=$(go env GOROOT)
mkdir -p "$tmp/empty" "$tmp/found" # empty: outside any module, for std
triage_args=()
echo "== go vet -vettool=lockpoison ($(go version | awk '{print $3}')): ${run[*]}"
for name in "${run[@]}"; do
	read -r _ set mode min source patterns < <(targets | awk -v n="$name" '$1 == n')
	section=$name subset=
	if [[ $set == *:* ]]; then
		section=${set#*:} subset=,subset
	fi
	case $source in
	std) dir=$tmp/empty posroot=$goroot/src prefix='$GOROOT/src' ;;
	local:*) dir=$root/${source#local:} posroot=$dir prefix=${source#local:} ;;
	*) dir=$(module_copy "$source") || exit 1; posroot=$dir prefix=$source ;;
	esac
	tags=() flags=()
	if [[ $mode == *:* ]]; then
		tags=("-tags=${mode#*:}")
		mode=${mode%%:*}
	fi
	[ "$mode" = lib ] && flags=(-assume-recovered=exported)
	start=$SECONDS
	# shellcheck disable=SC2086 # patterns are words
	npkg=$(cd "$dir" && GOWORK=off GOFLAGS=-mod=mod go list "${tags[@]}" $patterns 2>"$tmp/$name.list.stderr" | wc -l) || true
	if [ "$npkg" -lt "$min" ]; then
		echo "FAIL $name: $npkg package(s), fewer than the $min expected:" >&2
		head -n 20 "$tmp/$name.list.stderr" >&2
		status=1
	fi
	rc=0
	# shellcheck disable=SC2086
	(cd "$dir" && GOWORK=off GOFLAGS=-mod=mod go vet "${tags[@]}" -vettool="$tool" "${flags[@]}" -json $patterns) \
		>"$tmp/$name.json" 2>"$tmp/$name.stderr" || rc=$?
	# Under -json, go vet exits 0 with findings; anything else is a failure
	# of the tool or the build.
	if [ "$rc" != 0 ] || grep -qE 'panic:|internal error|fatal error:' "$tmp/$name.stderr"; then
		echo "FAIL $name: go vet exited with $rc:" >&2
		head -n 50 "$tmp/$name.stderr" >&2
		if grep -q 'go-build/.*no such file or directory' "$tmp/$name.stderr"; then
			echo "($name: files of the build cache vanished during the run: another process cleaned $(go env GOCACHE); run again)" >&2
		fi
		status=1
	fi
	found=$tmp/found/$name.txt
	if ! "$tmp/bin/rwcheck" normalize -prefix "$prefix" -root "$posroot" <"$tmp/$name.json" >"$found"; then
		echo "FAIL $name: analyzer errors (above)" >&2
		status=1
	fi
	echo "$name ($mode): $npkg package(s), $(wc -l <"$found") finding(s) in $((SECONDS - start))s"

	record=true
	if [ "$name" = canary ]; then
		# The canary's findings are known without the expected file: each
		# line marked "// BUG check" and nothing else. So --update cannot
		# accept an analyzer that lost a bug or reports a correct form.
		(cd "$dir" && grep -Hn '// BUG ' ./*.go) |
			sed -E 's|^\./([^:]+):([0-9]+):.*// BUG ([a-z-]+).*|\3\t'"$prefix"'/\1:\2|' | LC_ALL=C sort >"$tmp/canary.bugs"
		if [ ! -s "$tmp/canary.bugs" ] || ! diff -u --label "canary: // BUG lines" --label "canary: this run" "$tmp/canary.bugs" <(cut -f1,2 "$found" | LC_ALL=C sort); then
			echo "FAIL canary: the findings are not the lines marked // BUG (above)" >&2
			status=1 record=false # --update does not record a broken canary
		fi
	fi
	want=testdata/realworld/findings/$name.txt
	if $update && $record; then
		mkdir -p "$(dirname "$want")"
		cp "$found" "$want"
	elif $update; then
		:
	elif [ ! -f "$want" ]; then
		echo "FAIL $name: no $want (run with --update --target $name, then triage)" >&2
		status=1
	elif ! diff -u --label "$want" --label "$name (this run)" <(cut -f1,2 "$want") <(cut -f1,2 "$found"); then
		# A finding is its check and position; a reworded message alone is
		# reported below but does not fail the run.
		echo "FAIL $name: the findings changed (above: - expected, + this run)." >&2
		echo "If the change is intended, run $0 --target $name --update and triage each new finding in docs/realworld.md." >&2
		status=1
	elif ! cmp -s "$want" "$found"; then
		echo "note: $name: messages changed (not a failure; --update refreshes $want):"
		diff "$want" "$found" || true
	fi
	triage_args+=("$section=$found$subset")
done

echo "== triage (docs/realworld.md)"
flag=()
$update && flag=(-update)
"$tmp/bin/rwcheck" triage "${flag[@]}" docs/realworld.md "${triage_args[@]}" || status=1
exit "$status"
}
