package fix

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// Fixes for lock-leak: defer the unlock, or wrap the section in a func
// literal with a deferred unlock.

const (
	msgDefer = "Defer the unlock"
	msgWrap  = "Wrap the section in a func with a deferred unlock"
)

// lockOp is a call of a lock method on the section's lock.
type lockOp struct {
	call   *ast.CallExpr
	name   string
	stmt   ast.Stmt // the ExprStmt holding the call, if it is one
	nested bool     // inside a func literal within the function
}

// leak is the analysis of a lock-leak section for its fixes.
type leak struct {
	fx     *planner
	ls     *lockSite
	body   *ast.BlockStmt // the enclosing function's body
	list   []ast.Stmt     // the statement list holding the Lock statement
	idx    int            // its index there
	stmt   *ast.ExprStmt  // the Lock statement
	unlock string         // "Unlock" or "RUnlock"
	recv   string         // the lock's source text
	indent string
	ops    []lockOp // lock operations on the same lock in the function
	loop   bool     // the Lock is inside a loop of the function
	// handler: the deferred unlock would run after a recover handler
	// deferred in the section (deferFix).
	handler bool
}

func (fx *planner) leakFixes(ls *lockSite) ([]analysis.SuggestedFix, string) {
	n := len(ls.stack)
	if n < 2 {
		return nil, "the Lock call is not a statement"
	}
	stmt, ok := ls.stack[n-2].(*ast.ExprStmt)
	if !ok || stmt.X != ls.call && ast.Unparen(stmt.X) != ls.call {
		return nil, "the Lock call is not a statement"
	}
	body, fi := funcBody(ls.stack)
	if body == nil {
		return nil, "the Lock call is not in a function"
	}
	if fx.inHandler(ls.stack) {
		return nil, "the lock is taken in a recover handler"
	}
	list, idx := stmtList(ls.stack, n-2)
	if list == nil {
		return nil, "the Lock statement is not in a block"
	}
	indent, ok := ls.ownLine(stmt)
	if !ok {
		return nil, "the Lock statement shares its line"
	}
	lk := &leak{fx: fx, ls: ls, body: body, list: list, idx: idx, stmt: stmt,
		unlock: "Unlock", recv: ls.text(ls.recv), indent: indent}
	if ls.sel.Sel.Name == "RLock" {
		lk.unlock = "RUnlock"
	}
	for _, nd := range ls.stack[fi+1:] {
		switch nd.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			lk.loop = true
		}
	}
	lk.collectOps()
	for _, op := range lk.ops {
		if op.nested {
			return nil, lk.recv + " is locked or unlocked in a func literal"
		}
	}
	fix := lk.deferFix()
	if fix == nil {
		var why string
		if fix, why = lk.wrapFix(); fix == nil {
			return nil, why
		}
	}
	if wrote := fx.t.exposed(); wrote != "" && !fx.t.Poison {
		// Releasing the lock on the panic would expose the half-updated
		// state as torn-state: the fix also poisons the lock, unless a
		// recover handler in the section stops the panic before the
		// unlock, which then cannot poison.
		if lk.handler {
			return nil, "releasing the lock on the panic would leave " + wrote + " half-updated, and the recover handler in the section runs before the unlock could poison it"
		}
		pf, why := fx.poisonToo(wrote, ls, fix)
		if pf == nil {
			return nil, why
		}
		fix = pf
	}
	return []analysis.SuggestedFix{*fix}, ""
}

// exposed is the guarded state that releasing the lock on a panic would
// expose, or "".
func (t Target) exposed() string {
	if t.Wrote != "" {
		return t.Wrote
	}
	return t.Exposed
}

// poisonToo extends a fix that releases the lock on a panic with the
// change of the lock's type to poison.Mutex (the first and only fix of
// such a section: the deferred unlock alone would trade the lock leak for
// torn state), or says why it cannot.
func (fx *planner) poisonToo(wrote string, ls *lockSite, fix *analysis.SuggestedFix) (*analysis.SuggestedFix, string) {
	why := "releasing the lock on the panic would leave " + wrote + " half-updated, and "
	if !fx.t.Write {
		return nil, why + "a read lock does not poison"
	}
	pl, w := fx.poisonLock(ls)
	if pl == nil {
		return nil, why + w
	}
	mf, w := pl.mutexFix()
	if mf == nil {
		return nil, why + w
	}
	fix.Message += " and use" + strings.TrimPrefix(mf.Message, "Use")
	fix.TextEdits = append(fix.TextEdits, mf.TextEdits...)
	return fix, ""
}

// collectOps finds the lock operations on the section's lock in the
// function (nested func literals included, marked).
func (lk *leak) collectOps() {
	fx := lk.fx
	ast.PreorderStack(lk.body, nil, func(n ast.Node, stack []ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call == lk.ls.call {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !locktypes.Ops[sel.Sel.Name] || !fx.sameExpr(sel.X, lk.ls.recv) {
			return true
		}
		op := lockOp{call: call, name: sel.Sel.Name}
		for _, s := range stack {
			if _, ok := s.(*ast.FuncLit); ok {
				op.nested = true
			}
		}
		if len(stack) > 0 {
			if es, ok := stack[len(stack)-1].(*ast.ExprStmt); ok {
				op.stmt = es
			}
		}
		lk.ops = append(lk.ops, op)
		return true
	})
}

// deferFix: the section ends at the end of the function, or every unlock
// is followed by a return: defer the unlock and delete the explicit ones.
func (lk *leak) deferFix() *analysis.SuggestedFix {
	if lk.loop {
		return nil
	}
	rest := len(lk.list)
	var unlocks []lockOp
	for _, op := range lk.ops {
		if !within(op.call, lk.list, lk.idx+1, rest) {
			continue // another section of the function, before this one
		}
		if op.name != lk.unlock || op.stmt == nil {
			return nil
		}
		unlocks = append(unlocks, op)
	}
	if len(unlocks) == 0 {
		return nil // held at exit on purpose, or released elsewhere
	}
	// Control must not leave the statement list other than by a return.
	if leavesBlock(lk.list[lk.idx+1:], true) {
		return nil
	}
	last := lk.list[len(lk.list)-1]
	if _, ok := last.(*ast.ReturnStmt); !ok {
		// Falling off the end: only from the function's body, through an
		// unlock.
		if !sameList(lk.list, lk.body.List) || !isOp(unlocks, last) {
			return nil
		}
	}
	// Every unlock is followed by a return (or ends the body); every
	// return is preceded by an unlock.
	ok := true
	follows := map[ast.Stmt]bool{}
	for _, op := range unlocks {
		list, j := lk.listOf(op.stmt)
		if list == nil {
			return nil
		}
		if j+1 < len(list) {
			ret, isRet := list[j+1].(*ast.ReturnStmt)
			if !isRet || !lk.fx.safeResults(ret) {
				return nil
			}
			follows[ret] = true
		} else if !sameList(list, lk.body.List) {
			return nil
		}
		if _, ok := lk.ls.ownLine(op.stmt); !ok {
			return nil
		}
	}
	for _, s := range lk.list[lk.idx+1:] {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if !follows[n] {
					ok = false
				}
			case *ast.DeferStmt:
				// It would run before the deferred unlock instead of after
				// the explicit one: only a recover handler that calls no
				// function of this package nor any method may, as it then
				// runs before the unlock on a panic too.
				if !lk.fx.recoverHandler(n) {
					ok = false
				}
				lk.handler = true
				return false
			}
			return ok
		})
	}
	if !ok {
		return nil
	}
	edits := []analysis.TextEdit{lk.insertAfterLine(lk.stmt, "defer "+lk.recv+"."+lk.unlock+"()")}
	for _, op := range unlocks {
		edits = append(edits, lk.ls.deleteLine(op.stmt))
	}
	return &analysis.SuggestedFix{Message: msgDefer, TextEdits: edits}
}

func isOp(ops []lockOp, s ast.Stmt) bool {
	for _, op := range ops {
		if op.stmt == s {
			return true
		}
	}
	return false
}

// listOf finds the statement list holding s, within the function body.
func (lk *leak) listOf(s ast.Stmt) ([]ast.Stmt, int) {
	var list []ast.Stmt
	idx := -1
	ast.Inspect(lk.body, func(n ast.Node) bool {
		if idx >= 0 {
			return false
		}
		var l []ast.Stmt
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			l = n.List
		case *ast.CaseClause:
			l = n.Body
		case *ast.CommClause:
			l = n.Body
		}
		for j, x := range l {
			if x == s {
				list, idx = l, j
			}
		}
		return true
	})
	return list, idx
}

// insertAfterLine inserts a statement on a new line after s (after its
// trailing comment), at s's indentation.
func (lk *leak) insertAfterLine(s ast.Node, text string) analysis.TextEdit {
	at := lk.ls.tf.Pos(lk.ls.lineEnd(s.End()))
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n" + lk.indent + text)}
}
