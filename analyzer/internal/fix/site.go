package fix

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// The Lock call a fix starts from, its source text and its lines.

// lockSite is the syntax of the Lock/RLock call that opens a section.
type lockSite struct {
	file *ast.File
	tf   *token.File
	src  []byte
	call *ast.CallExpr
	sel  *ast.SelectorExpr // call.Fun: recv.Lock
	recv ast.Expr
	// stack is the path from the file to the call, outermost first.
	stack []ast.Node
}

func (fx *planner) lockSiteAt(pos token.Pos) (*lockSite, string) {
	call, ok := fx.syntax.NodeAt(pos).(*ast.CallExpr)
	if !ok {
		return nil, "the lock is not taken by a method call"
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 {
		return nil, "the lock is not taken by a Lock or RLock method call"
	}
	switch sel.Sel.Name {
	case "Lock", "RLock":
	default:
		return nil, "the lock is not taken by a Lock or RLock method call"
	}
	file := fx.syntax.FileOf(pos)
	tf := fx.pass.Fset.File(pos)
	src, err := fx.pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil, "the source is not available"
	}
	path, _ := astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	if len(path) == 0 || path[0] != call {
		return nil, "the lock call is not found in the syntax"
	}
	stack := make([]ast.Node, len(path))
	for i, n := range path {
		stack[len(path)-1-i] = n
	}
	return &lockSite{file: file, tf: tf, src: src, call: call, sel: sel, recv: ast.Unparen(sel.X), stack: stack}, ""
}

// text returns the source of n.
func (ls *lockSite) text(n ast.Node) string {
	return string(ls.src[ls.off(n.Pos()):ls.off(n.End())])
}

func (ls *lockSite) off(p token.Pos) int { return ls.tf.Offset(p) }

// lineStart is the offset of the start of p's line.
func (ls *lockSite) lineStart(p token.Pos) int {
	o := ls.off(p)
	for o > 0 && ls.src[o-1] != '\n' {
		o--
	}
	return o
}

// lineEnd is the offset of the newline ending p's line (or of EOF).
func (ls *lockSite) lineEnd(p token.Pos) int {
	o := ls.off(p)
	for o < len(ls.src) && ls.src[o] != '\n' {
		o++
	}
	return o
}

// ownLine reports whether n is alone on its line(s), except for a trailing
// line comment, and returns its indentation.
func (ls *lockSite) ownLine(n ast.Node) (indent string, ok bool) {
	before := string(ls.src[ls.lineStart(n.Pos()):ls.off(n.Pos())])
	if strings.TrimLeft(before, " \t") != "" {
		return "", false
	}
	after := strings.TrimSpace(string(ls.src[ls.off(n.End()):ls.lineEnd(n.End())]))
	if after != "" && !strings.HasPrefix(after, "//") {
		return "", false
	}
	return before, true
}

// deleteLine deletes the line of s (alone on it): a trailing comment is
// kept on its own line.
func (ls *lockSite) deleteLine(s ast.Node) analysis.TextEdit {
	start, end := ls.lineStart(s.Pos()), ls.lineEnd(s.End())
	after := strings.TrimSpace(string(ls.src[ls.off(s.End()):end]))
	if after != "" {
		// Keep the comment: delete just the statement and the space after.
		e := ls.off(s.End())
		for e < end && (ls.src[e] == ' ' || ls.src[e] == '\t') {
			e++
		}
		return analysis.TextEdit{Pos: s.Pos(), End: ls.tf.Pos(e)}
	}
	if end < len(ls.src) {
		end++ // the newline
	}
	return analysis.TextEdit{Pos: ls.tf.Pos(start), End: ls.tf.Pos(end)}
}
