package analyzer

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// handlerInfo describes a function called by defer that calls recover().
type handlerInfo struct {
	swallows bool // some path after a non-nil recover() returns normally
}

// handlerOf returns the recover handler info of f, or nil if f does not
// call recover() directly.
func (c *checker) handlerOf(f *ssa.Function) *handlerInfo {
	if h, ok := c.handlers[f]; ok {
		return h
	}
	var h *handlerInfo
	if f.Pkg != nil && f.Pkg.Pkg.Path() == "testing" {
		// testing's tRunner reports a test's panic and stops the test
		// binary: it does not let the program go on.
		c.handlers[f] = nil
		return nil
	}
	for _, b := range f.Blocks {
		for i, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			if bi, ok := call.Call.Value.(*ssa.Builtin); ok && bi.Name() == "recover" {
				if h == nil {
					h = &handlerInfo{}
				}
				if c.returnsAfterRecover(call, b, i+1) {
					h.swallows = true
				}
			}
		}
	}
	c.handlers[f] = h
	return h
}

// returnsAfterRecover reports whether some path from the recover call
// reaches a return without passing through a panic or an exiting call,
// ignoring the branches on which the recovered value is nil.
func (c *checker) returnsAfterRecover(rec *ssa.Call, b *ssa.BasicBlock, start int) bool {
	seen := map[*ssa.BasicBlock]bool{}
	var walk func(b *ssa.BasicBlock, start int) bool
	walk = func(b *ssa.BasicBlock, start int) bool {
		for _, instr := range b.Instrs[start:] {
			switch in := instr.(type) {
			case *ssa.Panic:
				return false
			case *ssa.Return:
				return true
			case *ssa.Call:
				if c.noReturnCall(in.Common()) {
					return false
				}
			case *ssa.If:
				succs := b.Succs
				if cmp, ok := in.Cond.(*ssa.BinOp); ok && (isRecovered(cmp.X, rec) && isNilConst(cmp.Y) || isRecovered(cmp.Y, rec) && isNilConst(cmp.X)) {
					switch cmp.Op {
					case token.NEQ:
						succs = succs[:1]
					case token.EQL:
						succs = succs[1:]
					}
				}
				for _, s := range succs {
					if !seen[s] {
						seen[s] = true
						if walk(s, 0) {
							return true
						}
					}
				}
				return false
			case *ssa.Jump:
				s := b.Succs[0]
				if seen[s] {
					return false
				}
				seen[s] = true
				return walk(s, 0)
			}
		}
		return false
	}
	return walk(b, start)
}

func isRecovered(v ssa.Value, rec *ssa.Call) bool {
	for i := 0; i < 4 && v != nil; i++ {
		if v == rec {
			return true
		}
		switch x := v.(type) {
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		default:
			return false
		}
	}
	return false
}

// noReturnCall reports calls that end the goroutine or the program:
// os.Exit, log.Fatal*, log.Panic*, runtime.Goexit, testing's Fatal and
// FailNow, and functions whose summary says they never return.
func (c *checker) noReturnCall(cc *ssa.CallCommon) bool {
	var obj *types.Func
	if cc.IsInvoke() {
		obj = cc.Method
	} else if f := cc.StaticCallee(); f != nil {
		if o, ok := f.Object().(*types.Func); ok {
			obj = o
		}
		if f.Pkg != nil && f.Pkg.Pkg == c.pass.Pkg {
			if s := c.sums[origin(f)]; s != nil && s.noReturn {
				return true
			}
		}
	}
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	switch obj.Pkg().Path() {
	case "os":
		return obj.Name() == "Exit"
	case "runtime":
		return obj.Name() == "Goexit"
	case "log", "log/slog":
		switch obj.Name() {
		case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln":
			return true
		}
	case "testing":
		switch obj.Name() {
		case "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow":
			return true
		}
	case "go.uber.org/zap", "github.com/sirupsen/logrus":
		// Fatal exits (through a hook the facts cannot see), Panic re-panics.
		switch obj.Name() {
		case "Fatal", "Fatalf", "Fatalw", "Fatalln", "Panic", "Panicf", "Panicw", "Panicln":
			return true
		}
	case "k8s.io/klog", "k8s.io/klog/v2", "github.com/golang/glog":
		if strings.HasPrefix(obj.Name(), "Fatal") || strings.HasPrefix(obj.Name(), "Exit") {
			return true
		}
	}
	if s := c.factSummary(obj); s != nil && s.noReturn {
		return true
	}
	return false
}

// deferInfo classifies a defer statement: the locks its call releases and
// whether it is a recover handler.
type deferInfo struct {
	instr    *ssa.Defer
	unlocks  []effect
	handler  *handlerInfo
	hfn      *ssa.Function   // the handler function
	inputs   []ssa.Value     // the handler's inputs as seen by the defer
	acquires []acquireSite   // locks the handler acquires, in the deferring frame
	closes   []string        // keys of the objects the handler closes, in the deferring frame
	closedTs []types.Type    // and their types
	hunlocks []handlerUnlock // locks the handler releases, in the deferring frame
}

// acquireSite is a lock the handler acquires, and where.
type acquireSite struct {
	effect
	pos token.Pos
}

func (c *checker) deferInfoOf(fn *ssa.Function, d *ssa.Defer) *deferInfo {
	if di, ok := c.defers[d]; ok {
		return di
	}
	di := &deferInfo{instr: d}
	cc := &d.Call
	if lc := c.lockCallOf(fn, cc); lc != nil {
		di.unlocks = lc.release
	}
	if f, inputs := c.resolve(fn, cc); f != nil && f.Pkg != nil && f.Pkg.Pkg == c.pass.Pkg && len(f.Blocks) > 0 {
		if h := c.handlerOf(f); h != nil {
			di.handler, di.hfn, di.inputs = h, f, inputs
			di.acquires = c.acquiresIn(fn, f, inputs)
			di.closes, di.closedTs = c.closesIn(fn, f, inputs)
			di.hunlocks = c.handlerUnlocksIn(fn, f, inputs)
		}
	} else if f != nil && len(cc.Args) == len(inputs) {
		// Another package's function deferred directly: its fact says
		// whether it recovers (defer guard.Recover(&r.mu, &err)).
		if s := c.summaryOf(f); s.handler != nil {
			di.handler, di.inputs = &handlerInfo{swallows: s.handler.Swallows}, inputs
			di.hunlocks = factHandlerUnlocks(fn, s.handler, inputs)
		}
	}
	c.defers[d] = di
	return di
}

// acquiresIn lists the locks that handler h (or a function it calls)
// acquires, translated to the frame of fn, which defers h with inputs.
func (c *checker) acquiresIn(fn, h *ssa.Function, inputs []ssa.Value) []acquireSite {
	var out []acquireSite
	for _, b := range h.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			var effs []effect
			if lc := c.lockCallOf(h, call.Common()); lc != nil {
				effs = lc.acquire
			} else if f, in := c.resolve(h, call.Common()); f != nil {
				for _, e := range c.summaryOf(f).locks {
					if p := translate(h, e.p, in); p != nil {
						effs = append(effs, effect{p, e.write})
					}
				}
			}
			for _, e := range effs {
				if p := translate(fn, e.p, inputs); p != nil {
					out = append(out, acquireSite{effect{p, e.write}, call.Pos()})
				}
			}
		}
	}
	return out
}

// closesIn lists the objects that handler h closes (a Close or close method
// called on them), translated to the frame of fn: state under them is
// abandoned, not read again.
func (c *checker) closesIn(fn, h *ssa.Function, inputs []ssa.Value) (out []string, ts []types.Type) {
	for _, b := range h.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			cc := call.Common()
			var name string
			var recv ssa.Value
			if cc.IsInvoke() {
				name, recv = cc.Method.Name(), cc.Value
			} else if f := cc.StaticCallee(); f != nil && f.Signature.Recv() != nil && len(cc.Args) > 0 {
				name, recv = f.Name(), cc.Args[0]
			}
			if name != "Close" && name != "close" {
				continue
			}
			ts = append(ts, recv.Type())
			if p := pathOf(h, recv); p != nil {
				if q := translate(fn, p, inputs); q != nil {
					out = append(out, q.key())
				}
			}
		}
	}
	return out, ts
}

// abandoned reports whether the lock lies under an object the handler
// closes: its path starts with the closed object's, or ends with a field
// path that the closed object's type owns (c.close() abandons c.r.mu even
// when the code reached it as w.conn.r.mu).
func (d *deferInfo) abandoned(l *path) bool {
	key := l.key()
	for _, k := range d.closes {
		if key == k || strings.HasPrefix(key, k+".") {
			return true
		}
	}
	for _, t := range d.closedTs {
		for i := 0; i+1 < len(l.fields); i++ {
			if hasFieldPath(t, l.fields[i:]) {
				return true
			}
		}
	}
	return false
}

// hasFieldPath reports whether the struct t (or *t) has the field path fs.
func hasFieldPath(t types.Type, fs []string) bool {
	for _, f := range fs {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return false
		}
		found := false
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == f {
				t, found = st.Field(i).Type(), true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
