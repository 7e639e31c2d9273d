package analyzer

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// state is the dataflow fact at a program point.
type state struct {
	held     []section    // sorted by key
	defers   []*deferInfo // registered defers, in order
	released []effect     // input-relative locks released but not acquired here
	pending  []pending    // LockChecked calls of this block, acquired if their error is nil
	nils     []*ssa.Alloc // local variables that hold nil here (zeroed or assigned nil)
}

// pending is a checked acquisition waiting for the branch on its error.
type pending struct {
	err ssa.Value
	h   section
}

func (s *state) clone() *state {
	return &state{held: slices.Clone(s.held), defers: slices.Clone(s.defers), released: slices.Clone(s.released),
		pending: slices.Clone(s.pending), nils: slices.Clone(s.nils)}
}

func (s *state) find(key string) int {
	for i := range s.held {
		if s.held[i].key == key {
			return i
		}
	}
	return -1
}

// findRelease finds the held lock that releasing key releases: the lock
// itself, or the lock whose inner mutex it is (a wrapper such as
// poison.Registry locks r.mu and unlocks r.mu.mu).
func (s *state) findRelease(key string) int {
	if i := s.find(key); i >= 0 {
		return i
	}
	for i := range s.held {
		if releases(key, s.held[i].key) {
			return i
		}
	}
	return -1
}

// releases reports whether releasing key releases the lock held as held.
func releases(key, held string) bool {
	return key == held || strings.HasPrefix(key, held+".")
}

// merge intersects s with t (locks held on all paths); it reports change.
func (s *state) merge(t *state) bool {
	changed := false
	var held []section
	for _, h := range s.held {
		j := t.find(h.key)
		if j < 0 {
			changed = true
			continue
		}
		o := t.held[j]
		if h.deferred && !o.deferred {
			h.deferred, changed = false, true
		}
		if h.wrote == "" && o.wrote != "" {
			h.wrote, changed = o.wrote, true
		}
		if h.loopWrote == "" && o.loopWrote != "" {
			h.loopWrote, changed = o.loopWrote, true
		}
		held = append(held, h)
	}
	s.held = held
	n := 0
	for n < len(s.defers) && n < len(t.defers) && s.defers[n] == t.defers[n] {
		n++
	}
	if n < len(s.defers) {
		s.defers, changed = s.defers[:n], true
	}
	var rel []effect
	for _, r := range s.released {
		if slices.ContainsFunc(t.released, func(e effect) bool { return e.p.key() == r.p.key() }) {
			rel = append(rel, r)
		} else {
			changed = true
		}
	}
	s.released = rel
	if nils := slices.DeleteFunc(slices.Clone(s.nils), func(v *ssa.Alloc) bool { return !slices.Contains(t.nils, v) }); len(nils) != len(s.nils) {
		s.nils, changed = nils, true
	}
	return changed
}

// fnAnalysis is the analysis of one function.
type fnAnalysis struct {
	c        *checker
	fn       *ssa.Function
	emit     bool // final pass: report findings
	mayPanic bool
	strong   bool // some panic point is strong
	returns  bool
	exits    []*state
	sum      *summary
	full     []section // escapes, including those of local locks
	cur      int       // index of the instruction being transferred
	curBlock *ssa.BasicBlock
	events   map[*ssa.BasicBlock][]sectionEvent // guarded writes and releases (see skips.go)
	memo     map[skipKey]bool
	acquired map[string]bool // keys of the locks the function acquires
}

// analyze computes fn's summary and the sections it leaves to callers, and
// records its findings. It is a forward dataflow over fn's blocks: the
// state (flow.go: state) is the set of sections held, the registered
// defers and the pending checked acquisitions; merge intersects the held
// sections (a lock is held after a join only if held on every path), and a
// loop's back edge clears the writes of the iteration. A worklist runs to
// the fixed point, bounded by maxVisits per block (caps.go; hitting it is
// reported as not converged); functions over maxBlocks are not analysed.
// A final pass over the fixed point (emit) simulates each panic point
// (unwind.go: panicAt), reports findings and fills the summary.
func (c *checker) analyze(fn *ssa.Function) (*summary, []section) {
	a := &fnAnalysis{c: c, fn: fn, sum: &summary{}}
	if len(fn.Blocks) == 0 {
		return &summary{noPanic: true}, nil
	}
	if len(fn.Blocks) > maxBlocks {
		c.capped = append(c.capped, fn)
		return &summary{strong: c.stdPkg}, nil // std: a strong panic, as no fact would say otherwise
	}
	in := make([]*state, len(fn.Blocks))
	in[0] = &state{}
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	visits := make([]int, len(fn.Blocks))
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		visits[b.Index]++
		if visits[b.Index] > visitCap {
			if visits[b.Index] == visitCap+1 {
				c.unconverged = append(c.unconverged, unconverged{fn, fmt.Sprintf("a block visited more than %d times", visitCap)})
			}
			continue
		}
		out, live := a.transfer(in[b.Index].clone(), b)
		if !live {
			continue
		}
		for i, s := range b.Succs {
			out := a.edge(out, b, i)
			if s.Dominates(b) {
				// A loop's back edge: each iteration's update is its own
				// (a write of an earlier iteration is complete).
				for j := range out.held {
					if out.held[j].wrote != "" {
						out.held[j].loopWrote = out.held[j].wrote
					}
					out.held[j].wrote = ""
				}
			}
			if in[s.Index] == nil {
				in[s.Index] = out
				work = append(work, s)
			} else if in[s.Index].merge(out) {
				work = append(work, s)
			}
		}
	}
	// Final pass with the fixed point: collect findings and the summary.
	a.emit = true
	for _, b := range fn.Blocks {
		if in[b.Index] != nil {
			a.transfer(in[b.Index].clone(), b)
		}
	}
	a.finish()
	return a.sum, a.full
}

// edge returns the state on b's i'th out edge: a checked acquisition holds
// the lock on the branch where its error is nil, and nowhere else.
func (a *fnAnalysis) edge(out *state, b *ssa.BasicBlock, i int) *state {
	st := out.clone()
	st.pending = nil
	if len(out.pending) == 0 {
		return st
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return st
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return st
	}
	for _, p := range out.pending {
		if !(cmp.X == p.err && isNilConst(cmp.Y) || cmp.Y == p.err && isNilConst(cmp.X)) {
			continue
		}
		// EQL: the true edge (0) is err == nil; NEQ: the false edge (1).
		if cmp.Op == token.EQL && i == 0 || cmp.Op == token.NEQ && i == 1 {
			st.acquire(p.h)
		}
	}
	return st
}

// acquire adds h to the held locks.
func (s *state) acquire(h section) {
	if i := s.find(h.key); i >= 0 {
		s.held[i] = h
		return
	}
	s.held = append(s.held, h)
	slices.SortFunc(s.held, func(x, y section) int { return strings.Compare(x.key, y.key) })
}

// transfer runs the instructions of b; it returns the state at the end and
// whether the end is reachable.
func (a *fnAnalysis) transfer(st *state, b *ssa.BasicBlock) (*state, bool) {
	a.startBlock(b)
	for i, instr := range b.Instrs {
		a.cur = i
		switch in := instr.(type) {
		case *ssa.Defer:
			di := a.c.deferInfoOf(a.fn, in)
			st.defers = append(st.defers, di)
			for _, u := range di.unlocks {
				if i := st.findRelease(u.p.key()); i >= 0 {
					st.held[i].deferred = true
				}
			}
		case *ssa.Go:
			a.goStmt(in.Common())
		case *ssa.Call:
			if !a.call(st, in, in.Common()) {
				return st, false
			}
		case *ssa.Panic:
			a.panicAt(st, panicPoint{pos: in.Pos(), instr: in, kind: panicExplicit, rank: rankExplicit, strong: a.explicitStrong(in)}, nil)
			return st, false
		case *ssa.Return:
			if a.emit {
				a.returns = true
				a.exits = append(a.exits, a.exitState(st))
			}
		default:
			if pp, ok := a.implicitPanic(instr); ok {
				a.panicAt(st, pp, nil)
			}
			a.writeInstr(st, instr)
			trackNil(st, instr)
		}
	}
	return st, true
}

// call handles a call instruction; it returns false if the call never
// returns.
func (a *fnAnalysis) call(st *state, instr ssa.Instruction, cc *ssa.CallCommon) bool {
	if bi, ok := cc.Value.(*ssa.Builtin); ok {
		switch bi.Name() {
		case "close":
			if a.c.cfg.ImplicitPanics && !a.closeOnce(st, instr) {
				a.panicAt(st, panicPoint{pos: cc.Pos(), instr: instr, kind: panicClose, rank: rankImplicit}, nil)
			}
		case "delete", "clear":
			if len(cc.Args) > 0 {
				a.written(st, cc.Args[0])
			}
		}
		return true
	}
	if lc := a.c.lockCallOf(a.fn, cc); lc != nil {
		a.applyLock(st, instr, cc.Pos(), lc)
		return true
	}
	callee, inputs := a.c.resolve(a.fn, cc)
	if callee == nil {
		if cc.IsInvoke() {
			pp := panicPoint{pos: cc.Pos(), instr: instr, kind: panicDynamic, rank: rankDynamic, strong: a.dynamicStrong(cc)}
			if closed, noPanic, strong := a.c.closedInterface(cc); closed {
				if noPanic {
					return true
				}
				pp.kind, pp.rank, pp.strong = panicCall, rankLocal, strong
			}
			a.panicAt(st, pp, a.dispatch(cc))
			return true
		}
		if a.callTargets(st, instr, cc) {
			a.calledInput(st, cc.Value)
			return true
		}
		a.panicAt(st, panicPoint{pos: cc.Pos(), instr: instr, kind: panicDynamic, rank: rankDynamic, strong: a.dynamicStrong(cc)}, nil)
		a.calledInput(st, cc.Value)
		return true
	}
	s := a.staticCall(st, instr, cc.Pos(), callee, inputs, "", 0)
	// The call's writes count after its own panic point: a call that
	// panics is not taken to have written first.
	a.callWrites(st, cc, callee, s, inputs)
	// Func values run under a recover by the callee.
	for _, i := range s.recovers {
		if i < len(inputs) {
			a.c.coverArg(a.fn, inputs[i], callee, cc.Pos())
			if p := pathOf(a.fn, inputs[i]); p != nil && p.kind == pathInput && len(p.fields) == 0 {
				a.sum.recovers = appendUnique(a.sum.recovers, p.input)
			}
		}
	}
	if b := a.c.boundaryFunc(callee); b {
		for _, arg := range cc.Args {
			a.c.coverArg(a.fn, arg, callee, cc.Pos())
		}
	}
	// A callee that never returns is not taken to end the path: compiler
	// intrinsics have panicking stub bodies.
	return true
}

// applyLock applies the acquisitions and releases of a lock call at pos.
func (a *fnAnalysis) applyLock(st *state, instr ssa.Instruction, pos token.Pos, lc *lockCall) {
	for _, e := range lc.release {
		if i := st.findRelease(e.p.key()); i >= 0 {
			a.event(st.held[i].key, true)
			st.held = slices.Delete(st.held, i, i+1)
		} else if e.p.escapes() {
			st.released = append(st.released, e)
		}
	}
	for _, e := range lc.acquire {
		a.addLock(e)
		key := e.p.key()
		if a.acquired == nil {
			a.acquired = map[string]bool{}
		}
		a.acquired[key] = true
		st.released = slices.DeleteFunc(st.released, func(r effect) bool { return r.p.key() == key })
		h := section{p: e.p, key: key, write: e.write, poison: lc.poison, pos: pos, loc: a.c.syntax.Loc(pos)}
		if call, ok := instr.(*ssa.Call); ok && lc.checked {
			st.pending = append(st.pending, pending{call, h})
			continue
		}
		st.acquire(h)
	}
}

// staticCall is a call of callee at pos with inputs (nil where not known):
// the locks it takes, its panic point with the sections it leaves behind,
// and the func parameters it calls, bound to the arguments. via names the
// implementation reached through an interface, for messages.
func (a *fnAnalysis) staticCall(st *state, instr ssa.Instruction, pos token.Pos, callee *ssa.Function, inputs []ssa.Value, via string, depth int) *summary {
	s := a.c.summaryOf(callee)
	for _, e := range s.locks {
		if p := translate(a.fn, e.p, inputs); p != nil {
			a.addLock(effect{p, e.write})
		}
	}
	if !s.noPanic && !(s.stdCalls != 0 && !a.c.stdPkg && a.argsNoPanic(s.stdCalls, inputs)) {
		local := callee.Pkg != nil && callee.Pkg.Pkg == a.c.pass.Pkg
		rank := rankCall
		if local {
			rank = rankLocal
		}
		strong := s.strong && local ||
			a.c.stdPkg && callee.Pkg != nil && !local && s.stdCalls == 0 // std facts: no fact is a strong panic
		if a.c.stdPkg && s.stdCalls != 0 && !strong {
			strong = a.argsStrong(s.stdCalls, inputs)
		}
		a.panicAt(st, panicPoint{pos: pos, instr: instr, kind: panicCall, rank: rank, strong: strong, via: s.worst},
			a.translateEscapes(s, a.c.foreignPkg(callee), callee, inputs, pos, via))
	}
	if len(s.calls) > 0 {
		a.bindCalls(st, instr, pos, s, inputs, depth)
	}
	return s
}

// translateEscapes expresses the callee's escaping sections in this frame.
// from is the callee's package when it is another; key stands for the
// sections' locks that this frame cannot name.
func (a *fnAnalysis) translateEscapes(s *summary, from string, key ssa.Value, inputs []ssa.Value, pos token.Pos, via string) []section {
	var escs []section
	for _, e := range s.escapes {
		if nilInput(e.p, inputs) {
			continue // a section on a lock of an object this call passes as nil
		}
		t := e
		if t.p = translate(a.fn, e.p, inputs); t.p != nil && t.p.name == "" && !t.pos.IsValid() {
			// A call result: named as the call's receiver is written.
			q := *t.p
			if q.name = a.c.recvText(pos); q.name == "" || e.p.kind != pathInput || e.p.input != 0 {
				q.name = e.p.name
			}
			t.p = &q
		}
		if t.p == nil {
			t.p = &path{kind: pathLocal, local: key, name: "", fields: e.p.fields, embed: e.p.embed}
		}
		if !t.pos.IsValid() && !t.site.IsValid() {
			t.site = pos
		}
		if t.from == "" {
			t.from = from
		}
		t.depth++
		if via != "" {
			t.panic.desc = a.c.describe(e.panic) + " via " + via
		}
		escs = append(escs, t)
	}
	return escs
}

// calledInput records that fn calls its input v (a func value) while a
// swallowing recover is deferred: fn is a recovering wrapper for it.
func (a *fnAnalysis) calledInput(st *state, v ssa.Value) {
	p := pathOf(a.fn, v)
	if p == nil || p.kind != pathInput || len(p.fields) > 0 {
		return
	}
	for _, d := range st.defers {
		if d.handler != nil && d.handler.swallows {
			a.sum.recovers = appendUnique(a.sum.recovers, p.input)
			return
		}
	}
	// Not recovered here: callers bind the argument and add what it does.
	if p.input < len(a.fn.Params) {
		a.sum.calls = appendUnique(a.sum.calls, p.input)
	}
}

// goStmt: a goroutine is not covered by its parent's recover, but a
// function that starts a recovering goroutine around its func parameter
// is a recovering wrapper (util.Go).
func (a *fnAnalysis) goStmt(cc *ssa.CallCommon) {
	callee, inputs := a.c.resolve(a.fn, cc)
	if callee == nil {
		return
	}
	for _, i := range a.c.summaryOf(callee).recovers {
		if i < len(inputs) {
			a.c.coverArg(a.fn, inputs[i], callee, cc.Pos())
			if p := pathOf(a.fn, inputs[i]); p != nil && p.kind == pathInput && len(p.fields) == 0 {
				a.sum.recovers = appendUnique(a.sum.recovers, p.input)
			}
		}
	}
}

func appendUnique(s []int, v int) []int {
	if slices.Contains(s, v) {
		return s
	}
	s = append(s, v)
	slices.Sort(s)
	return s
}

func (a *fnAnalysis) addLock(e effect) {
	key := e.p.key()
	for _, l := range a.sum.locks {
		if l.p.key() == key && l.write == e.write {
			return
		}
	}
	if len(a.sum.locks) < maxLocks {
		a.sum.locks = append(a.sum.locks, e)
	}
}

// writeInstr records writes of guarded state by a store, map update.
func (a *fnAnalysis) writeInstr(st *state, instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Store:
		a.written(st, in.Addr)
	case *ssa.MapUpdate:
		a.written(st, in.Map)
	}
}

// callWrites records the writes a call makes: through the inputs of an
// in-package callee that writes them, and pointer-receiver methods called
// on a field or package-level variable.
func (a *fnAnalysis) callWrites(st *state, cc *ssa.CallCommon, callee *ssa.Function, s *summary, inputs []ssa.Value) {
	if callee.Pkg != nil && callee.Pkg.Pkg == a.c.pass.Pkg || s.readOnly || s.writes != 0 {
		// A callee writing through an input writes guarded state when the
		// input is a guarded field or variable itself (s.list.Push(x)),
		// not the lock's owner (t.cacheString(off) memoizing into t).
		for i, in := range inputs {
			if i < 63 && s.writes&(1<<i) != 0 {
				if selfLocked(s, i) {
					// State with its own lock: the callee writes it
					// under that lock, not as the caller's section.
					a.markWrite(in)
				} else if isFieldOrGlobal(a.fn, in) {
					a.written(st, in)
				} else {
					a.markWrite(in)
				}
			}
		}
		if s.writes&(1<<writesGlobal) != 0 {
			a.sum.writes |= 1 << writesGlobal
		}
		return
	}
	// Another package's function, not known to be read-only: its pointer
	// arguments may be written; a pointer method called on a field or
	// package-level variable writes it.
	for _, in := range inputs {
		if _, isPtr := in.Type().Underlying().(*types.Pointer); isPtr && !locktypes.IsSyncType(in.Type()) {
			a.markWrite(in)
		}
	}
	if recv := callee.Signature.Recv(); recv != nil && len(cc.Args) > 0 && !selfLocked(s, 0) {
		if _, isPtr := recv.Type().(*types.Pointer); isPtr && !locktypes.IsSyncType(recv.Type()) {
			if isFieldOrGlobal(a.fn, cc.Args[0]) {
				a.written(st, cc.Args[0])
			}
		}
	}
}

// markWrite records in the summary that the function writes through the
// input or package-level variable that addr is rooted at.
func (a *fnAnalysis) markWrite(addr ssa.Value) {
	if p := pathOf(a.fn, addr); p != nil {
		a.markPath(p)
	}
}

func (a *fnAnalysis) markPath(p *path) {
	switch p.kind {
	case pathInput:
		if p.input < 63 {
			a.sum.writes |= 1 << p.input
		}
	case pathGlobal:
		a.sum.writes |= 1 << writesGlobal
	}
}

// written records a write through addr.
func (a *fnAnalysis) written(st *state, addr ssa.Value) {
	switch x := addr.(type) {
	case *ssa.IndexAddr:
		addr = x.X
	case *ssa.Alloc:
		return // a local variable
	}
	p := pathOf(a.fn, addr)
	if p == nil || !p.escapes() {
		// An element of guarded state written through a local pointer
		// (elements.go).
		if p = a.elementOwner(st, addr, p); p == nil {
			return
		}
	}
	a.markPath(p)
	if len(p.fields) == 0 && p.kind == pathInput {
		// Writing a variable captured by a closure, not shared state.
		if p.input >= len(a.fn.Params) {
			return
		}
	}
	if p.kind == pathInput && p.input >= len(a.fn.Params) && capturedLocal(a.fn, p.input-len(a.fn.Params)) {
		return // a field of a local captured by a closure
	}
	for i := range st.held {
		h := &st.held[i]
		if !h.write || h.key == p.key() {
			continue
		}
		if g := a.c.guardOf(p); g != "" && !h.p.endsWith(g) {
			continue
		}
		a.event(h.key, false)
		if h.wrote == "" {
			h.wrote = p.String()
		}
	}
}

func (p *path) endsWith(name string) bool {
	return len(p.fields) > 0 && p.fields[len(p.fields)-1] == name || len(p.fields) == 0 && p.name == name
}

// finish computes the summary from the exit states.
func (a *fnAnalysis) finish() {
	s := a.sum
	s.noPanic = !a.mayPanic
	s.strong = a.strong
	s.noReturn = !a.returns
	for i, ex := range a.exits {
		var acq, rel []effect
		for _, h := range ex.held {
			if h.p.escapes() && !h.deferred {
				acq = append(acq, effect{h.p, h.write})
			}
		}
		rel = ex.released
		if i == 0 {
			s.acquires, s.releases = acq, rel
			continue
		}
		s.acquires = intersect(s.acquires, acq)
		s.releases = intersect(s.releases, rel)
	}
}

func intersect(a, b []effect) []effect {
	var out []effect
	for _, x := range a {
		if slices.ContainsFunc(b, func(y effect) bool { return x.p.key() == y.p.key() }) {
			out = append(out, x)
		}
	}
	return out
}

// isFieldOrGlobal reports whether v is (the address of) a field or a
// package-level variable, not a root such as a receiver.
func isFieldOrGlobal(fn *ssa.Function, v ssa.Value) bool {
	p := pathOf(fn, v)
	return p != nil && (p.kind == pathGlobal || len(p.fields) > 0)
}
