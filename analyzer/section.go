package analyzer

import "go/token"

// section is a critical section, the word the README is built on, at each
// stage of the analysis:
//
//   - held at a program point: the dataflow's state (state.held, flow.go);
//   - as a panic unwinds, with its panic point (unwind.go), the section
//     of a finding (finding.lock);
//   - left to callers when the panic escapes the function, held (explicit
//     unlock) or released with its state torn (summary.escapes,
//     checker.full): leftBehind, and reached when a caller's panic unwinds
//     through it;
//   - across packages, its fact form factEscape (facts.go): toFact and
//     sectionFromFact.
type section struct {
	p         *path
	key       string // p.key(), for a section held or unwinding in this function
	write     bool
	deferred  bool // its unlock is deferred on every path
	poison    bool
	pos       token.Pos // the Lock call, when in this package
	loc       string    // "file.go:12", for messages and facts
	site      token.Pos // the call in this package leading to a section in another
	wrote     string    // guarded state written in the section so far
	loopWrote string    // written in an earlier iteration of a loop (loopwrites.go)
	unlock    string    // the deferred unlock call that released it: "cr.unlock"
	from      string    // the package of the callee leading to a section in another
	depth     int       // calls between this function and the section
	// dispatch: reached through an interface call of this package
	// (dispatch.go). Such a section is reported in this package, never
	// exported: an importer cannot act on a call inside a dependency, and
	// a logger's writer behind an interface would otherwise reach every
	// importer of the logger.
	dispatch bool
	handler  string    // the recover handler's unlock that released it: "r.mu.Unlock"
	hloc     string    // where that unlock is: "reg.go:12"
	hpos     token.Pos // that unlock call, when in this package (internal/fix: handler.go)

	panic panicPoint // unwinding and left behind: the panic point (for sections of callees, theirs)
	held  bool       // left behind: the lock stays held; else released torn
}

// leftBehind is s, unwinding, as the summary records it when the panic
// escapes the function: held, or released torn. What holds in this
// function only (the key, the deferred unlock, the handler's unlock) is
// dropped.
func (s section) leftBehind(held bool) section {
	s.held = held
	s.key, s.deferred, s.loopWrote, s.handler, s.hloc, s.hpos = "", false, "", "", "", token.NoPos
	return s
}

// reached is s, a section a callee left behind, as it unwinds in the
// caller.
func (s section) reached() section {
	s.key = s.p.key()
	return s
}

// toFact is the fact form of s, left behind; describe words its panic
// point.
func (s section) toFact(describe func(panicPoint) string) factEscape {
	return factEscape{
		Path: toFactPath(s.p), Write: s.write, Held: s.held, Poison: s.poison,
		Lock: s.loc, Panic: describe(s.panic), Wrote: s.wrote,
	}
}

// sectionFromFact is the section that an imported fact says a function
// leaves behind.
func sectionFromFact(e factEscape) section {
	return section{
		p: fromFactPath(e.Path), write: e.Write, held: e.Held, poison: e.Poison,
		loc: e.Lock, panic: panicPoint{desc: e.Panic, rank: rankCall, strong: true}, wrote: e.Wrote,
	}
}
