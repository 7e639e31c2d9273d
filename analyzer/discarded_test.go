package analyzer_test

import (
	"testing"

	"github.com/lockpoison/lockpoison/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestDiscarded: sections on objects a recovering parser stores only
// into a value that every caller made itself and drops with the error
// are not reported (issue 11 shape 10b, FP-1); the same parser over a
// long-lived value, or under a caller that keeps the value, is.
func TestDiscarded(t *testing.T) {
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "discarded")
}
