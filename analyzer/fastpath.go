package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// needSSA reports whether the package can hold a finding or a lock fact:
// it calls recover, a lock method, a runtime/poison API, or a function of
// another package whose fact has lock effects, sections or a recover.
// Other packages only get "cannot panic" facts, computed on the syntax.
func (c *checker) needSSA() bool {
	for _, obj := range c.pass.TypesInfo.Uses {
		switch obj := obj.(type) {
		case *types.Builtin:
			if obj.Name() == "recover" {
				return true
			}
		case *types.Func:
			if obj.Pkg() != nil && locktypes.IsPoisonPkg(obj.Pkg().Path(), c.cfg.PoisonImport) {
				return true
			}
			if sig := obj.Signature(); sig.Recv() != nil {
				if _, ok := locktypes.Methods[obj.Name()]; ok && (locktypes.KindOf(sig.Recv().Type(), c.cfg.PoisonImport) != locktypes.None || locktypes.IsLocker(sig.Recv().Type())) {
					return true
				}
			}
			if c.dispatchNeedsSSA(obj) {
				return true
			}
			if obj.Pkg() != nil && obj.Pkg() != c.pass.Pkg {
				if s := c.factSummary(obj); s != nil && (len(s.acquires)+len(s.releases)+len(s.locks)+len(s.escapes)+len(s.recovers)+len(s.calls) > 0) {
					return true
				}
			}
		}
	}
	return false
}

// exportSyntaxFacts exports "cannot panic" facts for a package analysed
// without SSA, from its syntax: a function cannot panic when its body has
// no panic, no dynamic call, no call to a function that may panic, and (with
// -implicit-panics) no index, slice, division, send or assertion that may
// fail. It is conservative where the SSA analysis is precise.
func (c *checker) exportSyntaxFacts() {
	decls := map[*types.Func]*ast.FuncDecl{}
	broken := brokenFuncs(c.pass) // ill-typed: no fact, may panic
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && !broken[fd] {
				if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[obj] = fd
				}
			}
		}
	}
	// Recursion is optimistic: a function being computed is assumed not to
	// panic; when that assumption turns out false, the function is pinned
	// as "may panic" and everything is recomputed (a few rounds at most).
	memo := map[*types.Func]bool{}
	calls := map[*types.Func]uint64{} // standard library: func parameters called
	busy := map[*types.Func]bool{}
	assumed := map[*types.Func]bool{}
	pinned := map[*types.Func]bool{}
	rounds, contradicted := 0, false
	var noPanic func(obj *types.Func) bool
	noPanic = func(obj *types.Func) bool {
		if v, ok := memo[obj]; ok {
			return v
		}
		if busy[obj] {
			if pinned[obj] || rounds >= 4 {
				return false
			}
			assumed[obj] = true
			return true
		}
		busy[obj] = true
		defer delete(busy, obj)
		fd := decls[obj]
		var v bool
		if fd != nil && c.stdPkg && fd.Body != nil {
			calls[obj] = inProgress // recursion: as strong as its func arguments
			var bits uint64
			v, bits = c.stdBodyNoPanic(fd, noPanic, calls)
			calls[obj] = 0
			if v && bits != 0 {
				v, calls[obj] = false, bits
			}
		} else {
			v = fd != nil && (fd.Body == nil || c.bodyNoPanic(fd.Body, noPanic))
		}
		if !v && assumed[obj] {
			pinned[obj], contradicted = true, true
		}
		memo[obj] = v
		return v
	}
	objs := make([]*types.Func, 0, len(decls))
	for obj := range decls {
		if obj.Exported() {
			objs = append(objs, obj)
		}
	}
	slices.SortFunc(objs, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	for {
		for _, obj := range objs {
			noPanic(obj)
		}
		if !contradicted || rounds >= 4 {
			break
		}
		rounds++
		contradicted = false
		clear(memo)
		clear(calls)
		clear(assumed)
	}
	for _, obj := range objs {
		fd := decls[obj]
		f := &funcFact{NoPanic: noPanic(obj), ReadOnly: ptrMethod(obj) && fd.Body != nil && c.readOnlySyntax(fd)}
		if c.stdPkg {
			// Absence is "cannot panic" (see stdFact).
			f.StdCalls = callBits(calls[obj], false)
			f.Panics = !f.NoPanic && f.StdCalls == nil
			f.NoPanic = false
		}
		if f.NoPanic || f.ReadOnly || f.StdCalls != nil || f.Panics {
			c.pass.ExportObjectFact(obj, f)
		}
	}
}

// readOnlySyntax reports whether the pointer method fd writes nothing
// through its receiver: no assignment, ++/--, delete or clear rooted at it,
// no address of it or its fields taken, no call passing it or calling a
// pointer method on it, no func literal using it.
func (c *checker) readOnlySyntax(fd *ast.FuncDecl) bool {
	if len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 {
		return len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 0 // unnamed receiver: unused
	}
	recv := c.pass.TypesInfo.Defs[fd.Recv.List[0].Names[0]]
	if recv == nil {
		return false
	}
	info := c.pass.TypesInfo
	rooted := func(e ast.Expr) bool {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.Ident:
				return info.Uses[x] == recv
			case *ast.SelectorExpr:
				e = x.X
			case *ast.IndexExpr:
				e = x.X
			case *ast.StarExpr:
				e = x.X
			case *ast.SliceExpr:
				e = x.X
			default:
				return false
			}
		}
	}
	ok := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if rooted(l) {
					ok = false
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN && (n.Key != nil && rooted(n.Key) || n.Value != nil && rooted(n.Value)) {
				ok = false
			}
		case *ast.IncDecStmt:
			ok = !rooted(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND && rooted(n.X) {
				ok = false
			}
		case *ast.FuncLit:
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if id, isID := m.(*ast.Ident); isID && info.Uses[id] == recv {
					ok = false
				}
				return ok
			})
			return false
		case *ast.CallExpr:
			for _, a := range n.Args {
				if rooted(a) {
					if _, isBasic := info.TypeOf(a).Underlying().(*types.Basic); !isBasic {
						ok = false
					}
				}
			}
			if sel, isSel := ast.Unparen(n.Fun).(*ast.SelectorExpr); isSel && rooted(sel.X) {
				if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
					if fn, isFn := s.Obj().(*types.Func); isFn && ptrMethod(fn) {
						if fs := c.factSummary(fn); fn.Pkg() == c.pass.Pkg || fs == nil || !fs.readOnly {
							ok = false
						}
					}
				}
			}
		}
		return ok
	})
	return ok
}

func (c *checker) bodyNoPanic(body *ast.BlockStmt, local func(*types.Func) bool) bool {
	info := c.pass.TypesInfo
	implicit := c.cfg.ImplicitPanics
	ok := true
	commaOK := map[ast.Expr]bool{}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				commaOK[ast.Unparen(n.Rhs[0])] = true
			}
			if implicit {
				for _, l := range n.Lhs {
					if ix, isIx := ast.Unparen(l).(*ast.IndexExpr); isIx {
						if _, isMap := info.TypeOf(ix.X).Underlying().(*types.Map); isMap {
							ok = false // the map may be nil
						}
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == 2 && len(n.Values) == 1 {
				commaOK[ast.Unparen(n.Values[0])] = true
			}
		case *ast.DeferStmt, *ast.GoStmt:
			var call *ast.CallExpr
			if d, isDefer := n.(*ast.DeferStmt); isDefer {
				call = d.Call
			} else {
				call = n.(*ast.GoStmt).Call
			}
			// The deferred call runs later; its arguments are evaluated now.
			for _, a := range call.Args {
				ast.Inspect(a, visit)
			}
			return false
		case *ast.CallExpr:
			if !c.callNoPanic(n, local) {
				ok = false
			}
		case *ast.TypeAssertExpr:
			if n.Type != nil && !commaOK[n] {
				ok = false
			}
		case *ast.IndexExpr:
			t := info.TypeOf(n.X)
			if t == nil {
				ok = false
				break
			}
			switch u := t.Underlying().(type) {
			case *types.Map, *types.Signature:
			case *types.Array:
				if !constIndexIn(info, n.Index, u.Len()) && implicit {
					ok = false
				}
			default:
				if implicit {
					ok = false
				}
			}
		case *ast.SliceExpr:
			if implicit && (n.Low != nil || n.High != nil || n.Max != nil) {
				ok = false
			}
		case *ast.BinaryExpr:
			if implicit && (n.Op == token.QUO || n.Op == token.REM) && isInteger(info.TypeOf(n)) {
				if tv, isConst := info.Types[n.Y]; !isConst || tv.Value == nil || constant.Sign(tv.Value) == 0 {
					ok = false
				}
			}
		case *ast.SendStmt:
			if implicit {
				ok = false
			}
		case *ast.RangeStmt:
			if _, isFunc := info.TypeOf(n.X).Underlying().(*types.Signature); isFunc {
				ok = false
			}
		case *ast.SelectorExpr:
			if implicit {
				switch ast.Unparen(n.X).(type) {
				case *ast.CallExpr, *ast.IndexExpr:
					if _, isPtr := info.TypeOf(n.X).Underlying().(*types.Pointer); isPtr {
						ok = false
					}
				}
			}
		}
		return ok
	}
	ast.Inspect(body, visit)
	return ok
}

func constIndexIn(info *types.Info, idx ast.Expr, n int64) bool {
	tv, ok := info.Types[idx]
	if !ok || tv.Value == nil {
		return false
	}
	v, exact := constant.Int64Val(tv.Value)
	return exact && v >= 0 && v < n
}

// callNoPanic: conversions, builtins other than panic and close, and static
// calls of functions known not to panic.
func (c *checker) callNoPanic(call *ast.CallExpr, local func(*types.Func) bool) bool {
	info := c.pass.TypesInfo
	fun := ast.Unparen(call.Fun)
	if tv, ok := info.Types[fun]; ok && tv.IsType() {
		return true
	}
	var id *ast.Ident
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		if sel := info.Selections[f]; sel != nil {
			if sel.Kind() != types.MethodVal || isInterface(sel.Recv()) {
				return false
			}
		}
		id = f.Sel
	case *ast.IndexExpr:
		if x, ok := ast.Unparen(f.X).(*ast.Ident); ok {
			id = x
		} else if s, ok := ast.Unparen(f.X).(*ast.SelectorExpr); ok {
			id = s.Sel
		}
	}
	if id == nil {
		return false
	}
	switch obj := info.Uses[id].(type) {
	case *types.Builtin:
		return obj.Name() != "panic" && obj.Name() != "close"
	case *types.Func:
		obj = obj.Origin()
		if obj.Pkg() == c.pass.Pkg {
			return local(obj)
		}
		s := c.factSummary(obj)
		return s != nil && s.noPanic
	}
	return false
}
