package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Ill-typed packages. The analyzer runs despite type errors (gopls runs it
// on the package being edited; a driver runs it on the importers of a
// broken dependency). The SSA builder assumes well-typed code, so the
// functions that a type error touches are left out: their bodies are not
// built, they get no summary nor fact (a call to one may panic), and
// nothing is reported in them. The functions that type-check are analysed
// as usual.

// brokenFuncs returns the top-level function declarations of an ill-typed
// package that a type error touches: one is inside the declaration, or the
// body uses an expression or object of an invalid type.
func brokenFuncs(pass *analysis.Pass) map[*ast.FuncDecl]bool {
	if !illTyped(pass) {
		return nil
	}
	broken := map[*ast.FuncDecl]bool{}
	memo := typeMemo{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			if touchedByError(pass, memo, fd) {
				broken[fd] = true
			}
		}
	}
	return broken
}

// illTyped reports whether the package has type errors, or parse errors
// (bad nodes: the type checker does not report them again).
func illTyped(pass *analysis.Pass) bool {
	if len(pass.TypeErrors) > 0 {
		return true
	}
	bad := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.BadExpr, *ast.BadStmt, *ast.BadDecl:
				bad = true
			}
			return !bad
		})
	}
	return bad
}

func touchedByError(pass *analysis.Pass, memo typeMemo, fd *ast.FuncDecl) bool {
	if _, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); !ok {
		return true
	}
	return nodeBroken(pass, memo, fd)
}

// nodeBroken reports whether a type error is inside n, or n holds a bad
// node, or an expression or object of an invalid type.
func nodeBroken(pass *analysis.Pass, memo typeMemo, n ast.Node) bool {
	for _, e := range pass.TypeErrors {
		if e.Fset == pass.Fset && n.Pos() <= e.Pos && e.Pos < n.End() {
			return true
		}
	}
	bad := false
	ast.Inspect(n, func(n ast.Node) bool {
		if bad {
			return false
		}
		switch n := n.(type) {
		case *ast.BadExpr, *ast.BadStmt, *ast.BadDecl:
			bad = true
		case *ast.Ident:
			obj := pass.TypesInfo.Uses[n]
			if obj == nil {
				obj = pass.TypesInfo.Defs[n]
			}
			switch obj.(type) {
			case *types.Var, *types.Const, *types.Func, *types.TypeName:
				// (package names, labels and builtins have no type)
				bad = memo.invalid(obj.Type())
			}
		case ast.Expr:
			if tv, ok := pass.TypesInfo.Types[n]; ok && memo.invalid(tv.Type) {
				bad = true
			}
		}
		return true
	})
	return bad
}

// typeMemo caches invalid per type for one pass: the types of a package
// share most of their components (a struct of std types reaches hundreds).
type typeMemo map[types.Type]bool

// invalid reports whether t is, or is made of, the invalid type.
func (memo typeMemo) invalid(t types.Type) bool {
	if t == nil {
		return false
	}
	if v, ok := memo[t]; ok {
		return v
	}
	bad := false
	seen := map[types.Type]bool{}
	var visit func(t types.Type, depth int)
	visit = func(t types.Type, depth int) {
		if bad || depth > 8 || t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Basic:
			bad = t.Kind() == types.Invalid
		case *types.Pointer:
			visit(t.Elem(), depth+1)
		case *types.Slice:
			visit(t.Elem(), depth+1)
		case *types.Array:
			visit(t.Elem(), depth+1)
		case *types.Map:
			visit(t.Key(), depth+1)
			visit(t.Elem(), depth+1)
		case *types.Chan:
			visit(t.Elem(), depth+1)
		case *types.Signature:
			for i := 0; i < t.Params().Len(); i++ {
				visit(t.Params().At(i).Type(), depth+1)
			}
			for i := 0; i < t.Results().Len(); i++ {
				visit(t.Results().At(i).Type(), depth+1)
			}
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				visit(t.At(i).Type(), depth+1)
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				visit(t.Field(i).Type(), depth+1)
			}
		case *types.Interface:
			for i := 0; i < t.NumEmbeddeds(); i++ {
				visit(t.EmbeddedType(i), depth+1)
			}
			for i := 0; i < t.NumExplicitMethods(); i++ {
				visit(t.ExplicitMethod(i).Type(), depth+1)
			}
		case *types.Union:
			for i := 0; i < t.Len(); i++ {
				visit(t.Term(i).Type(), depth+1)
			}
		case *types.TypeParam:
			visit(t.Constraint(), depth+1)
		case *types.Named:
			visit(t.Underlying(), depth+1)
		case *types.Alias:
			visit(types.Unalias(t), depth+1)
		}
	}
	visit(t, 0)
	memo[t] = bad
	return bad
}

// withoutBroken returns the files with the bodies of the broken functions
// removed, and without the declarations the type checker could not give
// an object (a redeclared name, say), which the SSA builder cannot take
// (shallow copies; the originals are untouched). It also returns the
// objects of the package-level variables it left out.
func withoutBroken(info *types.Info, files []*ast.File, broken map[*ast.FuncDecl]bool) ([]*ast.File, map[types.Object]bool) {
	dropped := map[types.Object]bool{}
	out := make([]*ast.File, len(files))
	for i, f := range files {
		cp := *f
		cp.Decls = nil
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if _, ok := info.Defs[d.Name].(*types.Func); !ok {
					continue
				}
				if broken[d] {
					fcp := *d
					fcp.Body = nil
					cp.Decls = append(cp.Decls, &fcp)
					continue
				}
			case *ast.GenDecl:
				gcp := *d
				gcp.Specs = nil
				for _, spec := range d.Specs {
					var names []*ast.Ident
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						names = spec.Names
					case *ast.TypeSpec:
						names = []*ast.Ident{spec.Name}
					}
					if slices.ContainsFunc(names, func(id *ast.Ident) bool { return info.Defs[id] == nil }) {
						for _, id := range names {
							if obj := info.Defs[id]; obj != nil {
								dropped[obj] = true
							}
						}
						continue
					}
					gcp.Specs = append(gcp.Specs, spec)
				}
				cp.Decls = append(cp.Decls, &gcp)
				continue
			}
			cp.Decls = append(cp.Decls, d)
		}
		out[i] = &cp
	}
	return out, dropped
}

// brokenFunc reports whether f is a function whose body was left out.
func (c *checker) brokenFunc(f *ssa.Function) bool {
	if c.ext == nil || len(c.ext.broken) == 0 {
		return false
	}
	obj, ok := origin(f).Object().(*types.Func)
	return ok && c.ext.broken[obj]
}

// buildSSAChecked builds the package's SSA form, leaving out the bodies of
// the functions a type error touches. A builder panic on ill-typed code
// (not anticipated above) leaves the package to the syntax facts: it is
// reported as nothing but a false negative, never a crash.
func (c *checker) buildSSAChecked() (pkg *ssa.Package, funcs []*ssa.Function, ok bool) {
	broken := brokenFuncs(c.pass)
	c.ext.broken = map[*types.Func]bool{}
	for fd := range broken {
		if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
			c.ext.broken[obj] = true
		}
	}
	ill := illTyped(c.pass)
	if ill {
		defer func() {
			if r := recover(); r != nil {
				pkg, funcs, ok = nil, nil, false
			}
		}()
	}
	pass := *c.pass
	if ill {
		files, dropped := withoutBroken(c.pass.TypesInfo, c.pass.Files, broken)
		pass.Files = files
		// Package-level initializers that a type error touches, or of
		// variables left out, are left out of the package's init.
		info := *c.pass.TypesInfo
		info.InitOrder = nil
		memo := typeMemo{}
		for _, in := range c.pass.TypesInfo.InitOrder {
			if !nodeBroken(c.pass, memo, in.Rhs) && !slices.ContainsFunc(in.Lhs, func(v *types.Var) bool { return memo.invalid(v.Type()) || dropped[v] }) {
				info.InitOrder = append(info.InitOrder, in)
			}
		}
		// The copied files keep their Go versions (loop variable
		// semantics).
		info.FileVersions = map[*ast.File]string{}
		for i, f := range c.pass.Files {
			if v, ok := c.pass.TypesInfo.FileVersions[f]; ok {
				info.FileVersions[f] = v
				info.FileVersions[pass.Files[i]] = v
			}
		}
		pass.TypesInfo = &info
	}
	pkg, all := buildSSA(&pass)
	for _, fn := range all {
		if !c.brokenFunc(fn) {
			funcs = append(funcs, fn)
		}
	}
	return pkg, funcs, true
}
