package fix

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Questions about the syntax around a section: same variable, the
// enclosing function and statement list, control leaving a block,
// recover handlers, declarations.

// sameExpr reports whether x and y denote the same variable: the same
// text and the same objects along the selector chain.
func (fx *planner) sameExpr(x, y ast.Expr) bool {
	x, y = ast.Unparen(x), ast.Unparen(y)
	if types.ExprString(x) != types.ExprString(y) {
		return false
	}
	switch x := x.(type) {
	case *ast.Ident:
		y, ok := y.(*ast.Ident)
		return ok && fx.info.ObjectOf(x) != nil && fx.info.ObjectOf(x) == fx.info.ObjectOf(y)
	case *ast.SelectorExpr:
		y, ok := y.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if fx.info.ObjectOf(x.Sel) != fx.info.ObjectOf(y.Sel) {
			return false
		}
		if _, isPkg := fx.info.ObjectOf(ident(x.X)).(*types.PkgName); isPkg {
			return true
		}
		return fx.sameExpr(x.X, y.X)
	case *ast.StarExpr:
		y, ok := y.(*ast.StarExpr)
		return ok && fx.sameExpr(x.X, y.X)
	case *ast.UnaryExpr:
		y, ok := y.(*ast.UnaryExpr)
		return ok && x.Op == token.AND && y.Op == token.AND && fx.sameExpr(x.X, y.X)
	}
	return false
}

func ident(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	if id == nil {
		return &ast.Ident{}
	}
	return id
}

// callsRecover reports whether body calls the builtin recover directly
// (not in a nested func literal): it may be a recover handler.
func (fx *planner) callsRecover(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if b, ok := fx.info.Uses[id].(*types.Builtin); ok && b.Name() == "recover" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// funcBody returns the body of the innermost function in stack.
func funcBody(stack []ast.Node) (*ast.BlockStmt, int) {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncDecl:
			return n.Body, i
		case *ast.FuncLit:
			return n.Body, i
		}
	}
	return nil, -1
}

// inHandler reports whether any function enclosing the site calls
// recover directly: fixes never add or remove an unlock in a recover
// handler, where unlocking an unlocked mutex is a fatal error that recover
// cannot catch.
func (fx *planner) inHandler(stack []ast.Node) bool {
	for _, n := range stack {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil && fx.callsRecover(n.Body) {
				return true
			}
		case *ast.FuncLit:
			if fx.callsRecover(n.Body) {
				return true
			}
		}
	}
	return false
}

// stmtList returns the statement list that directly holds the statement
// at stack[i], and its index there.
func stmtList(stack []ast.Node, i int) ([]ast.Stmt, int) {
	if i < 1 {
		return nil, -1
	}
	var list []ast.Stmt
	switch p := stack[i-1].(type) {
	case *ast.BlockStmt:
		list = p.List
	case *ast.CaseClause:
		list = p.Body
	case *ast.CommClause:
		list = p.Body
	default:
		return nil, -1
	}
	for j, s := range list {
		if s == stack[i] {
			return list, j
		}
	}
	return nil, -1
}

// within reports whether n lies inside the statements list[from:to].
func within(n ast.Node, list []ast.Stmt, from, to int) bool {
	if from >= to || to > len(list) {
		return false
	}
	return list[from].Pos() <= n.Pos() && n.End() <= list[to-1].End()
}

func sameList(a, b []ast.Stmt) bool {
	return len(a) == len(b) && (len(a) == 0 || a[0] == b[0])
}

// leavesBlock reports whether control may leave stmts other than by
// falling through (or, with returnOK, by a return): a goto, a labeled
// statement, or a break/continue that targets a statement outside.
func leavesBlock(stmts []ast.Stmt, returnOK bool) bool {
	esc := false
	for _, s := range stmts {
		ast.PreorderStack(s, nil, func(n ast.Node, stack []ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.LabeledStmt:
				esc = true
			case *ast.ReturnStmt:
				if !returnOK {
					esc = true
				}
			case *ast.BranchStmt:
				if n.Label != nil || n.Tok == token.GOTO {
					esc = true
					break
				}
				inner := false
				for _, p := range stack {
					switch p.(type) {
					case *ast.ForStmt, *ast.RangeStmt:
						inner = true
					case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
						if n.Tok == token.BREAK {
							inner = true
						}
					}
				}
				if n.Tok == token.FALLTHROUGH {
					inner = false
					for _, p := range stack {
						if _, ok := p.(*ast.SwitchStmt); ok {
							inner = true
						}
					}
				}
				if !inner {
					esc = true
				}
			}
			return !esc
		})
	}
	return esc
}

// declared returns the objects that statement s declares in its block.
func (fx *planner) declared(s ast.Stmt) []types.Object {
	var objs []types.Object
	add := func(id *ast.Ident) {
		if obj := fx.info.Defs[id]; obj != nil {
			objs = append(objs, obj)
		}
	}
	switch s := s.(type) {
	case *ast.AssignStmt:
		if s.Tok == token.DEFINE {
			for _, l := range s.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					add(id)
				}
			}
		}
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok {
			for _, sp := range gd.Specs {
				switch sp := sp.(type) {
				case *ast.ValueSpec:
					for _, id := range sp.Names {
						add(id)
					}
				case *ast.TypeSpec:
					add(sp.Name)
				}
			}
		}
	}
	return objs
}

// recoverHandler reports whether d defers a func literal that calls
// recover and cannot block or re-lock (see safeCalls).
func (fx *planner) recoverHandler(d *ast.DeferStmt) bool {
	lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
	return ok && len(d.Call.Args) == 0 && fx.callsRecover(lit.Body) && fx.safeCalls(lit.Body)
}

func enclosingFuncDecl(stack []ast.Node) *ast.FuncDecl {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit:
			return nil
		case *ast.FuncDecl:
			return n
		}
	}
	return nil
}

// targetsInner reports whether the unlabelled branch n, with its stack
// inside a loop's body, leaves an inner statement rather than the loop.
func targetsInner(n *ast.BranchStmt, stack []ast.Node) bool {
	for _, p := range stack[1:] { // stack[0] is the loop's body
		switch p.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if n.Tok == token.BREAK {
				return true
			}
		}
	}
	return false
}

// endsBranch reports whether st, the last statement of the body of r, is
// a continue or break of r (rewritten as a return, after which a final
// return true would be unreachable), or a panic.
func endsBranch(info *types.Info, st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.BranchStmt:
		return st.Label == nil && (st.Tok == token.CONTINUE || st.Tok == token.BREAK)
	case *ast.ExprStmt:
		call, ok := st.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok {
			return false
		}
		b, ok := info.Uses[id].(*types.Builtin)
		return ok && b.Name() == "panic"
	case *ast.BlockStmt:
		return len(st.List) > 0 && endsBranch(info, st.List[len(st.List)-1])
	case *ast.IfStmt:
		return st.Else != nil && endsBranch(info, st.Body) && endsBranch(info, st.Else)
	}
	return false
}

// hasComments reports whether the source between from and to has a comment.
func hasComments(ls *lockSite, from, to token.Pos) bool {
	for _, g := range ls.file.Comments {
		if g.Pos() < to && g.End() > from {
			return true
		}
	}
	return false
}
