package integration

import (
	"os"
	"os/exec"
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

// customGcl reads the keys of .custom-gcl.yml that a build needs (a flat
// reading: the first `key: value` of each key, comments dropped).
func customGcl(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	kv := map[string]string{}
	for _, l := range strings.Split(string(data), "\n") {
		l, _, _ = strings.Cut(l, "#")
		l = strings.TrimLeft(strings.TrimSpace(l), "- ")
		k, v, ok := strings.Cut(l, ":")
		if _, dup := kv[k]; ok && !dup && v != "" {
			kv[k] = strings.TrimSpace(v)
		}
	}
	return kv
}

// TestGolangciCustomConfig: .custom-gcl.yml (the `golangci-lint custom`
// path users follow, which needs a git clone) describes what
// scripts/build-golangci-lint.sh builds in CI: the script takes its
// golangci-lint version, plugin module and import from the file, the
// module is this one, the import is the plugin package, path is the
// checkout; and the binary CI built (LOCKPOISON_GOLANGCI) is that version.
func TestGolangciCustomConfig(t *testing.T) {
	cfg := customGcl(t)
	cmd := exec.Command("bash", filepath.Join(repoRoot(t), "scripts", "build-golangci-lint.sh"), "--plan")
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_VERSION=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("build-golangci-lint.sh --plan: %v\n%s", err, out)
	}
	plan := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		k, v, _ := strings.Cut(l, " ")
		plan[k] = v
	}
	for _, k := range []string{"version", "module", "import"} {
		if plan[k] == "" || plan[k] != cfg[k] {
			t.Errorf("build script %s %q, .custom-gcl.yml %q", k, plan[k], cfg[k])
		}
	}
	gomod, err := os.ReadFile(filepath.Join(repoRoot(t), "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	module := strings.TrimSpace(strings.TrimPrefix(strings.SplitN(string(gomod), "\n", 2)[0], "module"))
	if cfg["module"] != module || cfg["import"] != module+"/plugin" || cfg["path"] != "." {
		t.Errorf(".custom-gcl.yml: module %q import %q path %q, want %s, %s/plugin, .", cfg["module"], cfg["import"], cfg["path"], module, module)
	}
	if cfg["name"] != "golangci-lint-lockpoison" || cfg["destination"] != "./bin" {
		t.Errorf(".custom-gcl.yml: name %q destination %q, want the ./bin/golangci-lint-lockpoison the docs run", cfg["name"], cfg["destination"])
	}
	if bin := os.Getenv("LOCKPOISON_GOLANGCI"); bin != "" {
		r := run(t, t.TempDir(), env(), time.Minute, bin, "version")
		if !strings.Contains(r.stdout+r.stderr, strings.TrimPrefix(cfg["version"], "v")) {
			t.Errorf("the golangci-lint CI built is not version %s:\n%s", cfg["version"], r)
		}
	}
}
