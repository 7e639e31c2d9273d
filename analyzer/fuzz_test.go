package analyzer_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/lockpoison/lockpoison/analyzer"
)

// fuzzImports are the packages a fuzzed file may import (loaded once, from
// export data); other imports are type errors like any other.
var fuzzImports = []string{"sync", "sync/atomic", "fmt", "strings", "net/http", "errors", "time", "os", "net",
	"log", "runtime", "encoding/json", "context", "github.com/lockpoison/lockpoison/runtime/poison"}

var fuzzPkgs = sync.OnceValues(func() (map[string]*types.Package, error) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps}
	pkgs, err := packages.Load(cfg, fuzzImports...)
	if err != nil {
		return nil, err
	}
	m := map[string]*types.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types != nil {
			m[p.PkgPath] = p.Types
		}
	})
	return m, nil
})

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// FuzzIllTyped runs the analyzer on mutations of the fixtures' sources, as
// gopls runs it on a file being edited: whatever the parser and the type
// checker make of the input, the pass must not panic (an internal error is
// a panic caught by the analyzer's own recover).
//
//	go test ./analyzer -run '^$' -fuzz FuzzIllTyped -fuzztime=20s
func FuzzIllTyped(f *testing.F) {
	for _, dir := range []string{"basic", "locks", "sections", "panics", "recovers", "httpsrv", "guarded",
		"suppress", "poisonuse", "directives", "incode", "illtyped", "noimplicit"} {
		files, _ := filepath.Glob(filepath.Join(testdata, "src", dir, "*.go"))
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			src, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	imports, err := fuzzPkgs()
	if err != nil {
		f.Skipf("loading imports: %v", err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if err := analyseSource(imports, src); err != nil {
			t.Fatalf("%v\nsource:\n%s", err, src)
		}
	})
}

// analyseSource type-checks src as package p (keeping its parse and type
// errors, as gopls does) and runs the analyzer on it.
func analyseSource(imports map[string]*types.Package, src []byte) error {
	fset := token.NewFileSet()
	file, _ := parser.ParseFile(fset, "p.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if file == nil || file.Name == nil || file.Name.Name == "" || file.Name.Name == "_" {
		return nil
	}
	var typeErrors []types.Error
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if p := imports[path]; p != nil {
				return p, nil
			}
			return nil, fmt.Errorf("no package %q", path)
		}),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				typeErrors = append(typeErrors, te)
			}
		},
		Sizes: types.SizesFor("gc", "amd64"),
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	pkg, _ := conf.Check("example.com/p", fset, []*ast.File{file}, info)
	if pkg == nil {
		return nil
	}
	pass := &analysis.Pass{
		Analyzer:          analyzer.Analyzer,
		Fset:              fset,
		Files:             []*ast.File{file},
		Pkg:               pkg,
		TypesInfo:         info,
		TypesSizes:        conf.Sizes,
		TypeErrors:        typeErrors,
		Report:            func(analysis.Diagnostic) {},
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
		ReadFile:          func(string) ([]byte, error) { return src, nil },
	}
	_, err := analyzer.Analyzer.Run(pass)
	return err
}
