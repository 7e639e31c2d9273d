// Package fix plans lockpoison's suggested fixes (DESIGN.md, "Suggested
// fixes") from a small Target value, the section a finding is about:
//
//   - lock-leak: "Defer the unlock" (defer.go), or else "Wrap the section
//     in a func with a deferred unlock"; either with "and use
//     poison.Mutex" when the section writes guarded state before the panic
//     point, which the released lock would otherwise expose (poisonToo);
//   - torn-state: "Use poison.Mutex" / "Use poison.RWMutex" (poison.go),
//     then, second, "Use poison.Registry" when the lock guards one map
//     (registry.go, registry_update.go); when a recover handler releases
//     the lock, "Use poison.Mutex and poison the lock in the recover
//     handler" (handler.go).
//
// Every fix is derived from the syntax alone; when no fix keeps the
// behaviour, Plan says why, and the diagnostic carries it (Note). The
// package never imports the engine: what it needs from the analysis comes
// in the Target.
package fix

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/lockpoison/lockpoison/analyzer/internal/source"
)

// Check is the check of the finding a fix is planned for.
type Check uint8

const (
	NoFix     Check = iota // a check without fixes
	LockLeak               // lock-leak
	TornState              // torn-state
)

// Target is the section a finding is about, as the fixes need it.
type Target struct {
	Check Check
	// LockPos is the Lock or RLock call opening the section (invalid when
	// the section is in another package).
	LockPos token.Pos
	Write   bool // the section holds the lock for writing
	Poison  bool // the lock is already a runtime/poison lock
	// Wrote is the guarded state written in the section before the panic
	// point, as the message names it ("c.items"), or "".
	Wrote string
	// Exposed is, when Wrote is "", the guarded state written before
	// another panic point of the section: releasing the lock on a panic
	// would expose it too (lock-leak), or "".
	Exposed string
	// HandlerReleases: the recover handler releases the lock itself, by
	// the unlock call at HandlerPos (invalid when not in this package).
	HandlerReleases bool
	HandlerPos      token.Pos
}

// Env is the pass the fixes are planned in.
type Env struct {
	Pass         *analysis.Pass
	Syntax       *source.Index
	PoisonImport string // the import path of runtime/poison (-poison-import)
}

// planner plans the fixes of one target.
type planner struct {
	pass         *analysis.Pass
	info         *types.Info
	syntax       *source.Index
	poisonImport string
	t            Target
}

// Plan computes the fixes for t, or the reason why there is none ("" for
// a check without fixes).
func Plan(env Env, t Target) ([]analysis.SuggestedFix, string) {
	fx := &planner{pass: env.Pass, info: env.Pass.TypesInfo, syntax: env.Syntax, poisonImport: env.PoisonImport, t: t}
	switch t.Check {
	case LockLeak, TornState:
	default:
		return nil, ""
	}
	if !t.LockPos.IsValid() || fx.syntax.FileOf(t.LockPos) == nil {
		return nil, "the section is in another package"
	}
	ls, why := fx.lockSiteAt(t.LockPos)
	if ls == nil {
		return nil, why
	}
	if t.HandlerReleases {
		// The handler's own Unlock cannot see the panic: it must poison
		// the lock itself (handler.go).
		return fx.handlerFixes(ls)
	}
	if t.Check == LockLeak {
		return fx.leakFixes(ls)
	}
	return fx.tornFixes(ls)
}

// Note is appended to a diagnostic's message when Plan offered no fix:
// " (no fix: <why>)", or "" when there is a fix or the check has none.
func Note(fixes []analysis.SuggestedFix, why string) string {
	if len(fixes) > 0 || why == "" {
		return ""
	}
	return " (no fix: " + why + ")"
}
