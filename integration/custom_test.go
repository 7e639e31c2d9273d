package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeGit stands in for `git clone --branch vX ... golangci-lint.git`, which
// `golangci-lint custom` runs: it copies the golangci-lint module source from
// the Go module proxy/cache instead, so the test needs no GitHub access.
const fakeGit = `#!/usr/bin/env bash
set -euo pipefail
[ "$1" = clone ] || { echo "fake git: only clone is supported: $*" >&2; exit 1; }
version=
while [ $# -gt 0 ]; do
	case $1 in --branch) version=$2; shift ;; esac
	shift
done
dir=$(GOFLAGS=-mod=mod go mod download -json "github.com/golangci/golangci-lint/v2@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
mkdir -p golangci-lint
cp -R "$dir/." golangci-lint/
chmod -R u+w golangci-lint
`

// TestGolangciCustom builds golangci-lint from .custom-gcl.yml with
// `golangci-lint custom`, as users do, and runs it on the fixture. It takes
// minutes (custom always rebuilds), so it runs only with
// LOCKPOISON_TEST_CUSTOM=1.
func TestGolangciCustom(t *testing.T) {
	bin := golangci(t) // any golangci-lint v2 binary has the custom command
	if os.Getenv("LOCKPOISON_TEST_CUSTOM") != "1" {
		t.Skip("set LOCKPOISON_TEST_CUSTOM=1 to build golangci-lint with `golangci-lint custom` (slow)")
	}
	gitDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(gitDir, "git"), []byte(fakeGit), 0o755); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	e := env("PATH=" + gitDir + string(os.PathListSeparator) + os.Getenv("PATH"))
	// .custom-gcl.yml points at the plugin with `path: .`, relative to the
	// working directory: run from the repository root.
	r := run(t, repoRoot(t), e, 20*time.Minute, bin, "custom", "-v", "--destination", dest)
	if r.code != 0 {
		t.Fatalf("golangci-lint custom failed:\n%s", r)
	}
	custom := filepath.Join(dest, "golangci-lint-lockpoison")
	dir, _, line := golangciFixture(t)
	r = run(t, dir, golangciEnv(t), golangciTimeout, custom, "run", "--output.text.path=stdout", "./...")
	if !hasFinding(r.stdout, "sample.go", line, wantMessage) || !strings.Contains(r.stdout, "(lockpoison)") {
		t.Errorf("custom binary: no lockpoison finding at sample.go:%d:\n%s", line, r)
	}
}
