package suppress

import "sync"

func swallow() { recover() }

type T struct {
	mu sync.Mutex
	fn func()
}

func (t *T) Ignored() {
	defer swallow()
	//lockpoison:ignore fn never panics: it is a constant stub
	t.mu.Lock()
	t.fn()
	t.mu.Unlock()
}

func (t *T) NoLint() {
	defer swallow()
	t.mu.Lock() //nolint:lockpoison // reviewed
	t.fn()
	t.mu.Unlock()
}

func (t *T) Reported() {
	defer swallow()
	t.mu.Lock() // want `t.mu stays locked if t.fn panics.*the panic is recovered in \(\*T\)\.Reported \(suppress\.go:\d+\)`
	t.fn()
	t.mu.Unlock()
}

// Work's section is reached only by a recover in a _test.go file: a
// panic that only tests recover is the tests' business (reported with
// -tests).
func (t *T) Work() {
	t.mu.Lock()
	t.fn()
	t.mu.Unlock()
}
