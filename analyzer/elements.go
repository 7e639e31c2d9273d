package analyzer

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// Elements of guarded state. A write through a local pointer taken out of
// guarded state — an element of a map or slice field, or an object one
// of them points to — writes that state: memberlist's deadNode takes
// `state := m.nodeMap[d.Node]` under nodeLock and updates
// state.Incarnation, state.State and state.StateChange after the
// broadcasts and the metrics call (an interface) that may panic. Without
// this, the only write seen before the panic point was the last one, the
// update looked complete, and a true risk was lost. The write counts as a
// write of the container (m.nodeMap), unless a lock of the element
// itself is held (state with its own lock, shape 8).

// elementOwner returns the path of the guarded container that addr, whose
// own path elem is not shared (nil or local), points into, or nil.
func (a *fnAnalysis) elementOwner(st *state, addr ssa.Value, elem *path) *path {
	owner := containerPath(a.fn, addr, 0)
	if owner == nil {
		return nil
	}
	if elem != nil && elem.kind == pathLocal {
		for _, h := range st.held {
			if h.p.kind == pathLocal && h.p.local == elem.local {
				return nil // the element's own lock is held
			}
		}
	}
	return owner
}

// containerPath follows field selections, loads, indexing and map lookups
// from v back to the first value with a shared path (a parameter's or a
// package-level variable's); nil when there is none or v is already one.
func containerPath(fn *ssa.Function, v ssa.Value, depth int) *path {
	if depth > 12 {
		return nil
	}
	var next ssa.Value
	through := false // crossed an index or lookup: an element
	switch x := v.(type) {
	case *ssa.FieldAddr:
		next = x.X
	case *ssa.Field:
		next = x.X
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil
		}
		next = x.X
	case *ssa.IndexAddr:
		next, through = x.X, true
	case *ssa.Index:
		next, through = x.X, true
	case *ssa.Lookup:
		next, through = x.X, true
	case *ssa.Extract:
		if _, ok := x.Tuple.(*ssa.Lookup); !ok {
			return nil
		}
		next = x.Tuple
	default:
		return nil
	}
	if through {
		if p := pathOf(fn, next); p != nil && p.escapes() {
			return p
		}
	}
	return containerPath(fn, next, depth+1)
}
