// Package sample is being edited: editing has a type error, yet the
// lock-leak in Get is reported.
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
	c.items[k] = v
	c.mu.Unlock()
	return v, nil
}

func (c *Cache) editing(k string) int {
	return c.items[k] + notYetWritten
}
