package poisonuse

import (
	"errors"

	"github.com/lockpoison/lockpoison/runtime/poison"
)

type Cache struct {
	mu    poison.Mutex
	items map[string]int
	order []string
}

// The poison is cleared and the torn state served as is: Rust's
// poisoned.into_inner() with the data used unchanged.
func (c *Cache) GetClearThenLock(k string) int {
	if err := c.mu.LockChecked(); err != nil {
		c.mu.ClearPoison() // want `the poison of c.mu is cleared without repairing its state: c.items is read at line 23 before anything it guards is written`
		c.mu.Lock()
	}
	defer c.mu.Unlock()
	return c.items[k]
}

// Through the repair path, without a repair.
func (c *Cache) GetRepairPath(k string) int {
	if err := c.mu.LockForRepair(); err != nil {
		c.mu.ClearPoison() // want `the poison of c.mu is cleared without repairing its state: c.order is read`
	}
	defer c.mu.Unlock()
	n := len(c.order)
	c.items[k] = n
	return n
}

// Nearby correct form: reset the state before clearing.
func (c *Cache) GetReset(k string) int {
	if err := c.mu.LockForRepair(); err != nil {
		c.items = map[string]int{}
		c.order = nil
		c.mu.ClearPoison()
	}
	defer c.mu.Unlock()
	return c.items[k]
}

// Nearby correct form: rebuild after clearing, before reading.
func (c *Cache) GetRebuildAfter(k string) int {
	if err := c.mu.LockForRepair(); err != nil {
		c.mu.ClearPoison()
		c.rebuild()
	}
	defer c.mu.Unlock()
	return c.items[k]
}

// Nearby correct form: the rebuild reads the state it keeps (order) and
// replaces the part the panic may have torn.
func (c *Cache) GetRebuildFromOrder(k string) int {
	if err := c.mu.LockForRepair(); err != nil {
		items := make(map[string]int, len(c.order))
		for _, o := range c.order {
			items[o] = c.items[o]
		}
		c.items = items
		c.mu.ClearPoison()
	}
	defer c.mu.Unlock()
	return c.items[k]
}

// Nearby correct form: return the error (clearing is someone else's job).
func (c *Cache) GetReturn(k string) (int, error) {
	if err := c.mu.LockChecked(); err != nil {
		return 0, err
	}
	defer c.mu.Unlock()
	return c.items[k], nil
}

// Clearing on a path that then returns reads nothing after the clear.
func (c *Cache) ClearAndReturn(k string) (int, error) {
	err := c.mu.LockChecked()
	if err != nil {
		c.mu.ClearPoison()
		return 0, err
	}
	defer c.mu.Unlock()
	return c.items[k], nil
}

func (c *Cache) rebuild() {
	c.items = map[string]int{}
	for i, k := range c.order {
		c.items[k] = i
	}
}

type Tasks struct {
	reg poison.Registry[string, int]
}

var errTorn = errors.New("torn")

func (t *Tasks) RepairNothing() error {
	return t.reg.Repair(func(m map[string]int) error { // want `the callback of t.reg.Repair changes nothing and returns nil: it clears the poison of t.reg`
		_ = len(m)
		return nil
	})
}

// Nearby correct forms: delete the torn entries, or refuse with an error.
func (t *Tasks) RepairDelete() error {
	return t.reg.Repair(func(m map[string]int) error {
		for k, v := range m {
			if v < 0 {
				delete(m, k)
			}
		}
		return nil
	})
}

func (t *Tasks) RepairRefuse() error {
	return t.reg.Repair(func(m map[string]int) error {
		if len(m) > 0 {
			return errTorn
		}
		return nil
	})
}

func (t *Tasks) RepairDiscarded() {
	t.reg.Repair(func(m map[string]int) error { // want `the error of t.reg.Repair is discarded`
		clear(m)
		return nil
	})
}

func (c *Cache) RepairPathDiscarded(k string) int {
	c.mu.LockForRepair() // want `the error of c.mu.LockForRepair is discarded and c.items is read at line 144 before anything it guards is written`
	defer c.mu.Unlock()
	return c.items[k]
}

func (c *Cache) TryDiscarded() bool {
	ok, _ := c.mu.TryLockChecked() // want `the error of c.mu.TryLockChecked is discarded`
	if ok {
		c.mu.Unlock()
	}
	return ok
}

// In a switch: the path goes on after the switch, not into the other clauses.
func (c *Cache) Switch(k string) int {
	err := c.mu.LockChecked()
	switch {
	case err != nil:
		c.mu.ClearPoison() // want `the poison of c.mu is cleared without repairing its state: c.order is read at line 167`
		c.mu.Lock()
	case k == "":
		c.mu.Unlock()
		return len(c.items)
	}
	defer c.mu.Unlock()
	return len(c.order)
}

// The reset is in the clause, but after the clear and a fresh Lock: between
// the two, other goroutines get the lock and the torn state.
func (c *Cache) SwitchReset(k string) int {
	err := c.mu.LockChecked()
	switch {
	case k == "":
		c.mu.Unlock()
		return len(c.items)
	case err != nil:
		c.mu.ClearPoison() // want `the poison of c.mu is cleared before c.mu is taken at line 180: other goroutines can use the torn state before the repair`
		c.mu.Lock()
		c.order = nil
	}
	defer c.mu.Unlock()
	return len(c.order)
}

// Nearby correct form: the reset under the lock taken by LockForRepair, the
// other clause's read not on the path.
func (c *Cache) SwitchRepair(k string) int {
	err := c.mu.LockForRepair()
	switch {
	case err == nil && k == "":
		c.mu.Unlock()
		return 0
	case err != nil:
		c.order = nil
		c.items = nil
		c.mu.ClearPoison()
	}
	defer c.mu.Unlock()
	return len(c.order)
}

// Clear first, repair after: the window the repair path closes.
func (c *Cache) ResetRacy() {
	c.mu.ClearPoison() // want `the poison of c.mu is cleared before c.mu is taken at line 207`
	c.mu.Lock()
	c.items = map[string]int{}
	c.order = nil
	c.mu.Unlock()
}

// Nearby correct form.
func (c *Cache) Reset() {
	_ = c.mu.LockForRepair() // any poison is replaced by the reset below
	c.items = map[string]int{}
	c.order = nil
	c.mu.ClearPoison()
	c.mu.Unlock()
}

// The read is on the other branch of the if: not after the clear.
func (c *Cache) OtherBranch(k string) int {
	if err := c.mu.LockForRepair(); err != nil {
		c.mu.ClearPoison()
		c.mu.Unlock()
		return 0
	} else {
		defer c.mu.Unlock()
		return c.items[k]
	}
}
