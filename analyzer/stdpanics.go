package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// What "may panic" means for the standard library.
//
// A panic point is strong when a correct caller can hit it: the callee runs
// code the caller passed (a call through a func parameter or an interface
// argument), or panics on a condition that such code or a channel decided,
// or panics unconditionally. It is weak when only a broken contract or an
// invariant of the callee decides it:
//   - a runtime panic (bounds, nil, division, closed channel) or a failing
//     type assertion;
//   - an explicit panic whose deciding branch tests only what the function
//     computes from its inputs and state (no channel receive, no call
//     through an interface or func value in the condition): argument
//     validation such as strconv's "illegal base", time's "Stop called on
//     uninitialized Timer", regexp.MustCompile's bad pattern; or the default
//     of a switch (an assertion that the cases are exhaustive); and the
//     calls made only to build such a panic's value;
//   - a call through an interface or func value that only the standard
//     library provides: a sealed type (an interface with an unexported
//     method, a named type that is unexported or internal), a field of such
//     a type, or what the receiver was configured with (sync.Pool's New).
//
// In the standard library weak panic points are ignored: a std function is
// exported with "cannot panic" when it has no strong panic point,
// transitively, and with "calls(i)" when its only strong panic points are
// calls of its func parameter i (slices.SortFunc, sync.(*Once).Do): a call
// passing a function that cannot panic is then no panic point either.
// fmt.Sprintf, strconv.Itoa, (*big.Int).String, (*time.Timer).Stop,
// sync.(*Cond).Broadcast cannot panic; sort.Slice (it calls less), io.Copy
// and fmt.Fprintf (they call Read and Write) can. The rule keeps facts
// sparse: it only turns "may panic" (no fact) into "cannot panic" or
// "calls(i)" for exported functions. Outside the standard library every
// panic point counts.

// explicitStrong reports whether the explicit panic p is a strong panic
// point: everywhere except, in the standard library, a precondition check.
func (a *fnAnalysis) explicitStrong(p *ssa.Panic) bool {
	return !a.c.stdPkg || !precondition(p)
}

// dynamicStrong reports whether a call through an interface or func value
// is a strong panic point: everywhere except, in the standard library, a
// call whose callee only the standard library can provide (sealed).
//
// In the standard library a dynamic call is strong only when the caller
// passes the code it runs: the func value or interface comes from a
// parameter other than the receiver (sort.Slice's less, io.Copy's Reader,
// fmt.Fprintf's Writer, sync.Once.Do's f), and its type is not sealed. What
// the receiver was configured with (sync.Pool's New, a bufio.Writer's
// Writer) is the std object's own contract.
func (a *fnAnalysis) dynamicStrong(cc *ssa.CallCommon) bool {
	if !a.c.stdPkg {
		return true
	}
	if sealedType(cc.Value.Type()) || !a.fromArgument(cc.Value) || sealedField(cc.Value) {
		return false
	}
	if i := a.paramIndex(cc.Value); i >= 0 && i < 63 {
		// A call of a func parameter: as strong as what callers pass
		// (see argsStrong).
		a.sum.stdCalls |= 1 << i
		return false
	}
	return true
}

// paramIndex is the index of the parameter v is (or is a field of), or -1.
func (a *fnAnalysis) paramIndex(v ssa.Value) int {
	for i := 0; i < 4; i++ {
		switch x := v.(type) {
		case *ssa.Parameter:
			for j, p := range a.fn.Params {
				if p == x {
					return j
				}
			}
			return -1
		case *ssa.Field:
			v = x.X
		default:
			return -1
		}
	}
	return -1
}

// argsNoPanic reports whether the func arguments that a standard library
// callee calls (bits of calls; it cannot panic otherwise) cannot panic:
// nil, or functions and closures whose summary says so
// (slices.SortFunc(s, func(a, b T) int { return a.n - b.n })).
func (a *fnAnalysis) argsNoPanic(calls uint64, inputs []ssa.Value) bool {
	for i, in := range inputs {
		if i >= 63 || calls&(1<<i) == 0 {
			continue
		}
		f, isNil := argFunc(in)
		if isNil {
			continue
		}
		if f == nil || isWrapper(f) || !a.c.summaryOf(f).noPanic {
			return false
		}
	}
	return true
}

// argFunc is the function a func argument is, when the call shows it (a
// function or a closure); isNil: the argument is a constant (nil).
func argFunc(in ssa.Value) (f *ssa.Function, isNil bool) {
	switch v := in.(type) {
	case *ssa.Function:
		return v, false
	case *ssa.MakeClosure:
		f, _ = v.Fn.(*ssa.Function)
		return f, false
	case *ssa.Const:
		return nil, true
	}
	return nil, false
}

// argsStrong reports whether a callee of the standard library that calls
// its func parameters (bits of calls) may panic strongly with the
// arguments of this call: a known function or closure passes on its own
// strength, an argument of the caller makes the caller call it in turn.
func (a *fnAnalysis) argsStrong(calls uint64, inputs []ssa.Value) bool {
	for i, in := range inputs {
		if i >= 63 || calls&(1<<i) == 0 {
			continue
		}
		f, isNil := argFunc(in)
		if isNil {
			continue
		}
		if f != nil {
			if s := a.c.summaryOf(f); !s.noPanic && (s.strong || s.stdCalls != 0) {
				return true
			}
			continue
		}
		if j := a.paramIndex(in); j >= 0 && j < 63 && a.fromArgument(in) {
			a.sum.stdCalls |= 1 << j
			continue
		}
		return true
	}
	return false
}

// fromArgument reports whether v derives from a parameter other than the
// receiver, or from a variable captured by a closure.
func (a *fnAnalysis) fromArgument(v ssa.Value) bool {
	for i := 0; i < 16; i++ {
		switch x := v.(type) {
		case *ssa.Parameter:
			return a.fn.Signature.Recv() == nil || len(a.fn.Params) == 0 || x != a.fn.Params[0]
		case *ssa.FreeVar:
			return true
		case *ssa.Phi:
			for _, e := range x.Edges {
				if e != x && a.fromArgument1(e) {
					return true
				}
			}
			return false
		case *ssa.Field:
			v = x.X
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.UnOp:
			v = x.X
		case *ssa.Index:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		case *ssa.TypeAssert:
			v = x.X
		case *ssa.Extract:
			if ta, ok := x.Tuple.(*ssa.TypeAssert); ok {
				v = ta.X
			} else {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// fromArgument1 is fromArgument without following phis (no cycles).
func (a *fnAnalysis) fromArgument1(v ssa.Value) bool {
	if _, ok := v.(*ssa.Phi); ok {
		return true // conservative
	}
	return a.fromArgument(v)
}

// sealedType reports whether only the standard library can provide values
// of the interface or func type t: an interface with an unexported method
// (reflect.Type), or a named type that is unexported or declared in an
// internal package.
func sealedType(t types.Type) bool {
	if n, ok := types.Unalias(t).(*types.Named); ok {
		obj := n.Obj()
		if !obj.Exported() || obj.Pkg() != nil && internalPath(obj.Pkg().Path()) {
			return true
		}
	}
	if it, ok := t.Underlying().(*types.Interface); ok {
		for i := 0; i < it.NumMethods(); i++ {
			if !it.Method(i).Exported() {
				return true
			}
		}
	}
	return false
}

// sealedField reports whether v is loaded from a field of a struct type
// that only the standard library makes (unexported or internal).
func sealedField(v ssa.Value) bool {
	for i := 0; i < 8; i++ {
		var x ssa.Value
		switch y := v.(type) {
		case *ssa.UnOp:
			v = y.X
			continue
		case *ssa.FieldAddr:
			x = y.X
		case *ssa.Field:
			x = y.X
		default:
			return false
		}
		t := x.Type()
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		if _, ok := types.Unalias(t).(*types.Named); ok && sealedType(t) {
			return true
		}
		v = x
	}
	return false
}

// internalPath: "internal/sync", "net/http/internal", "vendor/...".
func internalPath(p string) bool {
	return strings.HasPrefix(p, "internal/") || strings.Contains(p, "/internal/") || strings.HasSuffix(p, "/internal") ||
		strings.HasPrefix(p, "vendor/")
}

// failurePath reports whether block b ends in a precondition panic: what
// it calls only computes the panic's value.
func failurePath(b *ssa.BasicBlock) bool {
	p, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Panic)
	return ok && precondition(p)
}

// precondition reports whether the branch that decides whether p runs
// tests only the function's inputs.
func precondition(p *ssa.Panic) bool {
	for b := p.Block(); b != nil && b.Idom() != nil; b = b.Idom() {
		idom := b.Idom()
		ifi, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if !idom.Succs[0].Dominates(b) && !idom.Succs[1].Dominates(b) {
			continue // both branches lead here: not the deciding branch
		}
		return inputOnly(ifi.Cond, map[ssa.Value]bool{}, 0)
	}
	return false
}

// inputOnly reports whether v is computed by the function's own code from
// its inputs and state: no value received from a channel and no result of
// a call through an interface or func value (code of the caller's) flows
// into it. Such a condition decides a panic by the contract with the
// caller (arguments, receiver state) or by the callee's own invariants.
func inputOnly(v ssa.Value, seen map[ssa.Value]bool, depth int) bool {
	if depth > 16 || seen[v] {
		return true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.ARROW {
			return false
		}
	case *ssa.Call:
		if v.Call.IsInvoke() {
			return false
		}
		if _, ok := v.Call.Value.(*ssa.Builtin); !ok && v.Call.StaticCallee() == nil {
			return false
		}
	case *ssa.Alloc:
		// A local whose address is taken: what is stored into it.
		for _, r := range *v.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == v && !inputOnly(st.Val, seen, depth+1) {
				return false
			}
		}
		return true
	}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return true // parameters, free variables, constants, globals, functions
	}
	var buf [8]*ssa.Value
	for _, op := range instr.Operands(buf[:0]) {
		if *op != nil && !inputOnly(*op, seen, depth+1) {
			return false
		}
	}
	return true
}

// stdBodyNoPanic is bodyNoPanic for the standard library: only strong
// panic points count (see above).
// It also returns the bits of the func parameters the body calls (a call
// of a parameter is as strong as what callers pass: see argsStrong).
func (c *checker) stdBodyNoPanic(fd *ast.FuncDecl, local func(*types.Func) bool, localCalls map[*types.Func]uint64) (bool, uint64) {
	info := c.pass.TypesInfo
	params := map[types.Object]bool{}
	index := map[types.Object]int{}
	for _, fl := range []*ast.FieldList{fd.Recv, fd.Type.Params, fd.Type.Results} {
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			for _, n := range f.Names {
				params[info.Defs[n]] = true
				if fl == fd.Type.Params {
					index[info.Defs[n]] = len(index)
				}
			}
		}
	}
	if fd.Recv != nil {
		for k, v := range index {
			index[k] = v + 1 // SSA numbering: the receiver is input 0
		}
	}
	var bits uint64
	// paramOf: the parameter index e names, or -1.
	paramOf := func(e ast.Expr) int {
		if id, isID := ast.Unparen(e).(*ast.Ident); isID {
			if i, found := index[info.Uses[id]]; found && i < 63 {
				return i
			}
		}
		return -1
	}
	// calleeOf: the function a call statically calls, or nil.
	calleeOf := func(call *ast.CallExpr) *types.Func {
		fun := ast.Unparen(call.Fun)
		if ix, isIx := fun.(*ast.IndexExpr); isIx {
			fun = ix.X
		} else if ix, isIx := fun.(*ast.IndexListExpr); isIx {
			fun = ix.X
		}
		var id *ast.Ident
		switch f := fun.(type) {
		case *ast.Ident:
			id = f
		case *ast.SelectorExpr:
			if sel := info.Selections[f]; sel != nil && (sel.Kind() != types.MethodVal || isInterface(sel.Recv())) {
				return nil
			}
			id = f.Sel
		}
		if id == nil {
			return nil
		}
		obj, _ := info.Uses[id].(*types.Func)
		if obj != nil {
			obj = obj.Origin()
		}
		return obj
	}
	// argsOK: the arguments at the callee's called parameters cannot
	// panic strongly (nil, a function that cannot, a parameter passed on).
	argsOK := func(call *ast.CallExpr, cb uint64, recv bool) bool {
		for i, arg := range call.Args {
			j := i
			if recv {
				j++
			}
			if cb != inProgress && (j >= 63 || cb&(1<<j) == 0) {
				continue
			}
			if _, isFunc := info.TypeOf(arg).Underlying().(*types.Signature); !isFunc && cb == inProgress {
				continue
			}
			if tv, isNil := info.Types[arg]; isNil && tv.IsNil() {
				continue
			}
			if p := paramOf(arg); p >= 0 {
				bits |= 1 << p
				continue
			}
			if lit, isLit := ast.Unparen(arg).(*ast.FuncLit); isLit {
				if ok, b := c.stdBodyNoPanic(&ast.FuncDecl{Name: fd.Name, Type: lit.Type, Body: lit.Body}, local, localCalls); ok && b == 0 {
					continue
				}
			}
			id, isID := ast.Unparen(arg).(*ast.Ident)
			if sel, isSel := ast.Unparen(arg).(*ast.SelectorExpr); isSel && info.Selections[sel] == nil {
				id, isID = sel.Sel, true // a function of another package: unicode.ToLower
			}
			if isID {
				if f, isF := info.Uses[id].(*types.Func); isF {
					f = f.Origin()
					if f.Pkg() == c.pass.Pkg && local(f) || f.Pkg() != c.pass.Pkg && c.factSummary(f) != nil && c.factSummary(f).noPanic {
						continue
					}
				}
			}
			return false
		}
		return true
	}
	// Local func variables assigned only func literals and functions.
	closures := map[types.Object]bool{}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if !isAssign {
			return true
		}
		for i, l := range as.Lhs {
			id, isID := l.(*ast.Ident)
			if !isID {
				continue
			}
			obj := info.ObjectOf(id)
			if obj == nil || params[obj] {
				continue
			}
			if _, isFunc := obj.Type().Underlying().(*types.Signature); !isFunc {
				continue
			}
			known := len(as.Lhs) == len(as.Rhs)
			if known {
				switch r := ast.Unparen(as.Rhs[i]).(type) {
				case *ast.FuncLit:
				case *ast.Ident:
					_, known = info.Uses[r].(*types.Func)
				default:
					known = false
				}
			}
			if v, seen := closures[obj]; !seen || v {
				closures[obj] = known
			}
		}
		return true
	})
	closureVar := func(e ast.Expr) bool {
		id, isID := ast.Unparen(e).(*ast.Ident)
		return isID && closures[info.Uses[id]]
	}
	ok := true
	var stack []ast.Node
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			// Closures are checked where they are written: a call through
			// a local variable holding one is then no panic point.
		case *ast.DeferStmt, *ast.GoStmt:
			var call *ast.CallExpr
			if d, isDefer := n.(*ast.DeferStmt); isDefer {
				call = d.Call
			} else {
				call = n.(*ast.GoStmt).Call
			}
			stack = append(stack, n)
			for _, a := range call.Args {
				ast.Inspect(a, visit)
			}
			stack = stack[:len(stack)-1]
			return false
		case *ast.CallExpr:
			if id, isID := ast.Unparen(n.Fun).(*ast.Ident); isID {
				if bi, isBI := info.Uses[id].(*types.Builtin); isBI {
					switch bi.Name() {
					case "panic":
						ok = c.preconditionSyntax(append(stack, n), params)
					}
					break
				}
			}
			if p := paramOf(n.Fun); p >= 0 {
				bits |= 1 << p
				break
			}
			if !c.callNoPanic(n, local) {
				f := calleeOf(n)
				var cb uint64
				if f != nil && f.Pkg() == c.pass.Pkg {
					cb = localCalls[f]
				} else if f != nil {
					if s := c.factSummary(f); s != nil {
						cb = s.stdCalls
					}
				}
				if f == nil {
					ok = closureVar(n.Fun) || !c.dynamicStrongSyntax(n.Fun, params, index)
				} else if cb == 0 || !argsOK(n, cb, f.Signature().Recv() != nil) {
					ok = false
				}
			}
		case *ast.RangeStmt:
			if _, isFunc := info.TypeOf(n.X).Underlying().(*types.Signature); isFunc {
				ok = false
			}
		case *ast.IfStmt:
			// "if haveArch { return arch(x) }" with a constant condition:
			// the branch not taken is dead.
			if tv, isConst := info.Types[n.Cond]; isConst && tv.Value != nil && tv.Value.Kind() == constant.Bool {
				stack = append(stack, n)
				if n.Init != nil {
					ast.Inspect(n.Init, visit)
				}
				if constant.BoolVal(tv.Value) {
					ast.Inspect(n.Body, visit)
				} else if n.Else != nil {
					ast.Inspect(n.Else, visit)
				}
				stack = stack[:len(stack)-1]
				return false
			}
		}
		if !ok {
			return false
		}
		stack = append(stack, n)
		return true
	}
	ast.Inspect(fd.Body, visit)
	return ok, bits
}

// dynamicStrongSyntax is dynamicStrong on the syntax: a call through a
// value of a sealed type, or of a field of a sealed type, or rooted at the
// receiver or a package-level variable, is weak.
func (c *checker) dynamicStrongSyntax(fun ast.Expr, params map[types.Object]bool, index map[types.Object]int) bool {
	info := c.pass.TypesInfo
	fun = ast.Unparen(fun)
	if t := info.TypeOf(fun); t == nil || sealedType(t) {
		return t == nil
	}
	e := fun
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if t := info.TypeOf(x.X); t != nil {
				if p, isPtr := t.Underlying().(*types.Pointer); isPtr {
					t = p.Elem()
				}
				if _, isNamed := types.Unalias(t).(*types.Named); isNamed && !isInterface(t) && sealedType(t) {
					return false // a field of a type only the standard library makes
				}
				if sel := info.Selections[x]; sel != nil && sel.Kind() == types.MethodVal && isInterface(sel.Recv()) && sealedType(sel.Recv()) {
					return false
				}
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			obj := info.Uses[x]
			if v, isVar := obj.(*types.Var); isVar && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				return false // a package-level variable: the package's own
			}
			if params[obj] {
				_, isArg := index[obj]
				return isArg // the receiver's own configuration is weak
			}
			return true
		default:
			return true
		}
	}
}

// inProgress marks a function whose called parameters are being computed.
const inProgress = 1 << 63

// preconditionSyntax is precondition on the syntax: the panic call is in
// the body of an if statement whose condition uses only the function's
// inputs. path is the stack of nodes enclosing the call, outermost first.
func (c *checker) preconditionSyntax(path []ast.Node, params map[types.Object]bool) bool {
	for i := len(path) - 2; i >= 0; i-- {
		switch n := path[i].(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if path[i+1] == n.Body || path[i+1] == n.Else {
				return c.inputOnlySyntax(n.Cond, params)
			}
		case *ast.CaseClause:
			// "default: panic(...)": an assertion that the cases are
			// exhaustive.
			return n.List == nil
		case *ast.CommClause, *ast.ForStmt, *ast.RangeStmt:
			return false
		}
	}
	return false
}

// inputOnlySyntax: inputOnly on an expression.
func (c *checker) inputOnlySyntax(e ast.Expr, params map[types.Object]bool) bool {
	info := c.pass.TypesInfo
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		case *ast.FuncLit:
			ok = false
		case *ast.CallExpr:
			if tv, isT := info.Types[n.Fun]; isT && (tv.IsType() || tv.IsBuiltin()) {
				break
			}
			if sel, isSel := ast.Unparen(n.Fun).(*ast.SelectorExpr); isSel {
				if s := info.Selections[sel]; s != nil && (s.Kind() != types.MethodVal || isInterface(s.Recv())) {
					ok = false // a call through an interface or a func field
				}
			} else if id, isID := ast.Unparen(n.Fun).(*ast.Ident); isID {
				if _, isVar := info.Uses[id].(*types.Var); isVar {
					ok = false // a call through a func value
				}
			}
		}
		return ok
	})
	return ok
}

// stdPackage reports whether pkg is in the standard library: its analysis
// exported a stdFact.
func (c *checker) stdPackage(pkg *types.Package) bool {
	if v, ok := c.stdPkgs[pkg]; ok {
		return v
	}
	if c.stdPkgs == nil {
		c.stdPkgs = map[*types.Package]bool{}
	}
	v := c.pass.ImportPackageFact(pkg, new(stdFact))
	c.stdPkgs[pkg] = v
	return v
}

// callBits lists the bits of calls, unless the function panics strongly
// anyway.
func callBits(calls uint64, strong bool) []int {
	if strong {
		return nil
	}
	var out []int
	for i := range 63 {
		if calls&(1<<i) != 0 {
			out = append(out, i)
		}
	}
	return out
}
