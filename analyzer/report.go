package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/fix"
	"github.com/lockpoison/lockpoison/analyzer/internal/source"
)

// finding is one diagnostic before it is formatted.
type finding struct {
	check       string
	pos         token.Pos // handler-relock: the acquiring call in the handler
	lock        section
	panic       panicPoint
	recoverPos  token.Pos
	recoverFn   *ssa.Function
	recoverDesc string // for boundaries that are not a deferred handler
}

type findingKey struct {
	pos   token.Pos
	check string
	loc   string // the section's Lock ("file.go:12"): sections reached through one call stay apart
}

// at is where the finding is reported: the Lock call, or the call in this
// package leading to a section in another.
func (f *finding) at() token.Pos {
	if f.pos.IsValid() {
		return f.pos
	}
	if f.lock.pos.IsValid() {
		return f.lock.pos
	}
	return f.lock.site
}

// report records f, one per (position, check); of several panic points for
// one section, the most convincing is kept.
func (c *checker) report(f *finding) {
	at := f.at()
	if !at.IsValid() {
		return
	}
	k := findingKey{at, f.check, ""}
	if !f.lock.pos.IsValid() && f.check != CheckHandlerRelock && f.check != CheckHandlerUnlock {
		k.loc = f.lock.loc
	}
	if old, ok := c.findings[k]; ok {
		if stronger(f.panic, old.panic) {
			old.panic = f.panic
		}
		return
	}
	c.findings[k] = f
}

// flush emits the findings, sorted, skipping generated and test files and
// suppressed lines.
func (c *checker) flush() {
	var fs []*finding
	for _, f := range c.findings {
		fs = append(fs, f)
	}
	slices.SortFunc(fs, func(a, b *finding) int {
		if a.at() != b.at() {
			return int(a.at() - b.at())
		}
		if c := strings.Compare(a.check, b.check); c != 0 {
			return c
		}
		return strings.Compare(a.lock.loc, b.lock.loc)
	})
	for _, f := range fs {
		if c.skipped(f.at(), f.check) {
			continue
		}
		// A panic recovered only by test code is the test's business.
		if !c.cfg.Tests && c.inTestFile(f.recoverPos) {
			continue
		}
		c.pass.Report(c.diagnostic(f))
	}
}

func (c *checker) diagnostic(f *finding) analysis.Diagnostic {
	lock := c.lockName(f.lock)
	what := c.describe(f.panic)
	recovered := f.recoverDesc
	if recovered == "" {
		recovered = "recovered in " + c.syntax.FuncName(f.recoverFn) + " (" + c.syntax.Loc(f.recoverPos) + ")"
	}
	var msg string
	switch f.check {
	case CheckLockLeak:
		next := lock + ".Lock()"
		if strings.HasPrefix(lock, "the ") {
			next = "Lock of " + lock // no name the reader wrote
		}
		msg = fmt.Sprintf("%s stays locked if %s: the panic is %s and the next %s deadlocks",
			lock, what, recovered, next)
	case CheckTornState:
		unlock := f.lock.unlock
		if unlock == "" || f.lock.site.IsValid() && !f.lock.pos.IsValid() {
			unlock = lock + ".Unlock" // the unlock is in another package
		}
		unlock += "()"
		if strings.HasPrefix(unlock, "the ") {
			unlock = "Unlock of " + strings.TrimSuffix(unlock, ".Unlock()")
		}
		msg = fmt.Sprintf("%s is left half-updated if %s: the deferred %s releases it and the panic is %s",
			f.lock.wrote, what, unlock, recovered)
		if f.lock.handler != "" {
			msg = fmt.Sprintf("%s is left half-updated if %s: the recover handler's %s() (%s) releases it and the panic is %s",
				f.lock.wrote, what, f.lock.handler, f.lock.hloc, recovered)
		}
		if !f.lock.write {
			msg = fmt.Sprintf("%s is left half-updated if %s under %s: the panic is %s", f.lock.wrote, what, lock, recovered)
		}
	case CheckHandlerUnlock:
		msg = fmt.Sprintf("the recover handler unlocks %s, which is not held if %s: unlocking an unlocked mutex is a fatal error that no recover stops",
			lock, what)
		if f.lock.unlock != "" {
			msg = fmt.Sprintf("the recover handler unlocks %s if %s, but %s: unlocking an unlocked mutex is a fatal error that no recover stops",
				lock, what, f.lock.unlock)
		}
	case CheckHandlerRelock:
		msg = fmt.Sprintf("the recover handler locks %s, which is still held if %s: the handler deadlocks",
			lock, what)
	}
	fixes, whyNot := c.planFixes(f) // once per finding: the note derives from the plan
	d := analysis.Diagnostic{Pos: f.at(), Category: f.check, Message: msg + fix.Note(fixes, whyNot)}
	if call, ok := c.syntax.NodeAt(f.at()).(*ast.CallExpr); ok {
		d.Pos, d.End = call.Pos(), call.End() // the whole call: c.mu.Lock()
	}
	if f.check == CheckHandlerRelock && f.lock.pos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: f.lock.pos, Message: lock + " is locked here"})
	}
	if f.panic.pos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: f.panic.pos, Message: "panic point: " + what})
	}
	if f.recoverPos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: f.recoverPos, Message: "the panic is " + recovered})
	}
	d.SuggestedFixes = fixes
	return d
}

// lockName is the lock as the source writes it at its Lock call, when that
// is in this package, else as its path.
func (c *checker) lockName(l section) string {
	if l.pos.IsValid() {
		if call, ok := c.syntax.NodeAt(l.pos).(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				return source.Shorten(types.ExprString(sel.X))
			}
		}
	}
	return l.p.String()
}

// describe says what happens at a panic point, in words.
func (c *checker) describe(pp panicPoint) string {
	if pp.desc != "" {
		return pp.desc
	}
	n := c.syntax.NodeAt(pp.pos)
	str := func(e ast.Expr) string { return source.Shorten(types.ExprString(e)) }
	switch pp.kind {
	case panicExplicit:
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 {
			return "panic(" + str(call.Args[0]) + ") is called"
		}
		return "panic is called"
	case panicDynamic, panicCall:
		if call, ok := n.(*ast.CallExpr); ok {
			return str(call.Fun) + " panics" + c.viaText(pp)
		}
		return "a call panics"
	case panicAssert:
		if ta, ok := n.(*ast.TypeAssertExpr); ok {
			return "the type assertion " + str(ta) + " fails"
		}
		return "a type assertion fails"
	case panicIndex:
		if ix, ok := n.(*ast.IndexExpr); ok {
			return "the index " + str(ix) + " is out of range"
		}
		return "an index is out of range"
	case panicSlice:
		if se, ok := n.(*ast.SliceExpr); ok {
			return "the slice bounds of " + str(se) + " are out of range"
		}
		return "slice bounds are out of range"
	case panicNil:
		switch x := n.(type) {
		case *ast.SelectorExpr:
			return str(x.X) + " is nil"
		case *ast.StarExpr:
			return str(x.X) + " is nil"
		case *ast.IndexExpr:
			return str(x.X) + " is nil"
		}
		return "a nil pointer is dereferenced"
	case panicNilMap:
		if ix, ok := n.(*ast.IndexExpr); ok {
			return "the map " + str(ix.X) + " is nil"
		}
		return "a nil map is written"
	case panicDivide:
		if be, ok := n.(*ast.BinaryExpr); ok {
			return "the divisor " + str(be.Y) + " is zero"
		}
		return "a divisor is zero"
	case panicClose:
		if call, ok := n.(*ast.CallExpr); ok {
			return str(call) + " panics"
		}
		return "close panics"
	case panicSend:
		if s, ok := n.(*ast.SendStmt); ok {
			return "the send on " + str(s.Chan) + " panics"
		}
		return "a send panics"
	}
	return "a panic occurs at " + c.syntax.Loc(pp.pos)
}

func analysisDiagnostic(pos token.Pos, check, msg string) analysis.Diagnostic {
	return analysis.Diagnostic{Pos: pos, Category: check, Message: msg}
}
