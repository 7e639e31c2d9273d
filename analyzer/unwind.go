package analyzer

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// panicAt simulates a panic at pp: it pops the deferred calls LIFO,
// releasing deferred unlocks, until a recover handler swallows the panic
// (findings) or the panic escapes the function (summary). escs are the
// sections a callee leaves behind when the panic comes from a call.
func (a *fnAnalysis) panicAt(st *state, pp panicPoint, escs []section) {
	if a.c.unreachable(pp.pos) {
		return
	}
	a.c.noteExposed(st.held) // for the fixes
	a.mayPanicAt(st, pp)
	if !a.emit || len(st.held) == 0 && len(escs) == 0 && !st.handlerUnlocks() {
		return
	}
	var live, torn, freed []section
	for _, h := range st.held {
		if h.wrote == "" && h.loopWrote != "" && a.skipsWriteAfterLoop(pp, h.key) {
			// Earlier iterations wrote, and the panic skips the
			// write that completes the loop's update (loopwrites.go).
			h.wrote = h.loopWrote
		}
		if h.wrote != "" && !a.skipsWrite(pp, h.key) {
			// The update is complete before the panic point: nothing
			// is half-updated.
			h.wrote = ""
		}
		h.panic = pp
		live = append(live, h)
	}
	for _, e := range escs {
		u := e.reached()
		if u.panic.instr == nil && !u.panic.pos.IsValid() {
			u.panic.pos = pp.pos
		}
		if e.held {
			if i := slices.IndexFunc(live[:len(st.held)], func(l section) bool { return l.key == u.key }); i >= 0 {
				// The caller holds it too: the callee's section is nested.
				continue
			}
			live = append(live, u)
		} else if e.write && e.wrote != "" && !e.poison {
			torn = append(torn, u)
		}
	}
	for i := len(st.defers) - 1; i >= 0; i-- {
		d := st.defers[i]
		for _, u := range d.unlocks {
			j := slices.IndexFunc(live, func(l section) bool { return releases(u.p.key(), l.key) })
			if j < 0 {
				continue
			}
			l := live[j]
			l.unlock = a.c.syntax.CallText(d.instr.Call.Pos())
			live = slices.Delete(live, j, j+1)
			freed = append(freed, l)
			if l.write && l.wrote != "" && !l.poison {
				torn = append(torn, l)
			}
		}
		if d.handler == nil {
			continue
		}
		live, torn = a.handlerReleases(st, pp, d, i, live, torn, freed)
		for _, acq := range d.acquires {
			for _, l := range live {
				if l.key == acq.p.key() && (l.write || acq.write) {
					a.c.report(&finding{check: CheckHandlerRelock, pos: acq.pos, lock: l, panic: l.panic,
						recoverPos: d.instr.Pos(), recoverFn: a.fn})
				}
			}
		}
		if d.handler.swallows {
			// State under an object the handler closes is abandoned:
			// nobody reads it torn.
			torn = slices.DeleteFunc(torn, func(l section) bool { return d.abandoned(l.p) })
			live = slices.DeleteFunc(live, func(l section) bool { return l.deferred && d.abandoned(l.p) })
			// Objects the recovered call made and kept to itself are
			// dropped with the panic (fresh.go).
			live, torn = a.dropFresh(pp, live, torn)
			// And those stored only into a value its callers drop
			// with the error (discarded.go).
			live, torn = a.dropDiscarded(d, live, torn)
			a.caught(live, torn, recoverSite{pos: d.instr.Pos(), fn: a.fn})
			return
		}
	}
	for _, l := range live {
		if !l.deferred {
			a.escape(l, true)
		}
	}
	for _, l := range torn {
		if !a.c.underLeak(l, live) {
			a.escape(l, false)
		}
	}
}

// recoverSite is where a panic is recovered: a deferred handler in fn at
// pos, or a boundary around fn described by desc.
type recoverSite struct {
	pos  token.Pos
	fn   *ssa.Function
	desc string
}

// caught reports the sections that a swallowing recover leaves behind.
// Torn state under an outer lock that the same panic leaks is not reported:
// the leak is the finding, and every reader holding the outer lock blocks.
func (a *fnAnalysis) caught(live, torn []section, rs recoverSite) {
	all := slices.Clone(live)
	torn = slices.DeleteFunc(torn, func(t section) bool { return a.c.underLeak(t, all) })
	live = slices.DeleteFunc(live, func(t section) bool { return t.deferred && a.c.underLeak(t, all) })
	for _, l := range live {
		if !l.deferred {
			a.c.report(&finding{check: CheckLockLeak, lock: l, panic: l.panic, recoverPos: rs.pos, recoverFn: rs.fn, recoverDesc: rs.desc})
		} else if l.write && l.wrote != "" && !l.poison {
			// Its deferred unlock runs after the handler, as the
			// function returns.
			a.c.report(&finding{check: CheckTornState, lock: l, panic: l.panic, recoverPos: rs.pos, recoverFn: rs.fn, recoverDesc: rs.desc})
		}
	}
	for _, l := range torn {
		a.c.report(&finding{check: CheckTornState, lock: l, panic: l.panic, recoverPos: rs.pos, recoverFn: rs.fn, recoverDesc: rs.desc})
	}
}

// escape records a section that a panic escaping the function leaves held
// (or torn).
func (a *fnAnalysis) escape(l section, held bool) {
	e := l.leftBehind(held)
	for i, f := range a.full {
		// Sections are identified by their acquisition: two sections of
		// the same lock in one function are two findings.
		if f.p.key() == e.p.key() && f.held == held && f.pos == e.pos && f.site == e.site && f.loc == e.loc {
			if stronger(e.panic, f.panic) {
				a.full[i].panic = e.panic
				a.strongerEscape(e)
			}
			return
		}
	}
	if len(a.full) >= 4*maxEscapes {
		return
	}
	a.full = append(a.full, e)
	if e.p.escapes() && len(a.sum.escapes) < maxEscapes {
		a.sum.escapes = append(a.sum.escapes, e)
	}
}
