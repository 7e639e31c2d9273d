package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

// TestSuggestedFixGlobal: a package-level lock gets its fix (the want is
// anchored: a "no fix" note fails it), a local one does not.
func TestSuggestedFixGlobal(t *testing.T) {
	analysistest.RunWithSuggestedFixes(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "fixglobal")
}
