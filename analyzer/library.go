package analyzer

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// Library mode (-assume-recovered=exported). The entry points are the
// package's API: exported functions, exported methods of exported types,
// and exported methods of unexported types that escape through the API (an
// exported function or method returns one, possibly as an interface, or an
// exported variable holds one). Packages that are not a library's API are
// left alone: those under internal/, and test helpers (a last path element
// testutil(s), testhelper(s), testing, tests, or ending in "test" as
// httptest and zaptest do), and test helpers in a library package
// (testhelpers.go). A section in another
// package is reported there, not again at each call in each importer,
// unless that package is one of those left alone.

// libraryExcluded reports whether the package at path is not a library's
// API: internal or a test helper.
func libraryExcluded(path string) bool {
	elems := strings.Split(path, "/")
	for _, e := range elems {
		if e == "internal" {
			return true
		}
	}
	last := elems[len(elems)-1]
	switch last {
	case "testutil", "testutils", "testing", "tests", "testhelper", "testhelpers":
		return true
	case "latest", "contest", "attest", "protest", "detest":
		return false // words, not test helpers
	}
	return strings.HasSuffix(last, "test")
}

// libraryEntry reports whether fn is an entry point of the package's API
// in library mode.
func (c *checker) libraryEntry(fn *ssa.Function) bool {
	if c.cfg.AssumeRecovered != "exported" || fn.Parent() != nil || libraryExcluded(c.pass.Pkg.Path()) {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || !obj.Exported() || c.testHelper(fn) {
		return false
	}
	if exportedRecv(obj) {
		return true
	}
	n := recvNamed(obj)
	return n != nil && c.escapingTypes()[n.Obj()]
}

func recvNamed(obj *types.Func) *types.Named {
	recv := obj.Signature().Recv()
	if recv == nil {
		return nil
	}
	return locktypes.Named(recv.Type())
}

// escapingTypes: the unexported types of this package that the API hands
// out: results of exported functions and of exported methods of exported
// types (directly, or converted to an interface in their return
// statements), and types of exported variables.
func (c *checker) escapingTypes() map[*types.TypeName]bool {
	if c.escaping != nil {
		return c.escaping
	}
	esc := map[*types.TypeName]bool{}
	c.escaping = esc
	add := func(t types.Type) {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() == c.pass.Pkg && !n.Obj().Exported() {
			esc[n.Obj()] = true
		}
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if v, ok := scope.Lookup(name).(*types.Var); ok && v.Exported() {
			add(v.Type())
		}
	}
	for _, fn := range c.srcList {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || !obj.Exported() || !exportedRecv(obj) || c.testHelper(fn) {
			continue
		}
		res := obj.Signature().Results()
		for i := 0; i < res.Len(); i++ {
			add(res.At(i).Type())
		}
		for _, b := range fn.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
				for _, r := range ret.Results {
					if mi, ok := r.(*ssa.MakeInterface); ok {
						add(mi.X.Type())
					}
				}
			}
		}
	}
	return esc
}
