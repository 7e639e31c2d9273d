package analyzer

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Categories of the analyzer's reports about itself.
const (
	categoryDirective = "directive"
	categoryCapped    = "capped"
)

// checkDirectives reports malformed //lockpoison: comments: an ignore
// without a reason, or an unknown directive.
func (c *checker) checkDirectives() {
	for _, f := range c.pass.Files {
		for _, cg := range f.Comments {
			for _, cm := range cg.List {
				rest, ok := strings.CutPrefix(cm.Text, "//lockpoison:")
				if !ok {
					continue
				}
				name, reason, _ := strings.Cut(rest, " ")
				reason, _, _ = strings.Cut(reason, "//") // a trailing comment is no reason
				switch {
				case name != "ignore":
					c.pass.Report(analysisDiagnostic(cm.Pos(), categoryDirective,
						fmt.Sprintf("unknown directive //lockpoison:%s: want //lockpoison:ignore <reason>", name)))
				case strings.TrimSpace(reason) == "":
					c.pass.Report(analysisDiagnostic(cm.Pos(), categoryDirective,
						"malformed directive: //lockpoison:ignore needs a reason"))
				}
			}
		}
	}
}

// reportCapped says which functions with locks were too large to analyse.
func (c *checker) reportCapped() {
	for _, fn := range c.capped {
		if !c.hasLockCall(fn) || c.skipped(fn.Pos(), categoryCapped) {
			continue
		}
		c.pass.Report(analysisDiagnostic(fn.Pos(), categoryCapped,
			fmt.Sprintf("%s has %d blocks, more than the %d lockpoison analyses: its critical sections are not checked",
				c.funcName(fn), len(fn.Blocks), maxBlocks)))
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
