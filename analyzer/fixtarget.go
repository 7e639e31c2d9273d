package analyzer

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/lockpoison/lockpoison/analyzer/internal/fix"
)

// planFixes plans the suggested fixes of f once (internal/fix), and the
// reason why there is none.
func (c *checker) planFixes(f *finding) ([]analysis.SuggestedFix, string) {
	env := fix.Env{Pass: c.pass, Syntax: c.syntax, PoisonImport: c.cfg.PoisonImport}
	return fix.Plan(env, c.fixTarget(f))
}

// fixTarget is the section of f as the fixes see it.
func (c *checker) fixTarget(f *finding) fix.Target {
	t := fix.Target{
		LockPos:         f.lock.pos,
		Write:           f.lock.write,
		Poison:          f.lock.poison,
		Wrote:           f.lock.wrote,
		Exposed:         c.exposed[f.lock.pos],
		HandlerReleases: f.lock.handler != "",
		HandlerPos:      f.lock.hpos,
	}
	switch f.check {
	case CheckLockLeak:
		t.Check = fix.LockLeak
	case CheckTornState:
		t.Check = fix.TornState
	}
	return t
}

// noteExposed records, for each section held at a panic point, the
// guarded state it wrote before it: a fix that releases the lock on that
// panic would expose it. The finding keeps one panic point (and the
// write seen there); this covers them all (fix.Target.Exposed).
func (c *checker) noteExposed(held []section) {
	for _, h := range held {
		if h.wrote == "" || !h.pos.IsValid() || h.deferred {
			continue
		}
		if c.exposed == nil {
			c.exposed = map[token.Pos]string{}
		}
		if c.exposed[h.pos] == "" {
			c.exposed[h.pos] = h.wrote
		}
	}
}
