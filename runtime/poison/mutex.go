package poison

import (
	"sync"
	"sync/atomic"
	"time"
)

// Mutex is a mutual exclusion lock with the method set of sync.Mutex, poisoned
// by a panic that unwinds through a deferred Unlock. The zero value is an
// unlocked, unpoisoned, unnamed mutex. A Mutex must not be copied after first
// use.
//
// Changing a field's type from sync.Mutex to poison.Mutex is a drop-in change;
// code that defers Unlock gains poisoning, code that unlocks explicitly keeps
// the behaviour of sync.Mutex.
type Mutex struct {
	mu     sync.Mutex
	poison atomic.Pointer[LockPoisonedError]
	name   atomic.Pointer[string]
}

var _ sync.Locker = (*Mutex)(nil)

// Lock locks m, blocking until it is available, like sync.Mutex.Lock.
// If m is poisoned, Lock does not keep the lock and panics with the
// *LockPoisonedError (use LockChecked to get it as an error instead).
func (m *Mutex) Lock() {
	if waitHook.Load() != nil {
		m.lockTimed()
	} else {
		m.mu.Lock()
	}
	if m.poison.Load() != nil {
		m.lockPoisoned()
	}
}

// LockChecked locks m and returns nil, or, if m is poisoned, returns the
// *LockPoisonedError (matching ErrLockPoisoned) WITHOUT holding the lock: call
// Unlock only after a nil error.
func (m *Mutex) LockChecked() error {
	if waitHook.Load() != nil {
		m.lockTimed()
	} else {
		m.mu.Lock()
	}
	if e := m.poison.Load(); e != nil {
		m.mu.Unlock()
		return refused(e)
	}
	return nil
}

// TryLock tries to lock m and reports whether it succeeded, like
// sync.Mutex.TryLock. If it acquires a poisoned m, it releases it and panics
// with the *LockPoisonedError, like Lock.
func (m *Mutex) TryLock() bool {
	if !m.mu.TryLock() {
		return false
	}
	if m.poison.Load() != nil {
		m.lockPoisoned()
	}
	return true
}

// Unlock unlocks m, like sync.Mutex.Unlock. It is a run-time error if m is not
// locked.
//
// When Unlock is deferred (defer m.Unlock()) and runs because a panic is
// unwinding, it poisons m: it records the panic value and stack, releases m,
// reports the poisoning (see SetPoisonHook) and panics again with the same
// value. Called normally, Unlock is a plain unlock.
func (m *Mutex) Unlock() {
	// recover only stops a panic when called directly by a deferred function:
	// here that is Unlock itself under "defer m.Unlock()". In a normal call it
	// returns nil at the cost of one cheap runtime call.
	if r := recover(); r != nil {
		m.poisonAndRepanic(r)
	}
	m.mu.Unlock()
}

// Poisoned reports whether m is poisoned.
func (m *Mutex) Poisoned() bool { return m.poison.Load() != nil }

// ClearPoison clears m's poison, so that it can be locked again. It does not
// need the lock and does not repair the state the lock guards: call it once
// that state is known to be consistent again (for instance rebuilt).
func (m *Mutex) ClearPoison() { m.poison.Store(nil) }

// SetName names m in poison errors, poison events, log records and wait hook
// calls. The default name is "". SetName is safe for concurrent use.
func (m *Mutex) SetName(name string) { setName(&m.name, name) }

// Name returns the name set with SetName, or "".
func (m *Mutex) Name() string { return nameOf(&m.name) }

//go:noinline
func (m *Mutex) lockTimed() {
	h := waitHook.Load()
	if h == nil {
		m.mu.Lock()
		return
	}
	var d time.Duration
	if !m.mu.TryLock() {
		start := time.Now()
		m.mu.Lock()
		d = time.Since(start)
	}
	(*h)(m.Name(), d)
}

// lockPoisoned releases m, held by the caller, and panics with its poison.
func (m *Mutex) lockPoisoned() {
	e := m.poison.Load()
	m.mu.Unlock()
	panic(refused(e))
}

// poisonAndRepanic poisons m, held by the caller, with the recovered panic
// value r, releases m, reports and panics again with r.
func (m *Mutex) poisonAndRepanic(r any) {
	e := newPoison(m.name.Load(), r)
	m.poison.Store(e)
	m.mu.Unlock()
	reportPoison(e)
	panic(r)
}
