package fix

import (
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

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

// source returns the file holding pos, its token.File and content.
func (fx *planner) source(pos token.Pos) (*ast.File, *token.File, []byte) {
	file := fx.syntax.FileOf(pos)
	if file == nil {
		return nil, nil, nil
	}
	tf := fx.pass.Fset.File(pos)
	src, err := fx.pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil, nil, nil
	}
	return file, tf, src
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

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
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

func isTypeParam(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}

// targetType returns the type that expression e (with its enclosing nodes)
// is converted to by its context, or nil when unknown.
func (fx *planner) targetType(e ast.Expr, stack []ast.Node) types.Type {
	info := fx.info
	if len(stack) == 0 {
		return nil
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.ParenExpr:
		return fx.targetType(p, stack[:len(stack)-1])
	case *ast.CallExpr:
		i := slices.Index(p.Args, e)
		if i < 0 {
			return nil
		}
		tv, ok := info.Types[p.Fun]
		if !ok || tv.IsBuiltin() {
			return nil
		}
		if tv.IsType() {
			return tv.Type
		}
		sig, ok := typeUnder(tv.Type).(*types.Signature)
		if !ok {
			return nil
		}
		params := sig.Params()
		if sig.Variadic() && i >= params.Len()-1 {
			if p.Ellipsis.IsValid() {
				return nil
			}
			if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
				return s.Elem()
			}
			return nil
		}
		if i < params.Len() {
			return params.At(i).Type()
		}
	case *ast.AssignStmt:
		if p.Tok != token.ASSIGN || len(p.Lhs) != len(p.Rhs) {
			return nil
		}
		if i := slices.Index(p.Rhs, e); i >= 0 {
			return info.TypeOf(p.Lhs[i])
		}
	case *ast.ValueSpec:
		if p.Type != nil && slices.Contains(p.Values, e) {
			return info.TypeOf(p.Type)
		}
	case *ast.KeyValueExpr:
		if p.Value == e && len(stack) >= 2 {
			if _, ok := stack[len(stack)-2].(*ast.CompositeLit); ok {
				if id, ok := p.Key.(*ast.Ident); ok {
					if fv, ok := info.Uses[id].(*types.Var); ok && fv.IsField() {
						return fv.Type()
					}
				}
			}
		}
	case *ast.ReturnStmt:
		i := slices.Index(p.Results, e)
		if i < 0 {
			return nil
		}
		for j := len(stack) - 2; j >= 0; j-- {
			var ft *ast.FuncType
			switch fn := stack[j].(type) {
			case *ast.FuncDecl:
				ft = fn.Type
			case *ast.FuncLit:
				ft = fn.Type
			default:
				continue
			}
			if sig, ok := info.TypeOf(ft).(*types.Signature); ok && sig.Results().Len() == len(p.Results) {
				return sig.Results().At(i).Type()
			}
			if fd, ok := stack[j].(*ast.FuncDecl); ok {
				if obj, ok := info.Defs[fd.Name].(*types.Func); ok && obj.Signature().Results().Len() == len(p.Results) {
					return obj.Signature().Results().At(i).Type()
				}
			}
			return nil
		}
	}
	return nil
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

// usesPkg reports whether file refers to the package imported as path,
// other than by the identifiers skip accepts.
func (fx *planner) usesPkg(file *ast.File, path string, skip func(*ast.Ident) bool) bool {
	used := false
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if pn, ok := fx.info.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == path && !skip(id) {
				used = true
			}
		}
		return !used
	})
	return used
}

// importEdit returns the name under which file refers to the package path
// (imported if needed) and the edit of the file's imports that adds it
// and, with dropSync, removes the import of sync; nil when nothing
// changes. at is where the name will be used.
func (fx *planner) importEdit(file *ast.File, tf *token.File, src []byte, at token.Pos, path string, dropSync bool) (string, *analysis.TextEdit, string) {
	info := fx.info
	name := ""
	for _, spec := range file.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p == path {
			pn := info.PkgNameOf(spec)
			if pn == nil || pn.Name() == "_" || pn.Name() == "." {
				return "", nil, path + " is imported as _ or ."
			}
			name = pn.Name()
		}
	}
	add := name == ""
	if add {
		name = path[strings.LastIndex(path, "/")+1:]
		if !token.IsIdentifier(name) {
			return "", nil, "the package name of " + path + " is not known"
		}
		if s := fx.pass.Pkg.Scope().Innermost(at); s != nil {
			if _, obj := s.LookupParent(name, at); obj != nil {
				return "", nil, "the name " + name + " is taken"
			}
		}
	}
	if !add && !dropSync {
		return name, nil, ""
	}
	var decls []*ast.GenDecl
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			decls = append(decls, gd)
		}
	}
	if len(decls) == 0 {
		return "", nil, "the file has no imports"
	}
	start, end := tf.Offset(decls[0].Pos()), tf.Offset(decls[len(decls)-1].End())
	type op struct {
		from, to int
		text     string
	}
	var ops []op
	if dropSync {
		n := 0
		for _, gd := range decls {
			for _, sp := range gd.Specs {
				spec := sp.(*ast.ImportSpec)
				if p, _ := strconv.Unquote(spec.Path.Value); p != "sync" {
					continue
				}
				n++
				if !gd.Lparen.IsValid() {
					ops = append(ops, op{tf.Offset(gd.Pos()), tf.Offset(gd.End()), ""})
					continue
				}
				from, to := tf.Offset(spec.Pos()), tf.Offset(spec.End())
				for from > 0 && (src[from-1] == ' ' || src[from-1] == '\t') {
					from--
				}
				for to < len(src) && src[to] != '\n' {
					to++
				}
				ops = append(ops, op{from, to, ""})
			}
		}
		if n != 1 {
			return "", nil, "sync is imported more than once"
		}
	}
	if add {
		last := decls[len(decls)-1]
		quoted := strconv.Quote(path)
		if last.Lparen.IsValid() {
			at := tf.Offset(last.Rparen)
			ops = append(ops, op{at, at, "\n\t" + quoted + "\n"})
		} else {
			from, to := tf.Offset(last.Pos()), tf.Offset(last.End())
			if i := slices.IndexFunc(ops, func(o op) bool { return o.from == from }); i >= 0 {
				ops[i].text = "import " + quoted // it imported sync only
			} else {
				spec := string(src[tf.Offset(last.Specs[0].Pos()):to])
				ops = append(ops, op{from, to, "import (\n\t" + spec + "\n\n\t" + quoted + "\n)"})
			}
		}
	}
	slices.SortFunc(ops, func(a, b op) int { return b.from - a.from })
	region := string(src[start:end])
	for _, o := range ops {
		region = region[:o.from-start] + o.text + region[o.to-start:]
	}
	const head = "package p\n\n"
	out, err := format.Source([]byte(head + region + "\n"))
	if err != nil {
		return "", nil, "the imports cannot be edited"
	}
	text := strings.TrimSuffix(strings.TrimPrefix(string(out), head), "\n")
	return name, &analysis.TextEdit{Pos: decls[0].Pos(), End: decls[len(decls)-1].End(), NewText: []byte(text)}, ""
}

// formatDecl applies edits, all inside one top-level declaration of file,
// and returns them as edits of the lines that change once the declaration
// is formatted (a longer type name can realign the comments of a struct).
// Without a clean result, it returns the edits as they are.
func (fx *planner) formatDecl(file *ast.File, tf *token.File, src []byte, edits []analysis.TextEdit) []analysis.TextEdit {
	var decl ast.Decl
	for _, d := range file.Decls {
		if d.Pos() <= edits[0].Pos && edits[0].End <= d.End() {
			decl = d
		}
	}
	if decl == nil {
		return edits
	}
	start, end := tf.Offset(tf.LineStart(tf.Line(decl.Pos()))), tf.Offset(decl.End())
	for _, e := range edits {
		if e.Pos < decl.Pos() || e.End > decl.End() {
			return edits
		}
	}
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b analysis.TextEdit) int { return int(b.Pos - a.Pos) })
	text := string(src[start:end])
	for _, e := range sorted {
		from, to := tf.Offset(e.Pos)-start, tf.Offset(e.End)-start
		text = text[:from] + string(e.NewText) + text[to:]
	}
	const head = "package p\n\n"
	out, err := format.Source([]byte(head + text + "\n"))
	if err != nil {
		return edits
	}
	formatted := strings.TrimSuffix(strings.TrimPrefix(string(out), head), "\n")
	oldLines := strings.Split(string(src[start:end]), "\n")
	newLines := strings.Split(formatted, "\n")
	if len(oldLines) != len(newLines) {
		return []analysis.TextEdit{{Pos: tf.Pos(start), End: tf.Pos(end), NewText: []byte(formatted)}}
	}
	var out2 []analysis.TextEdit
	off := start
	for i, l := range oldLines {
		if l != newLines[i] {
			out2 = append(out2, analysis.TextEdit{Pos: tf.Pos(off), End: tf.Pos(off + len(l)), NewText: []byte(newLines[i])})
		}
		off += len(l) + 1
	}
	return out2
}

// importNote is appended to the message of a fix that imports the poison
// package: the import builds only once its module is required, unless the
// module is the current one or the package already depends on it.
func (fx *planner) importNote() string {
	path := fx.poisonImport
	if m := fx.pass.Module; m != nil && m.Path != "" && (path == m.Path || strings.HasPrefix(path, m.Path+"/")) {
		return ""
	}
	seen := map[*types.Package]bool{}
	var deps func(p *types.Package) bool
	deps = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if p.Path() == path {
			return true
		}
		return slices.ContainsFunc(p.Imports(), deps)
	}
	if deps(fx.pass.Pkg) {
		return ""
	}
	return " (requires go get " + path + ")"
}
