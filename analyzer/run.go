package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/source"
)

// run is the pass over one package: the pipeline below, each stage with
// what it computes and the file that does it. The state the stages share
// is the checker (checker.go).
func run(pass *analysis.Pass, cfg *Config) error {
	c := &checker{
		pass:     pass,
		cfg:      cfg,
		src:      make(map[*ssa.Function]bool),
		sums:     make(map[*ssa.Function]*summary),
		full:     make(map[*ssa.Function][]section),
		handlers: make(map[*ssa.Function]*handlerInfo),
		defers:   make(map[*ssa.Defer]*deferInfo),
		facts:    make(map[*types.Func]*summary),
		madeMaps: make(map[*types.Var]bool),
		covers:   make(map[*ssa.Function]recoverSite),
		findings: make(map[findingKey]*finding),
		syntax:   source.New(pass.Fset, pass.Files, pass.Pkg),
	}

	// 1. Is the package in the standard library? Its functions' facts
	// then mean "not known to panic" by default (facts.go).
	c.stdPkg = c.isStd()
	if c.stdPkg {
		c.pass.ExportPackageFact(&stdFact{})
	}

	// 2. The //lockpoison: directives: malformed ones reported, boundary
	// and recovered ones recorded and exported as facts (directives.go,
	// directive_facts.go).
	c.checkDirectives()

	// 3. The fast path: a package that calls no recover and no lock method
	// needs no SSA; it exports the facts its syntax proves (fastpath.go).
	if !c.needSSA() {
		c.exportSyntaxFacts()
		return nil
	}

	// 4. SSA of the package's functions, unless its types are too broken
	// to build it (ssa.go, illtyped.go).
	pkg, funcs, ok := c.buildSSAChecked()
	if !ok {
		c.exportSyntaxFacts()
		return nil
	}
	for _, fn := range funcs {
		c.src[fn] = true
	}
	c.srcList, c.ssaPkg = funcs, pkg

	// 5. What the package says about its guarded state: the maps it makes
	// and the "guarded by" annotations (guards.go).
	c.scanMaps(pkg, funcs)
	c.guards = guardAnnotations(pass.Files)

	// 6. The modular dataflow: function summaries, callees first, each
	// group of mutually recursive functions to a fixed point (scc.go),
	// each function by the worklist of flow.go (with unwind.go, panics.go,
	// recover.go, locks.go, summary.go, funcvalues.go, dispatch.go); its
	// final pass records the findings (report.go: report).
	for _, scc := range sccs(funcs, c.src, c.extraSuccs) {
		c.analyzeSCC(scc)
	}

	// 7. Sections left to callers of functions that run under a boundary
	// (an http handler, -boundaries, -recovered-by): findings (boundary.go).
	c.reportCovered(funcs)

	// 8. The summaries of the exported functions as facts (facts.go).
	c.exportFacts(funcs)

	// 9. poison-ignored, a check of the syntax alone (poisonignored.go,
	// unrepaired.go).
	c.poisonIgnored()

	// 10. The findings, sorted, suppressed, with their messages and fixes
	// (report.go, fixtarget.go, internal/fix).
	c.flush()

	// 11. The functions the solver capped or that did not converge
	// (capped.go, caps.go).
	c.reportCapped()
	return nil
}
