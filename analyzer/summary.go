package analyzer

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// summary is what the analysis of one function tells its callers: the
// in-package twin of funcFact, with positions.
type summary struct {
	noPanic  bool
	strong   bool // may panic explicitly or through a dynamic call (see panicPoint.strong)
	noReturn bool
	acquires []effect
	releases []effect
	locks    []effect
	escapes  []section
	recovers []int
	calls    []int // func parameters called outside a swallowing recover
	writes   uint64
	readOnly bool         // from a fact: the method does not write through its receiver
	handler  *handlerFact // from a fact: a recover handler callers defer directly
	worst    *panicPoint  // the strongest panic point that escapes (this package only)
	stdCalls uint64       // standard library: func parameters called (weak otherwise; see stdpanics.go)
}

// writesGlobal is the bit of summary.writes for package-level variables.
const writesGlobal = 63

// effect is a lock effect: a lock path and its mode.
type effect struct {
	p     *path
	write bool
}

// maxEscapes bounds the escapes recorded per function.
const maxEscapes = 8

var optimistic = &summary{noPanic: true}

func (s *summary) equal(t *summary) bool {
	if s.noPanic != t.noPanic || s.strong != t.strong || s.noReturn != t.noReturn || s.stdCalls != t.stdCalls ||
		s.writes != t.writes || !slices.Equal(s.recovers, t.recovers) ||
		!slices.Equal(s.calls, t.calls) ||
		len(s.escapes) != len(t.escapes) {
		return false
	}
	eq := func(a, b []effect) bool {
		return slices.EqualFunc(a, b, func(x, y effect) bool { return x.p.key() == y.p.key() && x.write == y.write })
	}
	if !eq(s.acquires, t.acquires) || !eq(s.releases, t.releases) || !eq(s.locks, t.locks) {
		return false
	}
	for i := range s.escapes {
		a, b := s.escapes[i], t.escapes[i]
		if a.p.key() != b.p.key() || a.held != b.held || a.write != b.write || a.panic.strong != b.panic.strong {
			return false
		}
	}
	return true
}

// fact converts the summary to a fact, or nil when it says nothing.
func (s *summary) fact(describe func(panicPoint) string, std bool) *funcFact {
	// In the standard library only strong panic points count (stdpanics.go).
	f := &funcFact{NoPanic: s.noPanic && !std, NoReturn: s.noReturn}
	if std {
		f.Panics = s.strong
		f.StdCalls = callBits(s.stdCalls, s.strong)
	}
	conv := func(es []effect) []factEffect {
		var out []factEffect
		for _, e := range es {
			if e.p.escapes() {
				out = append(out, factEffect{Path: toFactPath(e.p), Write: e.write})
			}
		}
		slices.SortFunc(out, func(a, b factEffect) int { return strings.Compare(a.String(), b.String()) })
		return out
	}
	f.Acquires, f.Releases = conv(s.acquires), conv(s.releases)
	if !std {
		// Locks serve handler-relock in callers: only the locks of the
		// caller's own objects (input-relative) can be held there.
		var locks []effect
		for _, e := range s.locks {
			if e.p.kind == pathInput {
				locks = append(locks, e)
			}
		}
		f.Locks = conv(locks)
	}
	for _, e := range s.escapes {
		// The standard library's own sections are not its callers' to
		// fix: they are not exported.
		// Only sections whose panic point is strong are exported: a
		// runtime panic or an assertion deep in another package's helper
		// is too weak a path to report in its callers.
		if !e.p.escapes() || std || !e.panic.strong || e.dispatch {
			continue
		}
		f.Escapes = append(f.Escapes, e.toFact(describe))
	}
	slices.SortFunc(f.Escapes, func(a, b factEscape) int { return strings.Compare(a.String(), b.String()) })
	if !std {
		// The standard library's recovering helpers (testing's tRunner,
		// fmt's catchPanic) report or re-panic: none is exported.
		f.Recovers = slices.Clone(s.recovers)
		f.Calls = slices.Clone(s.calls)
	}
	if !f.NoPanic && !f.NoReturn && f.Acquires == nil && f.Releases == nil &&
		f.Locks == nil && f.Escapes == nil && f.Recovers == nil && f.Calls == nil && !f.ReadOnly && f.StdCalls == nil && !f.Panics {
		return nil
	}
	return f
}

// fromFact converts an imported fact (nil: no fact) to a summary; std: the
// function is in the standard library (see stdFact).
func fromFact(f *funcFact, std bool) *summary {
	if f == nil {
		return &summary{noPanic: std}
	}
	s := &summary{noPanic: f.NoPanic, noReturn: f.NoReturn, recovers: f.Recovers, calls: f.Calls, readOnly: f.ReadOnly, handler: f.Handler}
	for _, i := range f.StdCalls {
		s.stdCalls |= 1 << i
	}
	if std {
		s.noPanic = !f.Panics && f.StdCalls == nil
	}
	conv := func(fs []factEffect) []effect {
		var out []effect
		for _, e := range fs {
			out = append(out, effect{p: fromFactPath(e.Path), write: e.Write})
		}
		return out
	}
	s.acquires, s.releases, s.locks = conv(f.Acquires), conv(f.Releases), conv(f.Locks)
	for _, e := range f.Escapes {
		s.escapes = append(s.escapes, sectionFromFact(e))
	}
	return s
}

// nopanic is the summary of a function that cannot panic and has no
// effects (declared without a body).
var nopanic = &summary{noPanic: true}

// summaryOf returns what is known of f: its summary in this package, or its
// fact from another.
func (c *checker) summaryOf(f *ssa.Function) *summary {
	f = origin(f)
	if s, ok := c.sums[f]; ok {
		return s
	}
	if f.Pkg != nil && f.Pkg.Pkg == c.pass.Pkg {
		if c.src[f] {
			return optimistic // in the same SCC, not yet analyzed
		}
		if len(f.Blocks) == 0 && !isWrapper(f) && !c.brokenFunc(f) {
			return nopanic // declared without body (assembly)
		}
		return &summary{}
	}
	if obj, ok := f.Object().(*types.Func); ok {
		if s := c.factSummary(obj); s != nil {
			return s
		}
	}
	return &summary{}
}

func (c *checker) factSummary(obj *types.Func) *summary {
	obj = obj.Origin()
	if s, ok := c.facts[obj]; ok {
		return s
	}
	var s *summary
	var f funcFact
	if obj.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(obj, &f) {
		s = fromFact(&f, c.stdPackage(obj.Pkg()))
	} else if obj.Pkg() != nil && obj.Pkg() != c.pass.Pkg && c.stdPackage(obj.Pkg()) {
		s = fromFact(nil, true)
	}
	c.facts[obj] = s
	return s
}
