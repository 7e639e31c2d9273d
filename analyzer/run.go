package analyzer

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// checker holds the state of one pass over one package.
type checker struct {
	pass     *analysis.Pass
	cfg      *Config
	src      map[*ssa.Function]bool // the package's source functions
	sums     map[*ssa.Function]*summary
	full     map[*ssa.Function][]escape
	handlers map[*ssa.Function]*handlerInfo
	defers   map[*ssa.Defer]*deferInfo
	facts    map[*types.Func]*summary
	madeMaps map[*types.Var]bool
	guards   map[string]string
	covers   map[*ssa.Function]recoverSite
	findings map[findingKey]*finding
	capped   []*ssa.Function
	ext      *extState            // directives and frameworks: see checkDirectives
	exposed  map[token.Pos]string // fix_defer.go: noteExposed

	// Func values and interface dispatch (funcvalues.go, dispatch.go).
	srcList      []*ssa.Function
	ssaPkg       *ssa.Package
	ff           *funcFlow
	ifaceNames   map[string]bool
	impls        map[implKey][]impl
	std          int8 // 0 unknown, 1 std, -1 not
	dispatchSeen map[*types.Func]bool
	doubles      map[*types.Named]bool // testdoubles.go
	freshM       *freshMemo            // fresh.go
	discardM     *discardMemo          // discarded.go
	escaping     map[*types.TypeName]bool
	nodes        map[token.Pos]ast.Node  // lazily built: see nodeAt
	stdPkg       bool                    // the package is in the standard library
	stdPkgs      map[*types.Package]bool // imported packages marked by a stdFact
	closed       *closedChans            // lazily built: see closedChans
	dead         []deadRange             // lazily built: see unreachable
}

func run(pass *analysis.Pass, cfg *Config) error {
	c := &checker{
		pass:     pass,
		cfg:      cfg,
		src:      make(map[*ssa.Function]bool),
		sums:     make(map[*ssa.Function]*summary),
		full:     make(map[*ssa.Function][]escape),
		handlers: make(map[*ssa.Function]*handlerInfo),
		defers:   make(map[*ssa.Defer]*deferInfo),
		facts:    make(map[*types.Func]*summary),
		madeMaps: make(map[*types.Var]bool),
		covers:   make(map[*ssa.Function]recoverSite),
		findings: make(map[findingKey]*finding),
	}
	c.stdPkg = c.isStd()
	if c.stdPkg {
		c.pass.ExportPackageFact(&stdFact{})
	}
	c.checkDirectives()
	if !c.needSSA() {
		c.exportSyntaxFacts()
		return nil
	}
	pkg, funcs, ok := c.buildSSAChecked()
	if !ok {
		c.exportSyntaxFacts()
		return nil
	}
	for _, fn := range funcs {
		c.src[fn] = true
	}
	c.srcList, c.ssaPkg = funcs, pkg
	c.scanMaps(pkg, funcs)
	c.guards = guardAnnotations(pass.Files)

	for _, scc := range sccs(funcs, c.src, c.extraSuccs) {
		c.analyzeSCC(scc)
	}
	c.reportCovered(funcs)
	c.exportFacts(funcs)
	c.poisonIgnored()
	c.flush()
	c.reportCapped()
	return nil
}

// analyzeSCC computes the summaries of mutually recursive functions, to a
// fixed point (bounded: summaries only grow).
func (c *checker) analyzeSCC(scc []*ssa.Function) {
	for round := 0; round < 6; round++ {
		changed := false
		for _, fn := range scc {
			s, full := c.analyze(fn)
			if old := c.sums[fn]; old == nil || !old.equal(s) {
				changed = true
			}
			c.sums[fn], c.full[fn] = s, full
		}
		if !changed || len(scc) == 1 && !selfCalls(scc[0]) {
			return
		}
	}
}

func selfCalls(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok && origin(call.Common().StaticCallee()) == fn {
				return true
			}
		}
	}
	return false
}

func origin(f *ssa.Function) *ssa.Function {
	if f != nil && f.Origin() != nil {
		return f.Origin()
	}
	return f
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

var nopanic = &summary{noPanic: true}

// isWrapper reports synthetic wrappers: promoted methods, thunks, bound
// methods (not functions loaded from export data, nor instances).
func isWrapper(f *ssa.Function) bool {
	return strings.HasPrefix(f.Synthetic, "wrapper for") || strings.HasPrefix(f.Synthetic, "thunk for") ||
		strings.HasPrefix(f.Synthetic, "bound method wrapper")
}

// summaryOf returns what is known of f: its summary in this package, or its
// fact from another.
func (c *checker) summaryOf(f *ssa.Function) *summary {
	f = origin(f)
	if s, ok := c.sums[f]; ok {
		return s
	}
	if f.Pkg != nil && f.Pkg.Pkg == c.pass.Pkg {
		if c.src[f] {
			return optimistic // in the same SCC, not yet analyzed
		}
		if len(f.Blocks) == 0 && !isWrapper(f) && !c.brokenFunc(f) {
			return nopanic // declared without body (assembly)
		}
		return &summary{}
	}
	if obj, ok := f.Object().(*types.Func); ok {
		if s := c.factSummary(obj); s != nil {
			return s
		}
	}
	return &summary{}
}

func (c *checker) factSummary(obj *types.Func) *summary {
	obj = obj.Origin()
	if s, ok := c.facts[obj]; ok {
		return s
	}
	var s *summary
	var f funcFact
	if obj.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(obj, &f) {
		s = fromFact(&f, c.stdPackage(obj.Pkg()))
	} else if obj.Pkg() != nil && obj.Pkg() != c.pass.Pkg && c.stdPackage(obj.Pkg()) {
		s = fromFact(nil, true)
	}
	c.facts[obj] = s
	return s
}

// exportFacts exports the summaries of the package's named functions.
func (c *checker) exportFacts(funcs []*ssa.Function) {
	std := c.isStd()
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || !obj.Exported() {
			continue // other packages can call only exported names
		}
		if s := c.sums[fn]; s != nil {
			f := s.fact(c.describe, std)
			if ptrMethod(obj) && s.writes&1 == 0 && len(fn.Blocks) > 0 {
				if f == nil {
					f = &funcFact{}
				}
				f.ReadOnly = true
			}
			if h := c.handlerFactOf(fn); h != nil && !std {
				if f == nil {
					f = &funcFact{}
				}
				f.Handler = h
			}
			if f != nil {
				c.pass.ExportObjectFact(obj, f)
			}
		}
	}
	// Functions declared without a body (assembly, linkname) cannot panic
	// as far as we can tell.
	for _, file := range c.pass.Files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body == nil && fd.Name.IsExported() && !std {
				if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					c.pass.ExportObjectFact(obj, &funcFact{NoPanic: true})
				}
			}
		}
	}
}

// scanMaps records the map-typed fields and package-level variables that the
// package assigns a non-nil map (made, a literal, or any other map value).
func (c *checker) scanMaps(pkg *ssa.Package, funcs []*ssa.Function) {
	if init := pkg.Func("init"); init != nil {
		funcs = append(funcs[:len(funcs):len(funcs)], init)
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok || isNilConst(st.Val) {
					continue
				}
				if _, isMap := st.Val.Type().Underlying().(*types.Map); !isMap {
					continue
				}
				switch addr := st.Addr.(type) {
				case *ssa.FieldAddr:
					if f := fieldOf(addr.X.Type(), addr.Field); f != nil {
						c.madeMaps[f] = true
					}
				case *ssa.Global:
					if v, ok := addr.Object().(*types.Var); ok {
						c.madeMaps[v] = true
					}
				}
			}
		}
	}
}

var guardRE = regexp.MustCompile(`(?i)(?:\+checklocks:|guarded by )([\w.]+)`)

// guardAnnotations maps field names to the lock named by their
// "+checklocks:mu" or "guarded by mu" comment; ambiguous names are dropped.
func guardAnnotations(files []*ast.File) map[string]string {
	guards := map[string]string{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok {
				return true
			}
			for _, fld := range st.Fields.List {
				var text string
				if fld.Doc != nil {
					text += fld.Doc.Text()
				}
				if fld.Comment != nil {
					text += fld.Comment.Text()
				}
				m := guardRE.FindStringSubmatch(text)
				if m == nil {
					continue
				}
				g := m[1][strings.LastIndex(m[1], ".")+1:]
				for _, name := range fld.Names {
					if old, ok := guards[name.Name]; ok && old != g {
						g = ""
					}
					guards[name.Name] = g
				}
			}
			return true
		})
	}
	return guards
}

// guardOf returns the lock that annotates the last field of p, or "".
func (c *checker) guardOf(p *path) string {
	if len(p.fields) == 0 {
		return ""
	}
	return c.guards[p.fields[len(p.fields)-1]]
}

// loc formats pos as "file.go:12".
func (c *checker) loc(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := c.pass.Fset.Position(pos)
	return filepath.Base(p.Filename) + ":" + itoa(p.Line)
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}

// sccs returns the strongly connected components of the call graph among
// funcs (edges: static calls and closures made), callees first.
func sccs(funcs []*ssa.Function, src map[*ssa.Function]bool, extra func(*ssa.Function, ssa.Instruction) []*ssa.Function) [][]*ssa.Function {
	index := map[*ssa.Function]int{}
	low := map[*ssa.Function]int{}
	onStack := map[*ssa.Function]bool{}
	var stack []*ssa.Function
	var out [][]*ssa.Function
	next := 0
	succs := func(fn *ssa.Function) []*ssa.Function {
		var s []*ssa.Function
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case ssa.CallInstruction:
					if f := origin(in.Common().StaticCallee()); f != nil && src[f] {
						s = append(s, f)
					}
					if mc, ok := in.Common().Value.(*ssa.MakeClosure); ok {
						if f, ok := mc.Fn.(*ssa.Function); ok && src[f] {
							s = append(s, f)
						}
					}
				case *ssa.MakeClosure:
					if f, ok := in.Fn.(*ssa.Function); ok && src[f] {
						s = append(s, f)
					}
				}
				if extra != nil {
					s = append(s, extra(fn, instr)...)
				}
				for _, op := range instr.Operands(nil) {
					if f, ok := (*op).(*ssa.Function); ok && src[origin(f)] {
						s = append(s, origin(f))
					}
				}
			}
		}
		return s
	}
	var strong func(fn *ssa.Function)
	strong = func(fn *ssa.Function) {
		index[fn], low[fn] = next, next
		next++
		stack = append(stack, fn)
		onStack[fn] = true
		for _, w := range succs(fn) {
			if _, seen := index[w]; !seen {
				strong(w)
				low[fn] = min(low[fn], low[w])
			} else if onStack[w] {
				low[fn] = min(low[fn], index[w])
			}
		}
		if low[fn] == index[fn] {
			var scc []*ssa.Function
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				scc = append(scc, w)
				if w == fn {
					break
				}
			}
			out = append(out, scc)
		}
	}
	for _, fn := range funcs {
		if _, seen := index[fn]; !seen {
			strong(fn)
		}
	}
	return out
}

// isStd reports whether the package is in the standard library: its files
// are in GOROOT.
func (c *checker) isStd() bool {
	if len(c.pass.Files) == 0 || build.Default.GOROOT == "" {
		return false
	}
	name := c.pass.Fset.File(c.pass.Files[0].Pos()).Name()
	return strings.HasPrefix(name, filepath.Join(build.Default.GOROOT, "src")+string(filepath.Separator))
}

// ptrMethod reports whether obj is a method with a pointer receiver.
func ptrMethod(obj *types.Func) bool {
	recv := obj.Signature().Recv()
	if recv == nil {
		return false
	}
	_, ok := recv.Type().(*types.Pointer)
	return ok
}
