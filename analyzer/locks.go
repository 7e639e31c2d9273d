package analyzer

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// lockMethods maps the methods of lock types to (acquire, write).
var lockMethods = map[string]struct{ acquire, write bool }{
	"Lock":         {true, true},
	"LockChecked":  {true, true},
	"RLock":        {true, false},
	"RLockChecked": {true, false},
	"Unlock":       {false, true},
	"RUnlock":      {false, false},
	// poison's release for recover handlers: records the panic, unlocks.
	"UnlockPoisoned": {false, true},
}

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
	m, isLockName := lockMethods[name]
	if recv != nil && isLockName {
		switch c.lockTypeOf(recv.Type()) {
		case lockPrimitive, lockPoison:
			lc := primitiveLockCall(fn, recv, m.acquire, m.write, c.lockTypeOf(recv.Type()) == lockPoison)
			lc.checked = strings.HasSuffix(name, "Checked")
			return lc
		}
	}
	if callee != nil {
		s := c.summaryOf(callee)
		if len(s.acquires) > 0 || len(s.releases) > 0 {
			_, inputs := c.resolve(fn, cc)
			lc := &lockCall{}
			for _, e := range s.acquires {
				if p := translate(fn, e.p, inputs); p != nil {
					lc.acquire = append(lc.acquire, effect{p, e.write})
				}
			}
			for _, e := range s.releases {
				if p := translate(fn, e.p, inputs); p != nil {
					lc.release = append(lc.release, effect{p, e.write})
				}
			}
			if len(lc.acquire)+len(lc.release) > 0 {
				return lc
			}
		}
	}
	if recv != nil && isLockName && cc.Signature().Params().Len() == 0 && isLocker(recv.Type()) {
		if callee == nil || len(callee.Blocks) == 0 || callee.Pkg == nil || callee.Pkg.Pkg != c.pass.Pkg {
			return primitiveLockCall(fn, recv, m.acquire, m.write, false)
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

type lockKind uint8

const (
	lockNone lockKind = iota
	lockPrimitive
	lockPoison
)

// lockTypeOf tells whether t (or *t) is sync.Mutex/RWMutex or a poison lock.
func (c *checker) lockTypeOf(t types.Type) lockKind {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return lockNone
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "sync.Mutex", "sync.RWMutex":
		return lockPrimitive
	}
	if c.isPoisonPkg(n.Obj().Pkg().Path()) {
		switch n.Obj().Name() {
		case "Mutex", "RWMutex":
			return lockPoison
		}
	}
	return lockNone
}

func (c *checker) isPoisonPkg(path string) bool {
	return path == c.cfg.PoisonImport || path == DefaultPoisonImport
}

// isLocker reports whether t's method set has Lock() and Unlock().
func isLocker(t types.Type) bool {
	ms := types.NewMethodSet(t)
	if _, ok := t.Underlying().(*types.Interface); !ok {
		if _, isPtr := t.(*types.Pointer); !isPtr {
			ms = types.NewMethodSet(types.NewPointer(t))
		}
	}
	return ms.Lookup(nil, "Lock") != nil && ms.Lookup(nil, "Unlock") != nil ||
		hasExported(ms, "Lock") && hasExported(ms, "Unlock")
}

func hasExported(ms *types.MethodSet, name string) bool {
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

// isSyncType reports whether t is a type of sync or sync/atomic, whose
// pointer methods are not writes of guarded state.
func isSyncType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() {
	case "sync", "sync/atomic":
		return true
	}
	return false
}
