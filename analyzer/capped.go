package analyzer

import (
	"fmt"

	"golang.org/x/tools/go/ssa"
)

// A function the solver did not analyse to a fixed point (caps.go).
type unconverged struct {
	fn  *ssa.Function
	why string // what was capped, for the message
}

// reportCapped says which functions with locks were too large to analyse,
// and which were analysed from a state that is not a fixed point.
func (c *checker) reportCapped() {
	for _, fn := range c.capped {
		if !c.hasLockCall(fn) || c.skipped(fn.Pos(), categoryCapped) {
			continue
		}
		c.pass.Report(analysisDiagnostic(fn.Pos(), categoryCapped,
			fmt.Sprintf("%s has %d blocks, more than the %d lockpoison analyses: its critical sections are not checked",
				c.syntax.FuncName(fn), len(fn.Blocks), maxBlocks)))
	}
	seen := map[*ssa.Function]bool{}
	for _, u := range c.unconverged {
		if seen[u.fn] || !c.hasLockCall(u.fn) || c.skipped(u.fn.Pos(), categoryCapped) {
			continue
		}
		seen[u.fn] = true
		c.pass.Report(analysisDiagnostic(u.fn.Pos(), categoryCapped,
			fmt.Sprintf("the analysis of %s did not converge (%s): its critical sections may be checked incompletely",
				c.syntax.FuncName(u.fn), u.why)))
	}
}

func (c *checker) hasLockCall(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok && c.lockCallOf(fn, call.Common()) != nil {
				return true
			}
		}
	}
	return false
}
