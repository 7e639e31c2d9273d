package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
	"github.com/lockpoison/lockpoison/analyzer/internal/source"
)

// Part of poison-ignored: a poisoned lock "recovered" without repairing its
// state, the Go form of Rust's poisoned.into_inner() with the data used as is.
//
//   - X.ClearPoison() on a runtime/poison lock X = B.f, after which (on the
//     path that follows the call, in source order, up to a terminating
//     statement) a sibling field B.g is read before any sibling field is
//     written, with no sibling field written between the acquisition of X
//     that precedes the clear (LockChecked, RLockChecked, LockForRepair, or
//     the function's start) and the clear. A call of a method of B, a use of
//     B as an operand (passed, assigned) or a method call on B.g counts as a
//     write: it may be the repair.
//   - R.Repair(func(m map[K]V) error { ... }) on a Registry whose callback
//     neither writes m (assignment to m[k], delete, clear, m passed to a call
//     or a method) nor returns anything but nil: it clears the poison and
//     leaves the torn map as it was.

// unrepairedClears reports both shapes in every function of the package.
func (c *checker) unrepairedClears() {
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			typ, name := c.poisonMethod(sel)
			switch {
			case name == "ClearPoison" && (typ == "Mutex" || typ == "RWMutex"):
				c.checkClear(file, call, sel)
			case name == "LockForRepair" && (typ == "Mutex" || typ == "RWMutex"):
				c.checkRepairDiscarded(file, call, sel)
			case name == "Repair" && typ == "Registry" && len(call.Args) == 1:
				c.checkRepairCallback(call, sel)
			}
			return true
		})
	}
}

// poisonMethod returns the receiver type name and method name of a call of a
// runtime/poison method, or "", "".
func (c *checker) poisonMethod(sel *ast.SelectorExpr) (string, string) {
	fn, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || !locktypes.IsPoisonPkg(fn.Pkg().Path(), c.cfg.PoisonImport) {
		return "", ""
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return "", ""
	}
	n := locktypes.Named(recv.Type())
	if n == nil {
		return "", ""
	}
	return n.Obj().Name(), fn.Name()
}

func (c *checker) checkClear(file *ast.File, call *ast.CallExpr, sel *ast.SelectorExpr) {
	lock, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return // a lock that is not a field: its guarded state is unknown
	}
	g := guard{c: c, base: types.ExprString(lock.X), lock: lock.Sel.Name}
	path, _ := astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	var body *ast.BlockStmt
	for _, n := range path {
		if f, ok := n.(*ast.FuncLit); ok {
			body = f.Body
			break
		}
		if f, ok := n.(*ast.FuncDecl); ok {
			body = f.Body
			break
		}
	}
	if body == nil {
		return
	}
	// The window before the clear starts at the last acquisition of the lock
	// through a method that hands over a poisoned lock's state.
	lockText := types.ExprString(lock)
	start := body.Pos()
	held := false // the clear runs under the lock taken by LockForRepair
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || n.Pos() >= call.Pos() {
			return false
		}
		if ac, ok := n.(*ast.CallExpr); ok {
			if s, ok := ast.Unparen(ac.Fun).(*ast.SelectorExpr); ok && types.ExprString(s.X) == lockText {
				switch _, name := c.poisonMethod(s); name {
				case "LockChecked", "RLockChecked", "TryLockChecked":
					start, held = ac.Pos(), false
				case "LockForRepair":
					start, held = ac.Pos(), true
				}
			}
		}
		return true
	})
	if c.skipped(call.Pos(), CheckPoisonIgnored) {
		return
	}
	x := source.Shorten(lockText)
	if !g.writesIn(body, start, call.Pos()) {
		if read := g.firstReadAfter(path, call); read != nil {
			c.pass.Report(analysisDiagnostic(call.Pos(), CheckPoisonIgnored,
				"the poison of "+x+" is cleared without repairing its state: "+source.Shorten(types.ExprString(read))+
					" is read at line "+strconv.Itoa(c.pass.Fset.Position(read.Pos()).Line)+
					" before anything it guards is written (reset or rebuild the state before ClearPoison, or return the error)"))
			return
		}
	}
	// Cleared first, locked and repaired after: in between, other
	// goroutines get the lock and the torn state.
	if !held {
		if acq := c.acquiredAfter(path, call, lockText); acq != nil {
			c.pass.Report(analysisDiagnostic(call.Pos(), CheckPoisonIgnored,
				"the poison of "+x+" is cleared before "+x+" is taken at line "+
					strconv.Itoa(c.pass.Fset.Position(acq.Pos()).Line)+
					": other goroutines can use the torn state before the repair (take it with LockForRepair, repair, then ClearPoison)"))
		}
	}
}

// checkRepairDiscarded reports X.LockForRepair() whose error is discarded and
// after which a guarded field is read before any is written: the poisoned
// state taken as is.
func (c *checker) checkRepairDiscarded(file *ast.File, call *ast.CallExpr, sel *ast.SelectorExpr) {
	lock, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return
	}
	path, _ := astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	if len(path) < 2 {
		return
	}
	switch p := path[1].(type) {
	case *ast.ExprStmt:
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 {
			return
		}
		if id, ok := p.Lhs[0].(*ast.Ident); !ok || id.Name != "_" {
			return
		}
	default:
		return
	}
	g := guard{c: c, base: types.ExprString(lock.X), lock: lock.Sel.Name}
	read := g.firstReadAfter(path, call)
	if read == nil || c.skipped(call.Pos(), CheckPoisonIgnored) {
		return
	}
	x := source.Shorten(types.ExprString(lock))
	c.pass.Report(analysisDiagnostic(call.Pos(), CheckPoisonIgnored,
		"the error of "+x+".LockForRepair is discarded and "+source.Shorten(types.ExprString(read))+" is read at line "+
			strconv.Itoa(c.pass.Fset.Position(read.Pos()).Line)+
			" before anything it guards is written: a poisoned "+x+"'s torn state is used as is"))
}

// guard describes the state guarded by the lock field base.lock: the other
// fields of base.
type guard struct {
	c    *checker
	base string // types.ExprString of the lock's operand
	lock string // the lock's field name
}

// field returns the guarded field selected by e, if e is base.g with g a
// field other than the lock.
func (g guard) field(e ast.Expr) *ast.SelectorExpr {
	s, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || s.Sel.Name == g.lock || types.ExprString(s.X) != g.base {
		return nil
	}
	if sel, ok := g.c.pass.TypesInfo.Selections[s]; !ok || sel.Kind() != types.FieldVal {
		return nil
	}
	return s
}

// isBase reports whether e is the guarded struct itself (base).
func (g guard) isBase(e ast.Expr) bool { return types.ExprString(ast.Unparen(e)) == g.base }

// written returns the guarded field that e designates as an assignment target
// (base.g, base.g[k], base.g.h, *base.g), or nil.
func (g guard) written(e ast.Expr) *ast.SelectorExpr {
	for {
		if f := g.field(e); f != nil {
			return f
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// writeNode reports whether n writes guarded state, or may (an unknown use of
// base: a method call on it or on a guarded field, base passed or assigned).
func (g guard) writeNode(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			if g.written(l) != nil {
				return true
			}
		}
	case *ast.IncDecStmt:
		return g.written(n.X) != nil
	case *ast.CallExpr:
		if name, ok := g.c.builtinName(n); ok {
			// delete, clear and copy write their first operand; len, cap,
			// append and the others only read theirs.
			return writingBuiltin[name] && len(n.Args) > 0 && g.written(n.Args[0]) != nil
		}
		if s, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
			if g.isBase(s.X) && s.Sel.Name != g.lock {
				if sel, ok := g.c.pass.TypesInfo.Selections[s]; ok && sel.Kind() == types.MethodVal {
					return true // base.rebuild()
				}
			}
			if g.field(s.X) != nil {
				return true // base.g.Reset()
			}
		}
		for _, a := range n.Args {
			a = ast.Unparen(a)
			if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
				a = u.X
			}
			if g.isBase(a) || g.written(a) != nil {
				return true // rebuild(c), fill(&c.items), fill(c.items)
			}
		}
	}
	return false
}

// writesIn reports whether a node of body in [from, to) writes guarded state.
func (g guard) writesIn(body ast.Node, from, to token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || n.End() <= from || n.Pos() >= to {
			return false
		}
		if n.Pos() >= from && g.writeNode(n) {
			found = true
		}
		return !found
	})
	return found
}

// pathAfter returns the statements that follow the call: the rest of each
// enclosing statement list, innermost first, up to the function body or a
// terminating statement (included).
func pathAfter(path []ast.Node, call *ast.CallExpr) []ast.Stmt {
	var out []ast.Stmt
	var child ast.Node = call
	for _, n := range path {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return out
		case *ast.BlockStmt:
			switch child.(type) {
			case *ast.CaseClause, *ast.CommClause:
				// The other clauses are other paths: go on after the switch.
				child = n
				continue
			}
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		default:
			child = n
			continue
		}
		after := false
		for _, s := range list {
			if !after {
				after = s == child
				continue
			}
			out = append(out, s)
			if terminates(s) {
				return out
			}
		}
		child = n
	}
	return out
}

// firstReadAfter returns the first guarded field read on the path after the
// call before any guarded write, or nil.
func (g guard) firstReadAfter(path []ast.Node, call *ast.CallExpr) *ast.SelectorExpr {
	for _, s := range pathAfter(path, call) {
		if r, stop := g.scan(s); r != nil || stop {
			return r
		}
	}
	return nil
}

// acquiredAfter returns the first acquisition of the lock lockText on the
// path after the call, or nil.
func (c *checker) acquiredAfter(path []ast.Node, call *ast.CallExpr, lockText string) *ast.CallExpr {
	var found *ast.CallExpr
	for _, s := range pathAfter(path, call) {
		ast.Inspect(s, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if ac, ok := n.(*ast.CallExpr); ok {
				if sel, ok := ast.Unparen(ac.Fun).(*ast.SelectorExpr); ok && types.ExprString(sel.X) == lockText {
					if _, name := c.poisonMethod(sel); locktypes.Methods[name].Acquire || name == "TryLock" || name == "TryLockChecked" {
						found = ac
					}
				}
			}
			return found == nil
		})
		if found != nil {
			return found
		}
	}
	return nil
}

// scan walks s in source order: it returns the first guarded read before any
// guarded write, or stop=true at a write.
func (g guard) scan(s ast.Stmt) (read *ast.SelectorExpr, stop bool) {
	ast.Inspect(s, func(n ast.Node) bool {
		if read != nil || stop {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false // runs later, if at all
		}
		if g.writeNode(n) {
			stop = true
			return false
		}
		if e, ok := n.(ast.Expr); ok {
			if f := g.field(e); f != nil {
				read = f
				return false
			}
		}
		return true
	})
	return read, stop
}

// writingBuiltin are the builtins that write their first operand.
var writingBuiltin = map[string]bool{"delete": true, "clear": true, "copy": true}

// builtinName returns the name of the builtin that call calls, if it does.
func (c *checker) builtinName(call *ast.CallExpr) (string, bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return "", false
	}
	if _, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); !ok {
		return "", false
	}
	return id.Name, true
}

// terminates reports whether s ends the path: return, branch, panic.
func terminates(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// checkRepairCallback reports a Registry.Repair callback that changes
// nothing and returns nil.
func (c *checker) checkRepairCallback(call *ast.CallExpr, sel *ast.SelectorExpr) {
	lit, ok := ast.Unparen(call.Args[0]).(*ast.FuncLit)
	if !ok || lit.Type.Params == nil || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 {
		return
	}
	m, ok := c.pass.TypesInfo.Defs[lit.Type.Params.List[0].Names[0]].(*types.Var)
	if !ok {
		return
	}
	isM := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && c.pass.TypesInfo.Uses[id] == m
	}
	changes := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if changes {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && isM(ix.X) {
					changes = true
				}
			}
			for _, r := range n.Rhs {
				if isM(r) {
					changes = true // aliased: unknown
				}
			}
		case *ast.IncDecStmt:
			if ix, ok := ast.Unparen(n.X).(*ast.IndexExpr); ok && isM(ix.X) {
				changes = true
			}
		case *ast.CallExpr:
			if name, ok := c.builtinName(n); ok {
				if writingBuiltin[name] && len(n.Args) > 0 && isM(n.Args[0]) {
					changes = true // delete(m, k), clear(m)
				}
				break
			}
			for _, a := range n.Args {
				if isM(a) {
					changes = true // fix(m)
				}
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if id, ok := ast.Unparen(r).(*ast.Ident); !ok || id.Name != "nil" {
					changes = true // may return an error: keeps the poison
				}
			}
		}
		return !changes
	})
	if changes || c.skipped(call.Pos(), CheckPoisonIgnored) {
		return
	}
	x := source.Shorten(types.ExprString(sel.X))
	c.pass.Report(analysisDiagnostic(call.Pos(), CheckPoisonIgnored,
		"the callback of "+x+".Repair changes nothing and returns nil: it clears the poison of "+x+
			" and the torn map is used as is (delete or rebuild the torn entries, or return an error)"))
}
