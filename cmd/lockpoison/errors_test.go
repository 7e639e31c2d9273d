package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTypeErrors: a package that does not type-check is a clear error of
// the run (exit status 1, the compiler's message), not a crash.
func TestTypeErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	tmp := t.TempDir()
	tool := filepath.Join(tmp, "lockpoison")
	if out, err := exec.Command("go", "build", "-o", tool, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	mod := filepath.Join(tmp, "mod")
	os.MkdirAll(mod, 0o755)
	os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module bad\n\ngo 1.26\n"), 0o644)
	os.WriteFile(filepath.Join(mod, "bad.go"), []byte("package bad\n\nimport \"sync\"\n\nvar mu sync.Mutex\n\nfunc F() int { mu.Lock(); return undefined }\n"), 0o644)

	cmd := exec.Command(tool, "./...")
	cmd.Dir = mod
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 1 {
		t.Fatalf("lockpoison on a package with type errors: %v, want exit status 1\n%s", err, out)
	}
	if !strings.Contains(string(out), "undefined: undefined") || strings.Contains(string(out), "panic") {
		t.Errorf("output does not name the type error clearly:\n%s", out)
	}
}
