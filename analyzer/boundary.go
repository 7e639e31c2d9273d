package analyzer

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// coverArg marks the function that value v denotes (a func literal, a
// function, a method value) as running under the recover of callee.
func (c *checker) coverArg(fn *ssa.Function, v ssa.Value, callee *ssa.Function, site token.Pos) {
	var target *ssa.Function
	switch x := v.(type) {
	case *ssa.Function:
		target = x
	case *ssa.MakeClosure:
		target, _ = x.Fn.(*ssa.Function)
		if target != nil && isWrapper(target) {
			if m, ok := target.Object().(*types.Func); ok {
				target = fn.Prog.FuncValue(m)
			}
		}
	case *ssa.ChangeType:
		c.coverArg(fn, x.X, callee, site)
		return
	}
	target = origin(target)
	if target == nil || !c.src[target] {
		return
	}
	if _, ok := c.covers[target]; ok {
		return
	}
	pos := site
	if !pos.IsValid() {
		pos = fn.Pos()
	}
	c.covers[target] = recoverSite{pos: pos, desc: "recovered in " + c.syntax.FuncName(callee) + " (" + c.syntax.Loc(pos) + ")"}
}

// boundaryFunc reports whether f is listed in -boundaries or is a
// //lockpoison:boundary function.
func (c *checker) boundaryFunc(f *ssa.Function) bool {
	if c.boundaryDirective(f) {
		return true
	}
	if len(c.cfg.Boundaries) == 0 {
		return false
	}
	obj, ok := f.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return false
	}
	for _, b := range c.cfg.Boundaries {
		fnm, err := parseFuncName(b)
		if err != nil || fnm.pkg != obj.Pkg().Path() || fnm.name != obj.Name() {
			continue
		}
		if locktypes.RecvName(obj) == fnm.recv {
			return true
		}
	}
	return false
}

// contextBoundary tells whether fn runs under a recover it does not show:
// a net/http handler, a handler of a -recovered-by request type, a
// -boundaries function, an exported function under
// -assume-recovered=exported, or a func value passed to a recovering
// wrapper. It returns the site for messages.
func (c *checker) contextBoundary(fn *ssa.Function) (recoverSite, bool) {
	if rs, ok := c.covers[fn]; ok {
		return rs, true
	}
	name := c.syntax.FuncName(fn)
	at := " (" + c.syntax.Loc(fn.Pos()) + ")"
	if c.isHandler(fn) {
		return recoverSite{pos: fn.Pos(), desc: c.serverDesc(fn, name, at)}, true
	}
	if by, ok := c.frameworkHandler(fn); ok {
		return recoverSite{pos: fn.Pos(), desc: "recovered by " + by + " around handler " + name + at}, true
	}
	if rs, ok := c.directiveBoundary(fn); ok {
		return rs, true
	}
	if c.boundaryFunc(fn) {
		return recoverSite{pos: fn.Pos(), desc: "recovered by -boundaries function " + name + at}, true
	}
	if c.libraryEntry(fn) {
		return recoverSite{pos: fn.Pos(), desc: libraryDesc + name + at}, true
	}
	return recoverSite{}, false
}

func exportedRecv(obj *types.Func) bool {
	recv := obj.Signature().Recv()
	if recv == nil {
		return true
	}
	n := locktypes.Named(recv.Type())
	return n != nil && n.Obj().Exported()
}

// isHandler: fn has a parameter of a request type: *net/http.Request
// (outside net/http itself, and not on the client side: no
// *http.Response result, not RoundTrip), or a -recovered-by type.
func (c *checker) isHandler(fn *ssa.Function) bool {
	sig := fn.Signature
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if locktypes.IsNamed(t, "net/http", "Request", true) {
			if c.pass.Pkg.Path() == "net/http" || fn.Name() == "RoundTrip" {
				continue
			}
			client := false
			for j := 0; j < sig.Results().Len(); j++ {
				if locktypes.IsNamed(sig.Results().At(j).Type(), "net/http", "Response", true) {
					client = true
				}
			}
			if !client {
				return true
			}
		}
		for _, rt := range c.cfg.RecoveredBy {
			pkg, name, err := parseTypeName(rt)
			if err == nil && locktypes.IsNamed(t, pkg, name, false) {
				return true
			}
		}
	}
	return false
}

// reportCovered reports the sections that escape functions running under
// a context boundary.
func (c *checker) reportCovered(funcs []*ssa.Function) {
	// In library mode, of the entry points reaching a section, the one
	// reaching it through the fewest calls is named.
	type libFinding struct {
		f     *finding
		depth int
	}
	lib := map[findingKey]libFinding{}
	var order []findingKey
	for _, fn := range funcs {
		full := c.full[fn]
		if len(full) == 0 {
			continue
		}
		rs, ok := c.contextBoundary(fn)
		if !ok {
			continue
		}
		rs.fn = fn
		library := strings.HasPrefix(rs.desc, libraryDesc)
		for _, e := range full {
			if library && !e.pos.IsValid() && e.from != "" && !libraryExcluded(e.from) {
				continue // reported in its own package
			}
			if c.freshAt(fn, e.p, nil) {
				continue // an object fn made and kept to itself (fresh.go)
			}
			l := e.reached()
			check := CheckTornState
			if e.held {
				check = CheckLockLeak
			}
			f := &finding{check: check, lock: l, panic: e.panic, recoverPos: rs.pos, recoverFn: fn, recoverDesc: rs.desc}
			if !library {
				c.report(f)
				continue
			}
			k := findingKey{f.at(), check, ""}
			if !f.lock.pos.IsValid() {
				k.loc = f.lock.loc
			}
			if old, ok := lib[k]; !ok || e.depth < old.depth {
				if !ok {
					order = append(order, k)
				}
				lib[k] = libFinding{f, e.depth}
			}
		}
	}
	for _, k := range order {
		c.report(lib[k].f)
	}
}

const libraryDesc = "assumed recovered by a caller of exported "
