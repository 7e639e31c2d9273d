package analyzer

import (
	"go/ast"
	"go/token"
	"strings"
)

// Suppression: which findings are not reported (generated and test files,
// //lockpoison:ignore and //nolint:lockpoison).

// skipped: generated files, _test.go files (without -tests), and
// //lockpoison:ignore or //nolint:lockpoison on the line or the line above.
func (c *checker) skipped(pos token.Pos, check string) bool {
	file := c.syntax.FileOf(pos)
	if file == nil {
		return true
	}
	name := c.pass.Fset.File(pos).Name()
	if ast.IsGenerated(file) || !c.cfg.Tests && strings.HasSuffix(name, "_test.go") {
		return true
	}
	line := c.pass.Fset.Position(pos).Line
	for _, cg := range file.Comments {
		for _, cm := range cg.List {
			l := c.pass.Fset.Position(cm.Slash).Line
			if l != line && l != line-1 {
				continue
			}
			if ignoreDirective(cm.Text) {
				return true
			}
		}
	}
	return false
}

// ignoreDirective recognises //lockpoison:ignore and //nolint:lockpoison
// (alone or in a list, or //nolint:all).
func ignoreDirective(text string) bool {
	if strings.HasPrefix(text, "//lockpoison:ignore") {
		return true
	}
	if rest, ok := strings.CutPrefix(text, "//nolint:"); ok {
		rest, _, _ = strings.Cut(rest, " ")
		rest, _, _ = strings.Cut(rest, "//")
		for _, l := range strings.Split(rest, ",") {
			if l == "lockpoison" || l == "all" {
				return true
			}
		}
	}
	return false
}
