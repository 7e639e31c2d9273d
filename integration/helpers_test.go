package integration

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// marker is the comment on the fixture line where lockpoison must report.
const marker = "// lock-leak reported here"

// wantMessage is a stable part of the lock-leak message for the fixture.
const wantMessage = "c.mu stays locked"

// repoRoot is the lockpoison module root.
func repoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot find the source file")
	}
	return filepath.Dir(filepath.Dir(file))
}

// copyFixture copies integration/testdata/NAME to a fresh temporary
// directory and returns it.
func copyFixture(t testing.TB, name string) string {
	t.Helper()
	src := filepath.Join(repoRoot(t), "integration", "testdata", name)
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// markerLine returns the 1-based line of marker in file.
func markerLine(t testing.TB, file string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		if strings.Contains(sc.Text(), marker) {
			return n
		}
	}
	t.Fatalf("%s: no line with %q", file, marker)
	return 0
}

// env returns the environment for tools run on a fixture: no workspace, no
// toolchain switch, and GOFLAGS without -mod=vendor surprises.
func env(extra ...string) []string {
	e := os.Environ()
	e = append(e, "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod")
	return append(e, extra...)
}

// result is the outcome of one command.
type result struct {
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return "exit " + strconv.Itoa(r.code) + "\n--- stdout:\n" + clip(r.stdout) + "\n--- stderr:\n" + clip(r.stderr)
}

// clip shortens long tool output for the test log.
func clip(s string) string {
	const max = 6000
	if len(s) <= max {
		return s
	}
	return s[:max/2] + "\n[... " + strconv.Itoa(len(s)-max) + " bytes clipped ...]\n" + s[len(s)-max/2:]
}

// run runs name args in dir and returns its outputs and exit code. It fails
// the test if the command cannot be started or runs longer than timeout.
func run(t testing.TB, dir string, environ []string, timeout time.Duration, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = environ
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && ctx.Err() == nil:
		r.code = exit.ExitCode()
	default:
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, r)
	}
	t.Logf("$ %s %s  (in %s)\n%s", name, strings.Join(args, " "), dir, r)
	return r
}

var (
	buildMu sync.Mutex
	built   = map[string]string{}
	failed  = map[string]string{}
	binDir  string
)

// buildTool builds the lockpoison command at ./cmd/NAME once per test binary
// and returns its path. Each test run builds into a fresh directory, so go
// vet never sees a stale tool.
func buildTool(t testing.TB, name string) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if p, ok := built[name]; ok {
		return p
	}
	if msg, ok := failed[name]; ok {
		t.Fatal(msg)
	}
	if binDir == "" {
		d, err := os.MkdirTemp("", "lockpoison-integration-bin")
		if err != nil {
			t.Fatal(err)
		}
		binDir = d
	}
	out := filepath.Join(binDir, name)
	cmd := exec.Command("go", "build", "-o", out, "./cmd/"+name)
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if b, err := cmd.CombinedOutput(); err != nil {
		failed[name] = fmt.Sprintf("go build ./cmd/%s: %v\n%s", name, err, b)
		t.Fatal(failed[name])
	}
	built[name] = out
	return out
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// checkFixed checks that the "Defer the unlock" fix was applied to the
// fixture's Get method: the unlock is deferred right after Lock and the
// explicit unlock is gone.
func checkFixed(t testing.TB, file string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	get := src[strings.Index(src, "func (c *Cache) Get"):]
	if end := strings.Index(get, "\n}\n"); end >= 0 {
		get = get[:end]
	}
	lock := strings.Index(get, "c.mu.Lock()")
	if lock < 0 {
		t.Fatalf("fixed Get has no c.mu.Lock():\n%s", get)
	}
	next := strings.TrimLeft(get[lock+len("c.mu.Lock()"):], " \t")
	if i := strings.Index(next, "\n"); i >= 0 && strings.HasPrefix(strings.TrimSpace(next[:i]), "//") {
		next = next[i:] // skip the trailing comment on the Lock line
	}
	next = strings.TrimLeft(next, " \t\n")
	if !strings.HasPrefix(next, "defer c.mu.Unlock()") {
		t.Errorf("fix did not insert `defer c.mu.Unlock()` after c.mu.Lock():\n%s", get)
	}
	if n := strings.Count(get, "c.mu.Unlock()"); n != 1 {
		t.Errorf("fixed Get has %d c.mu.Unlock() calls, want 1 (the deferred one):\n%s", n, get)
	}
}

// mustBuild checks that the module in dir still compiles.
func mustBuild(t testing.TB, dir string) {
	t.Helper()
	if r := run(t, dir, env(), 2*time.Minute, "go", "build", "./..."); r.code != 0 {
		t.Fatalf("fixed module does not build:\n%s", r)
	}
}
