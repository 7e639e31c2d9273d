package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

// TestCrossPackageWrappers: findings that depend on another package's facts
// alone: a swallowing wrapper beside a re-panicking one, a writing pointer
// method beside a read-only one (package xwrap, whose facts are checked
// with anchored patterns, and its user xwrapuse).
func TestCrossPackageWrappers(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Analyzer, "xwrap")
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "xwrapuse")
}
