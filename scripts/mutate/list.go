package main

// A mutation is one deliberate bug. Old empty: the function's whole body is
// replaced by New. Pkgs are the packages whose tests must catch it (go test
// -count=1), Run the -run regexp of the tests expected to catch it (used by
// mutants.sh --fast only), Realworld the arguments of scripts/realworld.sh
// when the real-world run must catch it too ("" if not).
type mutation struct {
	Name      string
	Why       string
	File      string
	Func      string
	Old, New  string
	Pkgs      []string
	Run       string
	Realworld string
}

// The rows of issue 18's table come first, then further mutations of the
// engine's central decisions.
var mutations = []mutation{
	{
		Name: "analyzer-silent",
		Why:  "the analyzer reports nothing",
		File: "analyzer/report.go", Func: "(*checker).report",
		New:       "\treturn",
		Pkgs:      []string{"./analyzer", "./plugin"},
		Run:       "TestPackage|TestSettingsChangeResult",
		Realworld: "--target canary",
	},
	{
		Name: "realworld-download-fails",
		Why:  "a module download fails in scripts/realworld.sh",
		File: "scripts/realworld.sh",
		Old:  `go mod download -json "$1"`,
		New:  `go mod download -json "${1%@*}@v0.0.0-mutant-missing"`,
		// No Go package: only the real-world run can catch it.
		Realworld: "--target x-sync",
	},
	{
		Name: "no-fixes",
		Why:  "no suggested fixes at all",
		File: "analyzer/report.go", Func: "(*checker).diagnostic",
		Old:  "d.SuggestedFixes = fixes",
		New:  "d.SuggestedFixes = nil",
		Pkgs: []string{"./analyzer"},
		Run:  "TestSuggestedFixes|TestFix",
	},
	{
		Name: "no-fix-package-level-lock",
		Why:  "no fix for package-level locks",
		File: "analyzer/internal/fix/poison.go", Func: "(*planner).poisonLock",
		Old:  `if v == nil || v.Parent() != fx.pass.Pkg.Scope() {`,
		New:  `if true {`,
		Pkgs: []string{"./analyzer"},
		Run:  "TestSuggestedFix|TestFix",
	},
	{
		Name: "wrong-recover-site",
		Why:  "a finding names a wrong recover site (issue 18: wants name the recover site)",
		File: "analyzer/report.go", Func: "(*checker).diagnostic",
		Old:  `recovered = "recovered in " + c.syntax.FuncName(f.recoverFn) + " (" + c.syntax.Loc(f.recoverPos) + ")"`,
		New:  `recovered = "recovered in a deferred call (" + c.syntax.Loc(f.recoverPos) + ")"`,
		Pkgs: []string{"./analyzer"},
		Run:  "TestSuggestedFix|TestFix|TestPackage",
	},
	{
		Name: "framework-site-without-file",
		Why:  "a handler or boundary recover site loses its file (issue 18: wants name the recover site)",
		File: "analyzer/boundary.go", Func: "(*checker).contextBoundary",
		Old:  `at := " (" + c.syntax.Loc(fn.Pos()) + ")"`,
		New:  `at := ""`,
		Pkgs: []string{"./analyzer"},
		Run:  "TestRecoveredBy|TestBoundaries|TestFrameworks",
	},
	{
		Name: "plugin-ignores-settings",
		Why:  "the golangci-lint plugin ignores its settings",
		File: "plugin/plugin.go", Func: "(*lintPlugin).BuildAnalyzers",
		Old:  `analyzer.New(p.cfg)`,
		New:  `analyzer.New(analyzer.DefaultConfig())`,
		Pkgs: []string{"./plugin"},
		Run:  "TestSettings",
	},
	{
		Name: "mutex-unlock-never-poisons",
		Why:  "Mutex.Unlock never poisons",
		File: "runtime/poison/mutex.go", Func: "(*Mutex).Unlock",
		New:  "\tm.mu.Unlock()",
		Pkgs: []string{"./runtime/poison"},
		Run:  "TestConcurrentPoisoning|TestMutexConcurrentClearPoison",
	},
	{
		Name: "mutex-unlock-swallows",
		Why:  "Mutex.Unlock poisons but swallows the panic",
		File: "runtime/poison/mutex.go", Func: "(*Mutex).unlockUnwinding",
		Old: "reportPoison(e)\n\tpanic(r)",
		// Unlock goes on to m.mu.Unlock(): lock again so that it
		// releases, and return normally: the panic is swallowed.
		New:  "reportPoison(e)\n\tm.mu.Lock()",
		Pkgs: []string{"./runtime/poison"},
		Run:  "TestConcurrentPoisoning|TestMutexConcurrentClearPoison",
	},
	{
		Name: "rwmutex-unlock-never-poisons",
		Why:  "RWMutex.Unlock never poisons",
		File: "runtime/poison/rwmutex.go", Func: "(*RWMutex).Unlock",
		New:  "\trw.mu.Unlock()",
		Pkgs: []string{"./runtime/poison"},
		Run:  "ExampleRWMutex",
	},
	{
		Name: "lockchecked-keeps-lock",
		Why:  "LockChecked keeps the lock when poisoned",
		File: "runtime/poison/fastpath.go", Func: "lockCheckedSlow",
		Old:  "m.mu.Unlock()\n\t\treturn refused(e)",
		New:  "return refused(e)",
		Pkgs: []string{"./runtime/poison"},
		Run:  "LockChecked",
	},
	{
		Name: "repanic-counted-as-swallowing",
		Why:  "re-panicking handlers counted as swallowing, across packages",
		File: "analyzer/flow.go", Func: "(*fnAnalysis).calledInput",
		Old:  `d.handler != nil && d.handler.swallows`,
		New:  `d.handler != nil`,
		Pkgs: []string{"./analyzer"},
		Run:  "TestFacts|TestPackage|TestCrossPackage",
	},
	{
		Name: "all-pointer-methods-readonly",
		Why:  "every exported pointer method marked read-only",
		File: "analyzer/facts.go", Func: "(*checker).exportFacts",
		Old:  `ptrMethod(obj) && s.writes&1 == 0 && len(fn.Blocks) > 0`,
		New:  `ptrMethod(obj)`,
		Pkgs: []string{"./analyzer"},
		Run:  "TestFacts|TestPackage|TestCrossPackage",
	},
	// Beyond the table.
	{
		Name: "defer-order-ignored",
		Why:  "deferred calls run in the order they were deferred, not the reverse",
		File: "analyzer/unwind.go", Func: "(*fnAnalysis).panicAt",
		Old:  "for i := len(st.defers) - 1; i >= 0; i-- {",
		New:  "for i := range st.defers {",
		Pkgs: []string{"./analyzer"},
		Run:  "TestPackage",
	},
	{
		Name: "goroutine-covered-by-parent",
		Why:  "a goroutine's panics taken as recovered by its parent's recover",
		File: "analyzer/flow.go", Func: "(*fnAnalysis).transfer",
		Old:  "case *ssa.Go:\n\t\t\ta.goStmt(in.Common())",
		New:  "case *ssa.Go:\n\t\t\ta.goStmt(in.Common())\n\t\t\ta.call(st, in, in.Common())",
		Pkgs: []string{"./analyzer"},
		Run:  "TestPackage",
	},
	{
		Name: "implicit-panics-ignored",
		Why:  "implicit panics (nil dereference, index, map write, assertion) ignored",
		File: "analyzer/panics.go", Func: "(*fnAnalysis).implicitPanic",
		New:  "\treturn panicPoint{}, false",
		Pkgs: []string{"./analyzer"},
		Run:  "TestPackage",
	},
	{
		Name: "recover-always-swallows",
		Why:  "every recover handler taken as swallowing, re-panicking ones too",
		File: "analyzer/recover.go", Func: "(*checker).handlerOf",
		Old:  "if c.returnsAfterRecover(call, b, i+1) {",
		New:  "if _ = c.returnsAfterRecover(call, b, i+1); true {",
		Pkgs: []string{"./analyzer"},
		Run:  "TestPackage",
	},
}
