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
// Lock and RLock panic with a [*LockPoisonedError], and LockChecked and
// RLockChecked return it, until [Mutex.ClearPoison] is called.
//
// Read locks never poison (a reader cannot tear the state), and an explicit,
// non-deferred Unlock is a plain unlock: only the deferred form can observe a
// panic.
//
// [Registry] is a map guarded by an [RWMutex] whose methods return errors
// matching [ErrLockPoisoned] once an [Registry.Update] callback has panicked.
//
// Observability: [SetPoisonHook] reports every poisoning, [SetWaitHook]
// (opt-in) reports lock wait times, for example into a [WaitHistogram], each
// poisoning is logged once through slog.Default at level Error, and the
// counters "poisonings" and "poisoned_acquisitions" are published through
// expvar under the map "lockpoison". Hooks that are not set cost nothing
// measurable on the fast path.
//
// Limitation: with GODEBUG=panicnil=1, recover returns nil for panic(nil), so a
// panic(nil) through a deferred Unlock is indistinguishable from a normal
// return: the panic is stopped there and the lock is not poisoned. With the
// default setting (Go 1.21 and later) panic(nil) panics with a
// *runtime.PanicNilError, which poisons like any other value.
package poison
