package analyzer

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Objects discarded with the error (issue 11 shape 10b, FP-1, beyond
// fresh.go). A recovering parser often stores each object it builds into
// the value it fills (o.Accounts = append(o.Accounts, a)) before the
// object's sections run, so the object is no longer fresh; but when the
// value it fills is itself made by the caller and dropped with the error,
// nobody observes the lock again. The rule, conservative (when it cannot
// be shown, the finding stays):
//
// A section that a swallowing deferred recover in F leaves behind is
// dropped when
//
//   - F turns the panic into its error: F is a named function (not a
//     closure) whose last result is an error, every return of F returns
//     its named error result, and the handler (a closure or a function of
//     this package, deferred in F) stores into that result;
//   - the lock lies inside F's parameter or receiver p (p.mu, p.state.mu:
//     fields held by value), or inside an object F allocated (&T{},
//     new(T), a fresh constructor: fresh.go) that goes nowhere but into
//     p: stored into p's fields, slices or maps, directly or through
//     append;
//   - F does not defer a call (other than a lock method) that takes the
//     object or p: nothing of F uses them after the handler;
//   - p is discarded by every caller: F has at least one caller in the
//     package, its address is never taken, no synthetic wrapper (a
//     method value or expression, a promoted method) reaches it, and its
//     receiver type is never converted to an interface in the package
//     (all its callers are static calls we see),
//     F does not keep p (keepsParam), and each call passes for p either
//     (a) an object the caller allocated, or (b) the caller's own
//     parameter when the caller returns a non-nil error on every return
//     after a failed call and p is discarded by every caller of the
//     caller (recursively); and after the call, until the caller has
//     seen a nil error (the branch of `err == nil` / `err != nil` on the
//     call's error), the object is not stored, returned, captured,
//     converted to an interface, sent, deferred, passed to another call,
//     nor a reference loaded from it.
//
// So an exported F (or an exported caller in the chain) with no caller in
// the package keeps its findings: its callers outside may keep p. A
// method on a long-lived object (a Server, reached by its callers through
// their own receiver or a field) keeps them too. In library mode
// (-assume-recovered=exported) exported functions are never taken as
// discarding: their callers are outside by assumption.

// discardMemo caches the callers index and discardsParam.
type discardMemo struct {
	sites map[*ssa.Function][]*ssa.Call
	taken map[*ssa.Function]bool
	// methods behind a synthetic wrapper (a method value, a method
	// expression, a promoted method): their callers are not all seen
	takenObj map[types.Object]bool
	ifaces   []types.Type // types converted to an interface in the package
	params   map[keepKey]int8
	// errlist.go
	lists   map[listKey]int8
	grows   map[ssa.Value]int8
	growing map[ssa.Value]bool
	growsOK []ssa.Value
}

// dropDiscarded removes from live and torn the sections on objects
// discarded with the error that the handler of d makes of the panic.
func (a *fnAnalysis) dropDiscarded(d *deferInfo, live, torn []section) ([]section, []section) {
	if len(live) == 0 && len(torn) == 0 {
		return live, torn
	}
	// The panic reported as fn's error (here), or appended to an error
	// list that fn's callers own (errlist.go).
	discards := func(i int) bool { return a.c.discardsParam(a.fn, i) }
	if !a.c.panicToError(a.fn, d) {
		li := a.c.panicToList(a.fn, d)
		if li < 0 {
			return live, torn
		}
		discards = func(i int) bool { return a.c.listDiscards(a.fn, i, li) }
	}
	drop := func(l section) bool { return a.c.discardedAt(a.fn, l.p, discards) }
	var keepLive, keepTorn []section
	for _, l := range live {
		if !drop(l) {
			keepLive = append(keepLive, l)
		}
	}
	for _, l := range torn {
		if !drop(l) {
			keepTorn = append(keepTorn, l)
		}
	}
	return keepLive, keepTorn
}

// panicToError reports whether the handler of d, deferred in fn, stores
// into fn's named error result, which every return of fn returns.
func (c *checker) panicToError(fn *ssa.Function, d *deferInfo) bool {
	res := namedErrResult(fn)
	if res == nil || d.hfn == nil {
		return false
	}
	h := d.hfn
	hin := append(append([]ssa.Value(nil), paramValues(h)...), freeVarValues(h)...)
	for j, in := range d.inputs {
		if in != res || j >= len(hin) {
			continue
		}
		if refs := hin[j].Referrers(); refs != nil {
			for _, r := range *refs {
				if st, ok := r.(*ssa.Store); ok && st.Addr == hin[j] && !isNilConst(st.Val) {
					return true
				}
			}
		}
	}
	return false
}

func paramValues(f *ssa.Function) []ssa.Value {
	out := make([]ssa.Value, len(f.Params))
	for i, p := range f.Params {
		out[i] = p
	}
	return out
}

func freeVarValues(f *ssa.Function) []ssa.Value {
	out := make([]ssa.Value, len(f.FreeVars))
	for i, p := range f.FreeVars {
		out[i] = p
	}
	return out
}

// namedErrResult returns the local holding fn's named error result (its
// last result) when every return of fn returns it, or nil.
func namedErrResult(fn *ssa.Function) *ssa.Alloc {
	if fn.Parent() != nil || len(fn.Blocks) == 0 {
		return nil
	}
	res := fn.Signature.Results()
	if res.Len() == 0 || !isErrorType(res.At(res.Len()-1).Type()) || res.At(res.Len()-1).Name() == "" {
		return nil
	}
	k := res.Len() - 1
	var alloc *ssa.Alloc
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		ld, ok := ret.Results[k].(*ssa.UnOp)
		if !ok || ld.Op != token.MUL {
			return nil
		}
		al, ok := ld.X.(*ssa.Alloc)
		if !ok || alloc != nil && al != alloc {
			return nil
		}
		alloc = al
	}
	return alloc
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// discardedAt reports whether the lock at path p of fn lies inside fn's
// parameter, or an object fn made that goes only into that parameter,
// and the parameter is discarded by every caller of fn (discards).
func (c *checker) discardedAt(fn *ssa.Function, p *path, discards func(i int) bool) bool {
	if p == nil {
		return false
	}
	switch p.kind {
	case pathInput:
		if p.input >= len(fn.Params) || !valueFields(fn.Params[p.input].Type(), p.fields) {
			return false
		}
		return !c.deferUses(fn, fn.Params[p.input]) && discards(p.input)
	case pathLocal:
		v := p.local
		def, ok := v.(ssa.Instruction)
		if !ok || def.Parent() != fn || !c.allocates(v) || !valueFields(v.Type(), p.fields) || c.deferUses(fn, v) {
			return false
		}
		for i, prm := range fn.Params {
			if c.onlyInto(fn, v, prm, map[ssa.Value]bool{}) {
				return !c.deferUses(fn, prm) && discards(i)
			}
		}
	}
	return false
}

// deferUses reports whether a call deferred in fn, other than a lock
// method, takes v.
func (c *checker) deferUses(fn *ssa.Function, v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Defer:
			if f := r.Call.StaticCallee(); f == nil || !isSyncLockMethod(f) {
				return true
			}
		case *ssa.MakeClosure:
			if mc := r.Referrers(); mc != nil {
				for _, u := range *mc {
					if _, ok := u.(*ssa.Defer); ok {
						return true
					}
				}
			}
		case *ssa.FieldAddr:
			if c.deferUses(fn, r) {
				return true
			}
		}
	}
	return false
}

// onlyInto reports whether v (an object fn allocated, or a container
// holding it) goes nowhere but into the object prm: every use of it
// reads it, locks it, stores into it, passes it to a call of this
// package that keeps nothing, or stores it (or a slice, array or append
// holding it) into prm's fields, slices or maps.
func (c *checker) onlyInto(fn *ssa.Function, v, prm ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.ChangeType, *ssa.Slice:
			if !c.onlyInto(fn, r.(ssa.Value), prm, seen) {
				return false
			}
		case *ssa.UnOp, *ssa.Field, *ssa.Index, *ssa.DebugRef, *ssa.BinOp, *ssa.If:
		case *ssa.Store:
			if r.Val == v {
				if !c.rootedIn(fn, r.Addr, prm, seen) {
					return false
				}
			}
		case *ssa.MapUpdate:
			if r.Key == v {
				return false
			}
			if r.Value == v {
				if !c.rootedIn(fn, r.Map, prm, seen) {
					return false
				}
			}
		case *ssa.Call:
			if b, ok := r.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" {
				if !c.onlyInto(fn, r, prm, seen) {
					return false
				}
				continue
			}
			if c.callKeeps(r.Common(), v) {
				return false
			}
		case *ssa.Defer:
			if c.callKeeps(r.Common(), v) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// rootedIn reports whether the address (or slice or map) a lies inside
// prm: reached from it through fields, elements, and loads of its slice
// and map fields; or inside a container fn allocated that goes only
// into prm.
func (c *checker) rootedIn(fn *ssa.Function, a, prm ssa.Value, seen map[ssa.Value]bool) bool {
	for {
		if a == prm {
			return true
		}
		switch x := a.(type) {
		case *ssa.FieldAddr:
			a = x.X
		case *ssa.IndexAddr:
			a = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
			switch x.Type().Underlying().(type) {
			case *types.Slice, *types.Map:
				a = x.X
			default:
				return false
			}
		case *ssa.Alloc:
			return c.allocates(x) && c.onlyInto(fn, x, prm, seen)
		default:
			return false
		}
	}
}

func (c *checker) discardMemo() *discardMemo {
	if c.discardM != nil {
		return c.discardM
	}
	m := &discardMemo{sites: map[*ssa.Function][]*ssa.Call{}, taken: map[*ssa.Function]bool{}, takenObj: map[types.Object]bool{}, params: map[keepKey]int8{},
		lists: map[listKey]int8{}, grows: map[ssa.Value]int8{}, growing: map[ssa.Value]bool{}}
	c.discardM = m
	seenIface := map[types.Type]bool{}
	for _, f := range c.srcList {
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				if mi, ok := in.(*ssa.MakeInterface); ok && !seenIface[mi.X.Type()] {
					seenIface[mi.X.Type()] = true
					m.ifaces = append(m.ifaces, mi.X.Type())
				}
				call, isCall := in.(*ssa.Call)
				var ops [8]*ssa.Value
				for i, op := range in.Operands(ops[:0]) {
					g, ok := (*op).(*ssa.Function)
					if !ok {
						continue
					}
					if g.Synthetic != "" && g.Object() != nil {
						m.takenObj[g.Object()] = true
					}
					if isCall && i == 0 && !call.Call.IsInvoke() && call.Call.Value == g {
						m.sites[g] = append(m.sites[g], call)
					} else {
						m.taken[g] = true
					}
				}
			}
		}
	}
	return m
}

// discardsParam reports whether every caller of fn passes for its
// parameter i an object it discards when fn returns a non-nil error.
func (c *checker) discardsParam(fn *ssa.Function, i int) bool {
	m := c.discardMemo()
	k := keepKey{fn, i}
	if v, ok := m.params[k]; ok {
		return v > 0
	}
	m.params[k] = -1 // recursion: not shown
	if !c.callsAllSeen(fn) || c.keepsParam(fn, i) {
		return false
	}
	for _, call := range m.sites[fn] {
		if i >= len(call.Call.Args) || !c.callerDiscards(call, call.Call.Args[i]) {
			return false
		}
	}
	m.params[k] = 1
	return true
}

// callsAllSeen reports whether every call of fn is a static call of this
// package: fn is a named function of the package with at least one
// caller, its address is never taken, no synthetic wrapper reaches it,
// its receiver type is never converted to an interface that has the
// method, and in library mode it is not exported.
func (c *checker) callsAllSeen(fn *ssa.Function) bool {
	m := c.discardMemo()
	if fn.Parent() != nil || m.taken[fn] || len(m.sites[fn]) == 0 || !c.src[fn] || fn.Object() != nil && m.takenObj[fn.Object()] {
		return false
	}
	if c.cfg.AssumeRecovered == "exported" && token.IsExported(fn.Name()) {
		return false
	}
	if obj, ok := fn.Object().(*types.Func); ok && obj.Signature().Recv() != nil {
		for _, t := range m.ifaces {
			ms := types.NewMethodSet(t)
			if sel := ms.Lookup(obj.Pkg(), obj.Name()); sel != nil && sel.Obj() == obj {
				return false
			}
		}
	}
	return true
}

// callerDiscards reports whether the caller of call drops x, passed to
// it, when the call returns a non-nil error.
func (c *checker) callerDiscards(call *ssa.Call, x ssa.Value) bool {
	caller := call.Parent()
	errv := errorOf(call)
	if errv == nil {
		return false
	}
	ok := okRegion(errv)
	inOK := func(in ssa.Instruction) bool {
		return ok != nil && ok.Dominates(in.Block())
	}
	param := paramIndex(caller, x)
	if againAfterFailure(call, inOK) {
		// A loop calls it again on the same value after a failure
		// (collecting errors): the value is observed again.
		return false
	}
	if param < 0 {
		def, isInstr := x.(ssa.Instruction)
		if !isInstr || def.Parent() != caller || !c.allocates(x) && !localStruct(x) {
			return false
		}
	} else {
		// The caller reports the failure: every return after the
		// failed call returns a non-nil error.
		if !propagates(caller, call, inOK) {
			return false
		}
	}
	if !c.unusedAfter(call, x, inOK) {
		return false
	}
	return param < 0 || c.discardsParam(caller, param)
}

// paramIndex returns the index of x among fn's parameters, or -1.
func paramIndex(fn *ssa.Function, x ssa.Value) int {
	for i, p := range fn.Params {
		if p == x {
			return i
		}
	}
	return -1
}

// unusedAfter reports whether nothing of the caller of call observes x
// (passed to call) after it, outside the region inOK where the call is
// known to have succeeded: x is not stored, returned, captured,
// converted to an interface, sent, deferred, passed to another call
// that keeps it or runs after, nor a reference loaded from it used
// after (a reference loaded before the call counts as x).
func (c *checker) unusedAfter(call *ssa.Call, x ssa.Value, inOK func(ssa.Instruction) bool) bool {
	after := func(in ssa.Instruction) bool { return reaches(call, in, nil) }
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value) bool
	walk = func(v ssa.Value) bool {
		if seen[v] {
			return true
		}
		seen[v] = true
		refs := v.Referrers()
		if refs == nil {
			return true
		}
		for _, r := range *refs {
			if r == call || inOK(r) {
				continue
			}
			switch r := r.(type) {
			case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.ChangeType:
				if !walk(r.(ssa.Value)) {
					return false
				}
			case *ssa.DebugRef, *ssa.BinOp, *ssa.If, *ssa.Field, *ssa.Index:
			case *ssa.UnOp:
				if _, basic := r.Type().Underlying().(*types.Basic); basic {
					continue
				}
				if after(r) || !walk(r) {
					return false // a reference loaded from it, used after the failure
				}
			case *ssa.Store:
				if r.Val == v {
					return false
				}
			case *ssa.Call:
				if after(r) || c.callKeeps(r.Common(), v) {
					return false
				}
			default:
				// Return, Defer, Go, MakeInterface, MakeClosure,
				// Send, MapUpdate, Phi, Slice...
				return false
			}
		}
		return true
	}
	return walk(x)
}

// errorOf returns the error result of call (its last result), or nil.
func errorOf(call *ssa.Call) ssa.Value {
	res := call.Call.Signature().Results()
	if res.Len() == 0 || !isErrorType(res.At(res.Len()-1).Type()) {
		return nil
	}
	if res.Len() == 1 {
		return call
	}
	if refs := call.Referrers(); refs != nil {
		for _, r := range *refs {
			if e, ok := r.(*ssa.Extract); ok && e.Index == res.Len()-1 {
				return e
			}
		}
	}
	return nil
}

// okRegion returns the block entered only when errv is nil (the branch
// of `errv == nil` or `errv != nil` on it), or nil.
func okRegion(errv ssa.Value) *ssa.BasicBlock {
	refs := errv.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		cmp, ok := r.(*ssa.BinOp)
		if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
			continue
		}
		if !isNilConst(cmp.X) && !isNilConst(cmp.Y) {
			continue
		}
		crefs := cmp.Referrers()
		if crefs == nil {
			continue
		}
		for _, u := range *crefs {
			br, ok := u.(*ssa.If)
			if !ok {
				continue
			}
			succ := br.Block().Succs[1] // err != nil: the else branch
			if cmp.Op == token.EQL {
				succ = br.Block().Succs[0]
			}
			if len(succ.Preds) == 1 {
				return succ
			}
		}
	}
	return nil
}

// propagates reports whether caller has an error result and every return
// reachable from call outside the nil-error region returns a non-nil
// error.
func propagates(caller *ssa.Function, call *ssa.Call, inOK func(ssa.Instruction) bool) bool {
	res := caller.Signature.Results()
	if res.Len() == 0 || !isErrorType(res.At(res.Len()-1).Type()) {
		return false
	}
	k := res.Len() - 1
	for _, b := range caller.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || inOK(ret) || !reaches(call, ret, nil) {
			continue
		}
		if isNilConst(ret.Results[k]) {
			return false
		}
	}
	return true
}

// localStruct reports whether v is a local variable of struct type
// whose address is taken (var o Options; o.parse()): the variable is
// the object, made by this call of its function.
func localStruct(v ssa.Value) bool {
	a, ok := v.(*ssa.Alloc)
	if !ok {
		return false
	}
	_, isStruct := a.Type().(*types.Pointer).Elem().Underlying().(*types.Struct)
	return isStruct
}

// againAfterFailure reports whether call may run again after it failed:
// a path from it back to it that does not enter the nil-error region.
func againAfterFailure(call *ssa.Call, inOK func(ssa.Instruction) bool) bool {
	start := call.Block()
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), start.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] || len(b.Instrs) > 0 && inOK(b.Instrs[0]) {
			continue
		}
		seen[b] = true
		if b == start {
			return true
		}
		work = append(work, b.Succs...)
	}
	return false
}
