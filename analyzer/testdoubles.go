package analyzer

import (
	"go/token"
	"go/types"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// Test doubles are not implementations (issue 11, FP-18). A package often
// declares, beside an interface, an in-memory or mock implementation for
// its tests in a non-test file (x/mod's sumdb.TestServer, golangci-lint's
// logutils.MockLog). Interface dispatch (dispatch.go) would count it as one
// of the implementations that an interface call reaches, and report its
// sections at every production call of the interface. A named type is a
// test double, and is left out of dispatch, when
//
//   - it embeds testify's mock.Mock (github.com/stretchr/testify/mock), or
//     has a field of type *gomock.Controller (github.com/golang/mock or
//     go.uber.org/mock): generated or hand-written mocks, whatever their
//     name; or
//   - its name says so — it starts with Test, Mock, Fake, Stub, Dummy or
//     Spy followed by an upper-case letter or nothing (exported), or with
//     test, mock, fake or stub followed by an upper-case letter
//     (unexported) — and, when it is declared in the package being
//     analysed, no non-test code of that package converts it to an
//     interface outside the type's own methods. A package that uses its
//     FakeStore in production (a dry-run mode) keeps it as an
//     implementation. For a type of another package (declared beside the
//     interface) that package's code is not visible: the name decides.
//
// The interface call itself stays a panic point, as for any interface
// call with implementations unknown.

// doublePrefixes are the name prefixes of test doubles (exported forms;
// the unexported forms are the first four lower-cased).
var doublePrefixes = []string{"Test", "Mock", "Fake", "Stub", "Dummy", "Spy"}

// isTestDouble reports whether n is a test double (see above).
func (c *checker) isTestDouble(n *types.Named) bool {
	if v, ok := c.doubles[n]; ok {
		return v
	}
	v := mockStruct(n) || doubleName(n.Obj().Name()) && !c.convertedInProduction(n)
	if c.doubles == nil {
		c.doubles = map[*types.Named]bool{}
	}
	c.doubles[n] = v
	return v
}

// doubleName reports whether name starts with a test-double prefix
// followed by an upper-case letter or nothing.
func doubleName(name string) bool {
	for i, p := range doublePrefixes {
		for _, q := range []string{p, strings.ToLower(p)} {
			if q != p && i >= 4 {
				continue
			}
			rest, ok := strings.CutPrefix(name, q)
			if !ok {
				continue
			}
			if rest == "" {
				return q == p
			}
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// mockStruct reports whether n embeds testify's mock.Mock or holds a
// gomock controller.
func mockStruct(n *types.Named) bool {
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		t := f.Type()
		if f.Embedded() && (locktypes.IsNamed(t, "github.com/stretchr/testify/mock", "Mock", false)) {
			return true
		}
		for _, pkg := range []string{"github.com/golang/mock/gomock", "go.uber.org/mock/gomock"} {
			if locktypes.IsNamed(t, pkg, "Controller", true) {
				return true
			}
		}
	}
	return false
}

// convertedInProduction reports whether n, a type of this package, is
// converted to an interface in a non-test file of the package, outside its
// own methods. A type of another package is never shown converted here.
func (c *checker) convertedInProduction(n *types.Named) bool {
	if n.Obj().Pkg() != c.pass.Pkg {
		return false
	}
	for _, fn := range c.srcList {
		if c.inTestFile(fn.Pos()) || ownMethod(fn, n) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				mi, ok := instr.(*ssa.MakeInterface)
				if !ok {
					continue
				}
				t := mi.X.Type()
				if p, ok := t.(*types.Pointer); ok {
					t = p.Elem()
				}
				if types.Identical(t, n) {
					return true
				}
			}
		}
	}
	return false
}

// inTestFile reports whether pos is in a _test.go file.
func (c *checker) inTestFile(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	f := c.pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// ownMethod reports whether fn is a method of n (or a closure in one).
func ownMethod(fn *ssa.Function, n *types.Named) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	recv := fn.Signature.Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.Identical(t, n)
}
