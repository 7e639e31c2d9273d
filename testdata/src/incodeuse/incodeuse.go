package incodeuse

import (
	"incodelib"
	"sync"
)

type T struct {
	mu   sync.Mutex
	n    map[string]int
	work func()
}

func (t *T) Start() {
	incodelib.Go(func() {
		t.mu.Lock() // want `t.mu stays locked if t.work panics: the panic is recovered in incodelib\.Go \(incodeuse\.go:\d+\)`
		t.n["x"]++
		t.work()
		t.mu.Unlock()
	})
	// Nearby: a function that does not recover.
	incodelib.Call(func() {
		t.mu.Lock()
		t.n["x"]++
		t.work()
		t.mu.Unlock()
	})
}

// Implements incodelib.Job: recovered by the queue.
func (t *T) Run(arg string) {
	t.mu.Lock() // want `t.mu stays locked if t.work panics: the panic is recovered by a caller of \(\*T\).Run \(incodeuse.go:\d+\), which implements //lockpoison:recovered interface Job`
	t.n[arg]++
	t.work()
	t.mu.Unlock()
}

type other struct {
	mu   sync.Mutex
	work func()
}

// Has a method named Run, but not the signature of Job.Run.
func (o *other) Run() {
	o.mu.Lock()
	o.work()
	o.mu.Unlock()
}
