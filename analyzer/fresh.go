package analyzer

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// Objects fresh in the recovered call (issue 11 shape 10b, FP-1). A
// recovering parser or constructor often builds objects, locks them and
// panics half-way: the recover turns the panic into an error and the
// objects are dropped. A lock on such an object is never observed again,
// so its section is neither a leak nor torn state. The rule, conservative
// (when it cannot be shown, the finding stays):
//
// A section is dropped when, in the frame of the recovered call (the
// function with the swallowing deferred recover, or the function a
// context boundary runs), its lock lies inside an object that
//
//   - was allocated in that call: the lock's path is rooted at a local
//     value that is a heap allocation (&T{}, new(T)) or the result of a
//     constructor of this package returning such an allocation it did not
//     let escape (NewAccount), and the path selects only fields held by
//     value (a.mu, a.state.mu; not a.srv.mu, another object); and
//   - had not escaped when the panic happened: no instruction reaching the
//     panic point without allocating the object again (a loop's next
//     iteration allocates a new one) stores it, converts it to an
//     interface, captures it in a closure, sends it, or passes it to a
//     function that may keep it. A callee of this package keeps a
//     parameter when it does any of these with it or returns it
//     (recursively); a callee of another package (but sync's lock
//     methods), a dynamic call and a goroutine always may.
//
// An object stored into the receiver, a parameter, a package-level
// variable or anything else before the panic stays shared, and the
// finding stays.

// freshMemo caches returnsFresh and keepsParam per function.
type freshMemo struct {
	fresh map[*ssa.Function]int8 // 1 fresh, -1 not, 0 being computed
	keeps map[keepKey]int8
}

type keepKey struct {
	fn *ssa.Function
	i  int
}

// dropFresh removes from live and torn the sections on objects fresh in
// a.fn and not escaped at the panic point pp.
func (a *fnAnalysis) dropFresh(pp panicPoint, live, torn []section) ([]section, []section) {
	if pp.instr == nil {
		return live, torn
	}
	fresh := func(l section) bool { return a.c.freshAt(a.fn, l.p, pp.instr) }
	live = slices.DeleteFunc(slices.Clone(live), fresh)
	torn = slices.DeleteFunc(slices.Clone(torn), fresh)
	return live, torn
}

// freshAt reports whether the lock at path p of fn lies inside an object
// allocated in fn that has not escaped at instruction at (nil: anywhere
// in fn).
func (c *checker) freshAt(fn *ssa.Function, p *path, at ssa.Instruction) bool {
	if p == nil || p.kind != pathLocal || p.local == nil {
		return false
	}
	v := p.local
	def, ok := v.(ssa.Instruction)
	if !ok || def.Parent() != fn || !c.allocates(v) || !valueFields(v.Type(), p.fields) {
		return false
	}
	return !c.escapesBefore(fn, v, def, at, false)
}

// allocates reports whether v is a fresh heap object: an allocation, or
// the result of a constructor of this package that returns one.
func (c *checker) allocates(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.Alloc:
		return x.Heap && !isLocalVar(x)
	case *ssa.Call:
		f := x.Call.StaticCallee()
		return f != nil && c.src[f] && c.returnsFresh(f)
	}
	return false
}

// isLocalVar reports whether a is a variable of the source (spilled to
// the heap) rather than a composite literal or new(T): its value is what
// was stored, not a fresh object.
func isLocalVar(a *ssa.Alloc) bool {
	return a.Comment != "" && !ssaArtefact(a.Comment) && a.Comment != "new"
}

// returnsFresh reports whether f, with one pointer result, returns on
// every path an object it allocated and did not let escape.
func (c *checker) returnsFresh(f *ssa.Function) bool {
	m := c.freshMemo()
	if v, ok := m.fresh[f]; ok {
		return v > 0
	}
	m.fresh[f] = -1 // recursion: not fresh
	res := f.Signature.Results()
	if res.Len() != 1 || len(f.Blocks) == 0 {
		return false
	}
	if _, ok := res.At(0).Type().Underlying().(*types.Pointer); !ok {
		return false
	}
	ok := false
	for _, b := range f.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, isRet := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !isRet {
			continue
		}
		v := ret.Results[0]
		def, isInstr := v.(ssa.Instruction)
		if !isInstr || !c.allocates(v) || c.escapesBefore(f, v, def, nil, false) {
			return false
		}
		ok = true
	}
	if ok {
		m.fresh[f] = 1
	}
	return ok
}

func (c *checker) freshMemo() *freshMemo {
	if c.freshM == nil {
		c.freshM = &freshMemo{fresh: map[*ssa.Function]int8{}, keeps: map[keepKey]int8{}}
	}
	return c.freshM
}

// valueFields reports whether the fields of a path from a value of type t
// (a pointer to a struct) stay inside the object: every field but the
// last is a struct held by value, and the last is not a pointer.
func valueFields(t types.Type, fields []string) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	t = p.Elem()
	for _, name := range fields {
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return false
		}
		var f *types.Var
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == name {
				f = st.Field(i)
				break
			}
		}
		if f == nil {
			return false
		}
		t = f.Type()
		if _, isPtr := t.Underlying().(*types.Pointer); isPtr {
			return false
		}
		if isInterface(t) {
			return false
		}
	}
	return true
}

// escapesBefore reports whether v, defined by def in fn, may escape at an
// instruction that reaches at (at itself included) without passing def
// again; at == nil: anywhere in fn. callee: fn is a callee keeping its
// parameter v, for which returning it is keeping it.
func (c *checker) escapesBefore(fn *ssa.Function, v ssa.Value, def, at ssa.Instruction, callee bool) bool {
	seen := map[ssa.Value]bool{}
	var walk func(x ssa.Value) bool
	walk = func(x ssa.Value) bool {
		if seen[x] {
			return false
		}
		seen[x] = true
		refs := x.Referrers()
		if refs == nil {
			return false
		}
		for _, r := range *refs {
			if c.usesEscape(r, x, walk, callee) && (at == nil || reaches(r, at, def)) {
				return true
			}
		}
		return false
	}
	return walk(v)
}

// usesEscape reports whether instruction r, which uses x (v or an address
// inside it), lets it escape; walk follows the values that alias it.
func (c *checker) usesEscape(r ssa.Instruction, x ssa.Value, walk func(ssa.Value) bool, callee bool) bool {
	switch r := r.(type) {
	case *ssa.Return:
		return callee
	case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.ChangeType, *ssa.Phi:
		return walk(r.(ssa.Value))
	case *ssa.UnOp, *ssa.Field, *ssa.DebugRef, *ssa.BinOp, *ssa.If, *ssa.Index:
		// A load or comparison copies no reference to the object (a
		// struct field held by value is a copy). A return in the
		// recovered call happens after the panic point (which returns
		// the zero values of unnamed results).
		return false
	case *ssa.Store:
		return r.Val == x
	case *ssa.MapUpdate:
		return r.Key == x || r.Value == x
	case *ssa.Call:
		return c.callKeeps(r.Common(), x)
	case *ssa.Defer:
		// A deferred call keeps what the call would (defer a.mu.Unlock()).
		return c.callKeeps(r.Common(), x)
	default:
		// Go, Send, MakeInterface, MakeClosure, Slice, Convert...
		return true
	}
}

// callKeeps reports whether the call may keep x, one of its arguments.
func (c *checker) callKeeps(cc *ssa.CallCommon, x ssa.Value) bool {
	if cc.Value == x {
		return true
	}
	if b, ok := cc.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "len", "cap", "print", "println":
			return false
		}
		return true
	}
	f := cc.StaticCallee()
	if f == nil || cc.IsInvoke() {
		return true
	}
	if isSyncLockMethod(f) {
		return false
	}
	if !c.src[f] {
		return true
	}
	for i, arg := range cc.Args {
		if arg == x && (i >= len(f.Params) || c.keepsParam(f, i)) {
			return true
		}
	}
	return false
}

// isSyncLockMethod: the methods of sync.Mutex and sync.RWMutex keep
// nothing.
func isSyncLockMethod(f *ssa.Function) bool {
	obj, ok := f.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != "sync" {
		return false
	}
	recv := obj.Signature().Recv()
	return recv != nil && (locktypes.IsNamed(recv.Type(), "sync", "Mutex", true) || locktypes.IsNamed(recv.Type(), "sync", "RWMutex", true))
}

// keepsParam reports whether f may keep its parameter i: let it escape
// anywhere in its body.
func (c *checker) keepsParam(f *ssa.Function, i int) bool {
	m := c.freshMemo()
	k := keepKey{f, i}
	if v, ok := m.keeps[k]; ok {
		return v > 0
	}
	m.keeps[k] = 1 // recursion: may keep
	p := f.Params[i]
	keeps := len(f.Blocks) == 0 || c.escapesBefore(f, p, nil, nil, true)
	if !keeps {
		m.keeps[k] = -1
	}
	return keeps
}

// reaches reports whether instruction from may execute before to in the
// same call without passing barrier (the object's allocation) in between;
// from == to counts (a call may keep the object before it panics).
func reaches(from, to, barrier ssa.Instruction) bool {
	if from == to {
		return true
	}
	fb := from.Block()
	index := func(b *ssa.BasicBlock, in ssa.Instruction) int {
		if in == nil || in.Block() != b {
			return -1
		}
		return slices.Index(b.Instrs, in)
	}
	fi, ti := index(fb, from), index(fb, to)
	bi := index(fb, barrier)
	if ti > fi && (bi < fi || bi > ti) {
		return true // later in the same block, no allocation between
	}
	if bi > fi {
		return false // the object is allocated again first
	}
	return searchSuccs(fb, func(b *ssa.BasicBlock) (bool, bool) {
		ti, bi := index(b, to), index(b, barrier)
		if ti >= 0 && (bi < 0 || ti < bi) {
			return true, true
		}
		return false, bi >= 0 // past a new allocation: another object
	})
}
