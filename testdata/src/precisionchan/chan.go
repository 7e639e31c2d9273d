// Package precisionchan: channel operations safe by protocol (issue 11,
// shape 4). Each negative has its nearest true positive beside it.
package precisionchan

import (
	"sync"
	"sync/atomic"
)

func swallow() { recover() }

// Close once behind a flag under the same lock.
type Pipe struct {
	mu       sync.Mutex
	shutdown bool
	ch       chan int
	n        int
}

func (p *Pipe) Close() {
	defer swallow()
	p.mu.Lock()
	if p.shutdown {
		p.mu.Unlock()
		return
	}
	p.shutdown = true
	close(p.ch)
	p.mu.Unlock()
}

func (p *Pipe) CloseGuarded() {
	defer swallow()
	p.mu.Lock()
	if !p.shutdown {
		p.shutdown = true
		close(p.ch)
	}
	p.mu.Unlock()
}

// The flag is tested but never set: a second call closes again.
func (p *Pipe) CloseUnset() {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if close\(p.ch\) panics.*the panic is recovered in \(\*Pipe\)\.CloseUnset \(chan\.go:\d+\)`
	if !p.shutdown {
		close(p.ch)
	}
	p.mu.Unlock()
}

// Close once by clearing the field under the lock.
func (p *Pipe) CloseNil() {
	defer swallow()
	p.mu.Lock()
	if p.ch != nil {
		close(p.ch)
		p.ch = nil
	}
	p.mu.Unlock()
}

// The field is tested but not cleared.
func (p *Pipe) CloseNotCleared() {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if close\(p.ch\) panics.*the panic is recovered in \(\*Pipe\)\.CloseNotCleared \(chan\.go:\d+\)`
	if p.ch != nil {
		close(p.ch)
	}
	p.mu.Unlock()
}

// Close once behind a CompareAndSwap.
type Once struct {
	mu    sync.Mutex
	state atomic.Int32
	done  chan struct{}
	n     int
}

func (o *Once) Stop() {
	defer swallow()
	o.mu.Lock()
	o.n++
	if o.state.CompareAndSwap(0, 1) {
		close(o.done)
	}
	o.mu.Unlock()
}

func (o *Once) StopLoad() {
	defer swallow()
	o.mu.Lock() // want `o.mu stays locked if close\(o.done\) panics.*the panic is recovered in \(\*Once\)\.StopLoad \(chan\.go:\d+\)`
	o.n++
	if o.state.Load() == 0 {
		close(o.done)
	}
	o.mu.Unlock()
}

// Sends on a channel that the package never closes cannot panic.
type Queue struct {
	mu      sync.Mutex
	ready   chan int // never closed
	results chan int // closed in Finish
}

func (q *Queue) Notify(v int) {
	defer swallow()
	q.mu.Lock()
	q.ready <- v
	q.mu.Unlock()
}

func (q *Queue) Result(v int) {
	defer swallow()
	q.mu.Lock() // want `q.mu stays locked if the send on q.results panics.*the panic is recovered in \(\*Queue\)\.Result \(chan\.go:\d+\)`
	q.results <- v
	q.mu.Unlock()
}

func (q *Queue) Finish() {
	close(q.results)
}
