package analyzer

import (
	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// serverDesc says how the server recovers a panic in fn, a function with a
// request-type parameter: "around handler F" only for a real handler (a
// ServeHTTP-shaped func, or one taking just a -recovered-by request type);
// a function that merely takes a *http.Request runs inside a request.
func (c *checker) serverDesc(fn *ssa.Function, name, at string) string {
	if c.realHandler(fn) {
		return "recovered by the server around handler " + name + at
	}
	return "recovered by the server: " + name + " runs inside a request handled by the server" + at
}

func (c *checker) realHandler(fn *ssa.Function) bool {
	ps := fn.Signature.Params()
	if ps.Len() == 2 && locktypes.IsNamed(ps.At(0).Type(), "net/http", "ResponseWriter", false) &&
		locktypes.IsNamed(ps.At(1).Type(), "net/http", "Request", true) {
		return true
	}
	if ps.Len() == 1 {
		for _, rt := range c.cfg.RecoveredBy {
			if pkg, name, err := parseTypeName(rt); err == nil && locktypes.IsNamed(ps.At(0).Type(), pkg, name, false) {
				return true
			}
		}
	}
	return false
}

// ssaArtefact reports names that go/ssa gives the locals it makes, which
// a reader never wrote: a composite literal, variadic arguments.
func ssaArtefact(name string) bool {
	switch name {
	case "complit", "varargs", "slicelit", "new", "makeslice", "append":
		return true
	}
	return false
}
