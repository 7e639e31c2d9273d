#!/usr/bin/env bash
# mutants.sh [--only NAME]... [--fast] [--keep] [--list]
#
# Mutation audit of the test suite: applies each mutation of
# scripts/mutate/list.go (one deliberate bug: the analyzer reports nothing,
# Mutex.Unlock never poisons, ...) to a scratch copy of the project, runs
# `go test -count=1` on the packages whose tests must catch it (and
# scripts/realworld.sh where the mutation is about the real-world run), and
# prints which tests failed. Every mutant must be killed: the script exits 1
# when one survives, when a mutation no longer applies (its function or code
# fragment was not found: update scripts/mutate/list.go) or when a mutant
# does not compile. It ends with a summary table.
#
#   --only NAME  run only this mutation (repeatable; see --list)
#   --fast       run only the tests expected to catch each mutant (go test
#                -run), not the whole packages
#   --keep       keep the scratch copies
#   --list       print the mutations and exit
#
# Not part of CI: --fast took 7 minutes for 17 mutants on an idle 2-core
# machine (2026-12-01; 42 minutes for 15 on a busy one); the full run, where
# each analyzer mutant runs the analyzer's whole suite, takes longer.
set -euo pipefail
{
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

only=() fast=0 keep=0 list=0
while [ $# -gt 0 ]; do
	case $1 in
	--only)
		[ $# -ge 2 ] || { echo "--only needs a name" >&2; exit 2; }
		only+=("$2"); shift ;;
	--fast) fast=1 ;;
	--keep) keep=1 ;;
	--list) list=1 ;;
	*) echo "usage: $0 [--only NAME]... [--fast] [--keep] [--list]" >&2; exit 2 ;;
	esac
	shift
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lockpoison-mutants.XXXXXX")
if [ "$keep" = 1 ]; then
	echo "scratch copies kept in $tmp" >&2
else
	trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fi
go build -o "$tmp/mutate" ./scripts/mutate
"$tmp/mutate" list >"$tmp/list"

if [ "$list" = 1 ]; then
	cut -d';' -f1 "$tmp/list"
	exit 0
fi
for n in "${only[@]}"; do
	cut -d';' -f1 "$tmp/list" | grep -qx -- "$n" || { echo "unknown mutation $n (see --list)" >&2; exit 2; }
done

status=0
summary=()
start_all=$SECONDS
while IFS=';' read -r name pkgs run rw; do
	if [ ${#only[@]} -gt 0 ] && ! printf '%s\n' "${only[@]}" | grep -qx -- "$name"; then
		continue
	fi
	t0=$SECONDS
	echo "=== $name" >&2
	dir=$tmp/$name
	mkdir -p "$dir"
	tar -C "$root" --exclude=./.git -cf - . | tar -C "$dir" -xf -
	if ! "$tmp/mutate" apply "$name" "$dir" 2>"$tmp/$name.apply"; then
		cat "$tmp/$name.apply" >&2
		summary+=("$(printf '%-32s %-9s %s' "$name" STALE "$(head -1 "$tmp/$name.apply")")")
		status=1
		continue
	fi
	failed=()
	if [ -n "$pkgs" ]; then
		# Compile only (a TestMain may run checks that hang on a mutant).
		mkdir -p "$tmp/bin.$name"
		# shellcheck disable=SC2086 # pkgs is a list of package patterns
		if ! (cd "$dir" && go test -c -o "$tmp/bin.$name/" $pkgs >"$tmp/$name.build" 2>&1); then
			echo "mutation $name does not compile:" >&2
			cat "$tmp/$name.build" >&2
			summary+=("$(printf '%-32s %-9s %s' "$name" NOBUILD "fix the mutation in scripts/mutate/list.go")")
			status=1
			continue
		fi
		runflag=()
		if [ "$fast" = 1 ] && [ -n "$run" ]; then
			runflag=(-run "$run")
		fi
		# shellcheck disable=SC2086
		if ! (cd "$dir" && go test -count=1 -timeout 600s "${runflag[@]}" $pkgs >"$tmp/$name.out" 2>&1); then
			# Top-level tests that failed, by package.
			mapfile -t failed < <(awk '
				/^--- FAIL: / { t[++n] = $3 }
				/^(FAIL|ok)[ \t]/ && $2 != "" {
					for (i = 1; i <= n; i++) print $2 ":" t[i]
					if ($1 == "FAIL" && n == 0) print $2 ":(exit status)"
					n = 0
				}
				/^panic: / && !p { p = 1; print "(panic) " substr($0, 1, 60) }
				/^FAIL: / && !q { q = 1; print "(TestMain) " substr($0, 7, 60) }
			' "$tmp/$name.out" | sed "s|^github.com/lockpoison/lockpoison/||" | sort -u)
			[ ${#failed[@]} -gt 0 ] || failed=("go test failed")
		fi
	fi
	if [ -n "$rw" ]; then
		# shellcheck disable=SC2086 # rw is a list of arguments
		if ! (cd "$dir" && bash scripts/realworld.sh $rw >"$tmp/$name.rw" 2>&1); then
			failed+=("realworld.sh $rw")
		fi
	fi
	secs=$((SECONDS - t0))
	if [ ${#failed[@]} -eq 0 ]; then
		echo "SURVIVED: $name ($pkgs${rw:+, realworld.sh $rw})" >&2
		summary+=("$(printf '%-32s %-9s %4ds  %s' "$name" SURVIVED "$secs" "no test failed")")
		status=1
	else
		list=$(printf '%s, ' "${failed[@]:0:6}")
		list=${list%, }
		[ ${#failed[@]} -le 6 ] || list="$list (+$((${#failed[@]} - 6)) more)"
		echo "killed: $name by $list" >&2
		summary+=("$(printf '%-32s %-9s %4ds  %s' "$name" killed "$secs" "$list")")
	fi
	if [ "$keep" = 0 ]; then
		chmod -R u+w "$dir" 2>/dev/null || true
		rm -rf "$dir"
	fi
done <"$tmp/list"

echo
printf '%-32s %-9s %5s  %s\n' mutant result time "failed tests (package:test)"
printf '%s\n' "${summary[@]}"
echo "total $((SECONDS - start_all))s$([ "$fast" = 1 ] && echo ', --fast')"
exit "$status"
}
