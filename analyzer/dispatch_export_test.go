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
