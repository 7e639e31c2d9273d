// Package locktypes is what lockpoison knows about lock types: the methods
// that take, release, check and poison a lock, the sync and runtime/poison
// types, and one named-type predicate that unwraps pointer, alias and named
// type once for every caller.
package locktypes

import "go/types"

// DefaultPoisonImport is the import path of the companion runtime package.
const DefaultPoisonImport = "github.com/lockpoison/lockpoison/runtime/poison"

// Method is what a lock method does: take or release the lock, for writing
// or reading.
type Method struct{ Acquire, Write bool }

// method is one row of the table of lock methods.
type method struct {
	Method
	modeled bool // the engine models it (Methods)
	op      bool // a lock operation of a section in the syntax (Ops)
	sync    bool // a method of sync.Mutex/RWMutex that the poison locks share (SyncMethods)
}

// table is everything lockpoison knows of the methods of lock types, one
// row a method; Methods, Ops and SyncMethods are its columns.
var table = map[string]method{
	"Lock":         {Method{true, true}, true, true, true},
	"RLock":        {Method{true, false}, true, true, true},
	"Unlock":       {Method{false, true}, true, true, true},
	"RUnlock":      {Method{false, false}, true, true, true},
	"TryLock":      {Method{}, false, true, true},
	"TryRLock":     {Method{}, false, true, true},
	"RLocker":      {Method{}, false, false, true},
	"LockChecked":  {Method{true, true}, true, true, false},
	"RLockChecked": {Method{true, false}, true, true, false},
	// runtime/poison: acquires whether or not poisoned; unlocks from a
	// recover handler.
	"LockForRepair":  {Method{true, true}, true, false, false},
	"UnlockPoisoned": {Method{false, true}, true, false, false},
}

// Methods are the methods of lock types that take or release a lock, as the
// engine models them.
var Methods = column(func(m method) bool { return m.modeled })

// Ops are the methods that take or release a lock, as the fixes see a
// section's lock operations in the syntax.
var Ops = names(func(m method) bool { return m.op })

// SyncMethods are the methods of sync.Mutex and sync.RWMutex, all of which
// poison.Mutex and poison.RWMutex have with the same signatures.
var SyncMethods = names(func(m method) bool { return m.sync })

func names(in func(method) bool) map[string]bool {
	out := map[string]bool{}
	for name, m := range table {
		if in(m) {
			out[name] = true
		}
	}
	return out
}

func column(in func(method) bool) map[string]Method {
	out := map[string]Method{}
	for name, m := range table {
		if in(m) {
			out[name] = m.Method
		}
	}
	return out
}

// Checked are the runtime/poison methods, by receiver type name, whose
// error says the lock or registry is poisoned.
var Checked = map[string]map[string]bool{
	// LockForRepair is not here: discarding its error is fine when the state
	// is reset regardless; unrepaired.go reports reading it unrepaired.
	"Mutex":   {"LockChecked": true, "TryLockChecked": true},
	"RWMutex": {"LockChecked": true, "RLockChecked": true, "TryLockChecked": true, "TryRLockChecked": true},
	"Registry": {"Get": true, "Set": true, "Delete": true, "Update": true, "Range": true, "Len": true,
		"Repair": true},
}

// Named returns the named type that t is, or points to (through one
// pointer, then aliases), or nil.
func Named(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// IsNamed reports whether t is pkg.name, or a pointer to it (required when
// ptr is set).
func IsNamed(t types.Type, pkg, name string, ptr bool) bool {
	if _, isPtr := t.(*types.Pointer); ptr && !isPtr {
		return false
	}
	n := Named(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// Kind classifies lock types.
type Kind uint8

const (
	None      Kind = iota
	Primitive      // sync.Mutex, sync.RWMutex
	Poison         // runtime/poison Mutex, RWMutex
)

// IsPoisonPkg reports whether path is the runtime/poison package: the
// configured import path (-poison-import) or the default one.
func IsPoisonPkg(path, poisonImport string) bool {
	return path == poisonImport || path == DefaultPoisonImport
}

// KindOf tells whether t (or *t) is sync.Mutex/RWMutex or a poison lock.
func KindOf(t types.Type, poisonImport string) Kind {
	n := Named(t)
	if n == nil || n.Obj().Pkg() == nil {
		return None
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "sync.Mutex", "sync.RWMutex":
		return Primitive
	}
	if IsPoisonPkg(n.Obj().Pkg().Path(), poisonImport) {
		switch n.Obj().Name() {
		case "Mutex", "RWMutex":
			return Poison
		}
	}
	return None
}

// IsLocker reports whether t's method set has Lock() and Unlock().
func IsLocker(t types.Type) bool {
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

// IsSyncType reports whether t is a type of sync or sync/atomic, whose
// pointer methods are not writes of guarded state.
func IsSyncType(t types.Type) bool {
	n := Named(t)
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() {
	case "sync", "sync/atomic":
		return true
	}
	return false
}

// RecvName returns the name of the named type of fn's receiver (through a
// pointer), or "" for a function or an unnamed receiver.
func RecvName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	if n := Named(recv.Type()); n != nil {
		return n.Obj().Name()
	}
	return ""
}
