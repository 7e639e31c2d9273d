package poison

import (
	"sync"
	"sync/atomic"
	"time"
)

// RWMutex is a reader/writer mutual exclusion lock with the method set of
// sync.RWMutex, poisoned by a panic that unwinds through a deferred Unlock of
// the write lock. Read locks never poison: a panic through a deferred RUnlock
// is not recorded (readers cannot tear the state), like Rust's RwLock. The zero
// value is an unlocked, unpoisoned, unnamed mutex. An RWMutex must not be
// copied after first use.
//
// Changing a field's type from sync.RWMutex to poison.RWMutex is a drop-in
// change.
type RWMutex struct {
	mu     sync.RWMutex
	poison atomic.Pointer[LockPoisonedError]
	name   atomic.Pointer[string]
}

var _ sync.Locker = (*RWMutex)(nil)

// Lock locks rw for writing, like sync.RWMutex.Lock. If rw is poisoned, Lock
// does not keep the lock and panics with the *LockPoisonedError.
func (rw *RWMutex) Lock() {
	if waitHook.Load() != nil {
		rw.lockTimed()
	} else {
		rw.mu.Lock()
	}
	if rw.poison.Load() != nil {
		rw.lockPoisoned()
	}
}

// LockChecked locks rw for writing and returns nil, or, if rw is poisoned,
// returns the *LockPoisonedError (matching ErrLockPoisoned) WITHOUT holding the
// lock: call Unlock only after a nil error.
func (rw *RWMutex) LockChecked() error {
	if waitHook.Load() != nil {
		rw.lockTimed()
	} else {
		rw.mu.Lock()
	}
	if e := rw.poison.Load(); e != nil {
		rw.mu.Unlock()
		return refused(e)
	}
	return nil
}

// TryLock tries to lock rw for writing and reports whether it succeeded. If it
// acquires a poisoned rw, it releases it and panics with the
// *LockPoisonedError.
func (rw *RWMutex) TryLock() bool {
	if !rw.mu.TryLock() {
		return false
	}
	if rw.poison.Load() != nil {
		rw.lockPoisoned()
	}
	return true
}

// Unlock unlocks rw for writing, like sync.RWMutex.Unlock.
//
// When Unlock is deferred and runs because a panic is unwinding, it poisons
// rw: it records the panic value and stack, releases rw, reports the poisoning
// and panics again with the same value. Called normally, it is a plain unlock.
func (rw *RWMutex) Unlock() {
	if r := recover(); r != nil {
		rw.poisonAndRepanic(r)
	}
	rw.mu.Unlock()
}

// RLock locks rw for reading, like sync.RWMutex.RLock. If rw is poisoned,
// RLock does not keep the lock and panics with the *LockPoisonedError.
func (rw *RWMutex) RLock() {
	if waitHook.Load() != nil {
		rw.rlockTimed()
	} else {
		rw.mu.RLock()
	}
	if rw.poison.Load() != nil {
		rw.rlockPoisoned()
	}
}

// RLockChecked locks rw for reading and returns nil, or, if rw is poisoned,
// returns the *LockPoisonedError WITHOUT holding the lock: call RUnlock only
// after a nil error.
func (rw *RWMutex) RLockChecked() error {
	if waitHook.Load() != nil {
		rw.rlockTimed()
	} else {
		rw.mu.RLock()
	}
	if e := rw.poison.Load(); e != nil {
		rw.mu.RUnlock()
		return refused(e)
	}
	return nil
}

// TryRLock tries to lock rw for reading and reports whether it succeeded. If
// it acquires a poisoned rw, it releases it and panics with the
// *LockPoisonedError.
func (rw *RWMutex) TryRLock() bool {
	if !rw.mu.TryRLock() {
		return false
	}
	if rw.poison.Load() != nil {
		rw.rlockPoisoned()
	}
	return true
}

// RUnlock undoes a single RLock call, like sync.RWMutex.RUnlock. It never
// poisons, deferred or not.
func (rw *RWMutex) RUnlock() { rw.mu.RUnlock() }

// RLocker returns a sync.Locker whose Lock and Unlock call rw.RLock and
// rw.RUnlock.
func (rw *RWMutex) RLocker() sync.Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// Poisoned reports whether rw is poisoned.
func (rw *RWMutex) Poisoned() bool { return rw.poison.Load() != nil }

// ClearPoison clears rw's poison, so that it can be locked again. It does not
// need the lock and does not repair the guarded state.
func (rw *RWMutex) ClearPoison() { rw.poison.Store(nil) }

// SetName names rw in poison errors, poison events, log records and wait hook
// calls. The default name is "". SetName is safe for concurrent use.
func (rw *RWMutex) SetName(name string) { setName(&rw.name, name) }

// Name returns the name set with SetName, or "".
func (rw *RWMutex) Name() string { return nameOf(&rw.name) }

//go:noinline
func (rw *RWMutex) lockTimed() {
	h := waitHook.Load()
	if h == nil {
		rw.mu.Lock()
		return
	}
	var d time.Duration
	if !rw.mu.TryLock() {
		start := time.Now()
		rw.mu.Lock()
		d = time.Since(start)
	}
	(*h)(rw.Name(), d)
}

//go:noinline
func (rw *RWMutex) rlockTimed() {
	h := waitHook.Load()
	if h == nil {
		rw.mu.RLock()
		return
	}
	var d time.Duration
	if !rw.mu.TryRLock() {
		start := time.Now()
		rw.mu.RLock()
		d = time.Since(start)
	}
	(*h)(rw.Name(), d)
}

func (rw *RWMutex) lockPoisoned() {
	e := rw.poison.Load()
	rw.mu.Unlock()
	panic(refused(e))
}

func (rw *RWMutex) rlockPoisoned() {
	e := rw.poison.Load()
	rw.mu.RUnlock()
	panic(refused(e))
}

func (rw *RWMutex) poisonAndRepanic(r any) {
	e := newPoison(rw.name.Load(), r)
	rw.poison.Store(e)
	rw.mu.Unlock()
	reportPoison(e)
	panic(r)
}

// UnlockPoisoned poisons rw with v and unlocks it (write-locked), for a
// recover handler that releases the lock itself; see Mutex.UnlockPoisoned.
func (rw *RWMutex) UnlockPoisoned(v any) {
	e := newPoison(rw.name.Load(), v)
	rw.poison.Store(e)
	rw.mu.Unlock()
	reportPoison(e)
}
