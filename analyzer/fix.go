package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// Suggested fixes (DESIGN.md, "Suggested fixes"):
//
//   - lock-leak: "Defer the unlock" (fix_defer.go), or else "Wrap the
//     section in a func with a deferred unlock"; either with "and use
//     poison.Mutex" when the section writes guarded state before the panic
//     point, which the released lock would otherwise expose (poisonToo);
//   - torn-state: "Use poison.Mutex" / "Use poison.RWMutex" (fix_poison.go),
//     then, second, "Use poison.Registry" when the lock guards one map
//     (fix_registry.go); when a recover handler releases the lock, "Use
//     poison.Mutex and poison the lock in the recover handler"
//     (fix_handler.go).
//
// Every fix is derived from the syntax alone; when no fix keeps the
// behaviour, the diagnostic says why (fixNote).

// fixes returns the suggested fixes for a finding.
func (c *checker) fixes(f *finding) []analysis.SuggestedFix {
	fixes, _ := c.planFixes(f)
	return fixes
}

// fixNote is appended to the diagnostic's message when no fix is offered:
// " (no fix: <why>)", or "" when there is a fix or the check has none.
func (c *checker) fixNote(f *finding) string {
	fixes, why := c.planFixes(f)
	if len(fixes) > 0 || why == "" {
		return ""
	}
	return " (no fix: " + why + ")"
}

// planFixes computes the fixes for f, or the reason why there is none.
func (c *checker) planFixes(f *finding) ([]analysis.SuggestedFix, string) {
	switch f.check {
	case CheckLockLeak, CheckTornState:
	default:
		return nil, ""
	}
	if !f.lock.pos.IsValid() || c.fileOf(f.lock.pos) == nil {
		return nil, "the section is in another package"
	}
	ls, why := c.lockSiteAt(f.lock.pos)
	if ls == nil {
		return nil, why
	}
	if f.lock.handler != "" {
		// The handler's own Unlock cannot see the panic: it must poison
		// the lock itself (fix_handler.go).
		return c.handlerFixes(f, ls)
	}
	if f.check == CheckLockLeak {
		return c.leakFixes(f, ls)
	}
	return c.tornFixes(f, ls)
}

// lockSite is the syntax of the Lock/RLock call that opens a section.
type lockSite struct {
	file *ast.File
	tf   *token.File
	src  []byte
	call *ast.CallExpr
	sel  *ast.SelectorExpr // call.Fun: recv.Lock
	recv ast.Expr
	// stack is the path from the file to the call, outermost first.
	stack []ast.Node
}

func (c *checker) lockSiteAt(pos token.Pos) (*lockSite, string) {
	call, ok := c.nodeAt(pos).(*ast.CallExpr)
	if !ok {
		return nil, "the lock is not taken by a method call"
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 {
		return nil, "the lock is not taken by a Lock or RLock method call"
	}
	switch sel.Sel.Name {
	case "Lock", "RLock":
	default:
		return nil, "the lock is not taken by a Lock or RLock method call"
	}
	file := c.fileOf(pos)
	tf := c.pass.Fset.File(pos)
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil, "the source is not available"
	}
	path, _ := astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	if len(path) == 0 || path[0] != call {
		return nil, "the lock call is not found in the syntax"
	}
	stack := make([]ast.Node, len(path))
	for i, n := range path {
		stack[len(path)-1-i] = n
	}
	return &lockSite{file: file, tf: tf, src: src, call: call, sel: sel, recv: ast.Unparen(sel.X), stack: stack}, ""
}

// text returns the source of n.
func (ls *lockSite) text(n ast.Node) string {
	return string(ls.src[ls.off(n.Pos()):ls.off(n.End())])
}

func (ls *lockSite) off(p token.Pos) int { return ls.tf.Offset(p) }

// lineStart is the offset of the start of p's line.
func (ls *lockSite) lineStart(p token.Pos) int {
	o := ls.off(p)
	for o > 0 && ls.src[o-1] != '\n' {
		o--
	}
	return o
}

// lineEnd is the offset of the newline ending p's line (or of EOF).
func (ls *lockSite) lineEnd(p token.Pos) int {
	o := ls.off(p)
	for o < len(ls.src) && ls.src[o] != '\n' {
		o++
	}
	return o
}

// ownLine reports whether n is alone on its line(s), except for a trailing
// line comment, and returns its indentation.
func (ls *lockSite) ownLine(n ast.Node) (indent string, ok bool) {
	before := string(ls.src[ls.lineStart(n.Pos()):ls.off(n.Pos())])
	if strings.TrimLeft(before, " \t") != "" {
		return "", false
	}
	after := strings.TrimSpace(string(ls.src[ls.off(n.End()):ls.lineEnd(n.End())]))
	if after != "" && !strings.HasPrefix(after, "//") {
		return "", false
	}
	return before, true
}

// sameExpr reports whether x and y denote the same variable: the same
// text and the same objects along the selector chain.
func (c *checker) sameExpr(x, y ast.Expr) bool {
	x, y = ast.Unparen(x), ast.Unparen(y)
	if types.ExprString(x) != types.ExprString(y) {
		return false
	}
	switch x := x.(type) {
	case *ast.Ident:
		y, ok := y.(*ast.Ident)
		return ok && c.pass.TypesInfo.ObjectOf(x) != nil && c.pass.TypesInfo.ObjectOf(x) == c.pass.TypesInfo.ObjectOf(y)
	case *ast.SelectorExpr:
		y, ok := y.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if c.pass.TypesInfo.ObjectOf(x.Sel) != c.pass.TypesInfo.ObjectOf(y.Sel) {
			return false
		}
		if _, isPkg := c.pass.TypesInfo.ObjectOf(ident(x.X)).(*types.PkgName); isPkg {
			return true
		}
		return c.sameExpr(x.X, y.X)
	case *ast.StarExpr:
		y, ok := y.(*ast.StarExpr)
		return ok && c.sameExpr(x.X, y.X)
	case *ast.UnaryExpr:
		y, ok := y.(*ast.UnaryExpr)
		return ok && x.Op == token.AND && y.Op == token.AND && c.sameExpr(x.X, y.X)
	}
	return false
}

func ident(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	if id == nil {
		return &ast.Ident{}
	}
	return id
}

// callsRecover reports whether body calls the builtin recover directly
// (not in a nested func literal): it may be a recover handler.
func (c *checker) callsRecover(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "recover" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// funcBody returns the body of the innermost function in stack.
func funcBody(stack []ast.Node) (*ast.BlockStmt, int) {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncDecl:
			return n.Body, i
		case *ast.FuncLit:
			return n.Body, i
		}
	}
	return nil, -1
}

// inHandler reports whether any function enclosing the site calls
// recover directly: fixes never add or remove an unlock in a recover
// handler, where unlocking an unlocked mutex is a fatal error that recover
// cannot catch.
func (c *checker) inHandler(stack []ast.Node) bool {
	for _, n := range stack {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil && c.callsRecover(n.Body) {
				return true
			}
		case *ast.FuncLit:
			if c.callsRecover(n.Body) {
				return true
			}
		}
	}
	return false
}

// stmtList returns the statement list that directly holds the statement
// at stack[i], and its index there.
func stmtList(stack []ast.Node, i int) ([]ast.Stmt, int) {
	if i < 1 {
		return nil, -1
	}
	var list []ast.Stmt
	switch p := stack[i-1].(type) {
	case *ast.BlockStmt:
		list = p.List
	case *ast.CaseClause:
		list = p.Body
	case *ast.CommClause:
		list = p.Body
	default:
		return nil, -1
	}
	for j, s := range list {
		if s == stack[i] {
			return list, j
		}
	}
	return nil, -1
}
