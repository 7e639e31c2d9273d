package analyzer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

// TestInSource runs, in one load of the fixtures (they share net/http):
//   - //lockpoison:boundary and //lockpoison:recovered, in the package and
//     through facts in its importers; malformed directives (incode*);
//   - a package with type errors, analysed where it type-checks, and the
//     importer of a broken dependency, analysed with the facts the
//     dependency still gets (illtyped, brokenuse);
//   - fiber (fasthttp) does not recover: its handlers are recovered only in
//     a package that installs fiber's recover middleware (fiber*);
//   - the request-carrier rule on a program's own types (webcarriers).
func TestInSource(t *testing.T) {
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer,
		"incode", "incodelib", "incodeuse", "illtyped", "brokenuse", "fiberapp", "fibernorecover", "webcarriers")
}

// TestFrameworks runs the fixture module testdata/frameworks, which uses
// the real gin and echo modules (fetched through the module proxy; the
// test is skipped when they cannot be).
func TestFrameworks(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks gin, echo and their dependencies")
	}
	dir := filepath.Join(testdata, "frameworks")
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot download gin and echo: %v\n%s", err, out)
	}
	analysistest.Run(diagnosticsOnly{t}, dir, analyzer.Analyzer, "./web")
}
