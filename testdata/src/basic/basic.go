package basic

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu    sync.Mutex
	items map[string]int
	load  func(string) int
}

func NewCache() *Cache { return &Cache{items: map[string]int{}} } // want NewCache:"nopanic"

// Explicit unlock, a func value call inside, a deferred swallowing recover.
func (c *Cache) Get(k string) (v int, err error) { // want Get:"locks"
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("get %s: %v", k, r)
		}
	}()
	c.mu.Lock() // want `c.mu stays locked if c.load panics: the panic is recovered in \(\*Cache\).Get \(basic.go:18\) and the next c.mu.Lock\(\) deadlocks`
	v = c.load(k)
	c.mu.Unlock()
	return v, nil
}

// The nearby correct form: the unlock is deferred and nothing is written.
func (c *Cache) GetDeferred(k string) (v int, err error) { // want GetDeferred:"locks"
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("get %s: %v", k, r)
		}
	}()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.load(k), nil
}

// Re-panicking handler: not a swallowing boundary.
func (c *Cache) GetRepanic(k string) int { // want GetRepanic:"escapes\\(\\$0.mu held"
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("get failed")
			panic(r)
		}
	}()
	c.mu.Lock()
	v := c.load(k)
	c.mu.Unlock()
	return v
}

// Deferred unlock, guarded write, then a panic point: torn state.
func (c *Cache) Put(k string) (err error) { // want Put:"locks"
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("put: %v", r)
		}
	}()
	c.mu.Lock() // want `c.items is left half-updated if c.load panics: the deferred c.mu.Unlock\(\) releases it and the panic is recovered in \(\*Cache\)\.Put \(basic\.go:\d+\)`
	defer c.mu.Unlock()
	c.items[k] = 0
	c.items[k] = c.load(k)
	return nil
}

// Nearby correct form: compute first, then write.
func (c *Cache) PutComputeFirst(k string) (err error) { // want PutComputeFirst:"locks"
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("put: %v", r)
		}
	}()
	v := c.load(k)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
	return nil
}

// The recover is registered after the section ended: it does not cover it.
func (c *Cache) LateRecover(k string) int { // want LateRecover:"escapes\\(\\$0.mu held"
	c.mu.Lock()
	v := c.load(k)
	c.mu.Unlock()
	defer func() { recover() }()
	return v + c.load(k)
}

// A recover handler that takes the lock still held by the deferred unlock
// registered before it: it runs first and deadlocks.
func (c *Cache) Relock(k string) { // want Relock:"locks"
	c.mu.Lock()
	defer c.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			c.mu.Lock() // want `the recover handler locks c.mu, which is still held if c.load panics: the handler deadlocks`
			c.items = map[string]int{}
			c.mu.Unlock()
		}
	}()
	c.load(k)
}

// Nearby correct form: the handler runs after the deferred unlock.
func (c *Cache) RelockAfterUnlock(k string) { // want RelockAfterUnlock:"locks"
	defer func() {
		if r := recover(); r != nil {
			c.mu.Lock()
			c.items = map[string]int{}
			c.mu.Unlock()
		}
	}()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.load(k)
}
