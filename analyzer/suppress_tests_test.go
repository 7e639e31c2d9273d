package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

// recorder collects what analysistest reports instead of failing.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestSuppressWithTests: the suppress fixture promises that Work's section,
// reached only by a recover in a _test.go file, is reported with -tests
// (TestPackage checks it is not reported without). The fixture's wants are
// those of the default run, so the findings -tests adds arrive as
// "unexpected diagnostic" errors: exactly Work's and InTest's, nothing else.
func TestSuppressWithTests(t *testing.T) {
	cfg := analyzer.DefaultConfig()
	cfg.Tests = true
	var rec recorder
	analysistest.Run(&rec, testdata, analyzer.New(cfg), "suppress")

	dir := filepath.Join(testdata, "src", "suppress")
	work := lockLine(t, filepath.Join(dir, "suppress.go"), "func (t *T) Work()")
	inTest := lockLine(t, filepath.Join(dir, "suppress_test.go"), "func (t *T) InTest()")
	want := map[string]*regexp.Regexp{
		fmt.Sprintf("suppress.go:%d:", work): regexp.MustCompile(
			`unexpected diagnostic: t\.mu stays locked if t\.fn panics: the panic is recovered in \(\*T\)\.recoverWork \(suppress_test\.go:\d+\)`),
		fmt.Sprintf("suppress_test.go:%d:", inTest): regexp.MustCompile(
			`unexpected diagnostic: t\.mu stays locked if t\.fn panics: the panic is recovered in \(\*T\)\.InTest \(suppress_test\.go:\d+\)`),
	}
	seen := map[string]bool{}
	for _, e := range rec.errs {
		if strings.Contains(e, "unexpected fact:") {
			continue // facts are TestFacts' business, as in diagnosticsOnly
		}
		matched := false
		for pos, re := range want {
			if strings.Contains(e, pos) && re.MatchString(e) {
				seen[pos], matched = true, true
			}
		}
		if !matched {
			t.Errorf("with -tests: %s", e)
		}
	}
	for pos, re := range want {
		if !seen[pos] {
			t.Errorf("with -tests: no finding at %s matching %s", pos, re)
		}
	}
}

// lockLine is the line of the first t.mu.Lock() after the line holding decl.
func lockLine(t *testing.T, file, decl string) int {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	in := false
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, decl) {
			in = true
		}
		if in && strings.Contains(l, "t.mu.Lock()") {
			return i + 1
		}
	}
	t.Fatalf("%s: no t.mu.Lock() after %q", file, decl)
	return 0
}
