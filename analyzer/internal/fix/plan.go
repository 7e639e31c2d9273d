// Package fix plans lockpoison's suggested fixes (DESIGN.md, "Suggested
// fixes") from a small Target value, the section a finding is about:
//
//   - lock-leak: "Defer the unlock" (defer.go), or else "Wrap the section
//     in a func with a deferred unlock"; either with "and use
//     poison.Mutex" when the section writes guarded state before the panic
//     point, which the released lock would otherwise expose (poisonToo);
//   - torn-state: "Use poison.Mutex" / "Use poison.RWMutex" (poison.go),
//     then, second, "Use poison.Registry" when the lock guards one map
//     (registry.go, registry_update.go).
//
// Every fix is derived from the syntax alone; when no fix keeps the
// behaviour, Plan says why, and the diagnostic carries it (Note). The
// package never imports the engine: what it needs from the analysis comes
// in the Target.
package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/lockpoison/lockpoison/analyzer/internal/source"
)

// Check is the check of the finding a fix is planned for.
type Check uint8

const (
	NoFix     Check = iota // a check without fixes
	LockLeak               // lock-leak
	TornState              // torn-state
)

// Target is the section a finding is about, as the fixes need it.
type Target struct {
	Check Check
	// LockPos is the Lock or RLock call opening the section (invalid when
	// the section is in another package).
	LockPos token.Pos
	Write   bool // the section holds the lock for writing
	Poison  bool // the lock is already a runtime/poison lock
	// Wrote is the guarded state written in the section before the panic
	// point, as the message names it ("c.items"), or "".
	Wrote string
	// Exposed is, when Wrote is "", the guarded state written before
	// another panic point of the section: releasing the lock on a panic
	// would expose it too (lock-leak), or "".
	Exposed string
	// HandlerReleases: the recover handler releases the lock itself.
	HandlerReleases bool
}

// Env is the pass the fixes are planned in.
type Env struct {
	Pass         *analysis.Pass
	Syntax       *source.Index
	PoisonImport string // the import path of runtime/poison (-poison-import)
}

// planner plans the fixes of one target.
type planner struct {
	pass         *analysis.Pass
	info         *types.Info
	syntax       *source.Index
	poisonImport string
	t            Target
}

// Plan computes the fixes for t, or the reason why there is none ("" for
// a check without fixes).
func Plan(env Env, t Target) ([]analysis.SuggestedFix, string) {
	fx := &planner{pass: env.Pass, info: env.Pass.TypesInfo, syntax: env.Syntax, poisonImport: env.PoisonImport, t: t}
	switch t.Check {
	case LockLeak, TornState:
	default:
		return nil, ""
	}
	if t.HandlerReleases {
		// The handler's own Unlock cannot see the panic: changing the
		// lock's type alone would not stop the torn state.
		return nil, "the recover handler releases the lock: re-panic in the handler, or use a poison lock and call UnlockPoisoned(p) there"
	}
	if !t.LockPos.IsValid() || fx.syntax.FileOf(t.LockPos) == nil {
		return nil, "the section is in another package"
	}
	ls, why := fx.lockSiteAt(t.LockPos)
	if ls == nil {
		return nil, why
	}
	if t.Check == LockLeak {
		return fx.leakFixes(ls)
	}
	return fx.tornFixes(ls)
}

// Note is appended to a diagnostic's message when Plan offered no fix:
// " (no fix: <why>)", or "" when there is a fix or the check has none.
func Note(fixes []analysis.SuggestedFix, why string) string {
	if len(fixes) > 0 || why == "" {
		return ""
	}
	return " (no fix: " + why + ")"
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

func (fx *planner) lockSiteAt(pos token.Pos) (*lockSite, string) {
	call, ok := fx.syntax.NodeAt(pos).(*ast.CallExpr)
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
	file := fx.syntax.FileOf(pos)
	tf := fx.pass.Fset.File(pos)
	src, err := fx.pass.ReadFile(tf.Name())
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
func (fx *planner) sameExpr(x, y ast.Expr) bool {
	x, y = ast.Unparen(x), ast.Unparen(y)
	if types.ExprString(x) != types.ExprString(y) {
		return false
	}
	switch x := x.(type) {
	case *ast.Ident:
		y, ok := y.(*ast.Ident)
		return ok && fx.info.ObjectOf(x) != nil && fx.info.ObjectOf(x) == fx.info.ObjectOf(y)
	case *ast.SelectorExpr:
		y, ok := y.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if fx.info.ObjectOf(x.Sel) != fx.info.ObjectOf(y.Sel) {
			return false
		}
		if _, isPkg := fx.info.ObjectOf(ident(x.X)).(*types.PkgName); isPkg {
			return true
		}
		return fx.sameExpr(x.X, y.X)
	case *ast.StarExpr:
		y, ok := y.(*ast.StarExpr)
		return ok && fx.sameExpr(x.X, y.X)
	case *ast.UnaryExpr:
		y, ok := y.(*ast.UnaryExpr)
		return ok && x.Op == token.AND && y.Op == token.AND && fx.sameExpr(x.X, y.X)
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
func (fx *planner) callsRecover(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if b, ok := fx.info.Uses[id].(*types.Builtin); ok && b.Name() == "recover" {
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
func (fx *planner) inHandler(stack []ast.Node) bool {
	for _, n := range stack {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil && fx.callsRecover(n.Body) {
				return true
			}
		case *ast.FuncLit:
			if fx.callsRecover(n.Body) {
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
