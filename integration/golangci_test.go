package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// golangci returns the custom golangci-lint binary (built with the lockpoison
// plugin by scripts/build-golangci-lint.sh), or skips the test.
func golangci(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("LOCKPOISON_GOLANGCI")
	if bin == "" {
		t.Skip("LOCKPOISON_GOLANGCI is not set; scripts/integration.sh builds golangci-lint with the plugin and sets it")
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("LOCKPOISON_GOLANGCI: %v", err)
	}
	return bin
}

// golangciFixture copies the golangci fixture module and
// .golangci.example.yml (as .golangci.yml) to a temporary directory.
func golangciFixture(t *testing.T) (dir, sample string, line int) {
	t.Helper()
	dir = copyFixture(t, "golangci")
	cfg, err := os.ReadFile(filepath.Join(repoRoot(t), ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	sample = filepath.Join(dir, "sample.go")
	return dir, sample, markerLine(t, sample)
}

// golangciEnv gives each test its own golangci-lint cache, so results
// never come from a run with another build of the plugin.
func golangciEnv(t *testing.T) []string {
	return env("GOLANGCI_LINT_CACHE="+t.TempDir(), "NO_COLOR=1")
}

const golangciTimeout = 5 * time.Minute

type golangciIssue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename string
		Line     int
		Column   int
	}
}

func golangciIssues(t *testing.T, file string) []golangciIssue {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var report struct{ Issues []golangciIssue }
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatalf("golangci-lint JSON report: %v\n%s", err, data)
	}
	return report.Issues
}

func lockLeakAt(issues []golangciIssue, line int) bool {
	for _, is := range issues {
		if is.FromLinter == "lockpoison" && filepath.Base(is.Pos.Filename) == "sample.go" &&
			is.Pos.Line == line && strings.Contains(is.Text, wantMessage) {
			return true
		}
	}
	return false
}

func TestGolangciLinters(t *testing.T) {
	bin := golangci(t)
	dir, _, _ := golangciFixture(t)
	r := run(t, dir, golangciEnv(t), golangciTimeout, bin, "linters")
	if r.code != 0 {
		t.Fatalf("golangci-lint linters failed:\n%s", r)
	}
	enabled := r.stdout
	if i := strings.Index(enabled, "Disabled by your configuration"); i >= 0 {
		enabled = enabled[:i]
	}
	if !strings.Contains(enabled, "lockpoison") {
		t.Errorf("lockpoison is not an enabled linter:\n%s", r.stdout)
	}
}

func TestGolangciRun(t *testing.T) {
	bin := golangci(t)
	dir, sample, line := golangciFixture(t)
	jsonOut := filepath.Join(t.TempDir(), "report.json")

	r := run(t, dir, golangciEnv(t), golangciTimeout, bin, "run",
		"--output.text.path=stdout", "--output.json.path="+jsonOut, "./...")
	if r.code != 1 {
		t.Errorf("golangci-lint run exited %d, want 1 (issues found)", r.code)
	}
	if !hasFinding(r.stdout, "sample.go", line, wantMessage) || !strings.Contains(r.stdout, "[lock-leak] (lockpoison)") {
		t.Errorf("text output has no lockpoison finding naming its check at sample.go:%d:\n%s", line, r.stdout)
	}
	issues := golangciIssues(t, jsonOut)
	if !lockLeakAt(issues, line) {
		t.Errorf("JSON report has no lockpoison issue at sample.go:%d", line)
	}
	// One finding, one issue: the plugin drops Related, which golangci-lint
	// would report as extra "lockpoison(related information)" issues.
	if n := len(issues); n != 1 {
		t.Errorf("JSON report has %d issues, want 1: %+v", n, issues)
	}

	// --fix applies the "Defer the unlock" fix.
	r = run(t, dir, golangciEnv(t), golangciTimeout, bin, "run", "--fix", "./...")
	checkFixed(t, sample)
	mustBuild(t, dir)

	r = run(t, dir, golangciEnv(t), golangciTimeout, bin, "run",
		"--output.text.path=stdout", "--output.json.path="+jsonOut, "./...")
	if r.code != 0 {
		t.Errorf("golangci-lint run after --fix exited %d, want 0", r.code)
	}
	for _, is := range golangciIssues(t, jsonOut) {
		if is.FromLinter == "lockpoison" {
			t.Errorf("after --fix: %s:%d: %s", is.Pos.Filename, is.Pos.Line, is.Text)
		}
	}
}

func TestGolangciSARIF(t *testing.T) {
	bin := golangci(t)
	dir, _, line := golangciFixture(t)
	sarifOut := filepath.Join(t.TempDir(), "lockpoison.sarif")

	run(t, dir, golangciEnv(t), golangciTimeout, bin, "run", "--output.sarif.path="+sarifOut, "./...")
	data, err := os.ReadFile(sarifOut)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("SARIF: %v\n%s", err, data)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("SARIF: want version 2.1.0 with one run:\n%s", data)
	}
	found := false
	for _, res := range log.Runs[0].Results {
		if res.RuleID != "lockpoison" || !strings.Contains(res.Message.Text, wantMessage) || len(res.Locations) == 0 {
			continue
		}
		loc := res.Locations[0].PhysicalLocation
		if strings.HasSuffix(loc.ArtifactLocation.URI, "sample.go") && loc.Region.StartLine == line {
			found = true
		}
	}
	if !found {
		t.Errorf("SARIF has no lockpoison result at sample.go:%d:\n%s", line, data)
	}
}

func TestGolangciSettings(t *testing.T) {
	bin := golangci(t)
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"unknown setting", "implicit-panics: true", "implicit-panic: true", `unknown setting "implicit-panic"`},
		{"wrong type", "tests: false", "tests: maybe", `setting "tests"`},
		{"invalid value", "assume-recovered: none", "assume-recovered: all", "none or exported"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, _, _ := golangciFixture(t)
			cfgFile := filepath.Join(dir, ".golangci.yml")
			cfg, err := os.ReadFile(cfgFile)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(cfg), tc.from) {
				t.Fatalf(".golangci.example.yml has no %q", tc.from)
			}
			cfg = []byte(strings.Replace(string(cfg), tc.from, tc.to, 1))
			if err := os.WriteFile(cfgFile, cfg, 0o644); err != nil {
				t.Fatal(err)
			}
			r := run(t, dir, golangciEnv(t), golangciTimeout, bin, "run", "./...")
			if r.code == 0 || r.code == 1 {
				t.Errorf("golangci-lint run with %q exited %d, want a configuration failure", tc.to, r.code)
			}
			if !strings.Contains(r.stdout+r.stderr, tc.want) {
				t.Errorf("golangci-lint output does not mention %q:\n%s", tc.want, r)
			}
		})
	}
}

// TestGolangciSettingsApplied checks that the settings reach the analyzer:
// with implicit-panics: false the finding stays (its panic point is a
// call), with checks: [-lock-leak] it goes.
func TestGolangciSettingsApplied(t *testing.T) {
	bin := golangci(t)
	for _, tc := range []struct {
		from, to string
		want     bool
	}{
		{"implicit-panics: true", "implicit-panics: false", true},
		{"checks: [all]", "checks: [-lock-leak]", false},
	} {
		t.Run(tc.to, func(t *testing.T) {
			dir, _, line := golangciFixture(t)
			cfgFile := filepath.Join(dir, ".golangci.yml")
			cfg, err := os.ReadFile(cfgFile)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(cfg), tc.from) {
				t.Fatalf(".golangci.example.yml has no %q", tc.from)
			}
			cfg = []byte(strings.Replace(string(cfg), tc.from, tc.to, 1))
			if err := os.WriteFile(cfgFile, cfg, 0o644); err != nil {
				t.Fatal(err)
			}
			r := run(t, dir, golangciEnv(t), golangciTimeout, bin, "run", "--output.text.path=stdout", "./...")
			if got := hasFinding(r.stdout, "sample.go", line, wantMessage); got != tc.want {
				t.Errorf("%s: finding at sample.go:%d reported: %v, want %v\n%s", tc.to, line, got, tc.want, r)
			}
			if !tc.want && r.code != 0 {
				t.Errorf("%s: exit %d, want 0", tc.to, r.code)
			}
		})
	}
}

// TestGolangciNolint checks that //nolint:lockpoison on the finding's line
// silences it (and that no related-information issue remains elsewhere).
func TestGolangciNolint(t *testing.T) {
	bin := golangci(t)
	dir, sample, line := golangciFixture(t)
	// Without the directive the finding is there: the test can fail.
	r := run(t, dir, golangciEnv(t), golangciTimeout, bin, "run", "--output.text.path=stdout", "./...")
	if !hasFinding(r.stdout, "sample.go", line, wantMessage) {
		t.Fatalf("no finding at sample.go:%d to suppress:\n%s", line, r)
	}
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	src = []byte(strings.Replace(string(src), marker, "//nolint:lockpoison // tested", 1))
	if err := os.WriteFile(sample, src, 0o644); err != nil {
		t.Fatal(err)
	}
	jsonOut := filepath.Join(t.TempDir(), "report.json")
	r = run(t, dir, golangciEnv(t), golangciTimeout, bin, "run", "--output.json.path="+jsonOut, "./...")
	if r.code != 0 {
		t.Errorf("golangci-lint run with //nolint:lockpoison exited %d, want 0", r.code)
	}
	for _, is := range golangciIssues(t, jsonOut) {
		t.Errorf("unexpected issue: %s:%d: %s (%s)", is.Pos.Filename, is.Pos.Line, is.Text, is.FromLinter)
	}
}
