package tests

import "sync"

func swallow() { recover() }

type T struct {
	mu sync.Mutex
	fn func()
}

func (t *T) InTest() {
	defer swallow()
	t.mu.Lock() // want `t.mu stays locked if t.fn panics.*the panic is recovered in \(\*T\)\.InTest \(tests_test\.go:\d+\)`
	t.fn()
	t.mu.Unlock()
}
