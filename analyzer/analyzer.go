package analyzer

import (
	_ "embed"
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var docSource string

// Doc is the analyzer's documentation: the "# Analyzer lockpoison" section
// of the package comment (doc.go).
var Doc = mustExtractDoc(docSource, "lockpoison")

// Analyzer is the lockpoison pass, configured by its flags.
var Analyzer = New(DefaultConfig())

// Check names, used as Diagnostic.Category.
const (
	CheckLockLeak      = "lock-leak"
	CheckTornState     = "torn-state"
	CheckHandlerRelock = "handler-relock"
	CheckHandlerUnlock = "handler-unlock"
	CheckPoisonIgnored = "poison-ignored"
)

// New returns a lockpoison analyzer whose flags start from cfg. Each call
// returns an independent analyzer: the golangci-lint plugin uses it to apply
// its settings without touching Analyzer.
func New(cfg Config) *analysis.Analyzer {
	c := cfg
	a := &analysis.Analyzer{
		Name:      "lockpoison",
		Doc:       Doc,
		URL:       IndexURL,
		FactTypes: []analysis.Fact{new(funcFact), new(directiveFact), new(stdFact)},
		// Ill-typed packages are analysed too: the editor's package is
		// ill-typed while the user types, and a broken dependency must not
		// stop its importers (see illtyped.go).
		RunDespiteErrors: true,
	}
	c.bindFlags(&a.Flags)
	a.Run = func(pass *analysis.Pass) (res any, err error) {
		if err := c.Validate(); err != nil {
			return nil, err
		}
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("lockpoison: internal error in %s: %v\n%s", pass.Pkg.Path(), r, debug.Stack())
			}
		}()
		pass.Report = c.reporter(pass.Report) // -checks, Diagnostic.URL (checks.go)
		return nil, run(pass, &c)
	}
	return a
}
