package analyzer_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

var testdata = mustAbs("../testdata")

// TestPackage runs the fixtures analysed with the default settings.
func TestPackage(t *testing.T) {
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer,
		"basic", "locks", "sections", "panics", "recovers", "httpsrv", "guarded", "suppress", "poisonuse", "directives", "xb")
}

// TestPrecision: what can panic (issue 11): standard library calls, index
// proofs, channel protocols, self-recovering callees, dead branches.
func TestPrecision(t *testing.T) {
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "precisionstd", "precisionindex", "precisionchan", "precisionmisc")
}

// TestPrecisionLibrary: constructor invariants in library mode.
func TestPrecisionLibrary(t *testing.T) {
	cfg := analyzer.DefaultConfig()
	cfg.AssumeRecovered = "exported"
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.New(cfg), "precisionlib")
}

// TestNoImplicitPanics: with -implicit-panics=false only explicit panics,
// calls and type assertions are panic points.
func TestNoImplicitPanics(t *testing.T) {
	cfg := analyzer.DefaultConfig()
	cfg.ImplicitPanics = false
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.New(cfg), "noimplicit")
}

// TestTests: with -tests, findings in _test.go files are reported.
func TestTests(t *testing.T) {
	cfg := analyzer.DefaultConfig()
	cfg.Tests = true
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.New(cfg), "tests")
}

func TestRecoveredBy(t *testing.T) {
	cfg := analyzer.DefaultConfig()
	cfg.RecoveredBy = []string{"*ginlike.Context"}
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.New(cfg), "flagsrecovered")
}

func TestBoundaries(t *testing.T) {
	cfg := analyzer.DefaultConfig()
	cfg.Boundaries = []string{"flagsboundaries.(*Worker).run", "flagsboundaries.Submit"}
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.New(cfg), "flagsboundaries")
}

func TestAssumeRecovered(t *testing.T) {
	cfg := analyzer.DefaultConfig()
	cfg.AssumeRecovered = "exported"
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.New(cfg), "flagsexported")
}

// diagnosticsOnly checks the diagnostics and the facts a fixture expects,
// but tolerates facts it does not mention: fixtures about facts use t
// directly, so that every fact must be expected.
type diagnosticsOnly struct{ t *testing.T }

func (d diagnosticsOnly) Errorf(format string, args ...any) {
	d.t.Helper()
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "unexpected fact:") {
		d.t.Error(msg)
	}
}

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return a
}

// TestDispatch: sections reached through interface calls, func values,
// dispatch tables and lock wrappers (issue 12), with the deadlock drop-in
// lock package's facts checked exactly.
func TestDispatch(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Analyzer, "deadlock")
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "dispatch")
}

// TestLibraryMode: -assume-recovered=exported entry points (issue 12 shape
// 4), internal packages and test helpers left alone, sections in other
// packages reported once, the nearest exported API named (issue 11).
func TestLibraryMode(t *testing.T) {
	cfg := analyzer.DefaultConfig()
	cfg.AssumeRecovered = "exported"
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.New(cfg), "libmode", "libmode/internal/store", "libmode/testutil")
}

// TestHandlerRelease: recover handlers that release the lock themselves,
// in the package and in another package (hrguard, deferred directly).
func TestHandlerRelease(t *testing.T) {
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "handlerrelease", "hruse")
}

// TestTornShapes: what is half-updated state and what is not, and
// sections identified by their acquisition.
func TestTornShapes(t *testing.T) {
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "tornshapes")
}

// TestFresh: sections on objects that the recovered call allocated and
// had not let escape when it panicked are not reported (issue 11 shape
// 10b); the same objects once shared are.
func TestFresh(t *testing.T) {
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "fresh")
}
