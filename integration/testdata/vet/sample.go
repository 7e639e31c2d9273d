// Package sample is the fixture for lockpoison's integration tests: one
// lock-leak that every integration (golangci-lint, gopls, go vet) must report
// at the c.mu.Lock() line, with a "Defer the unlock" fix.
package sample

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu    sync.Mutex
	items map[string]int
	load  func(string) int
}

func (c *Cache) Get(k string) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("get %s: %v", k, r)
		}
	}()
	c.mu.Lock() // lock-leak reported here
	v = c.load(k)
	c.mu.Unlock()
	return v, nil
}
