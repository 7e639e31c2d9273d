package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
	"github.com/lockpoison/lockpoison/analyzer/internal/source"
)

// poisonIgnored reports discarded errors of runtime/poison checked calls:
// a call statement (also under go or defer), or an assignment of the error
// to the blank identifier; and poison cleared without a repair (unrepaired.go).
func (c *checker) poisonIgnored() {
	c.unrepairedClears()
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ExprStmt:
				c.checkDiscarded(n.X)
			case *ast.GoStmt:
				c.checkDiscarded(n.Call)
			case *ast.DeferStmt:
				c.checkDiscarded(n.Call)
			case *ast.AssignStmt:
				if len(n.Rhs) == 1 && len(n.Lhs) > 1 {
					if id, ok := n.Lhs[len(n.Lhs)-1].(*ast.Ident); ok && id.Name == "_" {
						c.checkDiscarded(n.Rhs[0])
					}
				} else if len(n.Rhs) == 1 && len(n.Lhs) == 1 {
					if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
						c.checkDiscarded(n.Rhs[0])
					}
				}
			}
			return true
		})
	}
}

func (c *checker) checkDiscarded(e ast.Expr) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || !locktypes.IsPoisonPkg(fn.Pkg().Path(), c.cfg.PoisonImport) {
		return
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return
	}
	n := locktypes.Named(recv.Type())
	if n == nil || !locktypes.Checked[n.Obj().Name()][fn.Name()] {
		return
	}
	if c.skipped(call.Pos(), CheckPoisonIgnored) {
		return
	}
	x := source.Shorten(types.ExprString(sel.X))
	c.pass.Report(analysisDiagnostic(call.Pos(), CheckPoisonIgnored,
		"the error of "+x+"."+fn.Name()+" is discarded: a poisoned "+x+" goes unnoticed and its torn state is used"))
}
