#!/usr/bin/env bash
# integration.sh [go test flags...]
#
# Builds (or reuses) golangci-lint and gopls with lockpoison compiled in, then
# runs the integration tests in ./integration with both binaries:
#
#   scripts/integration.sh                 # everything
#   scripts/integration.sh -run Gopls      # extra flags go to `go test`
#
# Binaries are cached in $LOCKPOISON_CACHE (default ~/.cache/lockpoison) and
# rebuilt only when the analyzer/plugin/runtime sources, go.mod/go.sum, the
# build scripts or the Go version change. Needs only the Go module proxy (no
# git). First build: a few minutes; cached runs: seconds plus the tests.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${LOCKPOISON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lockpoison}
mkdir -p "$cache"

golangci=$cache/golangci-lint
goplsbin=$cache/gopls

# The two builds are independent; run them side by side and wait for both.
"$root/scripts/build-golangci-lint.sh" "$golangci" >"$cache/golangci-lint.log" 2>&1 &
gcl_pid=$!
"$root/scripts/build-gopls.sh" "$goplsbin" >"$cache/gopls.log" 2>&1 &
gopls_pid=$!
status=0
if ! wait "$gcl_pid"; then
	echo "building golangci-lint failed:" >&2
	cat "$cache/golangci-lint.log" >&2
	status=1
fi
if ! wait "$gopls_pid"; then
	echo "building gopls failed:" >&2
	cat "$cache/gopls.log" >&2
	status=1
fi
[ "$status" = 0 ] || exit "$status"
tail -n 1 "$cache/golangci-lint.log" "$cache/gopls.log"

cd "$root"
if [ $# -eq 0 ]; then
	set -- -run . -count=1 -v
fi
LOCKPOISON_GOLANGCI=$golangci LOCKPOISON_GOPLS=$goplsbin \
	go test ./integration/ -timeout 30m "$@"
