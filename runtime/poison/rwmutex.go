package poison

import (
	"sync"
	"sync/atomic"
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
	poison poisonWord
	name   atomic.Pointer[string]
}

var _ sync.Locker = (*RWMutex)(nil)

// Lock locks rw for writing, like sync.RWMutex.Lock. If rw is poisoned, Lock
// does not keep the lock and panics with the *LockPoisonedError.
func (rw *RWMutex) Lock() {
	if atomic.LoadUintptr(&waitHookLine.on) != 0 {
		rw.acquire()
	} else {
		rw.mu.Lock()
	}
	if rw.poison.load() != nil {
		rw.lockPoisoned()
	}
}

// LockChecked locks rw for writing and returns nil, or, if rw is poisoned,
// returns the *LockPoisonedError (matching ErrLockPoisoned) WITHOUT holding the
// lock: call Unlock only after a nil error. To take a poisoned lock in order to
// repair the state, use LockForRepair.
func (rw *RWMutex) LockChecked() error {
	if atomic.LoadUintptr(&waitHookLine.on) != 0 {
		rw.acquire()
	} else {
		rw.mu.Lock()
	}
	if e := rw.poison.load(); e != nil {
		rw.mu.Unlock()
		return refused(e)
	}
	return nil
}

// LockForRepair locks rw for writing whether or not it is poisoned, and returns
// rw's *LockPoisonedError, or nil when rw is not poisoned. The write lock is
// held in both cases: call Unlock afterwards either way. Repair the guarded
// state, call ClearPoison, then Unlock: no reader or writer gets in between.
// See Mutex.LockForRepair.
func (rw *RWMutex) LockForRepair() error {
	rw.acquire()
	if e := rw.poison.load(); e != nil {
		return e
	}
	return nil
}

// TryLockChecked tries to lock rw for writing: (true, nil) when it acquired
// rw, (false, nil) when rw is held (by a writer or readers), and (false, err)
// with the *LockPoisonedError, WITHOUT holding the lock, when rw is free but
// poisoned.
func (rw *RWMutex) TryLockChecked() (bool, error) {
	if !rw.mu.TryLock() {
		return false, nil
	}
	if e := rw.poison.load(); e != nil {
		rw.mu.Unlock()
		return false, refused(e)
	}
	return true, nil
}

// TryRLockChecked tries to lock rw for reading: (true, nil) when it acquired a
// read lock, (false, nil) when a writer holds or waits for rw, and (false, err)
// with the *LockPoisonedError, WITHOUT holding the lock, when rw is poisoned.
func (rw *RWMutex) TryRLockChecked() (bool, error) {
	if !rw.mu.TryRLock() {
		return false, nil
	}
	if e := rw.poison.load(); e != nil {
		rw.mu.RUnlock()
		return false, refused(e)
	}
	return true, nil
}

// TryLock tries to lock rw for writing and reports whether it succeeded. If it
// acquires a poisoned rw, it releases it and panics with the
// *LockPoisonedError; if rw is held, it returns false whether or not rw is
// poisoned. TryLockChecked returns the error instead.
func (rw *RWMutex) TryLock() bool {
	if !rw.mu.TryLock() {
		return false
	}
	if rw.poison.load() != nil {
		rw.lockPoisoned()
	}
	return true
}

// Unlock unlocks rw for writing, like sync.RWMutex.Unlock.
//
// When Unlock is deferred and runs because a panic is unwinding, it poisons
// rw: it records the panic value and stack, releases rw, reports the poisoning
// and panics again with the same value. If the panic is rw's own refusal (an
// acquisition of rw after an explicit Unlock was refused), rw is not held and
// Unlock releases nothing before letting the panic continue. Called normally,
// it is a plain unlock.
//
// In a recover handler that releases the write lock, call UnlockPoisoned with
// the recovered value instead.
func (rw *RWMutex) Unlock() {
	if r := recover(); r != nil {
		rw.unlockUnwinding(r)
	} else if panicNilMode && unwindingNil(1) { // a panic(nil) under GODEBUG=panicnil=1
		rw.unlockUnwinding(nil)
	}
	rw.mu.Unlock()
}

// UnlockPoisoned poisons rw with the panic value v, then unlocks its write
// lock: the Unlock for a recover handler that releases the lock (see
// Mutex.UnlockPoisoned). It notifies the OnPoison observers and does not
// panic. When v is nil it is a plain Unlock; when v is rw's own refusal, rw is
// not held and UnlockPoisoned does nothing.
func (rw *RWMutex) UnlockPoisoned(v any) {
	if v == nil {
		rw.mu.Unlock()
		return
	}
	if ownRefusal(v, rw) {
		return
	}
	e := newPoison(rw, rw.name.Load(), v)
	rw.poison.store(e)
	rw.mu.Unlock()
	reportPoison(e)
}

// RLock locks rw for reading, like sync.RWMutex.RLock. If rw is poisoned,
// RLock does not keep the lock and panics with the *LockPoisonedError.
func (rw *RWMutex) RLock() {
	// Not inlinable like Mutex.Lock (see fastpath.go): sync.RWMutex.RLock
	// alone costs 77, and a fast path on TryRLock, a compare-and-swap loop,
	// is slower than RLock's atomic add when readers contend.
	if atomic.LoadUintptr(&waitHookLine.on) != 0 {
		rw.racquire()
	} else {
		rw.mu.RLock()
	}
	if rw.poison.load() != nil {
		rw.rlockPoisoned()
	}
}

// RLockChecked locks rw for reading and returns nil, or, if rw is poisoned,
// returns the *LockPoisonedError WITHOUT holding the lock: call RUnlock only
// after a nil error.
func (rw *RWMutex) RLockChecked() error {
	if atomic.LoadUintptr(&waitHookLine.on) != 0 {
		rw.racquire()
	} else {
		rw.mu.RLock()
	}
	if e := rw.poison.load(); e != nil {
		rw.mu.RUnlock()
		return refused(e)
	}
	return nil
}

// TryRLock tries to lock rw for reading and reports whether it succeeded. If
// it acquires a poisoned rw, it releases it and panics with the
// *LockPoisonedError. TryRLockChecked returns the error instead.
func (rw *RWMutex) TryRLock() bool {
	if !rw.mu.TryRLock() {
		return false
	}
	if rw.poison.load() != nil {
		rw.rlockPoisoned()
	}
	return true
}

// RUnlock undoes a single RLock call, like sync.RWMutex.RUnlock. It never
// poisons, deferred or not. Deferred, it lets a panic continue unchanged;
// when that panic is rw's own refusal (an RLock after an explicit RUnlock was
// refused), the read lock is not held and RUnlock releases nothing.
func (rw *RWMutex) RUnlock() {
	if r := recover(); r != nil {
		rw.runlockUnwinding(r)
	} else if panicNilMode && unwindingNil(1) { // a panic(nil) under GODEBUG=panicnil=1
		rw.runlockUnwinding(nil)
	}
	rw.mu.RUnlock()
}

// RLocker returns a sync.Locker whose Lock and Unlock call rw.RLock and
// rw.RUnlock.
func (rw *RWMutex) RLocker() sync.Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock() { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() {
	// The deferred function is this method, not RUnlock: recover here.
	if p := recover(); p != nil {
		(*RWMutex)(r).runlockUnwinding(p)
	} else if panicNilMode && unwindingNil(1) { // a panic(nil) under GODEBUG=panicnil=1
		(*RWMutex)(r).runlockUnwinding(nil)
	}
	(*RWMutex)(r).mu.RUnlock()
}

// Poisoned reports whether rw is poisoned.
func (rw *RWMutex) Poisoned() bool { return rw.poison.load() != nil }

// ClearPoison clears rw's poison, so that it can be locked again. It does not
// repair the guarded state: call it while holding the write lock taken with
// LockForRepair, after the repair (see Mutex.ClearPoison).
func (rw *RWMutex) ClearPoison() { rw.poison.store(nil) }

// SetName names rw in poison errors, poison events and wait hook calls. The
// default name is "". SetName is safe for concurrent use.
func (rw *RWMutex) SetName(name string) { setName(&rw.name, name) }

// Name returns the name set with SetName, or "".
func (rw *RWMutex) Name() string { return nameOf(&rw.name) }

// runlockUnwinding runs in a deferred RUnlock whose recover stopped the
// panic r: it releases the read lock, unless r is rw's own refusal, and panics
// again with r.
func (rw *RWMutex) runlockUnwinding(r any) {
	if !ownRefusal(r, rw) {
		rw.mu.RUnlock()
	}
	panic(r)
}

//go:noinline
func (rw *RWMutex) lockPoisoned() {
	e := rw.poison.load()
	rw.mu.Unlock()
	panic(refused(e))
}

//go:noinline
func (rw *RWMutex) rlockPoisoned() {
	e := rw.poison.load()
	rw.mu.RUnlock()
	panic(refused(e))
}

// unlockUnwinding runs in a deferred Unlock whose recover stopped the panic
// r: it poisons rw, releases it, reports and panics again with r; or, when r
// is rw's own refusal, only panics again.
func (rw *RWMutex) unlockUnwinding(r any) {
	if ownRefusal(r, rw) {
		panic(r)
	}
	e := newPoison(rw, rw.name.Load(), r)
	rw.poison.store(e)
	rw.mu.Unlock()
	reportPoison(e)
	panic(r)
}
