package poison

import (
	"sync/atomic"
	"time"
	"unsafe"
)

// The fast paths of Mutex.Lock, Mutex.LockChecked and Mutex.TryLock are
// written to be inlined into their callers, as sync.Mutex's are: an
// uncontended, unpoisoned Lock is then sync.Mutex.TryLock's load and
// compare-and-swap plus two plain loads (the poison word and the wait-hook
// flag), with no call.
//
// The compiler inlines a function whose cost is at most 80, and charges 57 for
// a call to a function it does not inline, but only 17 for a call to a function
// parameter. A fast path with one ordinary call to its slow path costs more
// than 80 (sync.Mutex.TryLock alone is 30), so each method passes its slow path
// as an argument to an inlinable helper (m.lock(lockSlow)); once inlined, the
// argument is a constant and the slow path an ordinary (indirect) call. The
// costs are checked by TestFastPathsInline.
//
// The fast path takes the lock with TryLock rather than Lock: when that fails
// (m is held, or in starvation mode) the slow path calls sync.Mutex.Lock, so
// queueing, spinning, starvation mode and the mutex profile are sync's. A
// TryLock that succeeds while others wait barges in exactly as sync.Mutex.Lock
// does in normal mode.

// poisonWord is a lock's poison: nil, or the *LockPoisonedError of its
// poisoning. It is accessed only atomically. It is an unsafe.Pointer rather
// than an atomic.Pointer[LockPoisonedError] because the generic Load of the
// latter costs 9 in the inliner's budget where atomic.LoadPointer costs 4:
// with it, Mutex.Lock and Mutex.LockChecked would not be inlined.
type poisonWord struct{ p unsafe.Pointer }

func (w *poisonWord) load() *LockPoisonedError {
	return (*LockPoisonedError)(atomic.LoadPointer(&w.p))
}

func (w *poisonWord) store(e *LockPoisonedError) { atomic.StorePointer(&w.p, unsafe.Pointer(e)) }

// lock is the inlinable body of Mutex.Lock; slow is always lockSlow.
func (m *Mutex) lock(slow func(*Mutex, bool)) {
	held := m.mu.TryLock()
	if held && uintptr(atomic.LoadPointer(&m.poison.p))|atomic.LoadUintptr(&waitHookLine.on) == 0 {
		return
	}
	slow(m, held)
}

// lockSlow finishes a Lock whose fast path saw m held, poisoned or the wait
// hook set; held reports whether the fast path acquired m.
//
//go:noinline
func lockSlow(m *Mutex, held bool) {
	m.acquire(held)
	if e := m.poison.load(); e != nil {
		m.mu.Unlock()
		panic(refused(e))
	}
}

// lockChecked is the inlinable body of Mutex.LockChecked; slow is always
// lockCheckedSlow.
func (m *Mutex) lockChecked(slow func(*Mutex, bool) error) error {
	held := m.mu.TryLock()
	if held && uintptr(atomic.LoadPointer(&m.poison.p))|atomic.LoadUintptr(&waitHookLine.on) == 0 {
		return nil
	}
	return slow(m, held)
}

// lockCheckedSlow finishes a LockChecked whose fast path did not succeed (see
// lockSlow).
//
//go:noinline
func lockCheckedSlow(m *Mutex, held bool) error {
	m.acquire(held)
	if e := m.poison.load(); e != nil {
		m.mu.Unlock()
		return refused(e)
	}
	return nil
}

// tryLock is the inlinable body of Mutex.TryLock; poisoned is always
// tryLockPoisoned.
func (m *Mutex) tryLock(poisoned func(*Mutex)) bool {
	if !m.mu.TryLock() {
		return false
	}
	if atomic.LoadPointer(&m.poison.p) != nil {
		poisoned(m)
	}
	return true
}

// tryLockPoisoned releases m, which a TryLock acquired poisoned, and panics
// with its poison.
//
//go:noinline
func tryLockPoisoned(m *Mutex) {
	e := m.poison.load()
	m.mu.Unlock()
	panic(refused(e))
}

// acquire locks m unless held (the caller's TryLock already did), and reports
// the wait to the wait hook when one is set: the time Lock blocked, or 0 when
// m was taken at once.
func (m *Mutex) acquire(held bool) {
	h := waitHook.Load()
	if h == nil {
		if !held {
			m.mu.Lock()
		}
		return
	}
	var d time.Duration
	if !held && !m.mu.TryLock() {
		start := time.Now()
		m.mu.Lock()
		d = time.Since(start)
	}
	(*h)(m.Name(), d)
}

// acquire write-locks rw, reporting the wait to the wait hook when one is set
// (see Mutex.acquire).
func (rw *RWMutex) acquire() {
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

// racquire read-locks rw, reporting the wait to the wait hook when one is
// set (see Mutex.acquire).
func (rw *RWMutex) racquire() {
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
