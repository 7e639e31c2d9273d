package source

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa/ssautil"
)

const src = `package p

type T[X any] struct{ m map[int]X }

func (t *T[X]) Get(k int) X { return t.m[k] }

func F(xs []int) int {
	g := func() int { return xs[0] }
	return g()
}
`

func TestIndex(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "dir/p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, types.NewPackage("p", "p"), []*ast.File{f}, 0)
	if err != nil {
		t.Fatal(err)
	}
	x := New(fset, []*ast.File{f}, pkg.Pkg)

	// t.m[k]: the index expression at its Lbrack, the selector at Sel.
	var ix *ast.IndexExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if n, ok := n.(*ast.IndexExpr); ok && ix == nil {
			if _, sel := n.X.(*ast.SelectorExpr); sel {
				ix = n
			}
		}
		return true
	})
	if got := x.NodeAt(ix.Lbrack); got != ix {
		t.Errorf("NodeAt(Lbrack) = %T, want the index expression", got)
	}
	if got := x.NodeAt(ix.X.(*ast.SelectorExpr).Sel.Pos()); got != ix.X {
		t.Errorf("NodeAt(Sel) = %T, want the selector", got)
	}
	if x.FileOf(ix.Pos()) != f || x.FileOf(token.NoPos) != nil {
		t.Error("FileOf")
	}
	if got := x.Loc(ix.Pos()); got != "p.go:5" {
		t.Errorf("Loc = %q, want p.go:5", got)
	}
	if x.Loc(token.NoPos) != "" {
		t.Error("Loc(NoPos) is not empty")
	}

	get := pkg.Prog.FuncValue(pkg.Pkg.Scope().Lookup("T").Type().(*types.Named).Method(0))
	if got := x.FuncName(get); got != "(*T).Get" {
		t.Errorf("FuncName(Get) = %q", got)
	}
	fn := pkg.Func("F")
	if got := x.FuncName(fn.AnonFuncs[0]); got != "the func literal in F" {
		t.Errorf("FuncName(literal) = %q", got)
	}
	if got := x.FuncName(nil); got != "?" {
		t.Errorf("FuncName(nil) = %q", got)
	}
	if Shorten("short") != "short" || len(Shorten(string(make([]byte, 50)))) != 40 {
		t.Error("Shorten")
	}
}
