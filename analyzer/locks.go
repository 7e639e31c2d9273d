package analyzer

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// lockCall describes a call that acquires or releases locks.
type lockCall struct {
	acquire []effect
	release []effect
	poison  bool
	checked bool // LockChecked/RLockChecked: acquired only when the error is nil
}

// lockCallOf classifies a call as a lock operation: a method of sync.Mutex,
// sync.RWMutex or the poison locks, a wrapper whose summary acquires or
// releases locks, or a Lock/Unlock-shaped method of a Locker type.
func (c *checker) lockCallOf(fn *ssa.Function, cc *ssa.CallCommon) *lockCall {
	var name string
	var recv ssa.Value
	var callee *ssa.Function
	if cc.IsInvoke() {
		name, recv = cc.Method.Name(), cc.Value
	} else if f := cc.StaticCallee(); f != nil && f.Signature.Recv() != nil && len(cc.Args) > 0 {
		callee, name, recv = f, f.Name(), cc.Args[0]
	} else if f != nil {
		callee = f
	}
	m, isLockName := locktypes.Methods[name]
	if recv != nil && isLockName {
		switch k := locktypes.KindOf(recv.Type(), c.cfg.PoisonImport); k {
		case locktypes.Primitive, locktypes.Poison:
			lc := primitiveLockCall(fn, recv, m.Acquire, m.Write, k == locktypes.Poison)
			lc.checked = strings.HasSuffix(name, "Checked")
			return lc
		}
	}
	if callee != nil {
		s := c.summaryOf(callee)
		if len(s.acquires) > 0 || len(s.releases) > 0 {
			_, inputs := c.resolve(fn, cc)
			// A Lock/Unlock-shaped wrapper method is the lock itself: its
			// effects on its receiver's inner mutex are named by the
			// receiver (t.mu for a drop-in lock, not t.mu.mu), when it is
			// another package's, whose inner fields this one cannot name.
			foreign := c.foreignPkg(callee) != ""
			tr := func(p *path) *path {
				if recv != nil && isLockName && foreign && p.kind == pathInput && p.input == 0 && len(p.fields) > 0 {
					if q := pathOf(fn, recv); q != nil {
						return q
					}
				}
				return translate(fn, p, inputs)
			}
			lc := &lockCall{}
			for _, e := range s.acquires {
				if p := tr(e.p); p != nil {
					lc.acquire = append(lc.acquire, effect{p, e.write})
				}
			}
			for _, e := range s.releases {
				if p := tr(e.p); p != nil {
					lc.release = append(lc.release, effect{p, e.write})
				}
			}
			if len(lc.acquire)+len(lc.release) > 0 {
				return lc
			}
		}
	}
	if recv != nil && isLockName && cc.Signature().Params().Len() == 0 && locktypes.IsLocker(recv.Type()) {
		if callee == nil || len(callee.Blocks) == 0 || callee.Pkg == nil || callee.Pkg.Pkg != c.pass.Pkg {
			return primitiveLockCall(fn, recv, m.Acquire, m.Write, false)
		}
	}
	return nil
}

func primitiveLockCall(fn *ssa.Function, recv ssa.Value, acquire, write, poison bool) *lockCall {
	p := pathOf(fn, recv)
	if p == nil {
		p = &path{kind: pathLocal, local: recv}
	}
	lc := &lockCall{poison: poison}
	if acquire {
		lc.acquire = []effect{{p, write}}
	} else {
		lc.release = []effect{{p, write}}
	}
	return lc
}
