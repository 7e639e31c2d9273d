package analyzer

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// buildSSA builds the SSA form of the package, as buildssa does, but only
// for the packages that need it (see needSSA) and without ctrlflow's
// per-function facts.
func buildSSA(pass *analysis.Pass) (*ssa.Package, []*ssa.Function) {
	prog := ssa.NewProgram(pass.Fset, 0)
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()

	var funcs []*ssa.Function
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if f := prog.FuncValue(obj); f != nil {
				add(f)
			}
		}
	}
	return pkg, funcs
}

func origin(f *ssa.Function) *ssa.Function {
	if f != nil && f.Origin() != nil {
		return f.Origin()
	}
	return f
}

// isWrapper reports synthetic wrappers: promoted methods, thunks, bound
// methods (not functions loaded from export data, nor instances).
func isWrapper(f *ssa.Function) bool {
	return strings.HasPrefix(f.Synthetic, "wrapper for") || strings.HasPrefix(f.Synthetic, "thunk for") ||
		strings.HasPrefix(f.Synthetic, "bound method wrapper")
}

// resolve returns the function a call statically calls, and the values of
// its inputs (arguments, then closure bindings).
func (c *checker) resolve(fn *ssa.Function, cc *ssa.CallCommon) (*ssa.Function, []ssa.Value) {
	if cc.IsInvoke() {
		return nil, nil
	}
	var f *ssa.Function
	inputs := cc.Args
	switch v := cc.Value.(type) {
	case *ssa.Function:
		f = v
	case *ssa.MakeClosure:
		f, _ = v.Fn.(*ssa.Function)
		if f != nil && f.Synthetic == "" {
			inputs = append(append([]ssa.Value(nil), cc.Args...), v.Bindings...)
		}
	}
	if f == nil {
		return nil, nil
	}
	if isWrapper(f) {
		// A wrapper (promoted method, thunk, bound method): use the
		// method itself only when its receiver is the first argument.
		m, ok := f.Object().(*types.Func)
		if !ok || len(f.FreeVars) > 0 {
			return nil, nil
		}
		if f = fn.Prog.FuncValue(m); f == nil || isWrapper(f) {
			return nil, nil
		}
	}
	return origin(f), inputs
}

// searchSuccs walks the blocks reachable from the end of from, each once,
// depth first, and reports whether visit found what it looks for in one.
// visit returns (found, stop): stop leaves b's successors unvisited.
func searchSuccs(from *ssa.BasicBlock, visit func(b *ssa.BasicBlock) (found, stop bool)) bool {
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), from.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		found, stop := visit(b)
		if found {
			return true
		}
		if !stop {
			work = append(work, b.Succs...)
		}
	}
	return false
}
