package analyzer

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/source"
)

// checker holds the state of one pass over one package.
type checker struct {
	pass     *analysis.Pass
	cfg      *Config
	src      map[*ssa.Function]bool // the package's source functions
	sums     map[*ssa.Function]*summary
	full     map[*ssa.Function][]section
	handlers map[*ssa.Function]*handlerInfo
	defers   map[*ssa.Defer]*deferInfo
	facts    map[*types.Func]*summary
	madeMaps map[*types.Var]bool
	guards   map[string]string
	covers   map[*ssa.Function]recoverSite
	findings map[findingKey]*finding
	capped   []*ssa.Function
	// unconverged: functions analysed from a state that is not a fixed
	// point (caps.go, capped.go).
	unconverged []unconverged
	ext         *extState            // directives and frameworks: see checkDirectives
	exposed     map[token.Pos]string // fixtarget.go: noteExposed

	// Func values and interface dispatch (funcvalues.go, dispatch.go).
	srcList      []*ssa.Function
	ssaPkg       *ssa.Package
	ff           *funcFlow
	ifaceNames   map[string]bool
	impls        map[implKey][]impl
	std          int8 // 0 unknown, 1 std, -1 not
	dispatchSeen map[*types.Func]bool
	doubles      map[*types.Named]bool // testdoubles.go
	freshM       *freshMemo            // fresh.go
	discardM     *discardMemo          // discarded.go
	escaping     map[*types.TypeName]bool
	syntax       *source.Index           // positions to syntax, names for messages
	stdPkg       bool                    // the package is in the standard library
	stdPkgs      map[*types.Package]bool // imported packages marked by a stdFact
	closed       *closedChans            // lazily built: see closedChans
	dead         []deadRange             // lazily built: see unreachable
}
