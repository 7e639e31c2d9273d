package analyzer

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// Web frameworks. Most Go web frameworks (gin, echo, chi, gorilla/mux, ...)
// run their handlers inside a net/http handler, so a panic their own
// middleware does not catch is still recovered by the server's
// per-connection recover. Their handlers are recognised by the request
// they carry: a parameter of a type with a field Request *http.Request
// (gin's *Context) or a method Request() *http.Request (echo's Context).
//
// fiber runs on fasthttp, which does not recover (neither does fiber
// itself): a fiber handler is taken to run under a swallowing recover only
// in a package that visibly installs fiber's recover middleware (calls its
// New).

// frameworkHandler reports whether fn is the handler of a web framework
// whose panics are recovered, and by what.
func (c *checker) frameworkHandler(fn *ssa.Function) (string, bool) {
	sig := fn.Signature
	for j := 0; j < sig.Results().Len(); j++ {
		if locktypes.IsNamed(sig.Results().At(j).Type(), "net/http", "Response", true) {
			return "", false // client side
		}
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if carriesRequest(t) {
			return "the server", true
		}
		if isFiberCtx(t) && c.fiberRecovers() {
			return "fiber's recover middleware", true
		}
	}
	return "", false
}

// carriesRequest reports whether t carries a server's incoming request: a
// named type, or a pointer to one, with a field (declared, not embedded)
// or method Request of type *http.Request. The types of net/http itself
// (*http.Response has a field Request: the client's, also when embedded)
// and of test packages (recorders, fakes) are not request carriers.
func carriesRequest(t types.Type) bool {
	base := t
	if p, ok := t.(*types.Pointer); ok {
		base = p.Elem()
	}
	n, ok := types.Unalias(base).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	pkg := n.Obj().Pkg()
	if strings.HasPrefix(pkg.Path(), "net/http") || strings.HasSuffix(pkg.Name(), "test") {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, "Request")
	switch obj := obj.(type) {
	case *types.Var:
		// Not *http.Response's field (through embedding), nor an
		// embedded *http.Request: wrappers of the client's request
		// (retryablehttp.Request) embed it.
		return obj.IsField() && !obj.Embedded() && obj.Pkg() != nil && !strings.HasPrefix(obj.Pkg().Path(), "net/http") &&
			locktypes.IsNamed(obj.Type(), "net/http", "Request", true)
	case *types.Func:
		sig := obj.Signature()
		return sig.Params().Len() == 0 && sig.Results().Len() == 1 &&
			locktypes.IsNamed(sig.Results().At(0).Type(), "net/http", "Request", true)
	}
	return false
}

// isFiberCtx reports whether t is fiber's request context: *fiber.Ctx (v2)
// or fiber.Ctx (v3, an interface).
func isFiberCtx(t types.Type) bool {
	for _, pkg := range fiberPkgs {
		if locktypes.IsNamed(t, pkg, "Ctx", false) {
			return true
		}
	}
	return false
}

var fiberPkgs = []string{"github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3"}

// fiberRecovers reports whether the package calls fiber's recover
// middleware constructor (app.Use(recover.New())).
func (c *checker) fiberRecovers() bool {
	if c.ext != nil && c.ext.fiber != nil {
		return *c.ext.fiber
	}
	v := c.installsFiberRecover()
	if c.ext != nil {
		c.ext.fiber = &v
	}
	return v
}

func (c *checker) installsFiberRecover() bool {
	for id, obj := range c.pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Name() != "New" || fn.Pkg() == nil || id.Name != "New" {
			continue
		}
		for _, pkg := range fiberPkgs {
			if fn.Pkg().Path() == pkg+"/middleware/recover" {
				return true
			}
		}
	}
	return false
}
