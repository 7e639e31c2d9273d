package analyzer

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Objects discarded with an error list (issue 11 shape 10b, FP-1; the
// error-list form of discarded.go). A recovering parser that collects
// errors reports a panic by appending it to a list its caller owns
// (nats-server's convertPanicToErrorList: `*errors = append(*errors,
// e)`) and returns normally; the owner of the list reports the failure
// once the parse is over (`if len(errs) > 0 { return nil, ... }`). The
// list plays the part of the named error result of discarded.go. The
// rule, conservative (when it cannot be shown, the finding stays):
//
// A section that a swallowing deferred recover in F leaves behind is
// dropped when the lock lies inside F's parameter p (or an object F made
// that goes only into p), as in discarded.go, and
//
//   - F reports the panic into its list parameter L (of type *[]E): the
//     handler (a function of this package deferred in F) is given L, and
//     every path of the handler after a non-nil recover() that returns
//     appends to *L (`*L = append(*L, ...)`); every result of F is an
//     error (nothing else of F reaches its caller);
//   - the list only grows: every store through L, and through every
//     pointer to it the package passes along (parameters of functions of
//     this package, captured variables), is `*L = append(*L, ...)`; the
//     pointer is never stored, converted to an interface, sent or passed
//     to a function outside the package; the owner stores nothing but
//     such appends into its list after the call;
//   - every call of F is a static call of this package (callsAllSeen),
//     F does not keep p, and each call passes for (p, L) either
//     (a) its own parameters (a caller that passes the list on), when the
//     call is on no loop (it cannot run again on p after the failure),
//     nothing of the caller uses p after the call, and every caller of
//     the caller satisfies the same for the caller's parameters
//     (recursively); or (a') an object the caller made and does not use
//     after the call, whatever the list; or
//     (b) the address of a local list of the caller (the owner), when,
//     after the call, outside the region entered only when the list is
//     empty (the branch of `len(errs) == 0`, `len(errs) > 0`, `!= 0` on
//     a load of the list after the call), the call does not run again,
//     p is not used, and, unless p is an object the owner made, p is
//     the owner's own parameter, every caller of the owner drops it with
//     the error (discarded.go), and every return there returns an error
//     that cannot be nil (`&T{...}`, fmt.Errorf, errors.New, or
//     errors.Join of the list);
//   - the handler's appended errors cannot be nil either (`&T{...}`,
//     fmt.Errorf, errors.New), so that errors.Join of the list is not.
//
// Since the panic appended to the list and the list only grows, the
// empty-list region is not entered after the panic: the owner returns
// its error, and the value is dropped as in discarded.go. A loop that
// parses the next line into the same value after a failure
// (nats-server's processConfigFile) keeps the finding: the rest of the
// parse observes the value again. So does an exported entry point with
// no caller in the package, as in discarded.go.

// panicToList returns the index of the parameter of fn (a *[]E list)
// into which the handler of d appends the recovered panic, or -1.
func (c *checker) panicToList(fn *ssa.Function, d *deferInfo) int {
	if d.hfn == nil || fn.Parent() != nil || len(fn.Blocks) == 0 {
		return -1
	}
	res := fn.Signature.Results()
	for i := 0; i < res.Len(); i++ {
		if !isErrorType(res.At(i).Type()) {
			return -1
		}
	}
	h := d.hfn
	hin := append(paramValues(h), freeVarValues(h)...)
	for j, in := range d.inputs {
		if j >= len(hin) {
			break
		}
		li, hl := paramIndex(fn, in), hin[j]
		same := func(v ssa.Value) bool { return v == hl }
		if a, ok := in.(*ssa.Alloc); ok && li < 0 {
			// A closure over the list parameter: SSA spills the
			// parameter into a variable the closure shares.
			if li = spilledParam(fn, a); li >= 0 {
				same = func(v ssa.Value) bool { return isLoadOf(v, hl) }
			}
		}
		if li < 0 || !isListPtr(fn.Params[li].Type()) {
			continue
		}
		if c.appendsOnRecover(h, hl, same) && c.growsOnly(fn.Params[li]) {
			return li
		}
	}
	return -1
}

func isLoadOf(v, cell ssa.Value) bool {
	ld, ok := v.(*ssa.UnOp)
	return ok && ld.Op == token.MUL && ld.X == cell
}

// spilledParam returns the index of the parameter of fn that the
// variable a holds, when a is the spill of that parameter (its one
// store) and neither fn nor any closure sharing a assigns it again;
// else -1.
func spilledParam(fn *ssa.Function, a *ssa.Alloc) int {
	if a.Parent() != fn {
		return -1
	}
	li := -1
	refs := a.Referrers()
	if refs == nil {
		return -1
	}
	for _, r := range *refs {
		st, ok := r.(*ssa.Store)
		if !ok {
			continue
		}
		if st.Addr != a || li >= 0 {
			return -1
		}
		if li = paramIndex(fn, st.Val); li < 0 {
			return -1
		}
	}
	if li < 0 || !cellReadOnly(a, true) {
		return -1
	}
	return li
}

// cellReadOnly reports whether the variable cell is only loaded (or
// stored once, its spill, when spill is set), by its function and by
// the closures it is shared with.
func cellReadOnly(cell ssa.Value, spill bool) bool {
	refs := cell.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.UnOp, *ssa.DebugRef:
		case *ssa.Store:
			if !spill || r.Addr != cell {
				return false
			}
		case *ssa.MakeClosure:
			fv := r.Fn.(*ssa.Function).FreeVars
			for k, b := range r.Bindings {
				if b == cell && (k >= len(fv) || !cellReadOnly(fv[k], false)) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// isListPtr reports whether t is *[]E.
func isListPtr(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Slice)
	return ok
}

// isAppendTo reports whether st is `*l = append(*l, ...)`, l any value
// for which same holds (one pointer, or loads of one variable holding
// it).
func isAppendTo(st *ssa.Store, same func(ssa.Value) bool) bool {
	call, ok := st.Val.(*ssa.Call)
	if !ok || !same(st.Addr) {
		return false
	}
	b, ok := call.Call.Value.(*ssa.Builtin)
	if !ok || b.Name() != "append" || len(call.Call.Args) == 0 {
		return false
	}
	ld, ok := call.Call.Args[0].(*ssa.UnOp)
	return ok && ld.Op == token.MUL && same(ld.X)
}

// appendsNonNil reports whether the append stored by st (isAppendTo)
// adds at least one element and only errors that cannot be nil: a
// concrete value converted to the interface (&configErr{...}), or the
// result of fmt.Errorf or errors.New. A nil element would let the
// owner's errors.Join(errs...) be nil.
func appendsNonNil(st *ssa.Store) bool {
	call := st.Val.(*ssa.Call)
	if len(call.Call.Args) != 2 {
		return false
	}
	sl, ok := call.Call.Args[1].(*ssa.Slice)
	if !ok {
		return false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok || arr.Referrers() == nil {
		return false
	}
	n := 0
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			if r != sl {
				return false
			}
			continue
		}
		for _, u := range *ia.Referrers() {
			if el, ok := u.(*ssa.Store); ok && el.Addr == ia {
				if !nonNilError(el.Val) {
					return false
				}
				n++
			}
		}
	}
	return n > 0
}

func nonNilError(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return true
	case *ssa.Call:
		f := x.Call.StaticCallee()
		if f == nil || f.Pkg == nil {
			return false
		}
		path, name := f.Pkg.Pkg.Path(), f.Name()
		return path == "fmt" && name == "Errorf" || path == "errors" && name == "New"
	}
	return false
}

// appendsOnRecover reports whether h calls recover() and every path
// from a recover() call, leaving aside the branches on which the
// recovered value is nil, that returns appends a non-nil error to *l
// first.
func (c *checker) appendsOnRecover(h *ssa.Function, l ssa.Value, same func(ssa.Value) bool) bool {
	appends := map[*ssa.BasicBlock]int{} // block -> index of its first append
	for _, b := range h.Blocks {
		for i, in := range b.Instrs {
			if st, ok := in.(*ssa.Store); ok && isAppendTo(st, same) && appendsNonNil(st) {
				if _, seen := appends[b]; !seen {
					appends[b] = i
				}
			}
		}
	}
	if len(appends) == 0 {
		return false
	}
	found := false
	for _, b := range h.Blocks {
		for i, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok {
				continue
			}
			if bi, ok := call.Call.Value.(*ssa.Builtin); !ok || bi.Name() != "recover" {
				continue
			}
			found = true
			if !appendsBeforeReturn(call, b, i+1, appends) {
				return false
			}
		}
	}
	return found
}

// appendsBeforeReturn walks the paths from instruction start of b (after
// the recover call rec) and reports whether none returns without passing
// an append of appends; branches on which the recovered value is nil
// are left aside, as in returnsAfterRecover.
func appendsBeforeReturn(rec *ssa.Call, b *ssa.BasicBlock, start int, appends map[*ssa.BasicBlock]int) bool {
	seen := map[*ssa.BasicBlock]bool{}
	var walk func(b *ssa.BasicBlock, start int) bool // true: a return without append
	walk = func(b *ssa.BasicBlock, start int) bool {
		if i, ok := appends[b]; ok && i >= start {
			return false
		}
		if len(b.Instrs) == 0 {
			return true
		}
		switch in := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return:
			return true
		case *ssa.Panic:
			return false
		case *ssa.If:
			succs := b.Succs
			if cmp, ok := in.Cond.(*ssa.BinOp); ok && (isRecovered(cmp.X, rec) && isNilConst(cmp.Y) || isRecovered(cmp.Y, rec) && isNilConst(cmp.X)) {
				switch cmp.Op {
				case token.NEQ:
					succs = succs[:1]
				case token.EQL:
					succs = succs[1:]
				}
			}
			for _, s := range succs {
				if !seen[s] {
					seen[s] = true
					if walk(s, 0) {
						return true
					}
				}
			}
			return false
		default:
			for _, s := range b.Succs {
				if !seen[s] {
					seen[s] = true
					if walk(s, 0) {
						return true
					}
				}
			}
			return false
		}
	}
	return !walk(b, start)
}

// growsOnly reports whether the list behind the pointer v (a parameter
// or a captured variable) only grows: every store through it appends to
// it, and it goes only to loads, comparisons and functions of this
// package that do the same with it. A recursive use counts as growing
// while it is checked; so a success found under it is kept only when
// the outermost check succeeds (a failure is always real).
func (c *checker) growsOnly(v ssa.Value) bool {
	m := c.discardMemo()
	if r, ok := m.grows[v]; ok {
		return r > 0
	}
	if m.growing[v] {
		return true
	}
	outer := len(m.growing) == 0
	m.growing[v] = true
	ok := c.listUses(v, func(*ssa.Store) bool { return false })
	delete(m.growing, v)
	if !ok {
		m.grows[v] = -1
	} else {
		m.growsOK = append(m.growsOK, v)
	}
	if outer {
		if ok {
			for _, w := range m.growsOK {
				if _, bad := m.grows[w]; !bad {
					m.grows[w] = 1
				}
			}
		}
		m.growsOK = m.growsOK[:0]
	}
	return ok
}

// listUses reports whether every use of the list pointer l only reads
// the list, appends to it (or stores into it where free(st) allows), or
// passes l to a function of this package under which it only grows. l
// may be spilled into a variable (a closure over it) that nothing
// assigns again: the loads of that variable are l.
func (c *checker) listUses(l ssa.Value, free func(*ssa.Store) bool) bool {
	return c.listUsesSame(l, func(v ssa.Value) bool { return v == l }, free)
}

func (c *checker) listUsesSame(l ssa.Value, same func(ssa.Value) bool, free func(*ssa.Store) bool) bool {
	refs := l.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef, *ssa.BinOp:
		case *ssa.UnOp:
			if r.Op != token.MUL || !c.readOnlyList(r) {
				return false
			}
		case *ssa.Store:
			if r.Val == l {
				if !c.spillGrows(r.Addr, l) {
					return false
				}
				continue
			}
			if r.Addr == l && !isAppendTo(r, same) && !free(r) {
				return false
			}
		case *ssa.Call:
			if !c.passesList(r.Common(), l) {
				return false
			}
		case *ssa.Defer:
			if !c.passesList(r.Common(), l) {
				return false
			}
		default:
			// Go, MakeInterface, MakeClosure (of a pointer not
			// spilled), Send, Phi, ChangeType...
			return false
		}
	}
	return true
}

// spillGrows reports whether the store of the list pointer l into addr
// is the spill of the parameter l into a variable nothing assigns again,
// and the list only grows through every load of that variable (in its
// function and in the closures it is shared with).
func (c *checker) spillGrows(addr, l ssa.Value) bool {
	a, ok := addr.(*ssa.Alloc)
	prm, isParam := l.(*ssa.Parameter)
	if !ok || !isParam || spilledParam(a.Parent(), a) != paramIndex(a.Parent(), prm) {
		return false
	}
	var cellGrows func(cell ssa.Value) bool
	cellGrows = func(cell ssa.Value) bool {
		same := func(v ssa.Value) bool { return isLoadOf(v, cell) }
		for _, r := range *cell.Referrers() {
			switch r := r.(type) {
			case *ssa.UnOp:
				if !c.listUsesSame(r, same, func(*ssa.Store) bool { return false }) {
					return false
				}
			case *ssa.MakeClosure:
				fv := r.Fn.(*ssa.Function).FreeVars
				for k, b := range r.Bindings {
					if b == cell && !cellGrows(fv[k]) {
						return false
					}
				}
			}
		}
		return true
	}
	return cellGrows(a)
}

// readOnlyList reports whether the slice loaded by ld is only read
// here: none of its elements is written through it (an element set to
// nil would turn the panic's error into a nil one) and it is not copied
// over. (A function that writes the elements of a []error it is given
// is not looked for.)
func (c *checker) readOnlyList(ld *ssa.UnOp) bool {
	refs := ld.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.IndexAddr:
			if irefs := r.Referrers(); irefs != nil {
				for _, u := range *irefs {
					if st, ok := u.(*ssa.Store); ok && st.Addr == r {
						return false
					}
				}
			}
		case *ssa.Call:
			if b, ok := r.Call.Value.(*ssa.Builtin); ok && b.Name() == "copy" && len(r.Call.Args) > 0 && r.Call.Args[0] == ld {
				return false
			}
		}
	}
	return true
}

// passesList reports whether the call cc, which takes the list pointer
// l, lets the list only grow: a static call of a function of this
// package under which the parameter only grows.
func (c *checker) passesList(cc *ssa.CallCommon, l ssa.Value) bool {
	if cc.Value == l {
		return false
	}
	f := cc.StaticCallee()
	if f == nil || cc.IsInvoke() || !c.src[f] || len(f.Blocks) == 0 {
		return false
	}
	for i, a := range cc.Args {
		if a == l && (i >= len(f.Params) || !c.growsOnly(f.Params[i])) {
			return false
		}
	}
	return true
}

// listDiscards reports whether every caller of fn drops its parameter i
// once fn has appended a panic to its list parameter li.
func (c *checker) listDiscards(fn *ssa.Function, i, li int) bool {
	m := c.discardMemo()
	k := listKey{fn, i, li}
	if v, ok := m.lists[k]; ok {
		return v > 0
	}
	m.lists[k] = -1 // recursion: not shown
	if !c.callsAllSeen(fn) || c.keepsParam(fn, i) {
		return false
	}
	for _, call := range m.sites[fn] {
		args := call.Call.Args
		if i >= len(args) || li >= len(args) || !c.listCallerDrops(call, args[i], args[li]) {
			return false
		}
	}
	m.lists[k] = 1
	return true
}

type listKey struct {
	fn    *ssa.Function
	i, li int
}

// listCallerDrops reports whether the caller of call drops x once call
// has appended a panic to the list l: it passes both on to its own
// callers, or owns the list and reports it as its error.
func (c *checker) listCallerDrops(call *ssa.Call, x, l ssa.Value) bool {
	caller := call.Parent()
	xp := paramIndex(caller, x)
	made := xp < 0 && c.madeBy(caller, x)
	if xp < 0 && !made {
		return false
	}
	if lp := paramIndex(caller, l); lp >= 0 {
		never := func(ssa.Instruction) bool { return false }
		if !c.growsOnly(l) || againAfterFailure(call, never) || !c.unusedAfter(call, x, never) {
			return false
		}
		return made || c.listDiscards(caller, xp, lp)
	}
	a, ok := l.(*ssa.Alloc)
	if !ok || a.Parent() != caller {
		return false
	}
	if !c.listUses(a, func(st *ssa.Store) bool { return !reaches(call, st, nil) }) {
		return false
	}
	empty := emptyRegion(a, call)
	inEmpty := func(in ssa.Instruction) bool {
		for _, b := range empty {
			if b.Dominates(in.Block()) {
				return true
			}
		}
		return false
	}
	if againAfterFailure(call, inEmpty) || !c.unusedAfter(call, x, inEmpty) {
		return false
	}
	if made {
		return true
	}
	return reportsList(caller, call, a, inEmpty) && c.discardsParam(caller, xp)
}

// reportsList reports whether the owner of the list a has an error
// result and every return reachable from call outside the empty-list
// region returns an error that cannot be nil: a concrete value in the
// interface, fmt.Errorf, errors.New, or errors.Join of the list (which
// holds the panic's non-nil error).
func reportsList(caller *ssa.Function, call *ssa.Call, a *ssa.Alloc, inEmpty func(ssa.Instruction) bool) bool {
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
		if !ok || inEmpty(ret) || !reaches(call, ret, nil) {
			continue
		}
		if v := ret.Results[k]; !nonNilError(v) && !joinsList(v, a) {
			return false
		}
	}
	return true
}

// joinsList reports whether v is errors.Join(*a...).
func joinsList(v ssa.Value, a *ssa.Alloc) bool {
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return false
	}
	f := call.Call.StaticCallee()
	if f == nil || f.Pkg == nil || f.Pkg.Pkg.Path() != "errors" || f.Name() != "Join" {
		return false
	}
	return isLoadOf(call.Call.Args[0], a)
}

// madeBy reports whether x is an object fn allocated (or a local struct
// variable of fn).
func (c *checker) madeBy(fn *ssa.Function, x ssa.Value) bool {
	def, ok := x.(ssa.Instruction)
	return ok && def.Parent() == fn && (c.allocates(x) || localStruct(x))
}

// emptyRegion returns the blocks entered only when the list a is empty:
// the branch of a comparison of len(*a), loaded after call, with 0
// (`== 0`, `!= 0`, `> 0`, `< 1`...), when that branch has one
// predecessor.
func emptyRegion(a *ssa.Alloc, call *ssa.Call) []*ssa.BasicBlock {
	var out []*ssa.BasicBlock
	refs := a.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		ld, ok := r.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL || !reaches(call, ld, nil) {
			continue
		}
		lrefs := ld.Referrers()
		if lrefs == nil {
			continue
		}
		for _, u := range *lrefs {
			ln, ok := u.(*ssa.Call)
			if !ok {
				continue
			}
			if b, isB := ln.Call.Value.(*ssa.Builtin); !isB || b.Name() != "len" {
				continue
			}
			crefs := ln.Referrers()
			if crefs == nil {
				continue
			}
			for _, cu := range *crefs {
				cmp, ok := cu.(*ssa.BinOp)
				if !ok {
					continue
				}
				emptyOnTrue, ok := lenZeroTest(cmp, ln)
				if !ok {
					continue
				}
				brefs := cmp.Referrers()
				if brefs == nil {
					continue
				}
				for _, bu := range *brefs {
					br, ok := bu.(*ssa.If)
					if !ok {
						continue
					}
					succ := br.Block().Succs[1]
					if emptyOnTrue {
						succ = br.Block().Succs[0]
					}
					if len(succ.Preds) == 1 {
						out = append(out, succ)
					}
				}
			}
		}
	}
	return out
}

// lenZeroTest reports whether cmp compares n (a length) with the
// constant 0 or 1 so that one branch means n == 0, and whether that is
// the true branch.
func lenZeroTest(cmp *ssa.BinOp, n ssa.Value) (emptyOnTrue, ok bool) {
	op, k := cmp.Op, cmp.Y
	if cmp.Y == n {
		k = cmp.X
		switch op { // 0 < n is n > 0
		case token.LSS:
			op = token.GTR
		case token.GTR:
			op = token.LSS
		case token.LEQ:
			op = token.GEQ
		case token.GEQ:
			op = token.LEQ
		}
	} else if cmp.X != n {
		return false, false
	}
	kc, isK := k.(*ssa.Const)
	if !isK || kc.Value == nil {
		return false, false
	}
	v, exact := constant.Int64Val(kc.Value)
	if !exact {
		return false, false
	}
	switch {
	case v == 0 && (op == token.EQL || op == token.LEQ):
		return true, true
	case v == 0 && (op == token.NEQ || op == token.GTR):
		return false, true
	case v == 1 && op == token.LSS:
		return true, true
	case v == 1 && op == token.GEQ:
		return false, true
	}
	return false, false
}
