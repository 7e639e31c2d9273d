// Package worker holds the worker, batch and wrap cases of TestFixModule:
// fixes that must not trade a lock leak for torn state, nor break the
// atomicity of a batch.
package worker

import (
	"fmt"
	"sync"
)

// Pool: Run marks the job running before the job may panic. Deferring the
// unlock alone would release the lock with the mark left behind: its fix
// defers the unlock and makes the lock a poison.Mutex.
type Pool struct {
	mu      sync.Mutex
	running map[int]bool
	job     func(int)
}

func NewPool(job func(int)) *Pool { return &Pool{running: map[int]bool{}, job: job} }

func (p *Pool) Run(id int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("run %d: %v", id, r)
		}
	}()
	p.mu.Lock()
	p.running[id] = true
	p.job(id)
	delete(p.running, id)
	p.mu.Unlock()
	return nil
}

// Running returns the number of jobs running.
func (p *Pool) Running() (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = fmt.Errorf("running: %w", e)
			} else {
				err = fmt.Errorf("running: %v", r)
			}
		}
	}()
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.running), nil
}

// Tasks: AddAll stores a batch in a loop, each item reserved before its
// constructor runs. One Registry Set per item would leave part of the batch
// registered when a constructor panics: its Registry fix is one
// Registry.Update, which the panic poisons.
type Tasks struct {
	mu    sync.Mutex
	tasks map[string]string
}

func NewTasks() *Tasks { return &Tasks{tasks: map[string]string{}} }

func (t *Tasks) AddAll(specs []string, ctor func(string) string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("add all: %v", r)
		}
	}()
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, id := range specs {
		t.tasks[id] = ""
		t.tasks[id] = ctor(id)
	}
	return nil
}

func (t *Tasks) Len() (count int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = fmt.Errorf("len: %w", e)
			} else {
				err = fmt.Errorf("len: %v", r)
			}
		}
	}()
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(t.tasks)
	return n, nil
}

// Meter: Sum's section is in a loop and assigns total, a result: its fix
// wraps the section in a func, which captures total.
type Meter struct {
	mu    sync.Mutex
	seen  int
	weigh func(int) int
}

func NewMeter(weigh func(int) int) *Meter { return &Meter{weigh: weigh} }

func (m *Meter) Sum(ids []int) (total int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("sum: %v", r)
		}
	}()
	for _, id := range ids {
		m.mu.Lock()
		total += m.weigh(id)
		m.seen++
		m.mu.Unlock()
	}
	return total, nil
}

// Seen returns how many ids Sum weighed.
func (m *Meter) Seen() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.seen
}
