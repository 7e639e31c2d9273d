package analyzer_test

import (
	"bytes"
	"flag"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/txtar"

	"github.com/lockpoison/lockpoison/analyzer"
)

// fixPackages are the fixtures of the suggested fixes: each fix shape,
// and the sections for which no fix is offered (their golden text is the
// input, and their diagnostic says why).
var fixPackages = []string{"fixleak", "fixpoison", "fixregistry", "fixhandler"}

// update is checks_test.go's -update flag (one flag for the test binary):
// TestSuggestedFixes rewrites the .golden files with it.
func update() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestSuggestedFixes applies the fixes of each fixture and compares the
// result with its .golden file. analysistest compares a golden file only
// for a file that got a fix: every .golden must belong to a file that got
// one, and every file that got one must have a .golden.
func TestSuggestedFixes(t *testing.T) {
	if update() {
		updateGoldens(t)
	}
	results := analysistest.RunWithSuggestedFixes(diagnosticsOnly{t}, testdata, analyzer.Analyzer, fixPackages...)
	fixed := map[string]bool{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					fixed[r.Pass.Fset.File(e.Pos).Name()] = true
				}
			}
		}
	}
	if len(fixed) == 0 {
		t.Fatal("no fixes")
	}
	for _, pkg := range fixPackages {
		goldens, _ := filepath.Glob(filepath.Join(testdata, "src", pkg, "*.golden"))
		if len(goldens) == 0 {
			t.Errorf("%s has no .golden file", pkg)
		}
		for _, g := range goldens {
			if name := strings.TrimSuffix(g, ".golden"); !fixed[name] {
				t.Errorf("%s: no fix edits %s, so its golden file is not compared", pkg, filepath.Base(name))
			}
		}
	}
	for name := range fixed {
		if _, err := os.Stat(name + ".golden"); err != nil {
			t.Errorf("%s got a fix but has no golden file", name)
		}
	}
}

// updateGoldens writes the golden files: one section per fix message for
// a golden file that has sections (txtar), else all fixes applied.
func updateGoldens(t *testing.T) {
	results := analysistest.Run(diagnosticsOnly{t}, testdata, analyzer.Analyzer, fixPackages...)
	type edit struct {
		from, to int
		text     string
	}
	byMsg := map[string]map[string][]edit{} // file -> message -> edits
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					tf := r.Pass.Fset.File(e.Pos)
					if byMsg[tf.Name()] == nil {
						byMsg[tf.Name()] = map[string][]edit{}
					}
					x := edit{tf.Offset(e.Pos), tf.Offset(e.End), string(e.NewText)}
					if !slices.Contains(byMsg[tf.Name()][fix.Message], x) {
						byMsg[tf.Name()][fix.Message] = append(byMsg[tf.Name()][fix.Message], x)
					}
				}
			}
		}
	}
	apply := func(src []byte, edits []edit) []byte {
		edits = slices.Clone(edits)
		slices.SortFunc(edits, func(a, b edit) int { return b.from - a.from })
		out := slices.Clone(src)
		for i, e := range edits {
			if i > 0 && e.to > edits[i-1].from {
				t.Fatalf("conflicting edits")
			}
			out = slices.Concat(out[:e.from], []byte(e.text), out[e.to:])
		}
		return removeUnusedImports(t, out) // as analysistest does
	}
	for name, msgs := range byMsg {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		old, _ := os.ReadFile(name + ".golden")
		var out []byte
		if ar := txtar.Parse(old); len(ar.Files) > 0 {
			ar = &txtar.Archive{}
			for _, m := range slices.Sorted(maps.Keys(msgs)) {
				ar.Files = append(ar.Files, txtar.File{Name: m, Data: apply(src, msgs[m])})
			}
			out = txtar.Format(ar)
		} else {
			var all []edit
			for _, es := range msgs {
				for _, e := range es {
					if !slices.Contains(all, e) {
						all = append(all, e)
					}
				}
			}
			out = apply(src, all)
		}
		if err := os.WriteFile(name+".golden", out, 0o666); err != nil {
			t.Fatal(err)
		}
	}
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

// removeUnusedImports formats src without the imports it does not use.
func removeUnusedImports(t *testing.T, src []byte) []byte {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	for _, spec := range slices.Clone(f.Imports) {
		path, _ := strconv.Unquote(spec.Path.Value)
		name, as := path[strings.LastIndex(path, "/")+1:], ""
		if spec.Name != nil {
			name, as = spec.Name.Name, spec.Name.Name
		}
		if name != "_" && !used[name] {
			astutil.DeleteNamedImport(fset, f, as, path)
		}
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
