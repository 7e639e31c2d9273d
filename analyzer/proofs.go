package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// viaText says what inside a function of this package panics:
// " (the index s.v[i] is out of range at varz.go:123)", or "".
func (c *checker) viaText(pp panicPoint) string {
	if pp.via == nil {
		return ""
	}
	r := pp.root()
	if at := c.syntax.Loc(r.pos); at != "" {
		return " (" + c.describe(r) + " at " + at + ")"
	}
	return " (" + c.describe(r) + ")" // no position (a synthetic function): no empty "at"
}

// unreachable reports whether pos lies in code that cannot run: the
// default clause of a switch whose cases cover every possibility, a type
// switch over a sealed interface of this package (one with an unexported
// method: only the package's types implement it) that names each of them,
// or a switch on a named type of this package that lists each of its
// constants.
func (c *checker) unreachable(pos token.Pos) bool {
	if c.dead == nil {
		c.dead = c.deadDefaults()
	}
	for _, r := range c.dead {
		if r.from <= pos && pos < r.to {
			return true
		}
	}
	return false
}

type deadRange struct{ from, to token.Pos }

func (c *checker) deadDefaults() []deadRange {
	out := []deadRange{} // non-nil: computed
	info := c.pass.TypesInfo
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			var body *ast.BlockStmt
			var covered func(cases []*ast.CaseClause) bool
			switch s := n.(type) {
			case *ast.TypeSwitchStmt:
				var x ast.Expr
				switch a := s.Assign.(type) {
				case *ast.AssignStmt:
					if len(a.Rhs) == 1 {
						if ta, ok := a.Rhs[0].(*ast.TypeAssertExpr); ok {
							x = ta.X
						}
					}
				case *ast.ExprStmt:
					if ta, ok := a.X.(*ast.TypeAssertExpr); ok {
						x = ta.X
					}
				}
				if x == nil {
					return true
				}
				body = s.Body
				covered = func(cases []*ast.CaseClause) bool { return c.typesCovered(info.TypeOf(x), cases) }
			case *ast.SwitchStmt:
				if s.Tag == nil {
					return true
				}
				body = s.Body
				covered = func(cases []*ast.CaseClause) bool { return c.constsCovered(info.TypeOf(s.Tag), cases) }
			default:
				return true
			}
			var cases []*ast.CaseClause
			var def *ast.CaseClause
			for _, st := range body.List {
				if cc, ok := st.(*ast.CaseClause); ok {
					if cc.List == nil {
						def = cc
					} else {
						cases = append(cases, cc)
					}
				}
			}
			if def != nil && covered(cases) {
				out = append(out, deadRange{def.Colon, def.End()})
			}
			return true
		})
	}
	return out
}

// typesCovered: t is a sealed interface of this package and every named
// type of the package implementing it (as T or *T) has a case.
func (c *checker) typesCovered(t types.Type, cases []*ast.CaseClause) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != c.pass.Pkg || named.TypeParams() != nil {
		return false
	}
	it, ok := named.Underlying().(*types.Interface)
	if !ok || !sealedType(named) {
		return false
	}
	var caseTypes []types.Type
	for _, cc := range cases {
		for _, e := range cc.List {
			if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Type != nil && !tv.IsNil() {
				caseTypes = append(caseTypes, tv.Type)
			}
		}
	}
	hit := func(t types.Type) bool {
		for _, ct := range caseTypes {
			if types.Identical(ct, t) {
				return true
			}
			if ci, ok := ct.Underlying().(*types.Interface); ok && types.Implements(t, ci) {
				return true
			}
		}
		return false
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		tt := tn.Type()
		if isInterface(tt) {
			continue
		}
		if n, ok := tt.(*types.Named); ok && n.TypeParams() != nil {
			return false // instances cannot be listed
		}
		ptr := types.NewPointer(tt)
		if !types.Implements(tt, it) && !types.Implements(ptr, it) {
			continue
		}
		if !hit(tt) && !hit(ptr) {
			return false
		}
	}
	return true
}

// constsCovered: t is an unexported named basic type of this package that
// the package never converts a non-constant to, and each of its
// package-level constants has a case.
func (c *checker) constsCovered(t types.Type, cases []*ast.CaseClause) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != c.pass.Pkg || named.Obj().Exported() {
		return false
	}
	for e, tv := range c.pass.TypesInfo.Types {
		if call, ok := e.(*ast.CallExpr); ok && tv.Value == nil && len(call.Args) == 1 {
			if ft, ok := c.pass.TypesInfo.Types[call.Fun]; ok && ft.IsType() && types.Identical(ft.Type, named) {
				return false // T(x): any value
			}
		}
	}
	if _, ok := named.Underlying().(*types.Basic); !ok {
		return false
	}
	seen := map[string]bool{}
	for _, cc := range cases {
		for _, e := range cc.List {
			tv, ok := c.pass.TypesInfo.Types[e]
			if !ok || tv.Value == nil {
				return false // a non-constant case: give up
			}
			seen[tv.Value.ExactString()] = true
		}
	}
	scope := c.pass.Pkg.Scope()
	n := 0
	for _, name := range scope.Names() {
		k, ok := scope.Lookup(name).(*types.Const)
		if !ok || !types.Identical(k.Type(), named) {
			continue
		}
		n++
		if !seen[k.Val().ExactString()] {
			return false
		}
	}
	return n > 0
}

// Index proofs: what dominating branches and allocations say about len(x).

// lenCall returns the argument of v when v is a call of len, else nil.
func lenCall(v ssa.Value) ssa.Value {
	if call, ok := v.(*ssa.Call); ok {
		if bi, ok := call.Call.Value.(*ssa.Builtin); ok && bi.Name() == "len" && len(call.Call.Args) == 1 {
			return call.Call.Args[0]
		}
	}
	return nil
}

// sameSlice reports whether x and y are the same slice: one value, or two
// loads of one path (r.items).
func (a *fnAnalysis) sameSlice(x, y ssa.Value) bool {
	if x == y {
		return true
	}
	kx := valueKey(a.fn, x)
	return kx != "" && kx == valueKey(a.fn, y)
}

// isLenOf reports whether v is len(x), directly or as the length x was
// made with: out := make([]T, len(xs)) has len(out) == len(xs).
func (a *fnAnalysis) isLenOf(v, x ssa.Value) bool {
	if arg := lenCall(v); arg != nil && a.sameSlice(arg, x) {
		return true
	}
	if ms, ok := x.(*ssa.MakeSlice); ok && ms.Cap == ms.Len {
		if ms.Len == v {
			return true
		}
		if y := lenCall(ms.Len); y != nil {
			if arg := lenCall(v); arg != nil && a.sameSlice(arg, y) {
				return true
			}
		}
	}
	return false
}

// takenEdges calls f for each branch that every path to at takes: the
// condition and whether it held.
func takenEdges(at ssa.Instruction, f func(cond ssa.Value, holds bool) bool) bool {
	for b := at.Block(); b != nil; b = b.Idom() {
		idom := b.Idom()
		if idom == nil {
			return false
		}
		ifi, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		for k, s := range idom.Succs[:2] {
			if len(s.Preds) == 1 && s.Dominates(b) && idom.Succs[1-k] != s {
				if f(ifi.Cond, k == 0) {
					return true
				}
			}
		}
	}
	return false
}

// minLen returns a lower bound of len(x) at instruction at: from a
// non-empty slice literal, or from a dominating comparison of len(x) with
// a constant (len(s) > 0, len(s) != 0, len(s) == 1, an early return on
// len(s) == 0).
func (a *fnAnalysis) minLen(at ssa.Instruction, x ssa.Value) int64 {
	var best int64
	if sl, ok := x.(*ssa.Slice); ok && sl.Low == nil && sl.High == nil {
		if al, ok := sl.X.(*ssa.Alloc); ok {
			if p, ok := al.Type().Underlying().(*types.Pointer); ok {
				if arr, ok := p.Elem().Underlying().(*types.Array); ok {
					best = arr.Len()
				}
			}
		}
	}
	takenEdges(at, func(cond ssa.Value, holds bool) bool {
		cmp, ok := cond.(*ssa.BinOp)
		if !ok {
			return false
		}
		op, l, k := cmp.Op, cmp.X, cmp.Y
		if _, isConst := l.(*ssa.Const); isConst {
			// c OP len(x): swap to len(x) OP' c.
			l, k = k, l
			op = swapped(op)
		}
		kc, ok := k.(*ssa.Const)
		if !ok || kc.Value == nil || kc.Value.Kind() != constant.Int || !a.isLenOf(l, x) {
			return false
		}
		c, exact := constant.Int64Val(kc.Value)
		if !exact {
			return false
		}
		if n, ok := negated(op); !holds && ok {
			op = n
		}
		n := int64(0)
		switch op {
		case token.GTR:
			n = c + 1
		case token.GEQ, token.EQL:
			n = c
		case token.NEQ:
			if c == 0 {
				n = 1
			}
		}
		best = max(best, n)
		return false
	})
	return best
}

// indexProven reports whether x[idx] is in bounds by the rules of minLen
// and isLenOf: a constant index below the proven length, len(x)-c with
// len(x) >= c, i%len(x) (a remainder is below the divisor; indexes are
// taken as counters, not negative), an index checked against a length
// equal to len(x).
func (a *fnAnalysis) indexProven(at ssa.Instruction, x, idx ssa.Value) bool {
	switch i := idx.(type) {
	case *ssa.Const:
		if i.Value != nil && i.Value.Kind() == constant.Int {
			if v, ok := constant.Int64Val(i.Value); ok && v >= 0 && v < a.minLen(at, x) {
				return true
			}
		}
	case *ssa.BinOp:
		switch i.Op {
		case token.SUB:
			if kc, ok := i.Y.(*ssa.Const); ok && kc.Value != nil && a.isLenOf(i.X, x) {
				if c, ok := constant.Int64Val(kc.Value); ok && c >= 1 && c <= a.minLen(at, x) {
					return true
				}
			}
			// t[k-1] with len(t) >= k and k >= 1 proven.
			if kc, ok := i.Y.(*ssa.Const); ok && kc.Value != nil {
				if c, ok := constant.Int64Val(kc.Value); ok && c >= 1 && a.lenAtLeast(at, x, i.X) && atLeast(at, i.X, c) {
					return true
				}
			}
		case token.REM:
			if a.isLenOf(unconvert(i.Y), x) {
				return true
			}
		}
	case *ssa.Convert:
		return a.indexProven(at, x, i.X)
	}
	return takenEdges(at, func(cond ssa.Value, holds bool) bool {
		cmp, ok := cond.(*ssa.BinOp)
		if !ok || !holds {
			return false
		}
		switch {
		case cmp.Op == token.LSS && cmp.X == idx:
			return a.isLenOf(cmp.Y, x)
		case cmp.Op == token.GTR && cmp.Y == idx:
			return a.isLenOf(cmp.X, x)
		}
		return false
	})
}

func unconvert(v ssa.Value) ssa.Value {
	if c, ok := v.(*ssa.Convert); ok {
		return c.X
	}
	return v
}

// divisorProven reports whether the integer divisor y is proven non-zero:
// len(x) (possibly converted) with len(x) >= 1 proven.
func (a *fnAnalysis) divisorProven(at ssa.Instruction, y ssa.Value) bool {
	if x := lenCall(unconvert(y)); x != nil {
		return a.minLen(at, x) >= 1
	}
	return takenEdges(at, func(cond ssa.Value, holds bool) bool {
		cmp, ok := cond.(*ssa.BinOp)
		if !ok || !(cmp.X == y && isZeroConst(cmp.Y) || cmp.Y == y && isZeroConst(cmp.X)) {
			return false
		}
		return cmp.Op == token.NEQ && holds || cmp.Op == token.EQL && !holds ||
			cmp.Op == token.GTR && holds && cmp.X == y || cmp.Op == token.LSS && holds && cmp.Y == y
	})
}

func isZeroConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.Int && constant.Sign(k.Value) == 0
}

// Channel protocols.

// chanVar returns the field or package-level variable a channel value is
// loaded from (ch := s.ch counts), or nil.
func chanVar(v ssa.Value) *types.Var {
	for i := 0; i < 4; i++ {
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil
			}
			switch addr := x.X.(type) {
			case *ssa.FieldAddr:
				return fieldOf(addr.X.Type(), addr.Field)
			case *ssa.Global:
				obj, _ := addr.Object().(*types.Var)
				return obj
			}
			return nil
		case *ssa.Field:
			return fieldOf(x.X.Type(), x.Field)
		case *ssa.ChangeType:
			v = x.X
		default:
			return nil
		}
	}
	return nil
}

// closedChans records what the package closes: fields and package-level
// variables, and the types of channels closed through anything else.
type closedChans struct {
	vars  map[*types.Var]bool
	types []types.Type
}

func (c *checker) closedChans() *closedChans {
	if c.closed != nil {
		return c.closed
	}
	cc := &closedChans{vars: map[*types.Var]bool{}}
	for fn := range c.src {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok || len(call.Call.Args) != 1 {
					continue
				}
				if bi, ok := call.Call.Value.(*ssa.Builtin); !ok || bi.Name() != "close" {
					continue
				}
				if v := chanVar(call.Call.Args[0]); v != nil {
					cc.vars[v] = true
				} else {
					cc.types = append(cc.types, call.Call.Args[0].Type())
				}
			}
		}
	}
	c.closed = cc
	return cc
}

// sendSafe reports whether a send on ch cannot panic: ch is an unexported
// field or package-level variable of this package (no other package can
// close it) that the package never closes. A nil channel blocks; only a
// closed one panics.
func (c *checker) sendSafe(ch ssa.Value) bool {
	v := chanVar(ch)
	if v == nil || v.Exported() || v.Pkg() != c.pass.Pkg {
		return false
	}
	cc := c.closedChans()
	if cc.vars[v] {
		return false
	}
	for _, t := range cc.types {
		if types.Identical(t.Underlying(), v.Type().Underlying()) {
			return false
		}
	}
	return true
}

// closeOnce reports whether close(ch) at instr is guarded so that it runs
// once: under a held lock, behind a branch on a boolean field or variable
// that the function sets to true ("if s.closed { return }; s.closed =
// true; close(s.ch)"), or on a successful CompareAndSwap.
func (a *fnAnalysis) closeOnce(st *state, instr ssa.Instruction) bool {
	return takenEdges(instr, func(cond ssa.Value, holds bool) bool {
		if call, ok := cond.(*ssa.Call); ok && holds {
			var name string
			if call.Call.IsInvoke() {
				name = call.Call.Method.Name()
			} else if f := call.Call.StaticCallee(); f != nil {
				name = f.Name()
			}
			return strings.HasPrefix(name, "CompareAndSwap")
		}
		if len(st.held) == 0 {
			return false
		}
		if cmp, ok := cond.(*ssa.BinOp); ok && (cmp.Op == token.NEQ && holds || cmp.Op == token.EQL && !holds) {
			// "if s.ch != nil { close(s.ch); s.ch = nil }"
			x := cmp.X
			if isNilConst(x) {
				x = cmp.Y
			}
			ld, ok := x.(*ssa.UnOp)
			if !ok || ld.Op != token.MUL || !isNilConst(cmp.X) && !isNilConst(cmp.Y) {
				return false
			}
			return a.storesConst(valueKey(a.fn, ld.X), func(k *ssa.Const) bool { return k.IsNil() })
		}
		ld, ok := cond.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL || !isBool(ld.Type()) {
			return false
		}
		if holds {
			return false // the flag must be false on the path that closes
		}
		return a.storesConst(valueKey(a.fn, ld.X), func(k *ssa.Const) bool {
			return k.Value != nil && k.Value.Kind() == constant.Bool && constant.BoolVal(k.Value)
		})
	})
}

// storesConst reports whether the function stores a constant accepted by
// ok into the path key.
func (a *fnAnalysis) storesConst(key string, ok func(*ssa.Const) bool) bool {
	if key == "" {
		return false
	}
	for _, b := range a.fn.Blocks {
		for _, in := range b.Instrs {
			if s, isStore := in.(*ssa.Store); isStore && valueKey(a.fn, s.Addr) == key {
				if k, isConst := s.Val.(*ssa.Const); isConst && ok(k) {
					return true
				}
			}
		}
	}
	return false
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// invariantLen reports whether the divisor v is the length of an
// unexported field of a struct type of this package (len(r.buf)), which
// its constructor sets: an invariant, not an input.
func (c *checker) invariantLen(v ssa.Value) bool {
	x := lenCall(unconvert(v))
	if x == nil {
		return false
	}
	f := chanVar(x) // a field or variable loaded as a value
	return f != nil && f.IsField() && !f.Exported() && f.Pkg() == c.pass.Pkg
}

// nilInput reports whether the callee-relative lock path p is rooted at an
// input that the call passes as a constant nil: the callee cannot enter
// that section (it is under "if p != nil", or locking would fault first).
func nilInput(p *path, inputs []ssa.Value) bool {
	return p.kind == pathInput && p.input < len(inputs) && isNilConst(inputs[p.input])
}

// holdsOn calls f with each comparison l OP r that holds on every path to
// at (negated on the false edge).
func holdsOn(at ssa.Instruction, f func(op token.Token, l, r ssa.Value) bool) bool {
	return takenEdges(at, func(cond ssa.Value, holds bool) bool {
		cmp, ok := cond.(*ssa.BinOp)
		if !ok {
			return false
		}
		op := cmp.Op
		if !holds {
			n, ok := negated(op)
			if !ok {
				return false
			}
			op = n
		}
		return f(op, unconvert(cmp.X), unconvert(cmp.Y))
	})
}

// lenAtLeast reports whether len(x) >= v holds at at.
func (a *fnAnalysis) lenAtLeast(at ssa.Instruction, x, v ssa.Value) bool {
	v = unconvert(v)
	if a.isLenOf(v, x) {
		return true
	}
	return holdsOn(at, func(op token.Token, l, r ssa.Value) bool {
		switch op {
		case token.GEQ, token.GTR, token.EQL:
			return l != v && a.isLenOf(l, x) && r == v
		case token.LEQ, token.LSS:
			return r != v && a.isLenOf(r, x) && l == v
		}
		return false
	})
}

// atLeast reports whether v >= c holds at at, for a constant c.
func atLeast(at ssa.Instruction, v ssa.Value, c int64) bool {
	v = unconvert(v)
	return holdsOn(at, func(op token.Token, l, r ssa.Value) bool {
		if l != v {
			// c OP v: swap.
			l, r = r, l
			op = swapped(op)
		}
		k, ok := r.(*ssa.Const)
		if l != v || !ok || k.Value == nil || k.Value.Kind() != constant.Int {
			return false
		}
		n, exact := constant.Int64Val(k.Value)
		if !exact {
			return false
		}
		switch op {
		case token.GTR:
			return n+1 >= c
		case token.GEQ, token.EQL:
			return n >= c
		}
		return false
	})
}

// sliceProven reports whether s[n:] is in bounds because n is what a copy
// into s returned (n := copy(s, src); s[n:]): copy returns at most len(s).
func (a *fnAnalysis) sliceProven(s *ssa.Slice) bool {
	if a.sliceHighProven(s) {
		return true // sliceproofs.go
	}
	if s.High != nil || s.Max != nil || s.Low == nil {
		return false
	}
	call, ok := unconvert(s.Low).(*ssa.Call)
	if !ok {
		return false
	}
	bi, ok := call.Call.Value.(*ssa.Builtin)
	return ok && bi.Name() == "copy" && len(call.Call.Args) == 2 && a.sameSlice(call.Call.Args[0], s.X)
}

// negated is the comparison that holds where op does not (a < b: a >= b);
// ok is false for a token that is not a comparison.
func negated(op token.Token) (token.Token, bool) {
	switch op {
	case token.EQL:
		return token.NEQ, true
	case token.NEQ:
		return token.EQL, true
	case token.LSS:
		return token.GEQ, true
	case token.GEQ:
		return token.LSS, true
	case token.GTR:
		return token.LEQ, true
	case token.LEQ:
		return token.GTR, true
	}
	return op, false
}

// swapped is op with its operands exchanged (a < b is b > a); == and !=,
// and tokens that are not comparisons, stay as they are.
func swapped(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}
