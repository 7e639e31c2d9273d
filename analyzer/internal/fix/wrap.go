package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Fix for lock-leak when the unlock cannot be deferred to the end of the
// function: wrap the section in a func literal with a deferred unlock.

// wrapFix: Lock ... Unlock in one statement list, nothing leaving it:
// func() { Lock(); defer Unlock(); ... }().
func (lk *leak) wrapFix() (*analysis.SuggestedFix, string) {
	end := -1
	for j := lk.idx + 1; j < len(lk.list); j++ {
		for _, op := range lk.ops {
			if !within(op.call, lk.list, j, j+1) {
				continue
			}
			if op.stmt == lk.list[j] && op.name == lk.unlock {
				end = j
			} else {
				return nil, "the section does not end in one block"
			}
		}
		if end >= 0 {
			break
		}
	}
	if end < 0 {
		return nil, "the section does not end in one block"
	}
	inner := lk.list[lk.idx+1 : end]
	if leavesBlock(inner, false) {
		return nil, "control leaves the section by a return, break, continue or goto"
	}
	bad := ""
	for _, s := range inner {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				bad = "the section defers a call"
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
					if b, ok := lk.fx.info.Uses[id].(*types.Builtin); ok && b.Name() == "recover" {
						bad = "the section calls recover"
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING && strings.HasPrefix(n.Value, "`") && strings.Contains(n.Value, "\n") {
					bad = "the section has a multi-line raw string"
				}
			}
			return bad == ""
		})
	}
	if bad != "" {
		return nil, bad
	}
	// Names declared in the section and used after it.
	after := lk.list[end].End()
	for _, s := range inner {
		for _, obj := range lk.fx.declared(s) {
			for id, u := range lk.fx.info.Uses {
				if u == obj && id.Pos() > after {
					return nil, "the section declares " + obj.Name() + ", used after it"
				}
			}
		}
	}
	unl := lk.list[end]
	if _, ok := lk.ls.ownLine(unl); !ok {
		return nil, "the unlock statement shares its line"
	}
	ls := lk.ls
	var b strings.Builder
	in := lk.indent
	b.WriteString(in + "func() {\n")
	b.WriteString(in + "\t" + strings.TrimRight(string(ls.src[ls.off(lk.stmt.Pos()):ls.lineEnd(lk.stmt.End())]), " \t") + "\n")
	b.WriteString(in + "\tdefer " + lk.recv + "." + lk.unlock + "()\n")
	mid := string(ls.src[ls.lineEnd(lk.stmt.End()):ls.lineStart(unl.Pos())])
	mid = strings.TrimPrefix(mid, "\n")
	for _, line := range strings.SplitAfter(mid, "\n") {
		if line == "" {
			continue
		}
		if strings.TrimSpace(line) == "" {
			b.WriteString("\n")
		} else {
			b.WriteString("\t" + line)
		}
	}
	b.WriteString(in + "}()")
	if trail := strings.TrimSpace(string(ls.src[ls.off(unl.End()):ls.lineEnd(unl.End())])); trail != "" {
		b.WriteString(" " + trail)
	}
	start := ls.tf.Pos(ls.lineStart(lk.stmt.Pos()))
	stop := ls.tf.Pos(ls.lineEnd(unl.End()))
	return &analysis.SuggestedFix{Message: msgWrap, TextEdits: []analysis.TextEdit{{Pos: start, End: stop, NewText: []byte(b.String())}}}, ""
}
