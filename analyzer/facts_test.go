package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

// TestFacts: package xa's facts (every one expected, checked strictly)
// make package xb's findings.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Analyzer, "xa")
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "xb")
}
