package analyzer

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// CheckInfo documents one Diagnostic.Category of the analyzer. The table
// Checks is the single source of the check list in the analyzer's Doc, the
// README's checks table and docs/checks/README.md (TestCheckDocs keeps them
// in step), of each diagnostic's URL and of the names -checks accepts.
type CheckInfo struct {
	Name    string // the Diagnostic.Category
	Title   string // a few words
	Summary string // what it finds, one sentence for the README and Doc
	// Check is true for the checks (selectable with -checks, each with a
	// page docs/checks/<Name>.md) and false for the analyzer's reports
	// about itself, which are always on and documented in the index.
	Check bool
}

// RepoURL is the repository. A diagnostic's URL is the page of its check on
// the main branch, RepoURL/blob/main/docs/checks/<check>.md; the analyzer's
// URL is the index of those pages, RepoURL/blob/main/docs/checks/README.md.
const RepoURL = "https://github.com/lockpoison/lockpoison"

const checksURL = RepoURL + "/blob/main/docs/checks/"

// IndexURL is the analyzer's documentation URL: the index of the checks.
const IndexURL = checksURL + "README.md"

// Checks lists every category the analyzer reports, checks first.
var Checks = []CheckInfo{
	{Name: CheckLockLeak, Title: "lock stays held", Check: true,
		Summary: "a panic point inside a section with an explicit unlock is reached by a swallowing recover: the lock stays held and the next Lock deadlocks"},
	{Name: CheckTornState, Title: "state left half-updated", Check: true,
		Summary: "in a write section with a deferred unlock (or one the recover handler unlocks), a guarded write, then a panic point, then a guarded write the panic skips, reached by a swallowing recover: the lock is released with the state half-updated"},
	{Name: CheckHandlerRelock, Title: "recover handler relocks", Check: true,
		Summary: "a recover handler (or a function it calls) acquires a lock still held at a panic point it covers: the handler deadlocks"},
	{Name: CheckHandlerUnlock, Title: "recover handler unlocks an unheld lock", Check: true,
		Summary: "a recover handler unlocks a lock (often a variable holding \"the current lock\") that is not held at a panic point it covers: a fatal error that no recover stops"},
	{Name: CheckPoisonIgnored, Title: "poison error discarded", Check: true,
		Summary: "the error of a runtime/poison checked acquisition or Registry method is discarded, or the poison is cleared and the guarded state read unrepaired: a poisoned lock goes unnoticed"},
	{Name: categoryDirective, Title: "malformed directive",
		Summary: "a malformed or misplaced //lockpoison: comment (ignore, boundary, recovered)"},
	{Name: categoryCapped, Title: "function too large or not converged",
		Summary: "a function with locks too large to analyse, or whose analysis hit a cap before its fixed point: its critical sections are not checked, or checked incompletely"},
}

// Check returns the documentation of a category.
func Check(name string) (CheckInfo, bool) {
	i := slices.IndexFunc(Checks, func(ci CheckInfo) bool { return ci.Name == name })
	if i < 0 {
		return CheckInfo{}, false
	}
	return Checks[i], true
}

// URL is the page that documents the category: docs/checks/<name>.md for
// a check, an anchor of the index for the others.
func (ci CheckInfo) URL() string {
	if ci.Check {
		return checksURL + ci.Name + ".md"
	}
	return IndexURL + "#" + ci.Name
}

// CheckNames returns the names of the selectable checks, in table order.
func CheckNames() []string {
	var names []string
	for _, ci := range Checks {
		if ci.Check {
			names = append(names, ci.Name)
		}
	}
	return names
}

// selectChecks evaluates a -checks list: "all", a check name (enable it)
// or -name (disable it), left to right, starting from no check when the
// first entry enables one and from all checks otherwise. An empty list
// selects all.
func selectChecks(list []string) (map[string]bool, error) {
	on := make(map[string]bool)
	if len(list) == 0 || list[0] == "all" || strings.HasPrefix(list[0], "-") {
		for _, n := range CheckNames() {
			on[n] = true
		}
	}
	for _, e := range list {
		name, off := strings.CutPrefix(e, "-")
		if name == "all" {
			for _, n := range CheckNames() {
				on[n] = !off
			}
			continue
		}
		if ci, ok := Check(name); !ok || !ci.Check {
			return nil, fmt.Errorf("unknown check %q: want all, or check names (%s), each optionally prefixed by -", name, strings.Join(CheckNames(), ", "))
		}
		on[name] = !off
	}
	return on, nil
}

// reporter wraps a pass's Report: it drops diagnostics of checks that
// -checks deselected (the analyzer's reports about itself always pass)
// and gives each diagnostic the URL of its check's page.
func (c *Config) reporter(report func(analysis.Diagnostic)) func(analysis.Diagnostic) {
	on, _ := selectChecks(c.Checks) // validated before Run
	return func(d analysis.Diagnostic) {
		ci, known := Check(d.Category)
		if known && ci.Check && !on[d.Category] {
			return
		}
		if d.URL == "" && known {
			d.URL = ci.URL()
		}
		report(d)
	}
}

// WithCheckNames returns a copy of a whose diagnostics end with their
// check's name, "... deadlocks [lock-leak]", for drivers that print the
// message without the category (go vet, golangci-lint).
func WithCheckNames(a *analysis.Analyzer) *analysis.Analyzer {
	b := *a
	b.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			if d.Category != "" {
				d.Message += " [" + d.Category + "]"
			}
			report(d)
		}
		return a.Run(pass)
	}
	return &b
}
