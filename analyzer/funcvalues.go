package analyzer

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// Func values. A call through a func value is resolved to the functions
// the package shows can flow there:
//
//   - a function, a method value (x.M, its receiver bound), a func literal;
//   - a local variable assigned once, or on each branch, one of those;
//   - an unexported package-level variable, an unexported struct field or an
//     element of an unexported package-level map or slice (a dispatch table)
//     that the package only ever assigns known functions;
//   - the cancel function that context.WithCancel, WithTimeout or
//     WithDeadline returns (cannot panic);
//   - a func parameter of an unexported function that is only called
//     directly, when every call in the package passes a known function.
//
// Anything else (an exported field or variable, a value from another
// package, a parameter of an exported function) is unknown: the call is a
// panic point with no known effects. A function that calls its func
// parameter i (outside a swallowing recover) says so in its summary and
// facts (calls(i)); each call site binds the argument and adds what it does.

// target is a function a func value may denote, with the inputs the value
// binds: a method value's receiver, a func literal's free variables.
type target struct {
	fn     *ssa.Function
	frame  *ssa.Function // the function whose values recv and free are
	recv   ssa.Value     // bound receiver of a method value
	free   []ssa.Value   // a func literal's bindings
	cancel bool          // a context.CancelFunc: cannot panic, no effects
}

// inputs lays out the callee's inputs (params then free variables) for a
// call with args (nil: the arguments are not known here) made in caller.
func (t target) inputs(caller *ssa.Function, args []ssa.Value) []ssa.Value {
	n := t.fn.Signature.Params().Len()
	if t.fn.Signature.Recv() != nil {
		n++
	}
	in := make([]ssa.Value, n, n+len(t.fn.FreeVars))
	i := 0
	if t.recv != nil && n > 0 {
		if t.frame == caller {
			in[0] = t.recv
		}
		i = 1
	}
	for _, a := range args {
		if i < n {
			in[i] = a
		}
		i++
	}
	for j := range t.fn.FreeVars {
		var v ssa.Value
		if t.frame == caller && j < len(t.free) {
			v = t.free[j]
		}
		in = append(in, v)
	}
	return in
}

// funcFlow holds the package-wide part of func-value resolution.
type funcFlow struct {
	fields  map[*types.Var][]flowVal // unexported func-typed fields
	globals map[*ssa.Global][]flowVal
	tables  map[*ssa.Global][]flowVal // elements of map/slice tables
	unknown map[any]bool              // a field, global or table assigned something else
	params  map[*ssa.Function][][]flowVal
	taken   map[*ssa.Function]bool // used as a value, not only called
	convs   []types.Type           // concrete types converted to interfaces
	opened  map[types.Type]bool    // interfaces other interface values are converted or asserted to
}

// flowVal is a value stored or passed, in the function it appears in.
type flowVal struct {
	fn *ssa.Function
	v  ssa.Value
}

// flow scans the package once: stores into func-typed fields, variables and
// tables, arguments of func parameters, functions used as values, and the
// types converted to interfaces (for dispatch.go).
func (c *checker) flow() *funcFlow {
	if c.ff != nil {
		return c.ff
	}
	ff := &funcFlow{
		fields: map[*types.Var][]flowVal{}, globals: map[*ssa.Global][]flowVal{}, tables: map[*ssa.Global][]flowVal{},
		unknown: map[any]bool{}, params: map[*ssa.Function][][]flowVal{}, taken: map[*ssa.Function]bool{},
		opened: map[types.Type]bool{},
	}
	c.ff = ff
	funcs := c.srcList
	if c.ssaPkg != nil {
		if init := c.ssaPkg.Func("init"); init != nil {
			funcs = append(funcs[:len(funcs):len(funcs)], init)
			funcs = append(funcs, init.AnonFuncs...)
		}
	}
	seenConv := map[types.Type]bool{}
	// Tables: a map made or a slice literal stored into a package-level
	// variable; their element stores count for the variable.
	alias := map[ssa.Value]*ssa.Global{}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if g, ok := st.Addr.(*ssa.Global); ok && isTableType(g.Type()) {
						switch v := st.Val.(type) {
						case *ssa.MakeMap:
							alias[v] = g
						case *ssa.Slice:
							alias[v.X] = g
						default:
							if !isNilConst(v) {
								ff.unknown[g] = true
							}
						}
					}
				}
			}
		}
	}
	tableOf := func(v ssa.Value) *ssa.Global {
		if g, ok := alias[v]; ok {
			return g
		}
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			if g, ok := u.X.(*ssa.Global); ok {
				return g
			}
		}
		return nil
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					if !isFunc(in.Val.Type()) {
						break
					}
					switch addr := in.Addr.(type) {
					case *ssa.FieldAddr:
						if f := fieldOf(addr.X.Type(), addr.Field); f != nil {
							ff.fields[f] = append(ff.fields[f], flowVal{fn, in.Val})
						}
					case *ssa.Global:
						ff.globals[addr] = append(ff.globals[addr], flowVal{fn, in.Val})
					case *ssa.IndexAddr:
						if g := tableOf(addr.X); g != nil {
							ff.tables[g] = append(ff.tables[g], flowVal{fn, in.Val})
						}
					}
				case *ssa.MapUpdate:
					if g := tableOf(in.Map); g != nil && isFunc(in.Value.Type()) {
						ff.tables[g] = append(ff.tables[g], flowVal{fn, in.Value})
					}
				case *ssa.ChangeInterface:
					ff.opened[in.Type()] = true
				case *ssa.TypeAssert:
					ff.opened[in.AssertedType] = true
				case *ssa.MakeInterface:
					t := in.X.Type()
					if !isInterface(t) && !seenConv[t] {
						seenConv[t] = true
						ff.convs = append(ff.convs, t)
					}
				}
				if call, ok := instr.(ssa.CallInstruction); ok {
					cc := call.Common()
					if g, ok := cc.Value.(*ssa.Function); ok && c.src[g] {
						args := ff.params[g]
						if args == nil {
							args = make([][]flowVal, len(g.Params))
						}
						for i, a := range cc.Args {
							if i < len(args) && isFunc(a.Type()) {
								args[i] = append(args[i], flowVal{fn, a})
							}
						}
						ff.params[g] = args
					}
				}
				var ops [8]*ssa.Value
				for i, op := range instr.Operands(ops[:0]) {
					f, ok := (*op).(*ssa.Function)
					if !ok {
						continue
					}
					if call, ok := instr.(ssa.CallInstruction); ok && i == 0 && !call.Common().IsInvoke() && call.Common().Value == f {
						continue // called directly
					}
					ff.taken[origin(f)] = true
				}
			}
		}
	}
	return ff
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

func isTableType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		return isFunc(u.Elem())
	case *types.Slice:
		return isFunc(u.Elem())
	case *types.Array:
		return isFunc(u.Elem())
	}
	return false
}

// funcTargets resolves the func value v in fn; ok is false when some
// function that may flow there is not known.
func (c *checker) funcTargets(fn *ssa.Function, v ssa.Value) ([]target, bool) {
	return c.funcTargetsDepth(fn, v, 0)
}

func (c *checker) funcTargetsDepth(fn *ssa.Function, v ssa.Value, depth int) (ts []target, ok bool) {
	if depth > 6 || v == nil {
		return nil, false
	}
	vals := func(fvs []flowVal, key any) ([]target, bool) {
		if len(fvs) == 0 || c.flow().unknown[key] {
			return nil, false
		}
		var out []target
		for _, fv := range fvs {
			if isNilConst(fv.v) {
				continue
			}
			t, ok := c.funcTargetsDepth(fv.fn, fv.v, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, t...)
		}
		return out, true
	}
	switch x := v.(type) {
	case *ssa.Function:
		f := x
		if isWrapper(f) {
			m, ok := f.Object().(*types.Func)
			if !ok || len(f.FreeVars) > 0 {
				return nil, false
			}
			// A method expression (T).M: the receiver is the first argument.
			if f = fn.Prog.FuncValue(m); f == nil || isWrapper(f) {
				return nil, false
			}
		}
		return []target{{fn: origin(f), frame: fn}}, true
	case *ssa.MakeClosure:
		f, _ := x.Fn.(*ssa.Function)
		if f == nil {
			return nil, false
		}
		if strings.HasPrefix(f.Synthetic, "bound method wrapper") {
			m, ok := f.Object().(*types.Func)
			if !ok || len(x.Bindings) != 1 || isInterface(m.Signature().Recv().Type()) {
				return nil, false
			}
			g := fn.Prog.FuncValue(m)
			if g == nil || isWrapper(g) {
				return nil, false
			}
			return []target{{fn: origin(g), frame: fn, recv: x.Bindings[0]}}, true
		}
		if f.Synthetic != "" {
			return nil, false
		}
		return []target{{fn: origin(f), frame: fn, free: x.Bindings}}, true
	case *ssa.ChangeType:
		return c.funcTargetsDepth(fn, x.X, depth+1)
	case *ssa.Phi:
		var out []target
		for _, e := range x.Edges {
			if isNilConst(e) {
				continue
			}
			if e == ssa.Value(x) {
				continue
			}
			t, ok := c.funcTargetsDepth(fn, e, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, t...)
		}
		return out, true
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil, false
		}
		switch addr := x.X.(type) {
		case *ssa.Alloc:
			if st := singleStore(addr, false); st != nil {
				return c.funcTargetsDepth(fn, st.Val, depth+1)
			}
		case *ssa.FieldAddr:
			if f := fieldOf(addr.X.Type(), addr.Field); f != nil && !f.Exported() {
				return vals(c.flow().fields[f], f)
			}
		case *ssa.Global:
			if obj := addr.Object(); obj != nil && !obj.Exported() && addr.Pkg != nil && addr.Pkg.Pkg == c.pass.Pkg {
				return vals(c.flow().globals[addr], addr)
			}
		case *ssa.IndexAddr:
			if g := tableGlobal(addr.X); g != nil && !g.Object().Exported() && g.Pkg.Pkg == c.pass.Pkg {
				return vals(c.flow().tables[g], g)
			}
		}
	case *ssa.Lookup:
		if x.CommaOk {
			return nil, false
		}
		if g := tableGlobal(x.X); g != nil && !g.Object().Exported() && g.Pkg.Pkg == c.pass.Pkg {
			return vals(c.flow().tables[g], g)
		}
	case *ssa.Extract:
		if x.Index == 1 && isCancelCall(x.Tuple) {
			return []target{{cancel: true}}, true
		}
		if l, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 0 {
			if g := tableGlobal(l.X); g != nil && !g.Object().Exported() && g.Pkg.Pkg == c.pass.Pkg {
				return vals(c.flow().tables[g], g)
			}
		}
	case *ssa.Parameter:
		// An unexported function called only directly: its callers in this
		// package show every argument.
		if fn.Parent() != nil || fn.Object() == nil || fn.Object().Exported() || c.flow().taken[fn] || c.ifaceMethodName(fn) {
			return nil, false
		}
		args := c.flow().params[fn]
		for i, p := range fn.Params {
			if p == x && i < len(args) {
				return vals(args[i], nil)
			}
		}
	}
	return nil, false
}

func tableGlobal(v ssa.Value) *ssa.Global {
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if g, ok := x.X.(*ssa.Global); ok && g.Pkg != nil && g.Object() != nil && isTableType(g.Type()) {
				return g
			}
		}
	case *ssa.Global:
		if x.Pkg != nil && x.Object() != nil && isTableType(x.Type()) {
			return x
		}
	}
	return nil
}

// isCancelCall: a call of context.WithCancel, WithTimeout, WithDeadline
// (or their Cause forms), whose second result is a cancel func.
func isCancelCall(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	f := call.Call.StaticCallee()
	if f == nil || f.Pkg == nil || f.Pkg.Pkg.Path() != "context" {
		return false
	}
	return strings.HasPrefix(f.Name(), "With") && strings.Contains(f.Name(), "Cancel") ||
		strings.HasPrefix(f.Name(), "WithTimeout") || strings.HasPrefix(f.Name(), "WithDeadline")
}

// ifaceMethodName reports whether fn is a method whose name an interface of
// the package declares: it may be called through that interface.
func (c *checker) ifaceMethodName(fn *ssa.Function) bool {
	if fn.Signature.Recv() == nil {
		return false
	}
	if c.ifaceNames == nil {
		c.ifaceNames = map[string]bool{}
		for _, obj := range c.pass.TypesInfo.Defs {
			if f, ok := obj.(*types.Func); ok {
				if r := f.Signature().Recv(); r != nil && isInterface(r.Type()) {
					c.ifaceNames[f.Name()] = true
				}
			}
		}
	}
	return c.ifaceNames[fn.Name()]
}

// callTargets handles a call through the func value cc.Value (not an
// interface method): when the package shows every function that can flow
// there, the call is a call of each of them; it reports whether it did.
func (a *fnAnalysis) callTargets(st *state, instr ssa.Instruction, cc *ssa.CallCommon) bool {
	if a.c.stdPkg {
		// The standard library's facts classify calls of func values
		// themselves (dynamicStrong, stdCalls): no dispatch there, as for
		// interfaces.
		return false
	}
	ts, ok := a.c.funcTargets(a.fn, cc.Value)
	if !ok {
		return false
	}
	// A func parameter: each call site binds its own argument (calls(i)),
	// so what the arguments do is not this function's panic: only its own
	// sections around the call see them.
	_, param := cc.Value.(*ssa.Parameter)
	mayPanic, strong := a.mayPanic, a.strong
	for _, t := range ts {
		if t.cancel {
			continue
		}
		a.applyTarget(st, instr, cc.Pos(), t, t.inputs(a.fn, cc.Args), 0)
	}
	if param {
		a.mayPanic, a.strong = mayPanic, strong
	}
	return true
}

// bindCalls: the callee calls its func parameters s.calls; each argument
// that is a known function is called here, as far as this frame knows its
// inputs.
func (a *fnAnalysis) bindCalls(st *state, instr ssa.Instruction, pos token.Pos, s *summary, inputs []ssa.Value, depth int) {
	if depth > 2 {
		return
	}
	for _, i := range s.calls {
		if i >= len(inputs) || inputs[i] == nil {
			continue
		}
		ts, _ := a.c.funcTargets(a.fn, inputs[i])
		for _, t := range ts {
			if t.cancel {
				continue
			}
			a.applyTarget(st, instr, pos, t, t.inputs(a.fn, nil), depth+1)
		}
	}
}

// applyTarget is a call of t.fn at pos with inputs: a lock method value
// (lock(m.mu.Lock)) acquires or releases, any other function contributes
// its panic point and sections, as a static call would.
func (a *fnAnalysis) applyTarget(st *state, instr ssa.Instruction, pos token.Pos, t target, inputs []ssa.Value, depth int) {
	f := t.fn
	if f.Signature.Recv() != nil && t.recv != nil && t.frame == a.fn {
		if m, isLock := locktypes.Methods[f.Name()]; isLock && f.Signature.Params().Len() == 0 {
			if k := locktypes.KindOf(t.recv.Type(), a.c.cfg.PoisonImport); k != locktypes.None {
				a.applyLock(st, instr, pos, primitiveLockCall(a.fn, t.recv, m.Acquire, m.Write, k == locktypes.Poison))
				return
			}
		}
	}
	a.staticCall(st, instr, pos, f, inputs, "", depth)
}
