package analyzer

import (
	"golang.org/x/tools/go/ssa"
)

// The order of the solver: the call graph's strongly connected components,
// callees first, each to a fixed point of its summaries (analyzeSCC).

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

// analyzeSCC computes the summaries of mutually recursive functions, to a
// fixed point (bounded: summaries only grow).
func (c *checker) analyzeSCC(scc []*ssa.Function) {
	for round := 0; round < maxRounds; round++ {
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
	// Not converged: the summaries of the last round stand (caps.go,
	// maxRounds: not reported).
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
