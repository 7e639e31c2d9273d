package analyzer_test

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

// roundTripPackages are the fixtures whose fixes TestFixRoundTrip applies
// one at a time: the fix fixtures, and (without -short) every fixture
// analysed with the default settings that has a fixed finding.
var roundTripPackages = append(slices.Clone(fixPackages),
	"basic", "locks", "sections", "panics", "recovers", "httpsrv", "guarded", "suppress", "poisonuse", "directives", "xb")

// TestFixRoundTrip applies each fix offered in a fixture alone, as an
// editor does, and re-runs lockpoison on the result: the package builds,
// the changed files are gofmt-clean, the fixed finding is gone and no
// finding appears that was not there before (anywhere in the package).
// Each fix gets its own copy of the package, fixture_fixN, and all copies
// are analysed together (one load of their dependencies).
func TestFixRoundTrip(t *testing.T) {
	pkgs := roundTripPackages
	if testing.Short() {
		pkgs = fixPackages
	}
	if roundTrip(t, analyzer.Analyzer, pkgs) == 0 {
		t.Fatal("no fixes")
	}
	if testing.Short() {
		return
	}
	// The fixtures of the flags, with their settings (not
	// flagsboundaries: its settings name functions of its package path).
	for _, tc := range []struct {
		pkg string
		set func(*analyzer.Config)
	}{
		{"noimplicit", func(c *analyzer.Config) { c.ImplicitPanics = false }},
		{"tests", func(c *analyzer.Config) { c.Tests = true }},
		{"flagsrecovered", func(c *analyzer.Config) { c.RecoveredBy = []string{"*ginlike.Context"} }},
		{"flagsexported", func(c *analyzer.Config) { c.AssumeRecovered = "exported" }},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			cfg := analyzer.DefaultConfig()
			tc.set(&cfg)
			roundTrip(t, analyzer.New(cfg), []string{tc.pkg})
		})
	}
}

// roundTrip applies each fix for the fixtures pkgs alone, and returns how
// many it applied.
func roundTrip(t *testing.T, a *analysis.Analyzer, pkgs []string) int {
	type variant struct {
		path, pkg, name string
		diag            analysis.Diagnostic
	}
	dir := t.TempDir()
	copyDir(t, filepath.Join(testdata, "src"), filepath.Join(dir, "src"))
	results := analysistest.Run(&quiet{}, testdata, a, pkgs...)
	before := map[string]map[string]int{}
	var variants []variant
	seen := map[string]bool{}
	for _, r := range results {
		pkg := r.Pass.Pkg.Path()
		if before[pkg] == nil {
			before[pkg] = findingKeys(results, pkg)
		}
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				// The test variant repeats the package's findings.
				id := r.Pass.Fset.Position(d.Pos).String() + fix.Message
				if seen[id] {
					continue
				}
				seen[id] = true
				v := variant{path: fmt.Sprintf("%s_fix%d", pkg, len(variants)), pkg: pkg, diag: d}
				posn := r.Pass.Fset.Position(d.Pos)
				v.name = fmt.Sprintf("%s/%s:%d: %s", pkg, filepath.Base(posn.Filename), posn.Line, fix.Message)
				copyDir(t, filepath.Join(testdata, "src", pkg), filepath.Join(dir, "src", v.path))
				applyTo(t, r.Pass, fix, filepath.Join(testdata, "src", pkg), filepath.Join(dir, "src", v.path), v.name)
				variants = append(variants, v)
			}
		}
	}
	if len(variants) == 0 {
		return 0
	}
	var paths []string
	for _, v := range variants {
		paths = append(paths, v.path)
	}
	var rec quiet
	fixed := analysistest.Run(&rec, dir, a, paths...)
	for _, e := range rec.errs {
		if !strings.Contains(e, "unexpected diagnostic") && !strings.Contains(e, "no diagnostic was reported") &&
			!strings.Contains(e, "unexpected fact") && !strings.Contains(e, "no fact was") && !strings.Contains(e, "does not match pattern") {
			t.Errorf("after the fixes: %s", e) // a load, type or analysis error
		}
	}
	for _, r := range fixed {
		if len(r.Pass.TypeErrors) > 0 {
			t.Errorf("after a fix, %s does not build: %v", r.Pass.Pkg.Path(), r.Pass.TypeErrors)
		}
	}
	for _, v := range variants {
		after := findingKeys(fixed, v.path)
		key := findingKey(v.diag.Category, v.diag.Message)
		if after[key] >= before[v.pkg][key] {
			t.Errorf("%s: after the fix, the finding is still reported: %s", v.name, v.diag.Message)
		}
		for k, n := range after {
			if n > before[v.pkg][k] {
				t.Errorf("%s: after the fix, a new finding: %s", v.name, k)
			}
		}
	}
	return len(variants)
}

// applyTo applies fix to the copy in to of the package in from, and
// checks that the changed files are gofmt-clean.
func applyTo(t *testing.T, pass *analysis.Pass, fix analysis.SuggestedFix, from, to, name string) {
	t.Helper()
	byFile := map[string][]analysis.TextEdit{}
	for _, e := range fix.TextEdits {
		file := pass.Fset.File(e.Pos).Name()
		if !slices.ContainsFunc(byFile[file], func(x analysis.TextEdit) bool {
			return x.Pos == e.Pos && x.End == e.End && bytes.Equal(x.NewText, e.NewText)
		}) {
			byFile[file] = append(byFile[file], e)
		}
	}
	for file, edits := range byFile {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		tf := pass.Fset.File(edits[0].Pos)
		slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(b.Pos - a.Pos) })
		for i, e := range edits {
			if i > 0 && e.End > edits[i-1].Pos {
				t.Fatalf("%s: overlapping edits in %s", name, file)
			}
			src = slices.Concat(src[:tf.Offset(e.Pos)], e.NewText, src[tf.Offset(e.End):])
		}
		if f, err := format.Source(src); err != nil || !bytes.Equal(f, src) {
			t.Errorf("%s: %s is not gofmt-clean after the fix (%v):\n%s", name, file, err, src)
		}
		rel, err := filepath.Rel(from, file)
		if err != nil || strings.HasPrefix(rel, "..") {
			t.Fatalf("%s: the fix edits %s, outside its package", name, file)
		}
		if err := os.WriteFile(filepath.Join(to, rel), src, 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

var locRx = regexp.MustCompile(`\w+(_test)?\.go:\d+`)

// findingKey identifies a finding across edits: its category and its
// message, without line numbers or the reason it has no fix.
func findingKey(category, msg string) string {
	if i := strings.Index(msg, " (no fix: "); i >= 0 {
		msg = msg[:i]
	}
	return category + ": " + locRx.ReplaceAllString(msg, "F")
}

func findingKeys(results []*analysistest.Result, pkg string) map[string]int {
	keys := map[string]int{}
	seen := map[string]bool{}
	for _, r := range results {
		if r.Pass.Pkg.Path() != pkg && r.Pass.Pkg.Path() != pkg+"_test" {
			continue
		}
		for _, d := range r.Diagnostics {
			// A package and its test variant report the same findings.
			id := r.Pass.Fset.Position(d.Pos).String() + d.Message
			if seen[id] {
				continue
			}
			seen[id] = true
			keys[findingKey(d.Category, d.Message)]++
		}
	}
	return keys
}

// quiet records analysistest's complaints instead of failing.
type quiet struct{ errs []string }

func (q *quiet) Errorf(format string, args ...any) {
	q.errs = append(q.errs, fmt.Sprintf(format, args...))
}
