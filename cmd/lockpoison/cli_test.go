package main_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	toolPath  string
	buildErr  string
)

// tool builds the command once per test binary.
func tool(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "lockpoison-cli")
		if err != nil {
			buildErr = err.Error()
			return
		}
		toolPath = filepath.Join(dir, "lockpoison")
		if out, err := exec.Command("go", "build", "-o", toolPath, ".").CombinedOutput(); err != nil {
			buildErr = string(out)
		}
	})
	if buildErr != "" {
		t.Fatal(buildErr)
	}
	return toolPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if toolPath != "" {
		os.RemoveAll(filepath.Dir(toolPath))
	}
	os.Exit(code)
}

// leakSrc has one lock-leak at line 19 (c.mu.Lock()), whose panic point is
// c.f() and whose recover is in Get.
const leakSrc = `package m

import (
	"fmt"
	"sync"
)

type C struct {
	mu sync.Mutex
	f  func()
}

func (c *C) Get() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	c.mu.Lock()
	c.f()
	c.mu.Unlock()
	return nil
}
`

const leakLine = 19

// leakModule writes a module with leakSrc and returns its directory.
func leakModule(t *testing.T) string {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "m.go"), []byte(leakSrc), 0o644)
	return dir
}

type outcome struct {
	stdout, stderr string
	code           int
}

func runTool(t *testing.T, dir string, args ...string) outcome {
	t.Helper()
	cmd := exec.Command(tool(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "LOCKPOISON_PROGRESS=0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	o := outcome{stdout.String(), stderr.String(), 0}
	if ee, ok := err.(*exec.ExitError); ok {
		o.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestUsageErrors: a bad command line is one line on stderr naming the
// problem and -help, exit status 2, before any package is loaded (the
// package pattern here does not exist).
func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-nosuchflag", "./..."}, "flag provided but not defined: -nosuchflag"},
		{[]string{"-boundaries=pool", "./nonexistent"}, `-boundaries: malformed function "pool"`},
		{[]string{"-boundaries", "example.com/p.(*T", "./nonexistent"}, `malformed function "example.com/p.(*T"`},
		{[]string{"-assume-recovered=all", "./nonexistent"}, `-assume-recovered: want none or exported`},
		{[]string{"-recovered-by=gin", "./nonexistent"}, `-recovered-by: malformed type "gin"`},
		{[]string{"-checks=lock-leek", "./nonexistent"}, `unknown check "lock-leek"`},
		{[]string{"-V=yes"}, "want -V or -V=full"},
		{[]string{"-json", "-sarif", "./nonexistent"}, "exclusive"},
		{nil, "no packages given"},
	} {
		o := runTool(t, dir, tc.args...)
		lines := strings.Split(strings.TrimRight(o.stderr, "\n"), "\n")
		if o.code != 2 || len(lines) != 1 || !strings.Contains(o.stderr, tc.want) ||
			!strings.Contains(o.stderr, "run lockpoison -help") || strings.Contains(o.stderr, "lockpoison: lockpoison:") {
			t.Errorf("lockpoison %s: exit %d, stderr:\n%s\nwant exit 2 and one line with %q and a pointer to -help",
				strings.Join(tc.args, " "), o.code, o.stderr, tc.want)
		}
	}
	// -help is not an error: the full usage, exit status 0.
	if o := runTool(t, dir, "-help"); o.code != 0 || !strings.Contains(o.stderr, "Exit status:") || !strings.Contains(o.stderr, "-checks") {
		t.Errorf("lockpoison -help: exit %d\n%s", o.code, o.stderr)
	}
}

// TestVersion: -V names the build (module version and Go version from the
// build information, no placeholder); -V=full follows go vet's protocol
// with a content-based build ID.
func TestVersion(t *testing.T) {
	dir := t.TempDir()
	o := runTool(t, dir, "-V")
	if o.code != 0 || !strings.HasPrefix(o.stdout, "lockpoison ") || !strings.Contains(o.stdout, runtime.Version()) ||
		strings.Contains(o.stdout, "comments-go-here") {
		t.Errorf("lockpoison -V: exit %d, %q", o.code, o.stdout)
	}
	o = runTool(t, dir, "-V=full")
	f := strings.Fields(o.stdout)
	if o.code != 0 || len(f) < 4 || f[1] != "version" || !strings.Contains(f[2], "devel") ||
		!regexp.MustCompile(`^buildID=[0-9a-f]{64}$`).MatchString(f[len(f)-1]) || !strings.Contains(o.stdout, runtime.Version()) {
		t.Errorf("lockpoison -V=full: exit %d, %q: want `<path> version devel <version> buildID=<sha256>`", o.code, o.stdout)
	}
}

// TestTextOutput: each finding is one line ending with its check, exit 3.
func TestTextOutput(t *testing.T) {
	dir := leakModule(t)
	o := runTool(t, dir, "./...")
	want := regexp.MustCompile(`(?m)^m\.go:19:2: c\.mu stays locked if c\.f panics: .* deadlocks.* \[lock-leak\]$`)
	if o.code != 3 || !want.MatchString(o.stderr) || o.stdout != "" {
		t.Errorf("lockpoison ./...: exit %d, stdout %q, stderr:\n%s\nwant exit 3 and %s", o.code, o.stdout, o.stderr, want)
	}
}

// TestCheckSelection: -checks drops a check's findings, and keeps them
// when selected.
func TestCheckSelection(t *testing.T) {
	dir := leakModule(t)
	if o := runTool(t, dir, "-checks=all,-lock-leak", "./..."); o.code != 0 || o.stderr != "" {
		t.Errorf("-checks=all,-lock-leak: exit %d\n%s\nwant exit 0, no output", o.code, o.stderr)
	}
	if o := runTool(t, dir, "-checks=torn-state", "./..."); o.code != 0 || o.stderr != "" {
		t.Errorf("-checks=torn-state: exit %d\n%s\nwant exit 0, no output", o.code, o.stderr)
	}
	if o := runTool(t, dir, "-checks=lock-leak", "./..."); o.code != 3 || !strings.Contains(o.stderr, "[lock-leak]") {
		t.Errorf("-checks=lock-leak: exit %d\n%s\nwant the finding", o.code, o.stderr)
	}
}

// TestJSONExitStatus: -json prints on stdout and exits 0 (findings are
// data); -set-exit-status makes findings exit 3 for CI gates.
func TestJSONExitStatus(t *testing.T) {
	dir := leakModule(t)
	o := runTool(t, dir, "-json", "./...")
	var tree map[string]map[string][]struct{ Posn, Message, Category string }
	if err := json.Unmarshal([]byte(o.stdout), &tree); err != nil || o.code != 0 {
		t.Fatalf("-json: exit %d, %v\n%s", o.code, err, o.stdout)
	}
	d := tree["example.com/m"]["lockpoison"]
	if len(d) != 1 || d[0].Category != "lock-leak" || strings.Contains(d[0].Message, "[lock-leak]") {
		t.Errorf("-json: %+v, want one lock-leak, the check as its category", d)
	}
	if o := runTool(t, dir, "-json", "-set-exit-status", "./..."); o.code != 3 {
		t.Errorf("-json -set-exit-status: exit %d, want 3", o.code)
	}
}

// TestSARIF: one rule per check with its page, the finding's rule id and
// its related locations.
func TestSARIF(t *testing.T) {
	dir := leakModule(t)
	o := runTool(t, dir, "-sarif", "./...")
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string
						HelpURI string `json:"helpUri"`
					}
				}
			}
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
				RelatedLocations []struct {
					Message struct{ Text string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(o.stdout), &log); err != nil || o.code != 0 || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("-sarif: exit %d, %v\n%s", o.code, err, o.stdout)
	}
	rules := map[string]string{}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		rules[r.ID] = r.HelpURI
	}
	for _, check := range []string{"lock-leak", "torn-state", "handler-relock", "handler-unlock", "poison-ignored"} {
		if !strings.HasSuffix(rules[check], "/docs/checks/"+check+".md") {
			t.Errorf("rule %s: helpUri %q", check, rules[check])
		}
	}
	res := log.Runs[0].Results
	if len(res) != 1 || res[0].RuleID != "lock-leak" || len(res[0].Locations) != 1 ||
		res[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "m.go" ||
		res[0].Locations[0].PhysicalLocation.Region.StartLine != leakLine || len(res[0].RelatedLocations) != 2 {
		t.Errorf("-sarif results: %+v\nwant one lock-leak at m.go:%d with the panic point and recover as related locations", res, leakLine)
	}
	if o := runTool(t, dir, "-sarif", "-set-exit-status", "./..."); o.code != 3 {
		t.Errorf("-sarif -set-exit-status: exit %d, want 3", o.code)
	}
}

// TestBoundaryWarning: a -boundaries name that matches no function of the
// loaded packages is warned about once; one that matches is not.
func TestBoundaryWarning(t *testing.T) {
	dir := leakModule(t)
	o := runTool(t, dir, "-boundaries=example.com/m.Nope,example.com/m.(*C).Get,fmt.Println,example.com/gone.Go", "./...")
	for _, want := range []string{"example.com/m.Nope matches no function", "example.com/gone.Go matches no function"} {
		if n := strings.Count(o.stderr, want); n != 1 {
			t.Errorf("warning %q printed %d times, want once:\n%s", want, n, o.stderr)
		}
	}
	if strings.Count(o.stderr, "warning") != 2 {
		t.Errorf("want exactly two warnings:\n%s", o.stderr)
	}
	if o.code != 3 {
		t.Errorf("exit %d, want 3 (a warning does not change the status)", o.code)
	}
}

// TestDiffAlone: -diff without -fix prints the fix and leaves the file.
func TestDiffAlone(t *testing.T) {
	dir := leakModule(t)
	o := runTool(t, dir, "-diff", "./...")
	if !strings.Contains(o.stdout, "+\tdefer c.mu.Unlock()") {
		t.Errorf("-diff: exit %d, no diff:\n%s\n%s", o.code, o.stdout, o.stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "m.go")); string(data) != leakSrc {
		t.Errorf("-diff changed m.go")
	}
}

// TestVetCheckNames: under go vet the text output names the check too;
// vet's -json goes to stdout, exit 0, with the category.
func TestVetCheckNames(t *testing.T) {
	dir := leakModule(t)
	cmd := exec.Command("go", "vet", "-vettool="+tool(t), "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.Contains(string(out), "deadlocks [lock-leak]") {
		t.Errorf("go vet: %v\n%s\nwant exit 1 and a finding ending in [lock-leak]", err, out)
	}
	cmd = exec.Command("go", "vet", "-vettool="+tool(t), "-json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || !strings.Contains(stdout.String(), `"category": "lock-leak"`) {
		t.Errorf("go vet -json: %v\nstdout:\n%s\nstderr:\n%s\nwant exit 0, JSON on stdout with the category", err, stdout.String(), stderr.String())
	}
}

// TestVetUsageError: under go vet, which runs the tool once per package
// (dependencies included), a malformed flag value is still one line.
func TestVetUsageError(t *testing.T) {
	dir := leakModule(t)
	cmd := exec.Command("go", "vet", "-vettool="+tool(t), "-assume-recovered=all", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if !strings.HasPrefix(l, "# ") { // go vet's package header
			lines = append(lines, l)
		}
	}
	if err == nil || len(lines) != 1 || !strings.Contains(lines[0], "-assume-recovered: want none or exported") {
		t.Errorf("go vet -assume-recovered=all: %v\n%s\nwant a failure and one line naming the flag", err, out)
	}
}

// TestProgress: on a terminal (forced here with LOCKPOISON_PROGRESS=1) a
// standalone run shows what it does on one line of stderr, cleared before
// the findings are printed.
func TestProgress(t *testing.T) {
	dir := leakModule(t)
	cmd := exec.Command(tool(t), "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "LOCKPOISON_PROGRESS=1")
	out, _ := cmd.CombinedOutput()
	s := string(out)
	clear := "\r\033[K"
	if !strings.Contains(s, clear+"lockpoison: loading ./...") {
		t.Errorf("no progress line:\n%q", s)
	}
	last := strings.LastIndex(s, clear)
	if last < 0 || !strings.HasPrefix(s[last+len(clear):], "m.go:19:2: ") {
		t.Errorf("the progress line is not cleared before the findings:\n%q", s)
	}
}
