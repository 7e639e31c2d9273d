package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The shapes of the Registry fix (registry.go): the lock statements of a
// section, the map initialisers dropped, and each single use of the map
// as one Registry call (Set, Delete, Get, Len, Range).

// lockStmtOf returns, for a use of the lock, the function and the
// statement x.mu.Lock() / x.mu.Unlock() / defer x.mu.Unlock() it is in.
func (pl *poisonLock) lockStmtOf(id *ast.Ident) (*ast.FuncDecl, ast.Stmt, string) {
	file := pl.fx.syntax.FileOf(id.Pos())
	var fn *ast.FuncDecl
	var stmt ast.Stmt
	method := ""
	ast.PreorderStack(file, nil, func(n ast.Node, stack []ast.Node) bool {
		if n != id {
			return fn == nil
		}
		k := len(stack) - 1
		sel, ok := stack[k].(*ast.SelectorExpr) // x.mu
		if !ok || sel.Sel != id || k < 3 {
			return false
		}
		msel, ok := stack[k-1].(*ast.SelectorExpr) // x.mu.Lock
		if !ok || msel.X != sel {
			return false
		}
		call, ok := stack[k-2].(*ast.CallExpr)
		if !ok || call.Fun != msel || len(call.Args) != 0 {
			return false
		}
		switch st := stack[k-3].(type) {
		case *ast.ExprStmt:
			stmt = st
		case *ast.DeferStmt:
			stmt = st
			if msel.Sel.Name != "Unlock" && msel.Sel.Name != "RUnlock" {
				return false
			}
		default:
			return false
		}
		switch msel.Sel.Name {
		case "Lock", "RLock", "Unlock", "RUnlock":
			method = msel.Sel.Name
		default:
			return false
		}
		if k >= 5 {
			fn, _ = stack[k-5].(*ast.FuncDecl) // FuncDecl > BlockStmt > stmt
			if _, ok := stack[k-4].(*ast.BlockStmt); !ok {
				fn = nil
			}
		}
		return false
	})
	if fn == nil || stmt == nil {
		return nil, nil, ""
	}
	return fn, stmt, method
}

// dropInit: the map as the key of a composite literal initialising it
// empty: delete the element.
func (pl *poisonLock) dropInit(id *ast.Ident, stack []ast.Node) (analysis.TextEdit, bool) {
	k := len(stack) - 1
	if k < 1 {
		return analysis.TextEdit{}, false
	}
	kv, ok := stack[k].(*ast.KeyValueExpr)
	if !ok || kv.Key != id {
		return analysis.TextEdit{}, false
	}
	lit, ok := stack[k-1].(*ast.CompositeLit)
	if !ok {
		return analysis.TextEdit{}, false
	}
	switch v := ast.Unparen(kv.Value).(type) {
	case *ast.CompositeLit:
		if len(v.Elts) > 0 {
			return analysis.TextEdit{}, false
		}
	case *ast.CallExpr:
		fid, ok := ast.Unparen(v.Fun).(*ast.Ident)
		if !ok || len(v.Args) == 0 || len(v.Args) > 2 {
			return analysis.TextEdit{}, false
		}
		if b, ok := pl.fx.info.Uses[fid].(*types.Builtin); !ok || b.Name() != "make" {
			return analysis.TextEdit{}, false
		}
	default:
		return analysis.TextEdit{}, false
	}
	i := -1
	for j, e := range lit.Elts {
		if e == kv {
			i = j
		}
	}
	switch {
	case len(lit.Elts) == 1:
		return analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Rbrace}, true
	case i+1 < len(lit.Elts):
		return analysis.TextEdit{Pos: kv.Pos(), End: lit.Elts[i+1].Pos()}, true
	default:
		return analysis.TextEdit{Pos: lit.Elts[i-1].End(), End: kv.End()}, true
	}
}

// regUseOf matches the use of the map at id with the shapes of a section.
func (pl *poisonLock) regUseOf(id *ast.Ident, stack []ast.Node, s *regSection) *regUse {
	info := pl.fx.info
	k := len(stack) - 1
	sel, ok := stack[k].(*ast.SelectorExpr)
	if !ok || sel.Sel != id || k < 2 {
		return nil
	}
	// The statement must lie in the section.
	var stmt ast.Stmt
	for i := k; i > 0; i-- {
		if st, ok := stack[i].(ast.Stmt); ok {
			switch stack[i-1].(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
				stmt = st
			}
			break
		}
	}
	if stmt == nil || !within(stmt, s.fn.Body.List, s.from, s.to) {
		return nil
	}
	u := &regUse{stmt: stmt, m: sel}
	switch p := stack[k-1].(type) {
	case *ast.IndexExpr:
		if p.X != sel {
			return nil
		}
		as, ok := stack[k-2].(*ast.AssignStmt)
		if !ok || as != stmt || len(as.Rhs) != 1 {
			return nil
		}
		switch {
		case as.Tok == token.ASSIGN && len(as.Lhs) == 1 && as.Lhs[0] == p:
			u.op, u.args = "Set", []ast.Expr{p.Index, as.Rhs[0]}
		case as.Tok == token.DEFINE && as.Rhs[0] == p && len(as.Lhs) <= 2:
			u.op, u.args, u.lhs = "Get", []ast.Expr{p.Index}, as.Lhs
		default:
			return nil
		}
	case *ast.RangeStmt:
		if p.X != sel || p != stmt {
			return nil
		}
		u.op, u.rng = "Range", p
	case *ast.CallExpr:
		fid, ok := ast.Unparen(p.Fun).(*ast.Ident)
		if !ok || len(p.Args) == 0 || p.Args[0] != sel {
			return nil
		}
		b, ok := info.Uses[fid].(*types.Builtin)
		if !ok {
			return nil
		}
		switch b.Name() {
		case "delete":
			es, ok := stack[k-2].(*ast.ExprStmt)
			if !ok || es != stmt {
				return nil
			}
			u.op, u.args = "Delete", []ast.Expr{p.Args[1]}
		case "len":
			as, ok := stack[k-2].(*ast.AssignStmt)
			if !ok || as != stmt || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				return nil
			}
			u.op, u.lhs = "Len", as.Lhs
		default:
			return nil
		}
	default:
		return nil
	}
	return u
}

// regCall writes the Registry call replacing the use, with its error
// returned the way the function returns errors.
func (pl *poisonLock) regCall(s *regSection, ls *lockSite) (string, string) {
	ret, why := pl.regReturn(s, ls)
	if why != "" {
		return "", why
	}
	indent, _ := ls.ownLine(s.use.stmt)
	check := "if err != nil {\n" + indent + "\t" + ret + "\n" + indent + "}"
	if s.use.op == "Range" {
		return pl.regRange(s.use, ls, indent, ret)
	}
	var args []string
	for _, a := range s.use.args {
		args = append(args, ls.text(a))
	}
	call := ls.text(s.use.m) + "." + s.use.op + "(" + strings.Join(args, ", ") + ")"
	switch s.use.op {
	case "Set", "Delete":
		return "if err := " + call + "; err != nil {\n" + indent + "\t" + ret + "\n" + indent + "}", ""
	}
	// Get, Len: v, ok, err := ...; err must be new here or an error.
	if sc := pl.fx.pass.Pkg.Scope().Innermost(s.use.stmt.Pos()); sc != nil {
		if o := sc.Lookup("err"); o != nil && !types.Identical(o.Type(), types.Universe.Lookup("error").Type()) {
			return "", "err is declared with another type"
		}
	}
	var lhs []string
	for _, l := range s.use.lhs {
		lhs = append(lhs, ls.text(l))
	}
	if s.use.op == "Get" && len(lhs) == 1 {
		lhs = append(lhs, "_")
	}
	lhs = append(lhs, "err")
	return strings.Join(lhs, ", ") + " := " + call + "\n" + indent + check, ""
}

// regRange writes the Range call replacing the loop of u: the loop body
// becomes the callback, which runs under the registry's read lock.
func (pl *poisonLock) regRange(u *regUse, ls *lockSite, indent, ret string) (string, string) {
	fx, info := pl.fx, pl.fx.info
	r := u.rng
	mt, ok := info.TypeOf(r.X).Underlying().(*types.Map)
	if !ok {
		return "", "the map's type is unknown"
	}
	kt, ok1 := fx.typeText(mt.Key(), ls.file)
	vt, ok2 := fx.typeText(mt.Elem(), ls.file)
	if !ok1 || !ok2 {
		return "", "the map's key or value type cannot be written in the loop's file"
	}
	if r.Tok == token.ASSIGN {
		return "", "the range loop assigns to variables declared outside it"
	}
	name := func(e ast.Expr) string {
		if e == nil {
			return "_"
		}
		return ls.text(e)
	}
	// The body: continue and break of this loop become returns.
	var edits []analysis.TextEdit // in order
	why := ""
	var value types.Object
	if r.Value != nil {
		if id, ok := r.Value.(*ast.Ident); ok {
			value = info.Defs[id]
		}
	}
	// throughValue reports whether e writes through the loop's value (v.f,
	// v[i], *v): the callback runs under the read lock only, concurrently
	// with other readers.
	throughValue := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		for root := e; ; {
			switch x := root.(type) {
			case *ast.SelectorExpr:
				root = ast.Unparen(x.X)
				continue
			case *ast.IndexExpr:
				root = ast.Unparen(x.X)
				continue
			case *ast.StarExpr:
				root = ast.Unparen(x.X)
				continue
			case *ast.Ident:
				return value != nil && root != e && info.Uses[x] == value
			}
			return false
		}
	}
	ast.PreorderStack(r.Body, nil, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if throughValue(l) {
					why = "the range loop's body writes through the map's values"
				}
			}
		case *ast.IncDecStmt:
			if throughValue(n.X) {
				why = "the range loop's body writes through the map's values"
			}
		case *ast.ReturnStmt:
			why = "the range loop's body returns"
		case *ast.DeferStmt:
			why = "the range loop's body defers a call"
		case *ast.LabeledStmt:
			why = "the range loop's body has a label"
		case *ast.BranchStmt:
			if n.Label != nil || n.Tok == token.GOTO {
				why = "the range loop's body has a goto or labelled branch"
				break
			}
			if n.Tok == token.FALLTHROUGH || targetsInner(n, stack) {
				break
			}
			text := "return true"
			if n.Tok == token.BREAK {
				text = "return false"
			}
			edits = append(edits, analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte(text)})
		}
		return why == ""
	})
	if why != "" {
		return "", why
	}
	var body string
	switch {
	case len(r.Body.List) == 0 && !hasComments(ls, r.Body.Lbrace+1, r.Body.Rbrace):
	case len(r.Body.List) > 0 && ls.tf.Line(r.Body.Lbrace) == ls.tf.Line(r.Body.List[0].Pos()) ||
		ls.tf.Line(r.Body.Rbrace) == ls.tf.Line(r.Body.List[len(r.Body.List)-1].End()):
		return "", "the range loop's body is not laid out one statement per line"
	default:
		from := r.Body.Lbrace + 1
		for _, e := range edits {
			body += string(ls.src[ls.off(from):ls.off(e.Pos)]) + string(e.NewText)
			from = e.End
		}
		body += string(ls.src[ls.off(from):ls.off(r.Body.Rbrace)])
		body = strings.TrimRight(body, " \t\n")
	}
	if len(r.Body.List) == 0 || !endsBranch(info, r.Body.List[len(r.Body.List)-1]) {
		body += "\n" + indent + "\treturn true"
	}
	return "if err := " + ls.text(u.m) + ".Range(func(" + name(r.Key) + " " + kt + ", " + name(r.Value) + " " + vt + ") bool {" +
		body + "\n" + indent + "}); err != nil {\n" + indent + "\t" + ret + "\n" + indent + "}", ""
}

// inLoop reports whether the map's use is inside a loop of its function
// (other than a range over the map itself, which becomes Range).
func inLoop(stack []ast.Node, u *regUse) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.ForStmt:
			return true
		case *ast.RangeStmt:
			if n != u.rng {
				return true
			}
		}
	}
	return false
}

// regUse is the use of the map in a section.
type regUse struct {
	stmt ast.Stmt
	op   string // Set, Delete, Get, Len, Range
	m    ast.Expr
	args []ast.Expr
	lhs  []ast.Expr // Get, Len: the defined variables
	rng  *ast.RangeStmt
}
