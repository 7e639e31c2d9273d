package analyzer

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A panicPoint is an instruction that may panic. Its rank orders how
// convincing it is to a reader: the strongest in a section is the one shown.
type panicPoint struct {
	pos   token.Pos
	instr ssa.Instruction // nil for panic points from facts
	kind  panicKind
	rank  int
	// strong: an explicit panic or a call through an interface or func
	// value, here or in a callee of this package; not a runtime panic or
	// an assertion alone.
	strong bool
	desc   string // filled in lazily: "c.load panics"
	// via: for a call of a function of this package, the strongest panic
	// point inside it (for "s.load panics (the index s.v[i] is out of
	// range at load.go:12)").
	via *panicPoint
}

// mayPanicAt records in the summary that the function may panic at pp,
// unless a deferred handler that swallows the panic is registered: a
// function that recovers its own panics (a decoder turning them into its
// error result) cannot panic to its caller.
func (a *fnAnalysis) mayPanicAt(st *state, pp panicPoint) {
	for _, d := range st.defers {
		if d.handler != nil && d.handler.swallows {
			return
		}
	}
	if pp.strong && a.c.stdPkg && pp.instr != nil && failurePath(pp.instr.Block()) {
		pp.strong = false // computing a precondition panic's message
	}
	a.mayPanic = true
	if pp.strong {
		a.strong = true
	}
	if a.sum.worst == nil || stronger(pp, *a.sum.worst) {
		a.sum.worst = &pp
	}
}

// stronger reports whether panic point p is more convincing than q: strong
// before weak, then by rank of what finally panics.
func stronger(p, q panicPoint) bool {
	if p.strong != q.strong {
		return p.strong
	}
	return p.root().rank > q.root().rank
}

// root is the panic point that finally panics, following calls into
// functions of this package.
func (p panicPoint) root() panicPoint {
	for i := 0; p.via != nil && i < 16; i++ {
		p = *p.via
	}
	return p
}

// strongerEscape replaces the panic point of the summary's escape for the
// same section by e's stronger one.
func (a *fnAnalysis) strongerEscape(e section) {
	for i, s := range a.sum.escapes {
		if s.p.key() == e.p.key() && s.held == e.held {
			a.sum.escapes[i].panic = e.panic
		}
	}
}

type panicKind uint8

const (
	panicExplicit panicKind = iota
	panicDynamic            // call through an interface or func value
	panicCall               // static call to a function that may panic
	panicAssert
	panicIndex
	panicSlice
	panicNil
	panicNilMap
	panicDivide
	panicClose
	panicSend
)

const (
	rankInvariant = 1 // a runtime panic that a constructor's invariant rules out
	rankCall      = 2 // a call to another package's function
	rankImplicit  = 3
	rankLocal     = 4 // a call to a function of this package
	rankAssert    = 4
	rankDynamic   = 5
	rankExplicit  = 6
)

// implicitPanic classifies instructions other than calls and panics.
func (a *fnAnalysis) implicitPanic(instr ssa.Instruction) (panicPoint, bool) {
	pp := func(k panicKind, pos token.Pos, rank int) (panicPoint, bool) {
		return panicPoint{pos: pos, instr: instr, kind: k, rank: rank}, true
	}
	switch in := instr.(type) {
	case *ssa.TypeAssert:
		if !in.CommaOk {
			if _, ok := in.AssertedType.Underlying().(*types.Interface); ok && types.Implements(in.X.Type(), in.AssertedType.Underlying().(*types.Interface)) && !isInterface(in.X.Type()) {
				return panicPoint{}, false
			}
			return pp(panicAssert, in.Pos(), rankAssert)
		}
		return panicPoint{}, false
	}
	if !a.c.cfg.ImplicitPanics {
		return panicPoint{}, false
	}
	switch in := instr.(type) {
	case *ssa.IndexAddr:
		if !a.indexSafe(in, in.X, in.Index) {
			return pp(panicIndex, in.Pos(), rankImplicit)
		}
		if a.mayBeNil(in, in.X) {
			return pp(panicNil, in.Pos(), rankImplicit)
		}
	case *ssa.Index:
		if !a.indexSafe(in, in.X, in.Index) {
			return pp(panicIndex, in.Pos(), rankImplicit)
		}
	case *ssa.Lookup:
		if _, isMap := in.X.Type().Underlying().(*types.Map); !isMap && !a.indexSafe(in, in.X, in.Index) {
			return pp(panicIndex, in.Pos(), rankImplicit)
		}
	case *ssa.Slice:
		if !sliceSafe(in) && !a.sliceProven(in) {
			return pp(panicSlice, in.Pos(), rankImplicit)
		}
	case *ssa.FieldAddr:
		if a.mayBeNil(in, in.X) {
			return pp(panicNil, in.Pos(), rankImplicit)
		}
	case *ssa.UnOp:
		if in.Op == token.MUL && a.mayBeNil(in, in.X) {
			return pp(panicNil, in.Pos(), rankImplicit)
		}
	case *ssa.Store:
		if a.mayBeNil(in, in.Addr) {
			return pp(panicNil, in.Pos(), rankImplicit)
		}
	case *ssa.MapUpdate:
		if a.mayBeNilMap(in.Map) {
			return pp(panicNilMap, in.Pos(), rankImplicit)
		}
	case *ssa.BinOp:
		if (in.Op == token.QUO || in.Op == token.REM) && isInteger(in.Type()) {
			if k, ok := in.Y.(*ssa.Const); (!ok || k.Value == nil || constant.Sign(k.Value) == 0) && !a.divisorProven(in, in.Y) {
				if a.c.invariantLen(in.Y) {
					// len of an unexported field: the constructor's
					// invariant (NewRing rejects size <= 0). Library
					// mode trusts it; otherwise it is the weakest point.
					if a.c.cfg.AssumeRecovered == "exported" {
						return panicPoint{}, false
					}
					return pp(panicDivide, in.Pos(), rankInvariant)
				}
				return pp(panicDivide, in.Pos(), rankImplicit)
			}
		}
	case *ssa.Send:
		if !a.c.sendSafe(in.Chan) {
			return pp(panicSend, in.Pos(), rankImplicit)
		}
	}
	return panicPoint{}, false
}

func isInterface(t types.Type) bool { _, ok := t.Underlying().(*types.Interface); return ok }

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// sliceSafe: s[:], s[0:], s[:0] cannot panic.
func sliceSafe(s *ssa.Slice) bool {
	isZero := func(v ssa.Value) bool {
		k, ok := v.(*ssa.Const)
		return ok && k.Value != nil && constant.Sign(k.Value) == 0
	}
	if s.Max != nil {
		return false
	}
	if s.Low != nil && !isZero(s.Low) {
		return false
	}
	return s.High == nil || isZero(s.High) && s.Low == nil
}

// indexSafe reports whether x[idx] is proven in bounds: a constant index
// into an array, or an index checked against len(x) (as range loops and
// "for i := 0; i < len(x); i++" do) on a dominating branch.
func (a *fnAnalysis) indexSafe(at ssa.Instruction, x, idx ssa.Value) bool {
	t := x.Type().Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	arr, isArray := t.(*types.Array)
	if k, ok := idx.(*ssa.Const); ok && isArray && k.Value != nil {
		if v, ok := constant.Int64Val(k.Value); ok && v >= 0 && v < arr.Len() {
			return true
		}
	}
	if _, isMap := t.(*types.Map); isMap {
		return true
	}
	if !isArray && a.indexProven(at, x, idx) {
		return true
	}
	xkey := valueKey(a.fn, x)
	for b := at.Block(); b != nil; b = b.Idom() {
		idom := b.Idom()
		if idom == nil || len(b.Preds) != 1 || b.Preds[0] != idom {
			continue
		}
		ifi, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If)
		if !ok || idom.Succs[0] != b {
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.LSS || cmp.X != idx {
			continue
		}
		if isArray {
			if k, ok := cmp.Y.(*ssa.Const); ok && k.Value != nil {
				if v, ok := constant.Int64Val(k.Value); ok && v <= arr.Len() {
					return true
				}
			}
		}
		if call, ok := cmp.Y.(*ssa.Call); ok {
			if bi, ok := call.Call.Value.(*ssa.Builtin); ok && bi.Name() == "len" && len(call.Call.Args) == 1 {
				if arg := call.Call.Args[0]; arg == x || valueKey(a.fn, arg) == xkey && xkey != "" {
					return true
				}
			}
		}
	}
	return false
}

// valueKey names a value by its path, so that two loads of r.items match.
func valueKey(fn *ssa.Function, v ssa.Value) string {
	if p := pathOf(fn, v); p != nil {
		return p.key()
	}
	return ""
}

// mayBeNil reports whether dereferencing ptr at instr may panic: only for
// pointers that plausibly are nil (a map lookup, a call result, a phi with
// a nil edge, a nil constant) and are not proven non-nil by a dominating
// dereference or nil check.
func (a *fnAnalysis) mayBeNil(at ssa.Instruction, ptr ssa.Value) bool {
	switch v := ptr.(type) {
	case *ssa.Lookup:
		if v.CommaOk {
			return false
		}
	case *ssa.Call:
		if _, isPtr := v.Type().Underlying().(*types.Pointer); !isPtr {
			return false
		}
		if f := v.Call.StaticCallee(); f != nil && a.c.returnsNonNil(f) {
			return false
		}
	case *ssa.Phi:
		hasNil := false
		for _, e := range v.Edges {
			if k, ok := e.(*ssa.Const); ok && k.IsNil() {
				hasNil = true
			}
		}
		if !hasNil {
			return false
		}
	case *ssa.Const:
		return v.IsNil()
	default:
		return false
	}
	return !a.provenNonNil(at, ptr)
}

// provenNonNil: a dereference of v dominates at, or a dominating branch
// tested v against nil.
func (a *fnAnalysis) provenNonNil(at ssa.Instruction, v ssa.Value) bool {
	if refs := v.Referrers(); refs != nil {
		for _, r := range *refs {
			if r == at || !derefs(r, v) {
				continue
			}
			if a.dominates(r, at) {
				return true
			}
		}
	}
	for b := at.Block(); b != nil; b = b.Idom() {
		idom := b.Idom()
		if idom == nil || len(b.Preds) != 1 || b.Preds[0] != idom {
			continue
		}
		ifi, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || !(cmp.X == v && isNilConst(cmp.Y) || cmp.Y == v && isNilConst(cmp.X)) {
			continue
		}
		if cmp.Op == token.NEQ && idom.Succs[0] == b || cmp.Op == token.EQL && idom.Succs[1] == b {
			return true
		}
	}
	return false
}

func isNilConst(v ssa.Value) bool { k, ok := v.(*ssa.Const); return ok && k.IsNil() }

func derefs(instr ssa.Instruction, v ssa.Value) bool {
	switch r := instr.(type) {
	case *ssa.FieldAddr:
		return r.X == v
	case *ssa.UnOp:
		return r.Op == token.MUL && r.X == v
	case *ssa.Store:
		return r.Addr == v
	case *ssa.IndexAddr:
		return r.X == v
	}
	return false
}

// dominates reports whether x executes before y on every path to y.
func (a *fnAnalysis) dominates(x, y ssa.Instruction) bool {
	if x.Block() == y.Block() {
		for _, in := range x.Block().Instrs {
			if in == x {
				return true
			}
			if in == y {
				return false
			}
		}
		return false
	}
	return x.Block().Dominates(y.Block())
}

// mayBeNilMap reports whether a store into m may hit a nil map: a map that
// is not made in this function, and (for fields and package-level
// variables of this package) never made or assigned a literal anywhere in
// the package.
func (a *fnAnalysis) mayBeNilMap(m ssa.Value) bool {
	switch v := m.(type) {
	case *ssa.MakeMap:
		return false
	case *ssa.Phi:
		for _, e := range v.Edges {
			if isNilConst(e) {
				return true
			}
		}
		return false
	case *ssa.Const:
		return v.IsNil()
	case *ssa.UnOp:
		switch addr := v.X.(type) {
		case *ssa.FieldAddr:
			f := fieldOf(addr.X.Type(), addr.Field)
			return f != nil && f.Pkg() == a.c.pass.Pkg && !a.c.madeMaps[f]
		case *ssa.Global:
			obj, _ := addr.Object().(*types.Var)
			return obj != nil && obj.Pkg() == a.c.pass.Pkg && !a.c.madeMaps[obj]
		case *ssa.Alloc:
			return false
		}
	}
	return false
}

// returnsNonNil reports whether f, a function of this package, never returns
// a nil pointer as its first result. Functions of other packages are
// assumed to return valid pointers.
func (c *checker) returnsNonNil(f *ssa.Function) bool {
	if f.Pkg == nil || f.Pkg.Pkg != c.pass.Pkg || len(f.Blocks) == 0 {
		return true
	}
	for _, b := range f.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
			switch r := ret.Results[0].(type) {
			case *ssa.Const:
				if r.IsNil() {
					return false
				}
			case *ssa.Lookup:
				return false
			case *ssa.Phi:
				for _, e := range r.Edges {
					if isNilConst(e) {
						return false
					}
				}
			}
		}
	}
	return true
}
