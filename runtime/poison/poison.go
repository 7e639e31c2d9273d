package poison

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
)

// ErrLockPoisoned is matched, through errors.Is, by every error this package
// returns because a lock was poisoned. The concrete error is a
// [*LockPoisonedError], which carries the details.
var ErrLockPoisoned = errors.New("lock poisoned")

// LockPoisonedError reports that a lock was poisoned: a panic unwound through
// a deferred Unlock of its write lock (or UnlockPoisoned was called), so the
// state it guards may be torn.
//
// errors.Is(err, ErrLockPoisoned) reports true for it, and nothing else does:
// the panic value is not reachable through Unwrap, so a poisoned lock whose
// panic value was, say, context.Canceled is not mistaken for a cancellation by
// code that ignores those. The panic value is in the Value field (and
// PanicValue); test it explicitly when it matters.
//
// One LockPoisonedError is created per poisoning and shared by every later
// acquisition that reports it; treat it as read-only.
type LockPoisonedError struct {
	// Name is the lock's name at the time of poisoning (see Mutex.SetName),
	// or "" when none was set.
	Name string
	// Value is the original panic value, identical to what recover returned.
	// A panic(nil) is seen as a *runtime.PanicNilError (nil under
	// GODEBUG=panicnil=1).
	Value any
	// Stack is the stack trace of the panicking goroutine, taken while the
	// panic unwound through the deferred Unlock (see runtime/debug.Stack).
	Stack []byte
	// Time is when the lock was poisoned.
	Time time.Time

	// owner is the *Mutex or *RWMutex that was poisoned: a deferred unlock
	// that sees its own lock's refusal unwinding knows the lock is not held.
	owner any
}

// Error returns a message naming the lock and the panic value.
func (e *LockPoisonedError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("lock poisoned by panic: %v", e.Value)
	}
	return fmt.Sprintf("lock %q poisoned by panic: %v", e.Name, e.Value)
}

// Is reports whether target is ErrLockPoisoned, so that
// errors.Is(err, ErrLockPoisoned) holds.
func (e *LockPoisonedError) Is(target error) bool { return target == ErrLockPoisoned }

// PanicValue returns the original panic value, the same as the Value field.
func (e *LockPoisonedError) PanicValue() any { return e.Value }

// PoisonEvent describes one poisoning, as passed to the observers registered
// with OnPoison.
type PoisonEvent struct {
	// Name is the lock's name, or "" when none was set.
	Name string
	// Value is the original panic value.
	Value any
	// Stack is the stack trace of the panicking goroutine.
	Stack []byte
	// Time is when the lock was poisoned.
	Time time.Time
}

// observer is one function registered with OnPoison; its address identifies
// the registration.
type observer struct{ fn func(PoisonEvent) }

var (
	// observers is copied on write under observersMu; readers only load it.
	observers   atomic.Pointer[[]*observer]
	observersMu sync.Mutex

	waitHook      atomic.Pointer[func(string, time.Duration)]
	setWaitHookMu sync.Mutex

	poisonings atomic.Uint64
	refusals   atomic.Uint64
)

// waitHookLine.on is 1 while waitHook is set, 0 otherwise: the fast paths
// read this one word, only through atomic.LoadUintptr (a plain load on amd64),
// and SetWaitHook writes it. Every acquisition in the program reads it, so it
// is padded: a variable written often that shared its cache line would turn
// each of those reads into a cache miss. The word comes first because the
// inliner charges less for it there, and Mutex.LockChecked is within one of
// its budget (see fastpath.go); the linker sorts data by size, so what may
// precede it in its line is the tail of another large variable.
var waitHookLine struct {
	on uintptr
	_  [120]byte
}

// OnPoison registers fn to be called once for every poisoning, after the lock
// has been released and before the panic continues, on the panicking goroutine,
// and returns a function that removes the registration (calling it more than
// once is harmless). Any number of observers may be registered; they are called
// in registration order. An observer must not panic and should return quickly;
// it may call the poisoned lock's methods (they report the poison).
//
// Nothing is registered by default: the package logs nothing and publishes
// nothing unless asked. The subpackage
// github.com/lockpoison/lockpoison/runtime/poison/observe has ready observers
// for log/slog and expvar.
func OnPoison(fn func(PoisonEvent)) (remove func()) {
	if fn == nil {
		return func() {}
	}
	o := &observer{fn}
	observersMu.Lock()
	defer observersMu.Unlock()
	var next []*observer
	if cur := observers.Load(); cur != nil {
		next = append(next, *cur...)
	}
	next = append(next, o)
	observers.Store(&next)
	return func() {
		observersMu.Lock()
		defer observersMu.Unlock()
		cur := observers.Load()
		if cur == nil {
			return
		}
		var next []*observer
		for _, x := range *cur {
			if x != o {
				next = append(next, x)
			}
		}
		observers.Store(&next)
	}
}

// Stats are the package's counters, over all locks since the program started.
type Stats struct {
	// Poisonings counts locks poisoned by a panic (or UnlockPoisoned).
	Poisonings uint64
	// Refusals counts acquisitions refused because the lock was poisoned.
	Refusals uint64
}

// ReadStats returns the current counters. It is safe for concurrent use.
func ReadStats() Stats {
	return Stats{Poisonings: poisonings.Load(), Refusals: refusals.Load()}
}

// SetWaitHook sets a function called after every blocking acquisition (Lock,
// RLock, LockChecked, RLockChecked, LockForRepair) with the lock's name (""
// when unset) and the time spent waiting for it, 0 when the lock was free. A
// nil hook disables it; while it is nil no time is measured. The hook runs on
// the acquiring goroutine while it holds the lock, so it must be fast, must not
// panic, and must not acquire the same lock. [WaitHistogram.Observe] is a ready
// hook. SetWaitHook is safe for concurrent use.
func SetWaitHook(hook func(name string, d time.Duration)) {
	// Serialized so that waitHookLine.on always ends up agreeing with waitHook.
	setWaitHookMu.Lock()
	defer setWaitHookMu.Unlock()
	if hook == nil {
		waitHook.Store(nil)
		atomic.StoreUintptr(&waitHookLine.on, 0)
		return
	}
	waitHook.Store(&hook)
	atomic.StoreUintptr(&waitHookLine.on, 1)
}

// newPoison records a poisoning of owner with panic value r. It runs on the
// panicking goroutine while the lock is still held.
func newPoison(owner any, name *string, r any) *LockPoisonedError {
	e := &LockPoisonedError{Value: r, Stack: debug.Stack(), Time: time.Now(), owner: owner}
	if name != nil {
		e.Name = *name
	}
	return e
}

// reportPoison publishes a poisoning to the counter and the observers. It runs
// once per poisoning, after the lock has been released.
func reportPoison(e *LockPoisonedError) {
	poisonings.Add(1)
	if obs := observers.Load(); obs != nil {
		for _, o := range *obs {
			o.fn(PoisonEvent{Name: e.Name, Value: e.Value, Stack: e.Stack, Time: e.Time})
		}
	}
}

// refused counts an acquisition refused because of poison and returns e.
func refused(e *LockPoisonedError) *LockPoisonedError {
	refusals.Add(1)
	return e
}

// ownRefusal reports whether the panic value r is the refusal of the lock
// owner: then the goroutine does not hold owner (a refused acquisition
// releases the lock before panicking), and the deferred unlock that recovered
// r must release nothing. This is how "mu.Lock(); defer mu.Unlock(); ...
// mu.Unlock(); ...; mu.Lock()" and a sync.Cond Wait under a deferred Unlock
// stay correct when another goroutine poisons mu in between.
func ownRefusal(r any, owner any) bool {
	e, ok := r.(*LockPoisonedError)
	return ok && e.owner == owner
}

// panicNilMode is true when recover returns nil for panic(nil), as under
// GODEBUG=panicnil=1: then a deferred Unlock cannot tell a panic(nil) from a
// normal return by recover alone and asks unwindingNil.
var panicNilMode = func() (old bool) {
	defer func() { old = recover() == nil }()
	panic(nil) //nolint:govet // probing the panicnil setting
}()

// unwindingNil reports, in panicNilMode, whether the deferred unlock that
// called it (skip frames up) was called by the runtime's panic machinery,
// which means that recover() just stopped a panic(nil). Only runs under
// GODEBUG=panicnil=1: it costs a runtime.Caller per deferred unlock.
func unwindingNil(skip int) bool {
	pc, _, _, ok := runtime.Caller(skip + 1)
	if !ok {
		return false
	}
	f := runtime.FuncForPC(pc)
	return f != nil && f.Name() == "runtime.gopanic"
}

func nameOf(p *atomic.Pointer[string]) string {
	if s := p.Load(); s != nil {
		return *s
	}
	return ""
}

func setName(p *atomic.Pointer[string], name string) {
	if name == "" {
		p.Store(nil)
		return
	}
	p.Store(&name)
}
