package analyzer_test

import (
	"bytes"
	"go/format"
	"os"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

// fixPackages are the fixtures of the suggested fixes: each fix shape,
// and the sections for which no fix is offered (their golden text is the
// input, and their diagnostic says why).
var fixPackages = []string{"fixleak", "fixpoison", "fixregistry"}

// TestSuggestedFixes applies the fixes of each fixture and compares the
// result with its .golden file.
func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(diagnosticsOnly{t}, testdata, analyzer.Analyzer, fixPackages...)
}

// TestFixesAreGofmtClean applies every fix on its own, as an editor does
// (without the formatting that -fix adds), and checks that the result is
// formatted.
func TestFixesAreGofmtClean(t *testing.T) {
	results := analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, fixPackages...)
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				byFile := map[string][]analysis.TextEdit{}
				for _, e := range fix.TextEdits {
					name := r.Pass.Fset.File(e.Pos).Name()
					byFile[name] = append(byFile[name], e)
				}
				for name, edits := range byFile {
					src, err := os.ReadFile(name)
					if err != nil {
						t.Fatal(err)
					}
					tf := r.Pass.Fset.File(edits[0].Pos)
					slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(b.Pos - a.Pos) })
					out := slices.Clone(src)
					for _, e := range edits {
						from, to := tf.Offset(e.Pos), tf.Offset(e.End)
						out = slices.Concat(out[:from], e.NewText, out[to:])
					}
					formatted, err := format.Source(out)
					if err != nil {
						t.Errorf("%s: fix %q: %v\n%s", r.Pass.Fset.Position(d.Pos), fix.Message, err, out)
						continue
					}
					if !bytes.Equal(formatted, out) {
						t.Errorf("%s: fix %q leaves unformatted code:\n%s", r.Pass.Fset.Position(d.Pos), fix.Message, out)
					}
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no fixes")
	}
}
