package poison

import (
	"sync"
	"sync/atomic"
)

// Mutex is a mutual exclusion lock with the method set of sync.Mutex, poisoned
// by a panic that unwinds through a deferred Unlock. The zero value is an
// unlocked, unpoisoned, unnamed mutex. A Mutex must not be copied after first
// use.
//
// Changing a field's type from sync.Mutex to poison.Mutex is a drop-in change;
// code that defers Unlock gains poisoning, code that unlocks explicitly keeps
// the behaviour of sync.Mutex.
//
// Mutex is a sync.Mutex plus a poison word: the locking itself (fairness,
// starvation mode, the mutex profile, the race detector's view, goroutine dump
// states) is sync.Mutex's.
type Mutex struct {
	mu     sync.Mutex
	poison poisonWord
	name   atomic.Pointer[string]
}

var _ sync.Locker = (*Mutex)(nil)

// Lock locks m, blocking until it is available, like sync.Mutex.Lock.
// If m is poisoned, Lock does not keep the lock and panics with the
// *LockPoisonedError (use LockChecked to get it as an error instead). A
// deferred Unlock of m that this panic unwinds through releases nothing (the
// lock is not held), so "Lock; defer Unlock; ... Unlock; ... Lock" and a
// sync.Cond Wait under a deferred Unlock are safe.
func (m *Mutex) Lock() { m.lock(lockSlow) } // see fastpath.go

// LockChecked locks m and returns nil, or, if m is poisoned, returns the
// *LockPoisonedError (matching ErrLockPoisoned) WITHOUT holding the lock: call
// Unlock only after a nil error. To take a poisoned lock in order to repair
// the state, use LockForRepair.
func (m *Mutex) LockChecked() error { return m.lockChecked(lockCheckedSlow) }

// LockForRepair locks m whether or not it is poisoned, and returns m's
// *LockPoisonedError, or nil when m is not poisoned. The lock is held in both
// cases: call Unlock afterwards either way. It is the repair path, the
// counterpart of Rust's PoisonError::into_inner: while holding the lock,
// repair (reset, rebuild) the guarded state, call ClearPoison, then Unlock;
// nobody else gets the lock in between. Unlocking without ClearPoison leaves m
// poisoned; a panic through a deferred Unlock poisons it again.
func (m *Mutex) LockForRepair() error {
	m.acquire(false)
	if e := m.poison.load(); e != nil {
		return e
	}
	return nil
}

// TryLock tries to lock m and reports whether it succeeded, like
// sync.Mutex.TryLock. If m is poisoned and free, TryLock does not keep it and
// panics with the *LockPoisonedError, like Lock; if m is held, it returns
// false whether or not m is poisoned. TryLockChecked returns the error
// instead.
func (m *Mutex) TryLock() bool { return m.tryLock(tryLockPoisoned) }

// TryLockChecked tries to lock m: it returns (true, nil) when it acquired m,
// (false, nil) when m is held by someone else, and (false, err) with the
// *LockPoisonedError, WITHOUT holding the lock, when m is free but poisoned.
func (m *Mutex) TryLockChecked() (bool, error) {
	if !m.mu.TryLock() {
		return false, nil
	}
	if e := m.poison.load(); e != nil {
		m.mu.Unlock()
		return false, refused(e)
	}
	return true, nil
}

// Unlock unlocks m, like sync.Mutex.Unlock.
//
// When Unlock is deferred (defer m.Unlock()) and runs because a panic is
// unwinding, it poisons m: it records the panic value and stack, releases m,
// reports the poisoning (see OnPoison) and panics again with the same value.
// If the panic is m's own refusal (a Lock of m after an explicit Unlock was
// refused), m is not held and Unlock releases nothing before letting the panic
// continue. Called normally, Unlock is a plain unlock.
//
// A recover handler that releases the lock cannot be seen by Unlock: there,
// call UnlockPoisoned with the recovered value instead.
func (m *Mutex) Unlock() {
	// recover only stops a panic when called directly by a deferred function:
	// here that is Unlock itself under "defer m.Unlock()". In a normal call it
	// returns nil at the cost of one cheap runtime call.
	if r := recover(); r != nil {
		m.unlockUnwinding(r)
	} else if panicNilMode && unwindingNil(1) { // a panic(nil) under GODEBUG=panicnil=1
		m.unlockUnwinding(nil)
	}
	m.mu.Unlock()
}

// UnlockPoisoned poisons m with the panic value v, then unlocks it. It is the
// Unlock for a recover handler that releases the lock, which Unlock cannot
// tell from a normal call:
//
//	defer func() {
//		if p := recover(); p != nil {
//			m.UnlockPoisoned(p) // instead of m.Unlock()
//			...
//		}
//	}()
//
// It notifies the OnPoison observers and does not panic. When v is nil it is
// a plain Unlock; when v is m's own refusal (see Unlock), m is not held and
// UnlockPoisoned does nothing.
func (m *Mutex) UnlockPoisoned(v any) {
	if v == nil {
		m.mu.Unlock()
		return
	}
	if ownRefusal(v, m) {
		return
	}
	e := newPoison(m, m.name.Load(), v)
	m.poison.store(e)
	m.mu.Unlock()
	reportPoison(e)
}

// Poisoned reports whether m is poisoned.
func (m *Mutex) Poisoned() bool { return m.poison.load() != nil }

// ClearPoison clears m's poison, so that it can be locked again. It does not
// repair the state the lock guards. Call it while holding the lock taken with
// LockForRepair, after repairing the state, so that nobody sees the state
// between the clearing and the repair. (It does not need the lock, but
// clearing without it lets other goroutines in to the torn state.)
func (m *Mutex) ClearPoison() { m.poison.store(nil) }

// SetName names m in poison errors, poison events and wait hook calls. The
// default name is "". SetName is safe for concurrent use.
func (m *Mutex) SetName(name string) { setName(&m.name, name) }

// Name returns the name set with SetName, or "".
func (m *Mutex) Name() string { return nameOf(&m.name) }

// unlockUnwinding runs in a deferred Unlock whose recover stopped the panic
// r: it poisons m, releases it, reports and panics again with r; or, when r
// is m's own refusal, only panics again.
func (m *Mutex) unlockUnwinding(r any) {
	if ownRefusal(r, m) {
		panic(r)
	}
	e := newPoison(m, m.name.Load(), r)
	m.poison.store(e)
	m.mu.Unlock()
	reportPoison(e)
	panic(r)
}
