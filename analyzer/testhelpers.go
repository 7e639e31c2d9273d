package analyzer

import (
	"go/ast"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
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
	f := c.syntax.FileOf(obj.Pos())
	return f != nil && importsTesting(f)
}

// testingType: *testing.T, *testing.B, *testing.F or testing.TB.
func testingType(t types.Type) bool {
	for _, name := range []string{"T", "B", "F", "TB"} {
		if locktypes.IsNamed(t, "testing", name, false) {
			return true
		}
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
