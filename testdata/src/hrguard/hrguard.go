// Package hrguard is a recovering helper that callers defer directly: it
// unlocks the lock passed to it and reports the panic as an error.
package hrguard

import (
	"fmt"
	"sync"
)

// Unlock recovers a panic, unlocks mu and stores the panic in *err.
func Unlock(mu *sync.Mutex, err *error) {
	if p := recover(); p != nil {
		mu.Unlock()
		*err = fmt.Errorf("recovered: %v", p)
	}
}

// Report recovers a panic into *err without touching any lock.
func Report(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("recovered: %v", p)
	}
}

// Box is an object with its own lock.
type Box struct {
	mu sync.Mutex
	n  int
}

func Make() *Box { return &Box{} }

// Bump calls f holding b.mu, unlocked explicitly.
func (b *Box) Bump(f func()) {
	b.mu.Lock()
	f()
	b.n++
	b.mu.Unlock()
}

// Twice runs f in two sections of b.mu, each with an explicit unlock.
func (b *Box) Twice(f func()) {
	b.mu.Lock()
	f()
	b.mu.Unlock()
	b.mu.Lock()
	f()
	b.n++
	b.mu.Unlock()
}
