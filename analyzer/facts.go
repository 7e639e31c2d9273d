package analyzer

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// funcFact summarises a function for its callers in other packages. It is
// exported only when it says something: the common case (may panic, no lock
// effects) is the absence of a fact. All slices are sorted, so the encoded
// bytes are deterministic.
type funcFact struct {
	NoPanic  bool         // no panic point at all, transitively
	NoReturn bool         // never returns normally (panics or exits)
	Acquires []factEffect // held at every normal return, not held at entry
	Releases []factEffect // released, held at entry
	Locks    []factEffect // acquired at some point (for handler-relock)
	Escapes  []factEscape // sections a panic leaves held or torn
	Recovers []int        // inputs (func values) run under a swallowing recover
	Calls    []int        // func parameters called outside a swallowing recover
	ReadOnly bool         // a pointer method that does not write through its receiver
	Handler  *handlerFact // a recover handler, deferred directly by callers
	StdCalls []int        // standard library: may panic strongly only by calling these func inputs
	Panics   bool         // standard library: may panic strongly (see stdFact)
}

// stdFact marks a package of the standard library. Its functions are
// exported with a fact only when they may panic strongly (Panics, Calls):
// there "cannot panic" is the common case, so it is the absence of a fact
// (see stdpanics.go).
type stdFact struct{}

func (*stdFact) AFact()         {}
func (*stdFact) String() string { return "lockpoison(std)" }

func (*funcFact) AFact() {}

func (f *funcFact) String() string {
	var parts []string
	if f.NoPanic {
		parts = append(parts, "nopanic")
	}
	if f.NoReturn {
		parts = append(parts, "noreturn")
	}
	for _, e := range f.Acquires {
		parts = append(parts, "acquires("+e.String()+")")
	}
	for _, e := range f.Releases {
		parts = append(parts, "releases("+e.String()+")")
	}
	for _, e := range f.Locks {
		parts = append(parts, "locks("+e.String()+")")
	}
	for _, e := range f.Escapes {
		parts = append(parts, "escapes("+e.String()+")")
	}
	if f.ReadOnly {
		parts = append(parts, "readonly")
	}
	if f.Handler != nil {
		parts = append(parts, fmt.Sprintf("handler(swallows=%v unlocks=%d)", f.Handler.Swallows, len(f.Handler.Unlocks)))
	}
	for _, i := range f.StdCalls {
		parts = append(parts, fmt.Sprintf("stdcalls(%d)", i))
	}
	if f.Panics {
		parts = append(parts, "panics")
	}
	for _, i := range f.Recovers {
		parts = append(parts, fmt.Sprintf("recovers(%d)", i))
	}
	for _, i := range f.Calls {
		parts = append(parts, fmt.Sprintf("calls(%d)", i))
	}
	return "lockpoison(" + strings.Join(parts, " ") + ")"
}

// factPath is a path relative to a function's inputs or to a package-level
// variable.
type factPath struct {
	Input  int    // -1 for a package-level variable
	Global string // "import/path.name" when Input is -1
	Fields string // ".a.b", embedded fields marked with a leading '~'
	Name   string // display name of the root within the callee
}

func (p factPath) String() string {
	if p.Input < 0 {
		return p.Global + p.Fields
	}
	return fmt.Sprintf("$%d%s", p.Input, p.Fields)
}

type factEffect struct {
	Path  factPath
	Write bool // write (Lock) or read (RLock) mode
}

func (e factEffect) String() string {
	m := "R"
	if e.Write {
		m = "W"
	}
	return e.Path.String() + " " + m
}

// factEscape describes a critical section inside the function (or its
// callees) that a panic leaves behind when it escapes the function.
type factEscape struct {
	Path   factPath
	Write  bool
	Held   bool   // explicit unlock: the lock stays held; else released torn
	Poison bool   // the lock is a runtime/poison lock
	Lock   string // where the section starts: "file.go:12"
	Panic  string // what panics: "c.load panics"
	Wrote  string // torn: what was written, e.g. "c.items"
}

func (e factEscape) String() string {
	s := "torn"
	if e.Held {
		s = "held"
	}
	return fmt.Sprintf("%s %s at %s by %s", e.Path, s, e.Lock, e.Panic)
}

func toFactPath(p *path) factPath {
	var b strings.Builder
	for i, f := range p.fields {
		b.WriteByte('.')
		if p.embed[i] {
			b.WriteByte('~')
		}
		b.WriteString(f)
	}
	fp := factPath{Input: p.input, Fields: b.String(), Name: p.name}
	if p.kind == pathGlobal {
		fp.Input, fp.Global = -1, p.global
	}
	return fp
}

func fromFactPath(fp factPath) *path {
	p := &path{kind: pathInput, input: fp.Input, name: fp.Name}
	if fp.Input < 0 {
		p.kind, p.global = pathGlobal, fp.Global
		p.name = fp.Global[strings.LastIndex(fp.Global, "/")+1:]
	}
	for _, f := range strings.Split(fp.Fields, ".")[1:] {
		emb := strings.HasPrefix(f, "~")
		p.fields = append(p.fields, strings.TrimPrefix(f, "~"))
		p.embed = append(p.embed, emb)
	}
	return p
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
