// Package analyzer defines lockpoison, an analysis pass that reports panics
// recovered while a lock is held, or after the state it guards was
// half-updated.
//
// # Analyzer lockpoison
//
// lockpoison: report panics recovered while a lock is held or its state is half-updated
//
// A panic that unwinds through a critical section and is then recovered (by a
// deferred recover, a recovering helper such as util.Go, or the recover that
// net/http runs around every handler) leaves the program running with either
// the mutex still locked, so the next Lock deadlocks, or the state the mutex
// guards half-updated.
//
// lockpoison reports these checks (select them with -checks):
//
//	lock-leak       a panic point inside a section with an explicit unlock is
//	                reached by a swallowing recover: the lock stays held and the
//	                next Lock deadlocks.
//	torn-state      in a write section with a deferred unlock (or one the
//	                recover handler unlocks), a guarded write, then a panic
//	                point, then a guarded write the panic skips, reached by a
//	                swallowing recover: the lock is released with the state
//	                half-updated.
//	handler-relock  a recover handler (or a function it calls) acquires a lock
//	                still held at a panic point it covers: the handler
//	                deadlocks.
//	handler-unlock  a recover handler unlocks a lock (often a variable holding
//	                "the current lock") that is not held at a panic point it
//	                covers: a fatal error that no recover stops.
//	poison-ignored  the error of a runtime/poison checked acquisition or
//	                Registry method is discarded, or the poison is cleared and
//	                the guarded state read unrepaired: a poisoned lock goes
//	                unnoticed.
//
// It also reports about itself (categories directive, capped). The 5 checks are
// documented at https://github.com/lockpoison/lockpoison/blob/main/docs/checks/README.md.
//
// WRONG:
//
//	func (c *Cache) Get(k string) (v *Item, err error) {
//		defer func() {
//			if r := recover(); r != nil {
//				err = fmt.Errorf("get %s: %v", k, r)
//			}
//		}()
//		c.mu.Lock()
//		v = c.load(k) // may panic: c.mu stays locked
//		c.mu.Unlock()
//		return v, nil
//	}
//
// RIGHT:
//
//	func (c *Cache) Get(k string) (v *Item, err error) {
//		defer func() {
//			if r := recover(); r != nil {
//				err = fmt.Errorf("get %s: %v", k, r)
//			}
//		}()
//		c.mu.Lock()
//		defer c.mu.Unlock()
//		return c.load(k), nil
//	}
//
// For state that a panic may tear, use poison.Mutex from
// github.com/lockpoison/lockpoison/runtime/poison: a panic through its deferred
// Unlock poisons it, and the next Lock reports LockPoisoned instead of handing
// out torn state.
//
// Suppress a finding with a //lockpoison:ignore <reason> comment on the line
// of the report or the line above it.
//
// Handlers of web frameworks on net/http (a parameter whose type has a field
// or method Request of type *http.Request: gin, echo) run under the server's
// recover. In a declaration's doc comment, //lockpoison:boundary marks a
// function that recovers (its body and the func values passed to it run under
// its recover) and //lockpoison:recovered a function, method, type or
// interface whose methods are called under a swallowing recover (a gRPC
// service behind a recovery interceptor); importers see both as facts.
package analyzer
