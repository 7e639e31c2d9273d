// Package testutil is a test helper: not a library's API.
package testutil

import "sync"

var mu sync.Mutex

func Fake(f func()) {
	mu.Lock()
	f()
	mu.Unlock()
}
