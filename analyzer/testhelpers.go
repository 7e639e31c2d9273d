package analyzer

import (
	"go/ast"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"
)

// Test helpers in a library package are not its API (library mode, issue
// 11 shape 12): a function that takes a *testing.T, *testing.B,
// *testing.F or testing.TB, or one declared in a non-test file that
// imports "testing" (raft's testing.go: MakeCluster and the cluster
// assertions), runs under a test, whose failure is the report. Such
// functions are no entry points, and the types they return do not escape.

// testHelper reports whether fn is a test helper.
func (c *checker) testHelper(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	params := obj.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if testingType(params.At(i).Type()) {
			return true
		}
	}
	for _, f := range c.pass.Files {
		if f.FileStart <= obj.Pos() && obj.Pos() < f.FileEnd {
			return importsTesting(f)
		}
	}
	return false
}

// testingType: *testing.T, *testing.B, *testing.F or testing.TB.
func testingType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "testing" {
		return false
	}
	switch n.Obj().Name() {
	case "T", "B", "F", "TB":
		return true
	}
	return false
}

func importsTesting(f *ast.File) bool {
	for _, imp := range f.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == "testing" {
			return true
		}
	}
	return false
}
