package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

// TestFacts: package xa's facts, every one expected (checked strictly).
// TestPackage checks package xb, whose findings come from these facts.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Analyzer, "xa", "xc")
}
