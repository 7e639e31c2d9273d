package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
	"github.com/lockpoison/lockpoison/analyzer/internal/source"
)

// Interface dispatch. A call through an interface method reaches the
// escaping sections of the implementations that can flow there, by this
// rule (precise on real code, never the whole dependency graph):
//
//   - the concrete types declared in the calling package,
//   - the concrete types declared in the package that declares the
//     interface,
//   - the concrete types that the calling package converts to an interface.
//
// A type that the calling package never names and that is not declared
// beside the interface does not count: a recovered handler calling
// io.Writer.Write does not reach every locked writer of every dependency.
// Only methods declared on the type itself count (not promoted ones), and
// not those of generic types. The call stays a panic point of its own (some
// implementation may be unknown). A section in an implementation of this
// package is reported at its Lock; one in another package at the interface
// call. Messages name the implementation: "... via (*ring).Put".

type implKey struct {
	m      *types.Func
	t      types.Type
	beside bool // the types declared beside the interface count
}

// impl is a method implementing an interface method: fn in this package,
// else only obj (its facts).
type impl struct {
	fn   *ssa.Function
	obj  *types.Func
	name string
}

// implementations lists the implementations of the method that cc invokes.
func (c *checker) implementations(cc *ssa.CallCommon) []impl {
	// A value returned by a function of a third package was made there:
	// the types beside the interface are no better guess than any other.
	beside := true
	if p := madeIn(cc.Value); p != nil && p != c.pass.Pkg {
		if n, ok := types.Unalias(cc.Value.Type()).(*types.Named); !ok || n.Obj().Pkg() != p {
			beside = false
		}
	}
	key := implKey{cc.Method, cc.Value.Type(), beside}
	if v, ok := c.impls[key]; ok {
		return v
	}
	if c.impls == nil {
		c.impls = map[implKey][]impl{}
	}
	var out []impl
	iface, ok := cc.Value.Type().Underlying().(*types.Interface)
	if ok && cc.Method != nil {
		for _, n := range c.implCandidates(cc.Value.Type(), beside) {
			if c.isTestDouble(n) {
				continue // testdoubles.go
			}
			var recv types.Type = n
			if !types.Implements(recv, iface) {
				if recv = types.NewPointer(n); !types.Implements(recv, iface) {
					continue
				}
			}
			sel := types.NewMethodSet(recv).Lookup(cc.Method.Pkg(), cc.Method.Name())
			if sel == nil || len(sel.Index()) != 1 {
				continue
			}
			obj, ok := sel.Obj().(*types.Func)
			if !ok {
				continue
			}
			im := impl{obj: obj, name: c.methodName(obj)}
			if obj.Pkg() == c.pass.Pkg {
				if im.fn = c.ssaPkg.Prog.FuncValue(obj); im.fn == nil {
					continue
				}
			}
			out = append(out, im)
		}
	}
	c.impls[key] = out
	return out
}

// implCandidates: the named concrete types of the calling package, of the
// interface's package, and those the calling package converts.
func (c *checker) implCandidates(it types.Type, beside bool) []*types.Named {
	var out []*types.Named
	seen := map[*types.Named]bool{}
	add := func(t types.Type) {
		n := locktypes.Named(t)
		if n == nil || seen[n] || n.TypeParams().Len() > 0 || n.TypeArgs().Len() > 0 || isInterface(n) {
			return
		}
		seen[n] = true
		out = append(out, n)
	}
	addScope := func(p *types.Package) {
		scope := p.Scope()
		for _, name := range scope.Names() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
				add(tn.Type())
			}
		}
	}
	addScope(c.pass.Pkg)
	if n, ok := types.Unalias(it).(*types.Named); ok && beside && n.Obj().Pkg() != nil && n.Obj().Pkg() != c.pass.Pkg {
		addScope(n.Obj().Pkg())
	}
	for _, t := range c.flow().convs {
		add(t)
	}
	return out
}

// methodName is "(*ring).Put", qualified when in another package.
func (c *checker) methodName(obj *types.Func) string {
	qual := func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		return p.Name()
	}
	t := obj.Signature().Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		return "(*" + types.TypeString(p.Elem(), qual) + ")." + obj.Name()
	}
	return types.TypeString(t, qual) + "." + obj.Name()
}

// dispatch returns the sections that the implementations reached by the
// interface call cc leave behind, in this frame.
func (a *fnAnalysis) dispatch(cc *ssa.CallCommon) []section {
	if !a.emit || a.c.isStdPkg() {
		return nil
	}
	var escs []section
	for _, im := range a.c.implementations(cc) {
		var s *summary
		from := ""
		if im.fn != nil {
			s = a.c.summaryOf(im.fn)
		} else {
			s = a.c.factSummary(im.obj)
			from = im.obj.Pkg().Path()
		}
		if s == nil || len(s.escapes) == 0 {
			continue
		}
		inputs := append([]ssa.Value{cc.Value}, cc.Args...)
		for _, e := range a.translateEscapes(s, from, cc.Value, inputs, cc.Pos(), im.name) {
			e.dispatch = true
			escs = append(escs, e)
		}
	}
	return escs
}

// extraSuccs are the call-graph edges that are not static calls: the
// functions a func value resolves to and the implementations of this
// package reached through an interface, so that their summaries are
// computed first.
func (c *checker) extraSuccs(fn *ssa.Function, instr ssa.Instruction) []*ssa.Function {
	var out []*ssa.Function
	switch in := instr.(type) {
	case ssa.CallInstruction:
		cc := in.Common()
		if cc.IsInvoke() {
			if c.isStdPkg() {
				return nil
			}
			for _, im := range c.implementations(cc) {
				if im.fn != nil && c.src[im.fn] {
					out = append(out, im.fn)
				}
			}
			return out
		}
		if cc.StaticCallee() == nil {
			ts, _ := c.funcTargets(fn, cc.Value)
			for _, t := range ts {
				if t.fn != nil && c.src[t.fn] {
					out = append(out, t.fn)
				}
			}
		}
	case *ssa.MakeClosure:
		// A method value: the method itself.
		if f, ok := in.Fn.(*ssa.Function); ok && strings.HasPrefix(f.Synthetic, "bound method wrapper") {
			if m, ok := f.Object().(*types.Func); ok && !isInterface(m.Signature().Recv().Type()) {
				if g := origin(fn.Prog.FuncValue(m)); g != nil && c.src[g] {
					out = append(out, g)
				}
			}
		}
	}
	return out
}

// foreignPkg is the path of f's package when it is not this one.
func (c *checker) foreignPkg(f *ssa.Function) string {
	if f.Pkg != nil && f.Pkg.Pkg != c.pass.Pkg {
		return f.Pkg.Pkg.Path()
	}
	if f.Pkg == nil {
		if obj, ok := f.Object().(*types.Func); ok && obj.Pkg() != nil && obj.Pkg() != c.pass.Pkg {
			return obj.Pkg().Path()
		}
	}
	return ""
}

// isStdPkg caches isStd: interface dispatch is off in the standard library,
// whose sections are not exported and whose interfaces are everywhere.
func (c *checker) isStdPkg() bool {
	if c.std == 0 {
		c.std = -1
		if c.isStd() {
			c.std = 1
		}
	}
	return c.std == 1
}

// dispatchNeedsSSA reports, for the fast path, whether obj is an interface
// method from another package that an implementation declared beside it
// may reach with an escaping section: the package then needs the full
// analysis even without locks or recovers of its own.
func (c *checker) dispatchNeedsSSA(obj *types.Func) bool {
	recv := obj.Signature().Recv()
	if recv == nil || !isInterface(recv.Type()) || obj.Pkg() == nil || obj.Pkg() == c.pass.Pkg {
		return false
	}
	if c.dispatchSeen == nil {
		if c.isStdPkg() {
			return false
		}
		c.dispatchSeen = map[*types.Func]bool{}
	}
	if v, ok := c.dispatchSeen[obj]; ok {
		return v
	}
	v := c.dispatchReaches(obj)
	c.dispatchSeen[obj] = v
	return v
}

func (c *checker) dispatchReaches(obj *types.Func) bool {
	scope := obj.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || isInterface(tn.Type()) {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && c.isTestDouble(n) {
			continue
		}
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			sel := types.NewMethodSet(t).Lookup(obj.Pkg(), obj.Name())
			if sel == nil || len(sel.Index()) != 1 {
				continue
			}
			if m, ok := sel.Obj().(*types.Func); ok {
				if s := c.factSummary(m); s != nil && len(s.escapes) > 0 {
					return true
				}
			}
		}
	}
	return false
}

// madeIn is the package of the function whose result v is, if it is one.
func madeIn(v ssa.Value) *types.Package {
	for range 4 {
		switch x := v.(type) {
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.Extract:
			v = x.Tuple
		case *ssa.Call:
			if f := x.Call.StaticCallee(); f != nil {
				if obj, ok := f.Object().(*types.Func); ok {
					return obj.Pkg()
				}
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}

// recvText is the receiver of the method call whose Lparen is pos, as the
// source writes it ("newCache()"), or "" when it is not a method call.
func (c *checker) recvText(pos token.Pos) string {
	if call, ok := c.syntax.NodeAt(pos).(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if _, isSel := c.pass.TypesInfo.Selections[sel]; isSel {
				return source.Shorten(types.ExprString(sel.X))
			}
		}
	}
	return ""
}

// closedInterface: a call through an unexported interface of this package
// that no other interface value is converted or asserted to has no
// implementations but those this package converts to it; the call panics
// as they do (noPanic when none can, strong when one can strongly).
func (c *checker) closedInterface(cc *ssa.CallCommon) (closed, noPanic, strong bool) {
	if c.isStdPkg() {
		return false, false, false
	}
	n, ok := types.Unalias(cc.Value.Type()).(*types.Named)
	if !ok || n.Obj().Pkg() != c.pass.Pkg || n.Obj().Exported() || n.TypeParams().Len() > 0 || c.flow().opened[n] {
		return false, false, false
	}
	noPanic = true
	for _, im := range c.implementations(cc) {
		if im.fn == nil {
			return false, false, false
		}
		s := c.summaryOf(im.fn)
		noPanic = noPanic && s.noPanic
		strong = strong || s.strong
	}
	return true, noPanic, strong
}
