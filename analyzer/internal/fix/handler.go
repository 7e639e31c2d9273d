package fix

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// Fix for torn-state released by a recover handler (the engine's handlers.go): the
// handler's plain Unlock cannot see the panic (it has recovered it), so
// changing the lock's type alone would release it unpoisoned. The fix
// changes the type (as poison.go does, unless the lock is a poison
// lock already) and replaces the handler's X.mu.Unlock() with
// X.mu.UnlockPoisoned(p), p being the handler's recovered value:
//
//	defer func() {
//		if p := recover(); p != nil {
//			r.mu.UnlockPoisoned(p) // was r.mu.Unlock()
//			err = errors.New("register failed")
//		}
//	}()
//
// The next Lock of r.mu then panics with *poison.LockPoisonedError (and
// LockChecked returns it) instead of handing out the half-updated state.
//
// The handler may be a func literal or a named function of this package
// (defer r.onPanic(&err)); one in another package is refused. When the
// handler tests recover() without keeping its value (if recover() != nil
// {...}), the fix introduces the variable (if p := recover(); p != nil
// {...}); any other shape is refused.

// handlerFixes returns the fix for torn-state f, whose lock (taken at ls)
// the recover handler's unlock at fx.t.HandlerPos releases.
func (fx *planner) handlerFixes(ls *lockSite) ([]analysis.SuggestedFix, string) {
	const instead = ": re-panic in the handler, or make the lock a poison lock and call UnlockPoisoned(p) there"
	if !fx.t.Write {
		return nil, "a read section does not poison"
	}
	if !fx.t.HandlerPos.IsValid() || fx.syntax.FileOf(fx.t.HandlerPos) == nil {
		return nil, "the recover handler that releases the lock is in another package" + instead
	}
	hs, why := fx.handlerSiteAt(fx.t.HandlerPos)
	if hs == nil {
		return nil, why + instead
	}
	var edits []analysis.TextEdit
	msg := "Poison the lock in the recover handler"
	if fx.t.Poison {
		if !hs.hasUnlockPoisoned() {
			return nil, hs.name + " has no UnlockPoisoned method" + instead
		}
	} else {
		pl, why := fx.poisonLock(ls)
		if pl == nil {
			return nil, why + instead
		}
		if hs.lockVar() != pl.v {
			return nil, "the recover handler unlocks " + hs.name + ", not the field or variable " + pl.name + instead
		}
		fix, why := pl.mutexFix()
		if fix == nil {
			return nil, why + instead
		}
		edits = fix.TextEdits
		msg = "Use poison." + pl.typ.Sel.Name + " and poison the lock in the recover handler" + fx.importNote()
	}
	he, why := hs.edits()
	if he == nil {
		return nil, why + instead
	}
	edits = append(edits, he...)
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}, ""
}

// handlerSite is the recover handler's unlock call, in this package.
type handlerSite struct {
	fx    *planner
	call  *ast.CallExpr     // X.mu.Unlock()
	sel   *ast.SelectorExpr // X.mu.Unlock
	name  string            // "X.mu"
	stack []ast.Node        // file to call, outermost first
	body  *ast.BlockStmt    // the handler function's body
}

func (fx *planner) handlerSiteAt(pos token.Pos) (*handlerSite, string) {
	call, ok := fx.syntax.NodeAt(pos).(*ast.CallExpr)
	if !ok {
		return nil, "the recover handler's unlock is not a method call"
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Unlock" || len(call.Args) != 0 {
		return nil, "the recover handler does not release the lock with Unlock()"
	}
	path, _ := astutil.PathEnclosingInterval(fx.syntax.FileOf(pos), call.Pos(), call.End())
	if len(path) == 0 || path[0] != call {
		return nil, "the recover handler's unlock is not found in the syntax"
	}
	stack := make([]ast.Node, len(path))
	for i, n := range path {
		stack[len(path)-1-i] = n
	}
	body, _ := funcBody(stack)
	if body == nil || !fx.callsRecover(body) {
		return nil, "the unlock is not in the function that calls recover"
	}
	return &handlerSite{fx: fx, call: call, sel: sel, name: types.ExprString(ast.Unparen(sel.X)), stack: stack, body: body}, ""
}

// lockVar is the field or package-level variable the handler unlocks, or
// nil (a local, a parameter, an expression).
func (hs *handlerSite) lockVar() *types.Var {
	info := hs.fx.info
	switch x := ast.Unparen(hs.sel.X).(type) {
	case *ast.SelectorExpr:
		if s := info.Selections[x]; s != nil {
			if v, ok := s.Obj().(*types.Var); ok && v.IsField() {
				return v.Origin()
			}
			return nil
		}
		v, _ := info.Uses[x.Sel].(*types.Var) // pkg.mu
		return v
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok && v.Parent() == hs.fx.pass.Pkg.Scope() {
			return v
		}
	}
	return nil
}

// hasUnlockPoisoned reports whether the unlocked lock has the method
// UnlockPoisoned(any): it is a poison lock.
func (hs *handlerSite) hasUnlockPoisoned() bool {
	t := hs.fx.info.TypeOf(hs.sel.X)
	if t == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, hs.fx.pass.Pkg, "UnlockPoisoned")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 1 && sig.Results().Len() == 0 && types.Identical(sig.Params().At(0).Type(), types.NewInterfaceType(nil, nil))
}

// edits replaces the unlock with UnlockPoisoned of the recovered value,
// introducing the value's variable when the handler tests recover()
// directly.
func (hs *handlerSite) edits() ([]analysis.TextEdit, string) {
	fx, info := hs.fx, hs.fx.info
	// unlock replaces the reported unlock, and every other Unlock() of
	// the same lock in the handler where the value's variable (declared
	// in scope, or introduced in the if's scope) is visible.
	unlock := func(name string, visible func(*ast.CallExpr) bool) []analysis.TextEdit {
		var out []analysis.TextEdit
		ast.Inspect(hs.body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 0 {
				return true
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Unlock" || (call != hs.call && !(fx.sameExpr(sel.X, hs.sel.X) && visible(call))) {
				return true
			}
			out = append(out, analysis.TextEdit{Pos: sel.Sel.Pos(), End: call.End(), NewText: []byte("UnlockPoisoned(" + name + ")")})
			return true
		})
		return out
	}
	scope := fx.pass.Pkg.Scope().Innermost(hs.call.Pos())
	if scope == nil {
		return nil, "the scope of the recover handler's unlock is not known"
	}
	// The recovered value's variable, in scope at the unlock.
	var v *types.Var
	var ifRec *ast.IfStmt // if recover() != nil { ... unlock ... }
	ast.PreorderStack(hs.body, nil, func(n ast.Node, stack []ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok || !fx.isRecoverCall(call) || v != nil || len(stack) == 0 {
			return true
		}
		var id *ast.Ident
		switch p := stack[len(stack)-1].(type) {
		case *ast.AssignStmt:
			if len(p.Lhs) == 1 && len(p.Rhs) == 1 && p.Rhs[0] == call {
				id, _ = p.Lhs[0].(*ast.Ident)
			}
		case *ast.ValueSpec:
			if len(p.Names) == 1 && len(p.Values) == 1 && p.Values[0] == call {
				id = p.Names[0]
			}
		case *ast.BinaryExpr:
			// if recover() != nil, the unlock in its body
			if len(stack) >= 2 && (p.Op == token.NEQ) && (isNilIdent(info, p.X) || isNilIdent(info, p.Y)) {
				if is, ok := stack[len(stack)-2].(*ast.IfStmt); ok && is.Cond == p && is.Init == nil &&
					is.Body.Pos() <= hs.call.Pos() && hs.call.End() <= is.Body.End() {
					ifRec = is
				}
			}
		}
		if id == nil || id.Name == "_" {
			return true
		}
		obj, _ := info.ObjectOf(id).(*types.Var)
		if obj == nil {
			return true
		}
		if _, found := scope.LookupParent(obj.Name(), hs.call.Pos()); found == obj {
			v = obj
		}
		return true
	})
	if v != nil {
		return unlock(v.Name(), func(call *ast.CallExpr) bool {
			s := fx.pass.Pkg.Scope().Innermost(call.Pos())
			if s == nil {
				return false
			}
			_, found := s.LookupParent(v.Name(), call.Pos())
			return found == v
		}), ""
	}
	if ifRec == nil {
		return nil, "the recover handler does not keep the recovered value in a variable"
	}
	// Introduce the variable: if p := recover(); p != nil {
	name := ""
	for _, n := range []string{"p", "rec", "recovered"} {
		if _, obj := scope.LookupParent(n, hs.call.Pos()); obj == nil && !mentions(ifRec, n) {
			name = n
			break
		}
	}
	if name == "" {
		return nil, "no name is free for the recovered value"
	}
	cond := ifRec.Cond.(*ast.BinaryExpr)
	rec := cond.X
	if isNilIdent(info, rec) {
		rec = cond.Y
	}
	text := name + " := " + types.ExprString(rec) + "; " + name + " != nil"
	return append([]analysis.TextEdit{{Pos: cond.Pos(), End: cond.End(), NewText: []byte(text)}}, unlock(name, func(call *ast.CallExpr) bool {
		return ifRec.Body.Pos() <= call.Pos() && call.End() <= ifRec.Body.End()
	})...), ""
}

// isRecoverCall reports whether call calls the builtin recover.
func (fx *planner) isRecoverCall(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := fx.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "recover"
}

func isNilIdent(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// mentions reports whether an identifier named name occurs in n.
func mentions(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}
