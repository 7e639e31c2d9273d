package poison

import (
	"context"
	"errors"
	"expvar"
	"fmt"
	"log/slog"
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
// a deferred Unlock of its write lock, so the state it guards may be torn.
//
// errors.Is(err, ErrLockPoisoned) reports true for it, and when the panic value
// is itself an error, errors.Is and errors.As also see that error through
// Unwrap.
//
// One LockPoisonedError is created per poisoning and shared by every later
// acquisition that reports it; treat it as read-only.
type LockPoisonedError struct {
	// Name is the lock's name at the time of poisoning (see Mutex.SetName),
	// or "" when none was set.
	Name string
	// Value is the original panic value, identical to what recover returned.
	// A panic(nil) is seen as a *runtime.PanicNilError.
	Value any
	// Stack is the stack trace of the panicking goroutine, taken while the
	// panic unwound through the deferred Unlock (see runtime/debug.Stack).
	Stack []byte
	// Time is when the lock was poisoned.
	Time time.Time
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

// Unwrap returns the panic value when it is an error, and nil otherwise.
func (e *LockPoisonedError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// PoisonEvent describes one poisoning, as passed to the hook set with
// SetPoisonHook.
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

var (
	poisonHook atomic.Pointer[func(PoisonEvent)]
	waitHook   atomic.Pointer[func(string, time.Duration)]
	// waitHookOn is 1 while waitHook is set, 0 otherwise. Mutex's inlined
	// fast path reads it with atomic.LoadUint32: the cheapest load in
	// inlining cost, which keeps Mutex.Lock within the inlining budget.
	// Only accessed through atomic.LoadUint32/StoreUint32.
	waitHookOn    uint32
	setWaitHookMu sync.Mutex

	poisonings           expvar.Int
	poisonedAcquisitions expvar.Int
)

// ExpvarName is the name of the expvar.Map under which the package publishes
// its counters: "poisonings" (locks poisoned by a panic) and
// "poisoned_acquisitions" (acquisitions refused because the lock was poisoned).
// If the name is already taken when the package is initialized (for example by
// a second copy of this package vendored under another import path), the
// counters are not published.
const ExpvarName = "lockpoison"

func init() {
	// The only init-time side effect: publishing the counters. expvar.Publish
	// panics on duplicate names, so check first.
	if expvar.Get(ExpvarName) == nil {
		m := new(expvar.Map).Init()
		m.Set("poisonings", &poisonings)
		m.Set("poisoned_acquisitions", &poisonedAcquisitions)
		expvar.Publish(ExpvarName, m)
	}
}

// SetPoisonHook sets a function called once for every poisoning, after the
// lock has been released and before the panic continues, on the panicking
// goroutine. A nil hook disables it. The hook must not panic and should return
// quickly; it may acquire the poisoned lock's methods (they report the poison).
// SetPoisonHook is safe for concurrent use.
func SetPoisonHook(hook func(PoisonEvent)) {
	if hook == nil {
		poisonHook.Store(nil)
		return
	}
	poisonHook.Store(&hook)
}

// SetWaitHook sets a function called after every blocking acquisition (Lock,
// RLock, LockChecked, RLockChecked) with the lock's name ("" when unset) and
// the time spent waiting for it, 0 when the lock was free. A nil hook disables
// it; while it is nil no time is measured. The hook runs on the acquiring
// goroutine while it holds the lock, so it must be fast, must not panic, and
// must not acquire the same lock. [WaitHistogram.Observe] is a ready hook.
// SetWaitHook is safe for concurrent use.
func SetWaitHook(hook func(name string, d time.Duration)) {
	// Serialized so that waitHookOn always ends up agreeing with waitHook.
	setWaitHookMu.Lock()
	defer setWaitHookMu.Unlock()
	if hook == nil {
		waitHook.Store(nil)
		atomic.StoreUint32(&waitHookOn, 0)
		return
	}
	waitHook.Store(&hook)
	atomic.StoreUint32(&waitHookOn, 1)
}

// newPoison records a poisoning with panic value r. It runs on the panicking
// goroutine while the lock is still held.
func newPoison(name *string, r any) *LockPoisonedError {
	e := &LockPoisonedError{Value: r, Stack: debug.Stack(), Time: time.Now()}
	if name != nil {
		e.Name = *name
	}
	return e
}

// reportPoison publishes a poisoning: counter, slog record, hook. It runs once
// per poisoning, after the lock has been released.
func reportPoison(e *LockPoisonedError) {
	poisonings.Add(1)
	logger := slog.Default()
	ctx := context.Background()
	if logger.Enabled(ctx, slog.LevelError) {
		logger.LogAttrs(ctx, slog.LevelError, "lockpoison: lock poisoned by panic",
			slog.String("lock", e.Name), slog.Any("panic", e.Value))
	}
	if h := poisonHook.Load(); h != nil {
		(*h)(PoisonEvent{Name: e.Name, Value: e.Value, Stack: e.Stack, Time: e.Time})
	}
}

// refused counts an acquisition refused because of poison and returns e.
func refused(e *LockPoisonedError) *LockPoisonedError {
	poisonedAcquisitions.Add(1)
	return e
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
