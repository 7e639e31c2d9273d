package fix

import (
	"go/ast"
	"go/token"
	"go/types"
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
//     the section (registry_update.go), so that its operations stay
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
	// then the section becomes one Registry.Update (registry_update.go).
	sels    []*ast.SelectorExpr
	parents []ast.Node
	batch   bool
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
