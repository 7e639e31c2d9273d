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

// TestErrList: sections on objects a recovering parser stores into a
// value it fills, when the panic is appended to an error list whose
// owner reports it and the value is dropped with that error, are not
// reported (issue 11 shape 10b, FP-1; analyzer/errlist.go); a loop that
// parses into the same value again, an owner that keeps the value or
// empties the list, a handler that may not append, and an exported
// entry point are.
func TestErrList(t *testing.T) {
	analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, "errlist")
}
