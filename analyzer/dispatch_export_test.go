package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

// TestDispatchNotExported: a section reached through an interface call is
// reported in the package that makes the call (xlog), not in the packages
// that import it (xloguse): they cannot act on a call inside a dependency.
func TestDispatchNotExported(t *testing.T) {
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "xlog", "xloguse")
}

// TestTestDoubles: test doubles declared beside an interface in non-test
// files (a Test*/Mock*/Fake* name, a testify mock) are not implementations
// reached through it (issue 11, FP-18); one the package uses in
// production is.
func TestTestDoubles(t *testing.T) {
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "doubles", "doubleslog", "doublesuse")
}
