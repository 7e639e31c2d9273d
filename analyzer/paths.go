package analyzer

import (
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A path names a memory location (usually a lock) relative to a function's
// frame: one of its inputs (parameters, then free variables), a
// package-level variable, or a local value, followed by field selections.
// Loads are transparent: x and *x have the same path.
type path struct {
	kind   pathKind
	input  int       // pathInput: index into params ++ freevars
	global string    // pathGlobal: "import/path.name"
	local  ssa.Value // pathLocal: the root value
	fields []string  // field names, outermost first
	embed  []bool    // whether each field is embedded
	name   string    // display of the root: "r", "mu", "pkg.mu"
}

type pathKind uint8

const (
	pathNone pathKind = iota
	pathInput
	pathGlobal
	pathLocal
)

// key identifies the path within one function.
func (p *path) key() string {
	var b strings.Builder
	switch p.kind {
	case pathInput:
		fmt.Fprintf(&b, "i%d", p.input)
	case pathGlobal:
		b.WriteString("g:" + p.global)
	case pathLocal:
		fmt.Fprintf(&b, "l%p", p.local)
	}
	for _, f := range p.fields {
		b.WriteString("." + f)
	}
	return b.String()
}

// String is the display form, as a reader writes it: "r.mu", "s.state.mu";
// embedded fields are dropped, as promotion lets the source drop them ("r"
// for r's embedded Mutex, "b.tx.db" for b.tx's embedded batch's db).
func (p *path) String() string {
	s := p.name
	n := len(p.fields)
	for n > 0 && p.embed[n-1] {
		n--
	}
	// Embedded fields are promoted: b.tx.db.mu, not b.tx.batchTx.db.mu;
	// with no root name, the first field names the path.
	for i, f := range p.fields[:n] {
		if p.embed[i] && s != "" {
			continue
		}
		if s == "" {
			s = f
			continue
		}
		s += "." + f
	}
	if s == "" {
		s = "the lock"
	} else if p.name == "" {
		// The root is a call result or another package's local: no name
		// the reader wrote here.
		s = "the " + s
	}
	return s
}

// escapes reports whether the path is meaningful to callers.
func (p *path) escapes() bool { return p.kind == pathInput || p.kind == pathGlobal }

func (p *path) withField(name string, embedded bool) *path {
	q := *p
	q.fields = append(append([]string(nil), p.fields...), name)
	q.embed = append(append([]bool(nil), p.embed...), embedded)
	return &q
}

// pathOf computes the path of an SSA value in fn, or nil.
func pathOf(fn *ssa.Function, v ssa.Value) *path {
	return pathOfDepth(fn, v, 0)
}

func pathOfDepth(fn *ssa.Function, v ssa.Value, depth int) *path {
	if depth > 12 || v == nil {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == v {
				return &path{kind: pathInput, input: i, name: v.Name()}
			}
		}
	case *ssa.FreeVar:
		for i, fv := range fn.FreeVars {
			if fv == v {
				return &path{kind: pathInput, input: len(fn.Params) + i, name: v.Name()}
			}
		}
	case *ssa.Global:
		name := v.Name()
		if v.Pkg != nil && v.Pkg != fn.Pkg {
			name = v.Pkg.Pkg.Name() + "." + name
		}
		g := v.Name()
		if v.Pkg != nil {
			g = v.Pkg.Pkg.Path() + "." + g
		}
		return &path{kind: pathGlobal, global: g, name: name}
	case *ssa.FieldAddr:
		if p := pathOfDepth(fn, v.X, depth+1); p != nil {
			f := fieldOf(v.X.Type(), v.Field)
			if f != nil {
				return p.withField(f.Name(), f.Embedded())
			}
		}
	case *ssa.Field:
		if p := pathOfDepth(fn, v.X, depth+1); p != nil {
			f := fieldOf(v.X.Type(), v.Field)
			if f != nil {
				return p.withField(f.Name(), f.Embedded())
			}
		}
	case *ssa.UnOp:
		if v.Op.String() == "*" {
			return pathOfDepth(fn, v.X, depth+1)
		}
	case *ssa.ChangeType:
		return pathOfDepth(fn, v.X, depth+1)
	case *ssa.Alloc:
		// A local spilled from a parameter (because a closure captures it or
		// its address is taken) stands for the parameter.
		if st := singleStore(v, true); st != nil {
			switch st.Val.(type) {
			case *ssa.Parameter, *ssa.FreeVar:
				return pathOfDepth(fn, st.Val, depth+1)
			}
		}
		name := v.Comment
		if name == "" {
			name = v.Name()
		}
		if ssaArtefact(name) || len(name) > 1 && name[0] == 't' && name[1] >= '0' && name[1] <= '9' {
			name = "" // a composite literal or a temporary: no name in the source
		}
		return &path{kind: pathLocal, local: v, name: name}
	}
	switch v.(type) {
	case *ssa.Call, *ssa.Lookup, *ssa.Extract, *ssa.Phi, *ssa.MakeInterface, *ssa.TypeAssert:
		return &path{kind: pathLocal, local: v, name: ""}
	}
	return nil
}

// singleStore returns the only store into a local, if it has exactly one
// and no other use takes its address for writing; captured: a closure may
// capture the local (it only reads it).
func singleStore(a *ssa.Alloc, captured bool) *ssa.Store {
	var st *ssa.Store
	refs := a.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a || st != nil {
				return nil
			}
			st = r
		case *ssa.UnOp, *ssa.DebugRef:
		case *ssa.MakeClosure:
			if !captured {
				return nil
			}
		default:
			return nil
		}
	}
	return st
}

// fieldOf returns field i of the struct that t (or *t) is.
func fieldOf(t types.Type, i int) *types.Var {
	t = t.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	if s, ok := t.(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i)
	}
	return nil
}

// translate expresses callee-relative path p in the caller's frame, given
// the caller's values for the callee's inputs. It returns nil when the
// input is not known.
func translate(caller *ssa.Function, p *path, inputs []ssa.Value) *path {
	switch p.kind {
	case pathGlobal:
		q := *p
		return &q
	case pathInput:
		if p.input >= len(inputs) || inputs[p.input] == nil {
			return nil
		}
		base := pathOf(caller, inputs[p.input])
		if base == nil {
			return nil
		}
		for i, f := range p.fields {
			base = base.withField(f, p.embed[i])
		}
		return base
	}
	return nil
}
