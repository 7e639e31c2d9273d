package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// extState holds what the in-source configuration and the framework rules
// know of the package: the objects its //lockpoison:boundary and
// //lockpoison:recovered directives annotate, and lazily computed sets.
type extState struct {
	boundary  map[types.Object]bool // functions and methods
	recovered map[types.Object]bool // functions, methods and type names

	broken map[*types.Func]bool // functions a type error touches: see illtyped.go
	bmemo  map[*types.Func]bool // boundaryDirective, memoized (a per-call question)

	ifaces []*types.TypeName // recovered interface types, here and imported (lazy)
	fiber  *bool             // the package installs fiber's recover (lazy)
}

// directiveFact carries a function's or a type's directives to the packages
// that import it: //lockpoison:boundary (a function recovers; the func
// values passed to it run under its recover) and //lockpoison:recovered
// (it, or every method of the type, or of every type that implements the
// interface, is called under a swallowing recover).
type directiveFact struct {
	Boundary  bool
	Recovered bool
}

func (*directiveFact) AFact() {}

func (f *directiveFact) String() string {
	s := "lockpoison:"
	if f.Boundary {
		s += "boundary"
	}
	if f.Boundary && f.Recovered {
		s += ","
	}
	if f.Recovered {
		s += "recovered"
	}
	return s
}

func (c *checker) exportDirectiveFacts() {
	objs := map[types.Object]*directiveFact{}
	for obj := range c.ext.boundary {
		objs[obj] = &directiveFact{Boundary: true}
	}
	for obj := range c.ext.recovered {
		f := objs[obj]
		if f == nil {
			f = &directiveFact{}
			objs[obj] = f
		}
		f.Recovered = true
	}
	for obj, f := range objs {
		if obj.Pkg() == c.pass.Pkg && obj.Parent() == c.pass.Pkg.Scope() || isMethod(obj) {
			c.pass.ExportObjectFact(obj, f)
		}
	}
}

func isMethod(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	return ok && fn.Signature().Recv() != nil
}

// directive returns the directives on obj, from this package or a fact.
func (c *checker) directive(obj types.Object) directiveFact {
	if obj == nil || c.ext == nil {
		return directiveFact{}
	}
	if fn, ok := obj.(*types.Func); ok {
		obj = fn.Origin()
	}
	if obj.Pkg() == c.pass.Pkg {
		return directiveFact{Boundary: c.ext.boundary[obj], Recovered: c.ext.recovered[obj]}
	}
	var f directiveFact
	if obj.Pkg() != nil {
		c.pass.ImportObjectFact(obj, &f)
	}
	return f
}

// boundaryDirective reports whether f is a //lockpoison:boundary function.
func (c *checker) boundaryDirective(f *ssa.Function) bool {
	if f == nil {
		return false
	}
	obj, ok := origin(f).Object().(*types.Func)
	if !ok || c.ext == nil {
		return false
	}
	if v, ok := c.ext.bmemo[obj]; ok {
		return v
	}
	if c.ext.bmemo == nil {
		c.ext.bmemo = map[*types.Func]bool{}
	}
	v := c.directive(obj).Boundary
	c.ext.bmemo[obj] = v
	return v
}

// directiveBoundary tells whether fn runs under a recover that a directive
// declares: fn is a //lockpoison:boundary function, or it is
// //lockpoison:recovered, or a method of a recovered type, or a method of
// a type that implements a recovered interface (the method's name is one of
// the interface's).
func (c *checker) directiveBoundary(fn *ssa.Function) (recoverSite, bool) {
	if fn.Parent() != nil {
		return recoverSite{}, false
	}
	obj, ok := origin(fn).Object().(*types.Func)
	if !ok {
		return recoverSite{}, false
	}
	name := c.syntax.FuncName(fn)
	at := " (" + c.syntax.Loc(fn.Pos()) + ")"
	d := c.directive(obj)
	if d.Boundary {
		return recoverSite{pos: fn.Pos(), desc: "recovered by //lockpoison:boundary function " + name + at}, true
	}
	if d.Recovered {
		return recoverSite{pos: fn.Pos(), desc: "recovered by a caller of //lockpoison:recovered " + name + at}, true
	}
	recv := obj.Signature().Recv()
	if recv == nil {
		return recoverSite{}, false
	}
	if n := locktypes.Named(recv.Type()); n != nil && c.directive(n.Origin().Obj()).Recovered {
		return recoverSite{pos: fn.Pos(), desc: "recovered by a caller of " + name + at + ", a method of //lockpoison:recovered type " + n.Obj().Name()}, true
	}
	for _, tn := range c.recoveredIfaces() {
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok || iface.Empty() {
			continue
		}
		has := false
		for i := 0; i < iface.NumMethods(); i++ {
			if iface.Method(i).Name() == obj.Name() {
				has = true
			}
		}
		if has && (types.Implements(recv.Type(), iface) || types.Implements(types.NewPointer(recv.Type()), iface)) {
			return recoverSite{pos: fn.Pos(), desc: "recovered by a caller of " + name + at + ", which implements //lockpoison:recovered interface " + tn.Name()}, true
		}
	}
	return recoverSite{}, false
}

// recoveredIfaces lists the recovered interface types of this package and
// of the packages it imports (from their facts).
func (c *checker) recoveredIfaces() []*types.TypeName {
	if c.ext.ifaces != nil {
		return c.ext.ifaces
	}
	c.ext.ifaces = []*types.TypeName{}
	add := func(obj types.Object) {
		if tn, ok := obj.(*types.TypeName); ok && types.IsInterface(tn.Type()) {
			c.ext.ifaces = append(c.ext.ifaces, tn)
		}
	}
	for obj := range c.ext.recovered {
		add(obj)
	}
	for _, of := range c.pass.AllObjectFacts() {
		if f, ok := of.Fact.(*directiveFact); ok && f.Recovered {
			add(of.Object)
		}
	}
	return c.ext.ifaces
}
