package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

var testdata = mustAbs("../testdata")

func TestBasic(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Analyzer, "basic")
}

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return a
}
