// Package poison provides mutexes that are poisoned by a panic, and a
// poison-aware map built on them.
//
// Go's sync.Mutex has no poisoning: when a panic unwinds through a critical
// section whose unlock is deferred and something up the stack recovers it, the
// lock is released with the guarded state half-updated, and every later holder
// silently reads torn state. [Mutex] and [RWMutex] are drop-in replacements for
// sync.Mutex and sync.RWMutex that turn that situation into an explicit error
// for the next user, the way Rust's std::sync::Mutex does:
//
//	type Cache struct {
//		mu    poison.Mutex // was: sync.Mutex
//		items map[string]*Item
//	}
//
//	func (c *Cache) Put(k string, it *Item) {
//		c.mu.Lock()
//		defer c.mu.Unlock() // a panic below poisons c.mu
//		c.items[k] = it
//		c.index(it) // may panic
//	}
//
// A panic that unwinds through a deferred Unlock of a write lock poisons the
// lock: the deferred Unlock recovers the panic, records its value and stack,
// releases the lock and panics again with the same value, so that callers, their
// recover handlers and crash stack traces see the original panic. From then on,
// Lock, RLock, TryLock and TryRLock panic with a [*LockPoisonedError], and the
// checked forms (LockChecked, RLockChecked, TryLockChecked, TryRLockChecked)
// return it, in both cases without holding the lock.
//
// Recovering from poison: take the lock with [Mutex.LockForRepair], which
// acquires it although it is poisoned and returns the poison error; repair
// (reset or rebuild) the guarded state; call [Mutex.ClearPoison]; Unlock.
// Nobody else gets the lock between the panic and the repair. For a
// [Registry], [Registry.Repair] does the same around a callback.
//
// Mutex and RWMutex are a sync.Mutex / sync.RWMutex plus a poison word: where
// code is correct with sync it stays correct. In particular a deferred unlock
// that a refusal of its own lock unwinds through (Lock; defer Unlock; ...
// Unlock; ... Lock refused, or a sync.Cond Wait whose re-acquisition is
// refused) releases nothing, since the lock is not held.
//
// Read locks never poison (a reader cannot tear the state), and an explicit,
// non-deferred Unlock is a plain unlock: only the deferred form can observe a
// panic. A recover handler that releases the lock calls
// [Mutex.UnlockPoisoned] with the recovered value instead of Unlock.
//
// [Registry] is a map guarded by an [RWMutex] whose methods return errors
// matching [ErrLockPoisoned] once an [Registry.Update] callback has panicked.
//
// The package is quiet until asked: it logs nothing, publishes nothing and
// imports neither log/slog nor expvar. [OnPoison] registers observers of
// poisonings (any number, each with a remove function), [ReadStats] returns
// the counters, [SetWaitHook] (opt-in) reports lock wait times, for example
// into a [WaitHistogram]. The subpackage observe logs poisonings through
// log/slog and publishes the counters through expvar when asked.
//
// panic(nil): with the default setting (Go 1.21 and later) it panics with a
// *runtime.PanicNilError, which poisons like any value. Under
// GODEBUG=panicnil=1, recover returns nil for it; a deferred Unlock then
// checks whether the runtime's panic machinery called it (one runtime.Caller
// per deferred unlock, only in that mode) and, if so, poisons with a nil
// Value and lets the panic(nil) continue, as sync would.
//
// runtime.Goexit (t.FailNow, for instance) through a deferred Unlock is not a
// panic: the lock is released without poisoning, also when Goexit is called
// by a deferred function while a panic unwinds (Goexit then supersedes the
// panic, and recover returns nil below it).
package poison
