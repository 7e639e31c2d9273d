package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Fix for torn-state where the lock guards exactly one map: replace the
// lock and the map by a poison.Registry[K, V].
//
// Handled shapes (anything else: no Registry fix):
//   - the lock is a struct field (see poisonLock), used only by Lock/RLock
//     statements at the top level of a function's body, each followed by
//     a deferred unlock (the section runs to the end) or by one explicit
//     unlock statement later in the same body;
//   - the map is a field of the same struct, the only field written in
//     those sections; a section that uses it more than once, in a loop, or
//     other than by the shapes below becomes one Registry.Update holding
//     the section (fix_registry_update.go), so that its operations stay
//     atomic; a section that uses it exactly once, outside a loop, becomes
//     one call, removing the lock keeping that operation atomic:
//     m[k] = v (Set), delete(m, k) (Delete), v, ok := m[k] or v := m[k]
//     (Get), n := len(m) (Len), or a loop for k, v := range m { ... }
//     (also for k := range m, for range m) whose body has no return,
//     goto, defer, label or labelled break/continue (Range: the body
//     becomes the callback, continue becomes return true and a break
//     leaving the loop return false);
//   - each such function has an error as its last result: the new error is
//     returned with zero values for the other results;
//   - elsewhere, the map appears only as the key of a composite literal
//     initialising it empty (map[K]V{} or make), which is dropped.

const msgRegistry = "Use poison.Registry"

// regSection is one function's section on the lock.
type regSection struct {
	fn     *ast.FuncDecl
	lock   ast.Stmt
	unlock ast.Stmt // the deferred or explicit unlock
	from   int      // the section: fn.Body.List[from:to]
	to     int
	use    *regUse
	// Every use of the map in the function (its selector and the
	// selector's parent), and whether they must stay atomic together
	// (several, one in a loop, or not one of the single-operation shapes):
	// then the section becomes one Registry.Update (fix_registry_update.go).
	sels    []*ast.SelectorExpr
	parents []ast.Node
	batch   bool
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

func (pl *poisonLock) registryFix() *analysis.SuggestedFix {
	fix, _ := pl.registry()
	return fix
}

// registry plans the Registry fix in its phases, each of which may say
// why there is none: the sections on the lock, the map they guard, every
// use of the map, then the edits of the sections and of the declarations.
func (pl *poisonLock) registry() (*analysis.SuggestedFix, string) {
	if pl.strct == nil {
		return nil, "the lock is not a struct field"
	}
	sections, why := pl.regSections()
	if why != "" {
		return nil, why
	}
	m, why := pl.guardedMap(sections)
	if why != "" {
		return nil, why
	}
	edits, why := pl.mapUses(sections, m)
	if why != "" {
		return nil, why
	}
	secEdits, why := pl.editSections(sections)
	if why != "" {
		return nil, why
	}
	declEdits, why := pl.editDecls(m)
	if why != "" {
		return nil, why
	}
	edits = append(append(edits, secEdits...), declEdits...)
	return &analysis.SuggestedFix{Message: msgRegistry + pl.fx.importNote(), TextEdits: edits}, ""
}

// regSections finds the sections on the lock: every use of the lock is a
// Lock, RLock, Unlock or RUnlock statement at the top level of a
// function's body, one lock and one unlock per function, enclosing one run
// of statements that control leaves only at its end.
func (pl *poisonLock) regSections() (map[*ast.FuncDecl]*regSection, string) {
	fx, info := pl.fx, pl.fx.info
	sections := map[*ast.FuncDecl]*regSection{}
	var lockIdents []*ast.Ident
	for _, file := range fx.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if u, ok := info.Uses[id].(*types.Var); ok && u.Origin() == pl.v {
					lockIdents = append(lockIdents, id)
				}
			}
			return true
		})
	}
	for _, id := range lockIdents {
		fn, stmt, method := pl.lockStmtOf(id)
		if fn == nil {
			return nil, "the lock is used other than by Lock and Unlock statements"
		}
		s := sections[fn]
		if s == nil {
			s = &regSection{fn: fn, from: -1, to: -1}
			sections[fn] = s
		}
		idx := -1
		for i, st := range fn.Body.List {
			if st == stmt {
				idx = i
			}
		}
		switch {
		case idx < 0:
			return nil, "a lock operation is nested in a block"
		case method == "Lock" || method == "RLock":
			if s.lock != nil {
				return nil, "a function locks twice"
			}
			s.lock, s.from = stmt, idx+1
		default:
			if s.unlock != nil {
				return nil, "a function unlocks twice"
			}
			s.unlock = stmt
			if _, ok := stmt.(*ast.DeferStmt); ok {
				s.to = len(fn.Body.List)
				if idx != s.from {
					return nil, "the deferred unlock does not follow the lock"
				}
				s.from = idx + 1
			} else {
				s.to = idx
			}
		}
	}
	for _, s := range sections {
		if s.lock == nil || s.unlock == nil || s.from < 0 || s.to < s.from {
			return nil, "a section is not one run of statements"
		}
		if _, ok := s.unlock.(*ast.DeferStmt); !ok {
			if leavesBlock(s.fn.Body.List[s.from:s.to], false) {
				return nil, "control leaves a section"
			}
		}
	}
	return sections, ""
}

// regMap is the map the lock guards: the field, its declaration and its
// declared map type.
type regMap struct {
	v     *types.Var
	field *ast.Field
	typ   *ast.MapType
}

// guardedMap finds the map the sections guard: the only field of the
// lock's struct written in them, the one the finding names, an unexported
// map field declared alone.
func (pl *poisonLock) guardedMap(sections map[*ast.FuncDecl]*regSection) (*regMap, string) {
	info := pl.fx.info
	st, _ := info.TypeOf(pl.strct).(*types.Struct)
	if st == nil {
		return nil, "no struct type"
	}
	fieldOfStruct := func(e ast.Expr) *types.Var {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		s := info.Selections[sel]
		if s == nil || s.Kind() != types.FieldVal {
			return nil
		}
		v := s.Obj().(*types.Var).Origin()
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Origin() == v {
				return v
			}
		}
		return nil
	}
	var m *types.Var
	why := ""
	for _, s := range sections {
		for _, stmt := range s.fn.Body.List[s.from:s.to] {
			ast.Inspect(stmt, func(n ast.Node) bool {
				var targets []ast.Expr
				switch n := n.(type) {
				case *ast.FuncLit:
					why = "a section has a func literal"
				case *ast.AssignStmt:
					targets = n.Lhs
				case *ast.IncDecStmt:
					targets = []ast.Expr{n.X}
				case *ast.UnaryExpr:
					if n.Op == token.AND {
						targets = []ast.Expr{n.X}
					}
				case *ast.CallExpr:
					if len(n.Args) > 0 {
						targets = []ast.Expr{n.Args[0]} // delete(m, k), clear(m)
					}
					if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
						targets = append(targets, sel.X) // a method of a field
					}
				}
				for _, t := range targets {
					for {
						switch x := ast.Unparen(t).(type) {
						case *ast.IndexExpr:
							t = x.X
							continue
						case *ast.StarExpr:
							t = x.X
							continue
						}
						break
					}
					if v := fieldOfStruct(t); v != nil && v != pl.v {
						if m != nil && m != v {
							why = "the lock guards more than one field"
						}
						m = v
					}
				}
				return why == ""
			})
		}
	}
	if why != "" {
		return nil, why
	}
	if m == nil || !strings.HasSuffix(pl.fx.t.Wrote, m.Name()) {
		return nil, "the lock does not guard a map"
	}
	if _, ok := m.Type().Underlying().(*types.Map); !ok || m.Embedded() || m.Exported() {
		return nil, "the guarded field is not an unexported map"
	}
	var mField *ast.Field
	for _, fld := range pl.strct.Fields.List {
		if len(fld.Names) == 1 && fld.Names[0].Pos() == m.Pos() {
			mField = fld
		}
	}
	if mField == nil {
		return nil, "the map is not declared alone"
	}
	mType, ok := ast.Unparen(mField.Type).(*ast.MapType)
	if !ok {
		return nil, "the map is not declared with a map type"
	}
	return &regMap{v: m, field: mField, typ: mType}, ""
}

// mapUses matches every use of the map: in a section (recorded in it,
// with its shape), or as the key of a composite literal initialising it
// empty (the returned edits drop it).
func (pl *poisonLock) mapUses(sections map[*ast.FuncDecl]*regSection, m *regMap) ([]analysis.TextEdit, string) {
	fx, info := pl.fx, pl.fx.info
	var edits []analysis.TextEdit
	why := ""
	for _, file := range fx.pass.Files {
		if why != "" {
			break
		}
		ast.PreorderStack(file, nil, func(n ast.Node, stack []ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || why != "" {
				return why == ""
			}
			if u, ok := info.Uses[id].(*types.Var); !ok || u.Origin() != m.v {
				return true
			}
			if e, ok := pl.dropInit(id, stack); ok {
				edits = append(edits, e)
				return true
			}
			fn := enclosingFuncDecl(stack)
			s := sections[fn]
			if s == nil {
				why = "the map is used outside the lock"
				return false
			}
			sel, ok := stack[len(stack)-1].(*ast.SelectorExpr)
			if !ok || sel.Sel != id || len(stack) < 2 {
				why = "the map is used other than as a field of a value"
				return false
			}
			s.sels = append(s.sels, sel)
			s.parents = append(s.parents, stack[len(stack)-2])
			use := pl.regUseOf(id, stack, s)
			// Several operations, or one per iteration of a loop, would
			// not be atomic as separate Registry calls: Update keeps them
			// together.
			if use == nil || s.use != nil || inLoop(stack, use) {
				s.batch = true
			}
			if s.use == nil {
				s.use = use
			}
			return true
		})
	}
	if why != "" {
		return nil, why
	}
	return edits, ""
}

// editSections rewrites each section: its lock and unlock go, and its use
// of the map becomes one Registry call, or the whole section one Update.
func (pl *poisonLock) editSections(sections map[*ast.FuncDecl]*regSection) ([]analysis.TextEdit, string) {
	var edits []analysis.TextEdit
	for _, s := range sections {
		if len(s.sels) == 0 {
			return nil, "a section does not use the map"
		}
		file, tf, src := pl.fx.source(s.fn.Pos())
		if file == nil {
			return nil, "the source is not available"
		}
		ls := &lockSite{file: file, tf: tf, src: src}
		for _, st := range []ast.Stmt{s.lock, s.unlock} {
			if _, ok := ls.ownLine(st); !ok {
				return nil, "a statement of a section shares its line"
			}
		}
		edits = append(edits, ls.deleteLine(s.lock), ls.deleteLine(s.unlock))
		if s.batch {
			e, why := pl.regUpdate(s, ls)
			if why != "" {
				return nil, why
			}
			edits = append(edits, e)
			continue
		}
		if _, ok := ls.ownLine(s.use.stmt); !ok {
			return nil, "a statement of a section shares its line"
		}
		text, why := pl.regCall(s, ls)
		if why != "" {
			return nil, why
		}
		edits = append(edits, analysis.TextEdit{Pos: s.use.stmt.Pos(), End: s.use.stmt.End(), NewText: []byte(text)})
	}
	return edits, ""
}

// editDecls rewrites the declarations: the lock goes, the map becomes a
// Registry, and the imports follow.
func (pl *poisonLock) editDecls(m *regMap) ([]analysis.TextEdit, string) {
	fx := pl.fx
	file, tf, src := fx.source(pl.strct.Pos())
	if file == nil {
		return nil, "the source is not available"
	}
	var lockField *ast.Field
	for _, fld := range pl.strct.Fields.List {
		if len(fld.Names) == 1 && fld.Names[0].Pos() == pl.v.Pos() {
			lockField = fld
		}
	}
	ls := &lockSite{file: file, tf: tf, src: src}
	if _, ok := ls.ownLine(lockField); !ok {
		return nil, "the lock's declaration shares its line"
	}
	keepSync := fx.usesPkg(file, "sync", func(id *ast.Ident) bool { return id == pl.typ.X })
	pkgName, imp, why := fx.importEdit(file, tf, src, pl.typ.Pos(), fx.poisonImport, !keepSync)
	if why != "" {
		return nil, why
	}
	del := ls.deleteLine(lockField)
	if lockField.Doc != nil {
		del.Pos = tf.Pos(ls.lineStart(lockField.Doc.Pos()))
	}
	regType := pkgName + ".Registry[" + ls.text(m.typ.Key) + ", " + ls.text(m.typ.Value) + "]"
	edits := fx.formatDecl(file, tf, src, []analysis.TextEdit{
		del,
		{Pos: m.field.Type.Pos(), End: m.field.Type.End(), NewText: []byte(regType)},
	})
	if imp != nil {
		edits = append(edits, *imp)
	}
	return edits, ""
}

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

// zeroValue writes the zero value of t as file refers to it.
func (fx *planner) zeroValue(t types.Type, file *ast.File) (string, bool) {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Info()&types.IsNumeric != 0:
			if _, named := types.Unalias(t).(*types.Named); named {
				break
			}
			return "0", true
		case u.Kind() == types.UnsafePointer:
			return "nil", true
		}
		if u.Info()&types.IsNumeric != 0 {
			return "0", true
		}
		return "", false
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		if isTypeParam(t) {
			break
		}
		return "nil", true
	case *types.Struct, *types.Array:
		s, ok := fx.typeText(t, file)
		return s + "{}", ok
	}
	if isTypeParam(t) {
		return "*new(" + t.String() + ")", true
	}
	return "", false
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

// typeText writes t as file refers to it.
func (fx *planner) typeText(t types.Type, file *ast.File) (string, bool) {
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		if p == fx.pass.Pkg {
			return ""
		}
		for _, spec := range file.Imports {
			if path, _ := strconv.Unquote(spec.Path.Value); path == p.Path() {
				if pn := fx.info.PkgNameOf(spec); pn != nil && pn.Name() != "_" && pn.Name() != "." {
					return pn.Name()
				}
			}
		}
		ok = false
		return p.Name()
	})
	return s, ok
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
