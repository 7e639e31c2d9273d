package analyzer_test

import (
	"bytes"
	"encoding/json"
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixModule applies the suggested fixes to the fixture module
// testdata/fixmod with the real command (lockpoison -fix
// -fix-kind=registry,first), then checks that
// the module builds, vets, is gofmt-clean, has no lock-leak or torn-state
// finding left except those that said "no fix", that a second -fix changes
// nothing, and that its behaviour tests — which fail before the fixes —
// pass.
func TestFixModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and a module")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root := mustAbs("..")
	dir := t.TempDir()
	mod := filepath.Join(dir, "fixmod")
	copyDir(t, filepath.Join(testdata, "fixmod"), mod)
	gomod, err := os.ReadFile(filepath.Join(mod, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gomod = append(gomod, "\nreplace github.com/lockpoison/lockpoison => "+root+"\n"...)
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), gomod, 0o666); err != nil {
		t.Fatal(err)
	}

	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
	run := func(wd string, name string, args ...string) (string, error) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = wd, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	must := func(wd string, name string, args ...string) string {
		t.Helper()
		out, err := run(wd, name, args...)
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return out
	}
	tool := filepath.Join(dir, "lockpoison")
	must(root, gobin, "build", "-o", tool, "./cmd/lockpoison")

	// Before: the behaviour tests fail (a leaked lock, torn state).
	if out, err := run(mod, gobin, "test", "./..."); err == nil {
		t.Errorf("the fixture's tests pass before the fixes:\n%s", out)
	} else {
		for _, name := range []string{"TestGetPanicReleasesLock", "TestWarmPanicReleasesLock", "TestAddPanicPoisons",
			"TestRunPanicPoisons", "TestAddAllPanicPoisons", "TestSumPanicReleasesLock", "TestIndex",
			"TestRegisterPanicPoisons"} {
			if !strings.Contains(out, "--- FAIL: "+name+" ") {
				t.Errorf("%s passes before the fixes:\n%s", name, out)
			}
		}
	}
	before := findings(t, run, mod, tool)
	fixed, unfixed := 0, 0
	distinct := map[string]bool{} // the findings without a fix, once each
	for _, d := range before {
		if len(d.SuggestedFixes) > 0 {
			fixed++
		} else if d.Category == "lock-leak" || d.Category == "torn-state" {
			unfixed++
			distinct[d.Posn+d.Message] = true
		}
	}
	if fixed == 0 || unfixed == 0 {
		t.Fatalf("want findings with and without fixes, got %d and %d", fixed, unfixed)
	}

	// -fix -fix-kind=registry,first applies "Use poison.Registry" where
	// it is offered (second) and the first fix elsewhere, prints each, and
	// lists and exits 3 for the findings it leaves.
	out, err := run(mod, tool, "-fix", "-fix-kind=registry,first", "./...")
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
		t.Errorf("lockpoison -fix with findings left: %v, want exit status 3\n%s", err, out)
	}
	for _, applied := range []string{"Use poison.Registry", "Use poison.Mutex", "Defer the unlock and use poison.Mutex", "Defer the unlock\"", "Wrap the section",
		"Use poison.Mutex and poison the lock in the recover handler"} {
		if !strings.Contains(out, ` applied "`+applied) {
			t.Errorf("lockpoison -fix does not list %q as applied:\n%s", applied, out)
		}
	}
	if strings.Count(out, "(no fix: ") != len(distinct) {
		t.Errorf("lockpoison -fix does not list the %d findings left:\n%s", len(distinct), out)
	}
	snapshot := readTree(t, mod)
	for name, src := range snapshot {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		if f, err := format.Source(src); err != nil || !bytes.Equal(f, src) {
			t.Errorf("%s is not gofmt-clean after -fix (%v):\n%s", name, err, src)
		}
	}
	must(mod, gobin, "build", "./...")
	must(mod, gobin, "vet", "./...")
	after := findings(t, run, mod, tool)
	left := 0
	for _, d := range after {
		if d.Category != "lock-leak" && d.Category != "torn-state" {
			continue
		}
		if !strings.Contains(d.Message, "(no fix: ") {
			t.Errorf("after -fix: %s: %s", d.Posn, d.Message)
		}
		left++
	}
	if left != unfixed {
		t.Errorf("after -fix: %d findings without a fix, want %d", left, unfixed)
	}
	run(mod, tool, "-fix", "./...")
	for name, src := range readTree(t, mod) {
		if !bytes.Equal(src, snapshot[name]) {
			t.Errorf("a second -fix changed %s", name)
		}
	}
	must(mod, gobin, "test", "./...")
}

type jsonDiag struct {
	Category       string `json:"category"`
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	} `json:"suggested_fixes"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// findings runs lockpoison -json in mod.
func findings(t *testing.T, run func(string, string, ...string) (string, error), mod, tool string) []jsonDiag {
	t.Helper()
	out, _ := run(mod, tool, "-json", "./...")
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("lockpoison -json: %v\n%s", err, out)
	}
	var ds []jsonDiag
	for pkg, byAnalyzer := range tree {
		for name, raw := range byAnalyzer {
			var list []jsonDiag
			if err := json.Unmarshal(raw, &list); err != nil {
				t.Fatalf("%s: %s: %s", pkg, name, raw)
			}
			ds = append(ds, list...)
		}
	}
	return ds
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o777)
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(p)
			if err != nil {
				return err
			}
			return os.Symlink(target, dst)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o666)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		m[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
