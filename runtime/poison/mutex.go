package poison

import (
	"runtime"
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
//
// Mutex has its own lock word rather than wrapping a sync.Mutex, so that the
// uncontended Lock is a single compare-and-swap inlined into the caller, like
// sync.Mutex.Lock. Its slow path differs from sync.Mutex: a waiter spins a few
// times, then parks; Unlock wakes one parked waiter, which competes again with
// goroutines arriving meanwhile. There is no starvation mode: under heavy,
// sustained contention a parked waiter can be overtaken repeatedly (each
// wake-up makes it spin again before parking, which bounds the unfairness in
// practice but does not guarantee FIFO order).
type Mutex struct {
	// state holds mutexLocked, mutexPoisoned and, from bit mutexWaiterShift
	// up, the number of parked (or about to park) waiters. Any bit besides
	// mutexLocked makes the inlined fast paths fail into the slow ones.
	state  atomic.Int32
	sema   atomic.Pointer[chan struct{}] // created on first contention
	poison atomic.Pointer[LockPoisonedError]
	name   atomic.Pointer[string]
}

const (
	mutexLocked      = 1 << iota
	mutexPoisoned    // a hint mirroring poison != nil: keeps Lock off the fast path
	mutexWaiterShift = iota

	mutexSpins = 4 // acquisition attempts, with runtime.Gosched, before parking
)

var _ sync.Locker = (*Mutex)(nil)

// Lock locks m, blocking until it is available, like sync.Mutex.Lock.
// If m is poisoned, Lock does not keep the lock and panics with the
// *LockPoisonedError (use LockChecked to get it as an error instead).
func (m *Mutex) Lock() {
	// Inlined fast path: a free, unpoisoned mutex with no waiters and no wait
	// hook set. Everything else goes through lockSlow.
	if atomic.LoadUint32(&waitHookOn) != 0 || !m.state.CompareAndSwap(0, mutexLocked) {
		m.lockSlow()
	}
}

// LockChecked locks m and returns nil, or, if m is poisoned, returns the
// *LockPoisonedError (matching ErrLockPoisoned) WITHOUT holding the lock: call
// Unlock only after a nil error.
func (m *Mutex) LockChecked() error {
	if atomic.LoadUint32(&waitHookOn) == 0 && m.state.CompareAndSwap(0, mutexLocked) {
		return nil
	}
	return m.lockCheckedSlow()
}

// TryLock tries to lock m and reports whether it succeeded, like
// sync.Mutex.TryLock. If it acquires a poisoned m, it releases it and panics
// with the *LockPoisonedError, like Lock.
func (m *Mutex) TryLock() bool {
	if !m.tryAcquire() {
		return false
	}
	if m.state.Load()&mutexPoisoned != 0 && m.poisonedWhileHeld() != nil {
		m.lockPoisoned()
	}
	return true
}

// Unlock unlocks m, like sync.Mutex.Unlock. Unlocking an unlocked m panics
// with the message "poison: unlock of unlocked mutex" (sync.Mutex makes this
// an unrecoverable fatal error, which a package outside the runtime cannot).
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
	if s := m.state.Add(-mutexLocked); s != 0 {
		m.unlockSlow(s)
	}
}

// Poisoned reports whether m is poisoned.
func (m *Mutex) Poisoned() bool { return m.poison.Load() != nil }

// ClearPoison clears m's poison, so that it can be locked again. It does not
// need the lock and does not repair the state the lock guards: call it once
// that state is known to be consistent again (for instance rebuilt).
func (m *Mutex) ClearPoison() {
	m.poison.Store(nil)
	m.syncPoisonBit()
}

// SetName names m in poison errors, poison events, log records and wait hook
// calls. The default name is "". SetName is safe for concurrent use.
func (m *Mutex) SetName(name string) { setName(&m.name, name) }

// Name returns the name set with SetName, or "".
func (m *Mutex) Name() string { return nameOf(&m.name) }

// syncPoisonBit makes the mutexPoisoned hint agree with m.poison after the
// poison was cleared. Every poisoning stores the error and then sets the bit;
// clearing the bit and then re-reading the poison means that, whatever the
// interleaving with a concurrent poisoning, the bit ends up set whenever the
// poison ends up non-nil. A stale set bit only costs a trip through the slow
// path, which clears it.
func (m *Mutex) syncPoisonBit() {
	m.state.And(^int32(mutexPoisoned))
	if m.poison.Load() != nil {
		m.state.Or(mutexPoisoned)
	}
}

// poisonedWhileHeld returns m's poison, the lock being held by the caller, and
// clears a stale mutexPoisoned bit.
func (m *Mutex) poisonedWhileHeld() *LockPoisonedError {
	if e := m.poison.Load(); e != nil {
		return e
	}
	m.syncPoisonBit()
	return m.poison.Load()
}

//go:noinline
func (m *Mutex) lockSlow() {
	m.acquireSlow()
	if m.state.Load()&mutexPoisoned != 0 && m.poisonedWhileHeld() != nil {
		m.lockPoisoned()
	}
}

func (m *Mutex) lockCheckedSlow() error {
	m.acquireSlow()
	if m.state.Load()&mutexPoisoned != 0 {
		if e := m.poisonedWhileHeld(); e != nil {
			m.release()
			return refused(e)
		}
	}
	return nil
}

// tryAcquire takes the lock word if it is free, ignoring the poison.
func (m *Mutex) tryAcquire() bool {
	for {
		s := m.state.Load()
		if s&mutexLocked != 0 {
			return false
		}
		if m.state.CompareAndSwap(s, s|mutexLocked) {
			return true
		}
	}
}

// acquireSlow takes the lock word, blocking, ignoring the poison, and reports
// the wait to the wait hook if one is set.
func (m *Mutex) acquireSlow() {
	h := waitHook.Load()
	if h == nil {
		m.acquire()
		return
	}
	var d time.Duration
	if !m.tryAcquire() {
		start := time.Now()
		m.acquire()
		d = time.Since(start)
	}
	(*h)(m.Name(), d)
}

// acquire takes the lock word, blocking: it spins mutexSpins times, then
// registers as a waiter and parks on the semaphore channel until an Unlock
// hands it a token, and starts over.
func (m *Mutex) acquire() {
	spins := 0
	for {
		s := m.state.Load()
		if s&mutexLocked == 0 {
			if m.state.CompareAndSwap(s, s|mutexLocked) {
				return
			}
			continue
		}
		if spins < mutexSpins {
			spins++
			runtime.Gosched()
			continue
		}
		// Register only while the lock is held: its holder's Unlock then
		// sees the waiter and sends a token. The token stays in the channel
		// buffer if it is sent before we receive, so no wake-up is lost.
		if m.state.CompareAndSwap(s, s+1<<mutexWaiterShift) {
			<-m.semaphore()
			spins = 0
		}
	}
}

// semaphore returns m's wake-up channel, creating it on first use.
func (m *Mutex) semaphore() chan struct{} {
	if c := m.sema.Load(); c != nil {
		return *c
	}
	c := make(chan struct{}, 1)
	if m.sema.CompareAndSwap(nil, &c) {
		return c
	}
	return *m.sema.Load()
}

// release unlocks the lock word, held by the caller.
func (m *Mutex) release() {
	if s := m.state.Add(-mutexLocked); s != 0 {
		m.unlockSlow(s)
	}
}

// unlockSlow runs after the lock word was decremented to s != 0: it detects an
// unlock of an unlocked mutex and wakes one waiter if the mutex is still free.
//
//go:noinline
func (m *Mutex) unlockSlow(s int32) {
	if s&mutexLocked != 0 {
		// The bit was clear before the decrement: undo it, then panic.
		m.state.Add(mutexLocked)
		panic("poison: unlock of unlocked mutex")
	}
	for {
		if s>>mutexWaiterShift == 0 || s&mutexLocked != 0 {
			// No waiter, or another goroutine took the lock: its Unlock
			// will wake a waiter.
			return
		}
		if m.state.CompareAndSwap(s, s-1<<mutexWaiterShift) {
			// The waiter registered before it parks; if the buffer already
			// holds a token for another waiter not yet received, this send
			// waits until one of them receives (shortly).
			m.semaphore() <- struct{}{}
			return
		}
		s = m.state.Load()
	}
}

// lockPoisoned releases m, held by the caller, and panics with its poison.
func (m *Mutex) lockPoisoned() {
	e := m.poison.Load()
	m.release()
	panic(refused(e))
}

// poisonAndRepanic poisons m, held by the caller, with the recovered panic
// value r, releases m, reports and panics again with r.
func (m *Mutex) poisonAndRepanic(r any) {
	e := newPoison(m.name.Load(), r)
	m.poison.Store(e)
	m.state.Or(mutexPoisoned)
	m.release()
	reportPoison(e)
	panic(r)
}

// UnlockPoisoned poisons m with v and unlocks it. It is for a recover
// handler that releases the lock itself (if v := recover(); v != nil {
// m.UnlockPoisoned(v) }): a plain Unlock there cannot see the panic, which
// the handler has already recovered. m must be locked.
func (m *Mutex) UnlockPoisoned(v any) {
	e := newPoison(m.name.Load(), v)
	m.poison.Store(e)
	m.state.Or(mutexPoisoned)
	m.release()
	reportPoison(e)
}
