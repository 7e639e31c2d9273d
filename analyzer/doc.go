package analyzer

// Doc is the analyzer's documentation.
const Doc = `report panics recovered while a lock is held or its state is half-updated

A panic that unwinds through a critical section and is then recovered (by a
deferred recover, a recovering helper such as util.Go, or the recover that
net/http runs around every handler) leaves the program running with either
the mutex still locked, so the next Lock deadlocks, or the state the mutex
guards half-updated.

lockpoison reports five checks:

  lock-leak       a panic point inside a section with an explicit Unlock is
                  reached by a swallowing recover: the lock stays held.
  torn-state      inside a write section with a deferred Unlock (or one a
                  recover handler unlocks), guarded state is written, then a
                  panic point skips a further write: the lock is released
                  with the state half-updated.
  handler-relock  a recover handler acquires a lock that may still be held at
                  a panic point it covers: self-deadlock.
  handler-unlock  a recover handler unlocks a lock that is not held at a
                  panic point it covers: a fatal error no recover stops.
  poison-ignored  the error of a runtime/poison checked acquisition is dropped.

WRONG:

	func (c *Cache) Get(k string) (v *Item, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("get %s: %v", k, r)
			}
		}()
		c.mu.Lock()
		v = c.load(k) // may panic: c.mu stays locked
		c.mu.Unlock()
		return v, nil
	}

RIGHT:

	func (c *Cache) Get(k string) (v *Item, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("get %s: %v", k, r)
			}
		}()
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.load(k), nil
	}

For state that a panic may tear, use poison.Mutex from
github.com/lockpoison/lockpoison/runtime/poison: a panic through its deferred
Unlock poisons it, and the next Lock reports LockPoisoned instead of handing
out torn state.

Suppress a finding with a //lockpoison:ignore <reason> comment on the line
of the report or the line above it.`
