#!/usr/bin/env bash
# build-gopls.sh OUT
#
# Builds gopls with lockpoison added to its analyzers. gopls has no plugin
# mechanism (golang/go#59869), so this copies the gopls module source from the
# module proxy / module cache, adds lockpoison to the analyzer list in
# internal/settings/analysis.go (enabled by default, severity warning, like
# nilness), points github.com/lockpoison/lockpoison at this checkout and
# builds. golang.org/x/tools is pinned (replace) to the exact version that
# gopls itself requires, because gopls uses x/tools internals that change
# between versions; lockpoison's analyzer is compiled against that version.
#
# Skips the build when OUT exists and OUT.stamp matches a hash of the
# analyzer/plugin/runtime sources, go.mod/go.sum, this script, the Go version
# and the gopls version.
#
# Environment:
#   GOPLS_VERSION       gopls version (default v0.23.0)
#   LOCKPOISON_FORCE=1  rebuild even if the stamp matches
set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 OUT" >&2
	exit 2
fi
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

version=${GOPLS_VERSION:-v0.23.0}
begin_build "$1" "gopls $version" "golang.org/x/tools/gopls@$version"

# The x/tools version this gopls release was built and tested with.
tools=$(go list -m -f '{{.Version}}' golang.org/x/tools)
[ -n "$tools" ] || { echo "cannot find gopls's golang.org/x/tools version" >&2; exit 1; }

f=internal/settings/analysis.go
anchor='{analyzer: nilness.Analyzer}'
if ! grep -qF "$anchor" "$f" || ! grep -qF '"golang.org/x/tools/gopls/internal/protocol"' "$f"; then
	echo "$f: cannot find where to add lockpoison (gopls $version changed its analyzer list?)" >&2
	exit 1
fi
awk -v anchor="$anchor" '
	index($0, "\"golang.org/x/tools/gopls/internal/protocol\"") {
		print
		print "\tlockpoison \"github.com/lockpoison/lockpoison/analyzer\""
		next
	}
	index($0, anchor) && !done {
		match($0, /^[ \t]*/)
		print substr($0, 1, RLENGTH) "{analyzer: lockpoison.Analyzer}, // added by lockpoison scripts/build-gopls.sh"
		done = 1
	}
	{ print }
' "$f" >"$f.new"
mv "$f.new" "$f"
gofmt -l "$f" >/dev/null

go mod edit \
	-require=github.com/lockpoison/lockpoison@v0.0.0 \
	-replace=github.com/lockpoison/lockpoison="$root" \
	-replace=golang.org/x/tools=golang.org/x/tools@"$tools"

go build -trimpath -ldflags "-s -w" -o "$out.tmp" .
mv -f "$out.tmp" "$out"
printf '%s\n' "$stamp" >"$out.stamp"
"$out" version >&2 || true
echo "$out"
