package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The Registry fix for a section whose map operations must stay atomic
// together (several operations, or one in a loop): one Set per operation
// would let a panic leave part of the batch done with the registry not
// poisoned (issue 14). Such a section becomes one Registry.Update call,
// which runs its callback under the write lock and poisons the registry
// when the callback panics:
//
//	if err := x.m.Update(func(m map[K]V) error {
//		... the section, its uses of x.m rewritten to m ...
//		return nil
//	}); err != nil {
//		return ..., err
//	}
//
// With a deferred unlock the section runs to the end of the function; a
// final return statement that does not use the map stays after the call.
// Refused: any other return in the section (the callback cannot return
// from the function), a defer, a label or goto, a variable declared in the
// section and used after it, a use of the map other than m[k], range m,
// len, delete or clear (the callback must not keep or replace the map), a
// map of another value than the locked one, a raw string spanning lines
// (which re-indenting would change).

// regUpdate writes the edit replacing the section s by an Update call.
func (pl *poisonLock) regUpdate(s *regSection, ls *lockSite) (analysis.TextEdit, string) {
	fx, info := pl.fx, pl.fx.info
	var none analysis.TextEdit
	body := s.fn.Body.List[s.from:s.to]
	var tail ast.Stmt
	if _, ok := s.unlock.(*ast.DeferStmt); ok && len(body) > 0 {
		if r, ok := body[len(body)-1].(*ast.ReturnStmt); ok {
			tail, body = r, body[:len(body)-1]
		}
	}
	if len(body) == 0 {
		return none, "a section is only its return"
	}
	from, to := body[0].Pos(), body[len(body)-1].End()
	// The receiver of the lock: the map must be the same value's.
	recv := ""
	if es, ok := s.lock.(*ast.ExprStmt); ok {
		if call, ok := es.X.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if mu, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok {
					recv = ls.text(mu.X)
				}
			}
		}
	}
	if recv == "" {
		return none, "the lock's receiver is not known"
	}
	for i, sel := range s.sels {
		if sel.Pos() < from || sel.End() > to {
			if tail != nil && sel.Pos() >= tail.Pos() {
				return none, "the function's return uses the map"
			}
			return none, "the map is used outside the lock"
		}
		if ls.text(sel.X) != recv {
			return none, "a section uses the map of another value"
		}
		ok := false
		switch p := s.parents[i].(type) {
		case *ast.IndexExpr:
			ok = p.X == sel
		case *ast.RangeStmt:
			ok = p.X == sel
		case *ast.CallExpr:
			if id, isID := ast.Unparen(p.Fun).(*ast.Ident); isID && len(p.Args) > 0 && p.Args[0] == sel {
				if b, isB := info.Uses[id].(*types.Builtin); isB {
					switch b.Name() {
					case "len", "delete", "clear":
						ok = true
					}
				}
			}
		}
		if !ok {
			return none, "a section uses the map other than by index, range, len, delete or clear"
		}
	}
	// Control and layout the callback cannot keep.
	why := ""
	names := map[string]bool{}
	defs := map[types.Object]bool{}
	for _, st := range body {
		if _, ok := ls.ownLine(st); !ok {
			return none, "a statement of a section shares its line"
		}
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ReturnStmt:
				why = "a section returns before its end"
			case *ast.DeferStmt:
				why = "a section defers a call"
			case *ast.LabeledStmt:
				why = "a section has a label"
			case *ast.BranchStmt:
				if n.Tok == token.GOTO {
					why = "a section has a goto"
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING && strings.HasPrefix(n.Value, "`") && strings.Contains(n.Value, "\n") {
					why = "a section has a raw string spanning lines"
				}
			case *ast.Ident:
				names[n.Name] = true
				if o := info.Defs[n]; o != nil {
					defs[o] = true
				}
			}
			return why == ""
		})
		if why != "" {
			return none, why
		}
	}
	ast.Inspect(s.fn.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && (id.Pos() < from || id.Pos() >= to) && defs[info.Uses[id]] {
			why = "a section declares a variable used after it"
		}
		return why == ""
	})
	if why != "" {
		return none, why
	}
	// The callback's parameter: a name the section does not use.
	name := "m"
	for i := 2; names[name]; i++ {
		name = "m" + strconv.Itoa(i)
	}
	mt, ok := info.TypeOf(s.sels[0]).Underlying().(*types.Map)
	if !ok {
		return none, "the map's type is unknown"
	}
	kt, ok1 := fx.typeText(mt.Key(), ls.file)
	vt, ok2 := fx.typeText(mt.Elem(), ls.file)
	if !ok1 || !ok2 {
		return none, "the map's key or value type cannot be written in the section's file"
	}
	ret, why := pl.regReturn(s, ls)
	if why != "" {
		return none, why
	}
	// The section's text, the map's uses rewritten, indented one more tab.
	sels := append([]*ast.SelectorExpr(nil), s.sels...)
	sort.Slice(sels, func(i, j int) bool { return sels[i].Pos() < sels[j].Pos() })
	var text strings.Builder
	at := from
	for _, sel := range sels {
		text.Write(ls.src[ls.off(at):ls.off(sel.Pos())])
		text.WriteString(name)
		at = sel.End()
	}
	text.Write(ls.src[ls.off(at):ls.off(to)])
	lines := strings.Split(text.String(), "\n")
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "" {
			lines[i] = "\t" + lines[i]
		} else {
			lines[i] = ""
		}
	}
	indent, _ := ls.ownLine(body[0])
	out := "if err := " + recv + "." + s.sels[0].Sel.Name + ".Update(func(" + name + " map[" + kt + "]" + vt + ") error {\n" +
		indent + "\t" + strings.Join(lines, "\n") + "\n" +
		indent + "\treturn nil\n" +
		indent + "}); err != nil {\n" +
		indent + "\t" + ret + "\n" +
		indent + "}"
	return analysis.TextEdit{Pos: from, End: to, NewText: []byte(out)}, ""
}

// regReturn writes the statement returning err from the section's
// function, with zero values for its other results.
func (pl *poisonLock) regReturn(s *regSection, ls *lockSite) (string, string) {
	fx, info := pl.fx, pl.fx.info
	obj, _ := info.Defs[s.fn.Name].(*types.Func)
	if obj == nil {
		return "", "no function"
	}
	res := obj.Signature().Results()
	if res.Len() == 0 || !types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
		return "", s.fn.Name.Name + " does not return an error"
	}
	var zeros []string
	for i := 0; i < res.Len()-1; i++ {
		z, ok := fx.zeroValue(res.At(i).Type(), ls.file)
		if !ok {
			return "", "no zero value for a result of " + s.fn.Name.Name
		}
		zeros = append(zeros, z)
	}
	return "return " + strings.Join(append(zeros, "err"), ", "), ""
}
