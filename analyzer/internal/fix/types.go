package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
)

// Questions about types for the fixes: calls that cannot block or
// re-lock, the type an expression is converted to, zero values and type
// names as a file writes them.

// safeResults reports whether evaluating ret's results while still
// holding the lock (now released by the deferred unlock, after them)
// cannot block or re-lock: no calls of this package's functions or of
// func values, no receives.
func (fx *planner) safeResults(ret *ast.ReturnStmt) bool {
	for _, r := range ret.Results {
		if !fx.safeCalls(r) {
			return false
		}
	}
	return true
}

// safeCalls reports whether running root (not the func literals within)
// calls no function of this package, no method and no func value, and
// receives from no channel.
func (fx *planner) safeCalls(root ast.Node) bool {
	ok := true
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		case *ast.CallExpr:
			if tv, has := fx.info.Types[n.Fun]; has && (tv.IsType() || tv.IsBuiltin()) {
				break
			}
			var obj types.Object
			switch fun := ast.Unparen(n.Fun).(type) {
			case *ast.Ident:
				obj = fx.info.Uses[fun]
			case *ast.SelectorExpr:
				obj = fx.info.Uses[fun.Sel]
			}
			fn, isFunc := obj.(*types.Func)
			if !isFunc || fn.Pkg() == fx.pass.Pkg || fn.Signature().Recv() != nil {
				ok = false
			}
		}
		return ok
	})
	return ok
}

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

func isTypeParam(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}

// targetType returns the type that expression e (with its enclosing nodes)
// is converted to by its context, or nil when unknown.
func (fx *planner) targetType(e ast.Expr, stack []ast.Node) types.Type {
	info := fx.info
	if len(stack) == 0 {
		return nil
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.ParenExpr:
		return fx.targetType(p, stack[:len(stack)-1])
	case *ast.CallExpr:
		i := slices.Index(p.Args, e)
		if i < 0 {
			return nil
		}
		tv, ok := info.Types[p.Fun]
		if !ok || tv.IsBuiltin() {
			return nil
		}
		if tv.IsType() {
			return tv.Type
		}
		sig, ok := typeUnder(tv.Type).(*types.Signature)
		if !ok {
			return nil
		}
		params := sig.Params()
		if sig.Variadic() && i >= params.Len()-1 {
			if p.Ellipsis.IsValid() {
				return nil
			}
			if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
				return s.Elem()
			}
			return nil
		}
		if i < params.Len() {
			return params.At(i).Type()
		}
	case *ast.AssignStmt:
		if p.Tok != token.ASSIGN || len(p.Lhs) != len(p.Rhs) {
			return nil
		}
		if i := slices.Index(p.Rhs, e); i >= 0 {
			return info.TypeOf(p.Lhs[i])
		}
	case *ast.ValueSpec:
		if p.Type != nil && slices.Contains(p.Values, e) {
			return info.TypeOf(p.Type)
		}
	case *ast.KeyValueExpr:
		if p.Value == e && len(stack) >= 2 {
			if _, ok := stack[len(stack)-2].(*ast.CompositeLit); ok {
				if id, ok := p.Key.(*ast.Ident); ok {
					if fv, ok := info.Uses[id].(*types.Var); ok && fv.IsField() {
						return fv.Type()
					}
				}
			}
		}
	case *ast.ReturnStmt:
		i := slices.Index(p.Results, e)
		if i < 0 {
			return nil
		}
		for j := len(stack) - 2; j >= 0; j-- {
			var ft *ast.FuncType
			switch fn := stack[j].(type) {
			case *ast.FuncDecl:
				ft = fn.Type
			case *ast.FuncLit:
				ft = fn.Type
			default:
				continue
			}
			if sig, ok := info.TypeOf(ft).(*types.Signature); ok && sig.Results().Len() == len(p.Results) {
				return sig.Results().At(i).Type()
			}
			if fd, ok := stack[j].(*ast.FuncDecl); ok {
				if obj, ok := info.Defs[fd.Name].(*types.Func); ok && obj.Signature().Results().Len() == len(p.Results) {
					return obj.Signature().Results().At(i).Type()
				}
			}
			return nil
		}
	}
	return nil
}

// zeroValue writes the zero value of t as file refers to it.
func (fx *planner) zeroValue(t types.Type, file *ast.File) (string, bool) {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Info()&types.IsNumeric != 0:
			if _, named := types.Unalias(t).(*types.Named); named {
				break
			}
			return "0", true
		case u.Kind() == types.UnsafePointer:
			return "nil", true
		}
		if u.Info()&types.IsNumeric != 0 {
			return "0", true
		}
		return "", false
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		if isTypeParam(t) {
			break
		}
		return "nil", true
	case *types.Struct, *types.Array:
		s, ok := fx.typeText(t, file)
		return s + "{}", ok
	}
	if isTypeParam(t) {
		return "*new(" + t.String() + ")", true
	}
	return "", false
}

// typeText writes t as file refers to it.
func (fx *planner) typeText(t types.Type, file *ast.File) (string, bool) {
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		if p == fx.pass.Pkg {
			return ""
		}
		for _, spec := range file.Imports {
			if path, _ := strconv.Unquote(spec.Path.Value); path == p.Path() {
				if pn := fx.info.PkgNameOf(spec); pn != nil && pn.Name() != "_" && pn.Name() != "." {
					return pn.Name()
				}
			}
		}
		ok = false
		return p.Name()
	})
	return s, ok
}
