package analyzer

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A recover handler that releases a lock itself (r.mu.Unlock() inside the
// deferred recover, then carry on) is the Go form of taking a poisoned
// lock's data and going on. This file models those releases:
//
//   - where the handler releases a lock held at a covered panic point, the
//     lock does not leak; the section is torn when it wrote guarded state
//     before the panic point and skips a write after it (torn-state, naming
//     the handler's unlock);
//   - where the handler unlocks a lock that is not held at a covered panic
//     point (before the Lock, after the section's own Unlock, or already
//     released by a deferred unlock), sync makes that a fatal error no
//     recover stops (handler-unlock).
//
// What the dataflow proves: an unlock on every recovered path of the
// handler is unconditional; one guarded by a nil check of the lock's own
// variable (if held != nil { held.Unlock() }) runs where the variable is not
// provably nil (a store of nil or its zero value); any other condition (a
// flag recording what is held) is taken to track the hold: it releases
// where the lock is held and is never reported as handler-unlock.

// unlockCond says when a handler's unlock runs on its recovered path.
type unlockCond uint8

const (
	condAlways unlockCond = iota // on every recovered path
	condNonNil                   // when the lock's variable is not nil
	condOther                    // under another condition (a flag)
)

// handlerUnlock is a lock that a recover handler releases, in the frame of
// the function that defers the handler.
type handlerUnlock struct {
	effect
	cond unlockCond
	pos  token.Pos // the unlock call in the handler, when in this package
	text string    // "r.mu.Unlock", or "the handler's unlock" when unknown
	loc  string    // "file.go:12" of the unlock call
	// poisons: UnlockPoisoned(v), which poisons a runtime/poison lock.
	poisons bool
}

// handlerFact describes an exported function that a caller may defer
// directly as its recover handler (defer guard.Recover(&r.mu, &err)).
type handlerFact struct {
	Swallows bool
	Unlocks  []factHandlerUnlock
}

// factHandlerUnlock is a lock the handler releases, relative to its inputs.
type factHandlerUnlock struct {
	Path  factPath
	Write bool
	Cond  uint8
	Text  string // "mu.Unlock"
	Loc   string // "guard.go:12"
	// Poisons: UnlockPoisoned(v) of a runtime/poison lock.
	Poisons bool
}

// handlerReleases lists the locks that handler h releases, relative to h's
// own frame.
func (c *checker) handlerReleases(h *ssa.Function) []handlerUnlock {
	var rec *ssa.Call
	for _, b := range h.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				if bi, ok := call.Call.Value.(*ssa.Builtin); ok && bi.Name() == "recover" {
					rec = call
				}
			}
		}
	}
	// A lock the handler takes itself (c.mu.Lock(); repair; c.mu.Unlock())
	// is balanced: its unlock releases nothing of the panicking frame.
	acquires := map[string]bool{}
	for _, b := range h.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				if lc := c.lockCallOf(h, call.Common()); lc != nil {
					for _, e := range lc.acquire {
						acquires[e.p.key()] = true
					}
				}
			}
		}
	}
	var out []handlerUnlock
	for _, b := range h.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			lc := c.lockCallOf(h, call.Common())
			if lc == nil || len(lc.release) == 0 || acquires[lc.release[0].p.key()] {
				continue
			}
			cond, ok := unlockCondOf(h, b, rec, lc.release[0].p)
			if !ok {
				continue // runs only when nothing was recovered
			}
			text := c.syntax.CallText(call.Pos())
			if text == "" {
				text = "the handler's unlock"
			}
			poisons := lc.poison && calleeName(call.Common()) == "UnlockPoisoned"
			for _, e := range lc.release {
				out = append(out, handlerUnlock{effect: e, cond: cond, pos: call.Pos(), text: text, loc: c.syntax.Loc(call.Pos()), poisons: poisons})
			}
		}
	}
	return out
}

// unlockCondOf classifies the conditions that dominate block b of handler
// h, whose recover call is rec; ok is false when b runs only when recover
// returned nil.
func unlockCondOf(h *ssa.Function, b *ssa.BasicBlock, rec *ssa.Call, lock *path) (unlockCond, bool) {
	cond := condAlways
	for d := b.Idom(); d != nil; d = d.Idom() {
		ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || len(d.Succs) != 2 || d.Succs[0] == d.Succs[1] {
			continue
		}
		var taken int
		switch {
		case d.Succs[0].Dominates(b) && !d.Succs[1].Dominates(b):
			taken = 0
		case d.Succs[1].Dominates(b) && !d.Succs[0].Dominates(b):
			taken = 1
		default:
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
			cond = condOther
			continue
		}
		x, y := cmp.X, cmp.Y
		if isNilConst(x) {
			x, y = y, x
		}
		if !isNilConst(y) {
			cond = condOther
			continue
		}
		// nonNil: the taken branch is the one where x != nil.
		nonNil := cmp.Op == token.NEQ && taken == 0 || cmp.Op == token.EQL && taken == 1
		switch {
		case rec != nil && isRecovered(x, rec):
			if !nonNil {
				return 0, false
			}
		case nonNil && sameLockVar(h, x, lock):
			if cond == condAlways {
				cond = condNonNil
			}
		default:
			cond = condOther
		}
	}
	return cond, true
}

// sameLockVar reports whether v (compared with nil) is the variable that
// holds the lock at path lock.
func sameLockVar(h *ssa.Function, v ssa.Value, lock *path) bool {
	p := pathOf(h, v)
	return p != nil && lock != nil && p.key() == lock.key()
}

// handlerUnlocksIn translates the releases of handler h, deferred by fn
// with inputs, to fn's frame.
func (c *checker) handlerUnlocksIn(fn, h *ssa.Function, inputs []ssa.Value) []handlerUnlock {
	var out []handlerUnlock
	for _, u := range c.handlerReleases(h) {
		if p := translate(fn, u.p, inputs); p != nil {
			u.p = p
			out = append(out, u)
		}
	}
	return out
}

// handlerFactOf is the fact exported for h when it is a recover handler
// that swallows or releases locks of its inputs.
func (c *checker) handlerFactOf(h *ssa.Function) *handlerFact {
	hi := c.handlerOf(h)
	if hi == nil {
		return nil
	}
	f := &handlerFact{Swallows: hi.swallows}
	for _, u := range c.handlerReleases(h) {
		if !u.p.escapes() {
			continue
		}
		f.Unlocks = append(f.Unlocks, factHandlerUnlock{Path: toFactPath(u.p), Write: u.write, Cond: uint8(u.cond),
			Text: u.text, Loc: u.loc, Poisons: u.poisons})
	}
	if !f.Swallows && len(f.Unlocks) == 0 {
		return nil
	}
	return f
}

// factHandlerUnlocks translates the releases of another package's handler
// to fn's frame.
func factHandlerUnlocks(fn *ssa.Function, hf *handlerFact, inputs []ssa.Value) []handlerUnlock {
	var out []handlerUnlock
	for _, u := range hf.Unlocks {
		p := translate(fn, fromFactPath(u.Path), inputs)
		if p == nil {
			continue
		}
		out = append(out, handlerUnlock{effect: effect{p, u.Write}, cond: unlockCond(u.Cond), text: u.Text, loc: u.Loc, poisons: u.Poisons})
	}
	return out
}

// trackNil records which local variables hold nil: a fresh (zeroed)
// variable, or one assigned nil; any other store clears that.
func trackNil(st *state, instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Alloc:
		if lockVar(in) && !slices.Contains(st.nils, in) {
			st.nils = append(st.nils, in)
		}
	case *ssa.Store:
		if a, ok := in.Addr.(*ssa.Alloc); ok && lockVar(a) {
			st.nils = slices.DeleteFunc(st.nils, func(v *ssa.Alloc) bool { return v == a })
			if isNilConst(in.Val) {
				st.nils = append(st.nils, a)
			}
		}
	}
}

// handlerUnlocks reports whether a registered handler releases locks.
func (s *state) handlerUnlocks() bool {
	for _, d := range s.defers {
		if len(d.hunlocks) > 0 {
			return true
		}
	}
	return false
}

// handlerReleases applies the releases of handler d (the i'th registered
// defer) to the locks a panic at st leaves: a held lock is released, torn
// when its section wrote guarded state; a lock not held is a fatal unlock.
func (a *fnAnalysis) handlerReleases(st *state, pp panicPoint, d *deferInfo, i int, live, torn, freed []section) ([]section, []section) {
	for _, hu := range d.hunlocks {
		key := hu.p.key()
		j := slices.IndexFunc(live, func(l section) bool { return releases(key, l.key) })
		if j >= 0 {
			l := live[j]
			if l.deferred && a.pendingUnlock(st, i, l.key) {
				// The deferred unlock runs after the handler: a second
				// unlock of the same lock.
				a.handlerUnlock(d, hu, l, "its deferred unlock runs again after the handler")
				continue
			}
			live = slices.Delete(live, j, j+1)
			l.handler, l.hloc, l.hpos = hu.text, hu.loc, hu.pos
			// A handler's plain Unlock cannot see the panic: even a poison
			// lock is released unpoisoned, unless UnlockPoisoned is used.
			if l.write && l.wrote != "" && !(l.poison && hu.poisons) {
				torn = append(torn, l)
			}
			continue
		}
		if hu.cond == condOther || !a.acquired[key] {
			// A flag records what is held, or the function runs with the
			// lock held by its caller: nothing the dataflow can prove.
			continue
		}
		if hu.p.kind == pathLocal && len(hu.p.fields) == 0 {
			if v, ok := hu.p.local.(*ssa.Alloc); ok && slices.Contains(st.nils, v) {
				continue // cleared: the handler skips (or dereferences nil)
			}
		}
		if k := slices.IndexFunc(freed, func(l section) bool { return releases(key, l.key) }); k >= 0 {
			a.handlerUnlock(d, hu, freed[k], "a deferred unlock already released it")
			continue
		}
		a.handlerUnlock(d, hu, section{p: hu.p, key: key, write: hu.write, panic: pp}, "")
	}
	return live, torn
}

// pendingUnlock reports whether a deferred unlock of key registered before
// the i'th defer is still to run.
func (a *fnAnalysis) pendingUnlock(st *state, i int, key string) bool {
	for _, d := range st.defers[:i] {
		for _, u := range d.unlocks {
			if releases(u.p.key(), key) {
				return true
			}
		}
	}
	return false
}

// handlerUnlock reports a handler's unlock of a lock not held at l.panic.
func (a *fnAnalysis) handlerUnlock(d *deferInfo, hu handlerUnlock, l section, why string) {
	pos := hu.pos
	if !pos.IsValid() || a.c.syntax.FileOf(pos) == nil {
		pos = d.instr.Pos()
	}
	l.handler, l.hloc, l.unlock = hu.text, hu.loc, why
	a.c.report(&finding{check: CheckHandlerUnlock, pos: pos, lock: l, panic: l.panic, recoverPos: d.instr.Pos(), recoverFn: a.fn})
}

// calleeName is the name of the method or function a call calls.
func calleeName(cc *ssa.CallCommon) string {
	if cc.IsInvoke() {
		return cc.Method.Name()
	}
	if f := cc.StaticCallee(); f != nil {
		return f.Name()
	}
	return ""
}

// lockVar reports whether the local variable a may hold a lock: a pointer
// or an interface (only those are tracked for nil).
func lockVar(a *ssa.Alloc) bool {
	p, ok := a.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	switch p.Elem().Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return true
	}
	return false
}
