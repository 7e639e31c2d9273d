package fix

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// Fix for torn-state: change the lock's declared type from sync.Mutex to
// poison.Mutex (sync.RWMutex to poison.RWMutex).

func (fx *planner) tornFixes(ls *lockSite) ([]analysis.SuggestedFix, string) {
	if !fx.t.Write {
		return nil, "a read section does not poison"
	}
	pl, why := fx.poisonLock(ls)
	if pl == nil {
		return nil, why
	}
	fix, why := pl.mutexFix()
	if fix == nil {
		return nil, why
	}
	fixes := []analysis.SuggestedFix{*fix}
	if rf := pl.registryFix(); rf != nil {
		fixes = append(fixes, *rf)
	}
	return fixes, ""
}

// poisonLock is a lock whose declared type the poison fixes change.
type poisonLock struct {
	fx       *planner
	v        *types.Var        // the field or package-level variable
	name     string            // its display, e.g. "fx.mu"
	typ      *ast.SelectorExpr // its declared type: sync.Mutex
	strct    *ast.StructType   // the struct declaring it, for a field
	declFile *ast.File
}

// poisonLock finds the declaration of the lock of ls and checks that its
// type can change: a sync.Mutex/RWMutex field or package-level variable
// declared here, unexported, not embedded, and used only through its
// methods or as a non-empty interface (sync.Locker).
func (fx *planner) poisonLock(ls *lockSite) (*poisonLock, string) {
	info := fx.info
	name := types.ExprString(ls.recv)
	if locktypes.KindOf(info.TypeOf(ls.recv), fx.poisonImport) != locktypes.Primitive {
		if s := info.Selections[ls.sel]; s != nil && len(s.Index()) > 1 {
			return nil, "the lock is an embedded field"
		}
		return nil, name + " is not a sync.Mutex or sync.RWMutex"
	}
	var v *types.Var
	switch r := ls.recv.(type) {
	case *ast.Ident:
		v, _ = info.Uses[r].(*types.Var)
		if v == nil || v.Parent() != fx.pass.Pkg.Scope() {
			return nil, name + " is a local variable"
		}
	case *ast.SelectorExpr:
		s := info.Selections[r]
		if s == nil {
			if obj, ok := info.Uses[r.Sel].(*types.Var); ok && obj.Pkg() != fx.pass.Pkg {
				return nil, name + " is declared in another package"
			}
			return nil, name + " is not a field or package-level variable"
		}
		v, _ = s.Obj().(*types.Var)
		if v == nil {
			return nil, name + " is not a field"
		}
		v = v.Origin()
		if v.Embedded() {
			return nil, "the lock is an embedded field"
		}
	default:
		return nil, name + " is not a field or package-level variable"
	}
	if v.Pkg() != fx.pass.Pkg || fx.syntax.FileOf(v.Pos()) == nil {
		return nil, name + " is declared in another package"
	}
	if v.Exported() {
		return nil, name + " is exported: other packages may use it as a sync type"
	}
	pl := &poisonLock{fx: fx, v: v, name: name}
	// The declaration.
	file := fx.syntax.FileOf(v.Pos())
	pl.declFile = file
	var typ ast.Expr
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.StructType:
			for _, fld := range n.Fields.List {
				for _, id := range fld.Names {
					if id.Pos() == v.Pos() {
						pl.strct = n
						if len(fld.Names) == 1 {
							typ = fld.Type
						} else {
							typ = &ast.BadExpr{}
						}
					}
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				if id.Pos() == v.Pos() {
					if len(n.Names) == 1 && len(n.Values) == 0 {
						typ = n.Type
					} else {
						typ = &ast.BadExpr{}
					}
				}
			}
		}
		return typ == nil
	})
	if typ == nil {
		return nil, "the declaration of " + name + " is not found"
	}
	sel, ok := typ.(*ast.SelectorExpr)
	if !ok {
		return nil, name + " is not declared alone with type sync.Mutex or sync.RWMutex"
	}
	pn, ok := info.Uses[ident(sel.X)].(*types.PkgName)
	if !ok || pn.Imported().Path() != "sync" || sel.Sel.Name != "Mutex" && sel.Sel.Name != "RWMutex" {
		return nil, name + " is not declared with type sync.Mutex or sync.RWMutex"
	}
	pl.typ = sel
	if why := pl.checkUses(); why != "" {
		return nil, why
	}
	return pl, ""
}

// checkUses checks every use of the lock in the package.
func (pl *poisonLock) checkUses() string {
	fx, info := pl.fx, pl.fx.info
	why := ""
	for _, file := range fx.pass.Files {
		ast.PreorderStack(file, nil, func(n ast.Node, stack []ast.Node) bool {
			if why != "" {
				return false
			}
			switch n := n.(type) {
			case *ast.Ident:
				u, ok := info.Uses[n].(*types.Var)
				if !ok || u.Origin() != pl.v {
					return true
				}
				why = pl.checkUse(n, stack)
			case *ast.CompositeLit:
				if len(n.Elts) == 0 || pl.strct == nil {
					return true
				}
				if _, keyed := n.Elts[0].(*ast.KeyValueExpr); keyed {
					return true
				}
				if st, ok := typeUnder(info.TypeOf(n)).(*types.Struct); ok {
					for i := 0; i < st.NumFields(); i++ {
						if st.Field(i).Origin() == pl.v {
							why = "a composite literal sets " + pl.name + " without keys"
						}
					}
				}
			}
			return true
		})
	}
	return why
}

// checkUse checks one use of the lock: id, with its enclosing nodes.
func (pl *poisonLock) checkUse(id *ast.Ident, stack []ast.Node) string {
	var e ast.Expr = id
	i := len(stack) - 1
	if i >= 0 {
		switch p := stack[i].(type) {
		case *ast.SelectorExpr:
			if p.Sel == id {
				e = p
				i--
			}
		case *ast.KeyValueExpr:
			if p.Key == id {
				return "a composite literal sets " + pl.name
			}
		}
	}
	for i >= 0 {
		if p, ok := stack[i].(*ast.ParenExpr); ok {
			e = p
			i--
			continue
		}
		break
	}
	if i < 0 {
		return pl.name + " is used as a value"
	}
	switch p := stack[i].(type) {
	case *ast.SelectorExpr:
		if p.X == e && locktypes.SyncMethods[p.Sel.Name] {
			return ""
		}
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			t := pl.fx.targetType(p, stack[:i])
			if t != nil && types.IsInterface(t) && !isTypeParam(t) {
				if it, ok := t.Underlying().(*types.Interface); ok && it.NumMethods() > 0 {
					return ""
				}
			}
			return "&" + pl.name + " is used as a *sync." + pl.typ.Sel.Name
		}
	}
	return pl.name + " is copied or used as a value"
}

// mutexFix changes the declared type and the imports.
func (pl *poisonLock) mutexFix() (*analysis.SuggestedFix, string) {
	fx := pl.fx
	file, tf, src := fx.source(pl.typ.Pos())
	if file == nil {
		return nil, "the source is not available"
	}
	keepSync := fx.usesPkg(file, "sync", func(id *ast.Ident) bool { return id == pl.typ.X })
	pkgName, imp, why := fx.importEdit(file, tf, src, pl.typ.Pos(), fx.poisonImport, !keepSync)
	if why != "" {
		return nil, why
	}
	edits := fx.formatDecl(file, tf, src, []analysis.TextEdit{{Pos: pl.typ.Pos(), End: pl.typ.End(), NewText: []byte(pkgName + "." + pl.typ.Sel.Name)}})
	if imp != nil {
		edits = append(edits, *imp)
	}
	return &analysis.SuggestedFix{Message: "Use " + "poison." + pl.typ.Sel.Name + fx.importNote(), TextEdits: edits}, ""
}
