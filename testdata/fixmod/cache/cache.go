// Package cache is the fixture module of TestFixModule: each section has a
// finding whose suggested fix the test applies with lockpoison -fix; the
// tests in cache_test.go fail before the fixes and pass after them.
package cache

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu     sync.Mutex
	items  map[string]int
	warmed int
	load   func(string) int
}

func New(load func(string) int) *Cache {
	return &Cache{items: map[string]int{}, load: load}
}

// Get: lock-leak, fixed by deferring the unlock.
func (c *Cache) Get(k string) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("get %s: %v", k, r)
		}
	}()
	c.mu.Lock()
	if v, ok := c.items[k]; ok {
		c.mu.Unlock()
		return v, nil
	}
	v = c.load(k)
	c.items[k] = v
	c.mu.Unlock()
	return v, nil
}

// Warm: lock-leak in a loop, fixed by wrapping the section in a func.
func (c *Cache) Warm(keys []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("warm: %v", r)
		}
	}()
	for _, k := range keys {
		c.mu.Lock()
		v := c.load(k)
		c.items[k] = v
		c.mu.Unlock()
		c.warmed++
	}
	return nil
}

// Count: lock-leak with no fix: v is declared in the section and used
// after it (hoisting it is left to the author).
func (c *Cache) Count(k string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("count: %v", r)
		}
	}()
	c.mu.Lock()
	v := c.load(k)
	c.mu.Unlock()
	c.warmed += v
	return nil
}

// Locked reports whether the cache's lock is held.
func (c *Cache) Locked() bool {
	if c.mu.TryLock() {
		c.mu.Unlock()
		return false
	}
	return true
}

// Ledger: torn-state, fixed by poison.Mutex.
type Ledger struct {
	mu      sync.Mutex
	total   int
	entries []int
	hook    func(int)
}

func NewLedger(hook func(int)) *Ledger { return &Ledger{hook: hook} }

func (l *Ledger) Add(n int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("add %d: %v", n, r)
		}
	}()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total += n
	l.hook(n)
	l.entries = append(l.entries, n)
	return nil
}

// Total returns the ledger's total.
func (l *Ledger) Total() (t int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = fmt.Errorf("total: %w", e)
			} else {
				err = fmt.Errorf("total: %v", r)
			}
		}
	}()
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total, nil
}
