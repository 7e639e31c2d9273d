package libmode

import "sync"

// A function taking a testing.TB (here through an alias declared in a
// file that imports "testing") is a test helper; its neighbour without
// one is API.
type Harness struct {
	mu   sync.Mutex
	hook func()
	n    int
}

func (h *Harness) Verify(t TB) {
	h.mu.Lock()
	h.hook()
	h.n++
	h.mu.Unlock()
}

func (h *Harness) Count() {
	h.mu.Lock() // want `h.mu stays locked if h.hook panics: the panic is assumed recovered by a caller of exported \(\*Harness\)\.Count \(harness\.go:\d+\)`
	h.hook()
	h.n++
	h.mu.Unlock()
}
