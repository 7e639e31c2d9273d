package analyzer

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// Torn state is a guarded write, then a panic point, then another guarded
// write of the same section that the panic skips. A section whose update is
// complete before the panic point (what follows is a log call, a
// notification, building the result) is not half-updated. Within a loop,
// each iteration's update is its own: the back edge forgets the writes made
// in the loop (flow.go), so an iteration that writes only after its own
// panic point is not torn. The search for a skipped write follows every
// edge: a batch left half-applied, or a write after the loop, counts.

// sectionEvent is a guarded write made, or a lock released, at an
// instruction of a block, for the section of lock key.
type sectionEvent struct {
	idx     int
	key     string
	release bool
}

type skipKey struct {
	b   *ssa.BasicBlock
	key string
}

// startBlock starts recording the events of b. The fixed-point passes
// record them; a block's last transfer there has its final state. The
// final (emitting) pass reads them.
func (a *fnAnalysis) startBlock(b *ssa.BasicBlock) {
	a.curBlock = b
	if a.emit {
		return
	}
	if a.events == nil {
		a.events = map[*ssa.BasicBlock][]sectionEvent{}
	}
	a.events[b] = a.events[b][:0]
}

// event records a guarded write (or a release) of key's section at the
// current instruction.
func (a *fnAnalysis) event(key string, release bool) {
	if a.emit || a.curBlock == nil {
		return
	}
	evs := a.events[a.curBlock]
	if n := len(evs); n > 0 && evs[n-1] == (sectionEvent{a.cur, key, release}) {
		return
	}
	a.events[a.curBlock] = append(evs, sectionEvent{a.cur, key, release})
}

// skipsWrite reports whether a panic at pp skips a guarded write of the
// section of key: one at the panic point itself (the write that panics,
// the call that would write) or reachable after it, without leaving the
// section.
func (a *fnAnalysis) skipsWrite(pp panicPoint, key string) bool {
	if pp.instr == nil || pp.instr.Block() == nil || pp.instr.Parent() != a.fn {
		return true // not located: keep the section's writes
	}
	b := pp.instr.Block()
	idx := -1
	for i, in := range b.Instrs {
		if in == pp.instr {
			idx = i
			break
		}
	}
	if idx < 0 {
		return true
	}
	if found, done := scanEvents(a.events[b], idx, key); done {
		return found
	}
	// b itself may be reached again (a loop): its writes before the
	// panic point are then the next iteration's, skipped too.
	seen := map[*ssa.BasicBlock]bool{}
	for _, s := range b.Succs {
		if a.writeFrom(s, key, seen) {
			return true
		}
	}
	return false
}

// scanEvents looks through a block's events from instruction idx on: a
// write of key (true, done) or its release (false, done).
func scanEvents(evs []sectionEvent, idx int, key string) (found, done bool) {
	for _, e := range evs {
		if e.idx < idx || e.key != key {
			continue
		}
		return !e.release, true
	}
	return false, false
}

// writeFrom: a guarded write of key's section is reachable from the start
// of b.
func (a *fnAnalysis) writeFrom(b *ssa.BasicBlock, key string, seen map[*ssa.BasicBlock]bool) bool {
	if seen[b] {
		return false
	}
	seen[b] = true
	k := skipKey{b, key}
	if v, ok := a.memo[k]; ok {
		return v
	}
	found, done := scanEvents(a.events[b], 0, key)
	if !done {
		for _, s := range b.Succs {
			if a.writeFrom(s, key, seen) {
				found = true
				break
			}
		}
	}
	if a.memo == nil {
		a.memo = map[skipKey]bool{}
	}
	// Only positive answers are independent of the visiting order.
	if found || done {
		a.memo[k] = found
	}
	return found
}

// underLeak reports whether the section t (torn) lies inside a section of
// another lock that the same panic leaves held (explicit unlock): that lock
// was acquired first, in the same file, and stays held.
func (c *checker) underLeak(t section, live []section) bool {
	at := func(l section) token.Pos {
		if l.pos.IsValid() {
			return l.pos
		}
		return l.site
	}
	tp := at(t)
	if !tp.IsValid() {
		return false
	}
	for _, l := range live {
		lp := at(l)
		if l.deferred || l.key == t.key || !lp.IsValid() || lp >= tp {
			continue
		}
		if c.pass.Fset.File(lp) == c.pass.Fset.File(tp) {
			return true
		}
	}
	return false
}

// selfLocked reports whether the callee whose summary is s locks a lock of
// its input i's own (a method locking its receiver's mutex): its writes
// through that input are state with its own lock.
func selfLocked(s *summary, i int) bool {
	for _, e := range s.locks {
		if e.write && e.p.kind == pathInput && e.p.input == i && len(e.p.fields) > 0 {
			return true
		}
	}
	return false
}

// capturedLocal reports whether free variable i of closure fn is a local
// variable of an enclosing function (captured by reference, not spilled
// from a parameter): writes through it are not shared state.
func capturedLocal(fn *ssa.Function, i int) bool {
	parent := fn.Parent()
	if parent == nil || i >= len(fn.FreeVars) {
		return false
	}
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn || i >= len(mc.Bindings) {
				continue
			}
			switch v := mc.Bindings[i].(type) {
			case *ssa.Alloc:
				p := pathOf(parent, v)
				return p != nil && p.kind == pathLocal && len(p.fields) == 0
			case *ssa.FreeVar:
				for j, fv := range parent.FreeVars {
					if fv == v {
						return capturedLocal(parent, j)
					}
				}
			}
			return false
		}
	}
	return false
}
