package fixpoison

import (
	"fmt"
	"sync"
)

func swallow() { recover() }

// A struct field: sync.Mutex becomes poison.Mutex. sync stays imported
// (sync.NewCond): &c.mu as a sync.Locker is still valid.
type Counter struct {
	mu   sync.Mutex
	n    int
	hits map[string]int
	cond *sync.Cond
	fn   func()
}

func NewCounter() *Counter {
	c := &Counter{hits: map[string]int{}}
	c.cond = sync.NewCond(&c.mu)
	return c
}

func (c *Counter) Add(k string) {
	defer swallow()
	c.mu.Lock() // want `c.n is left half-updated if c.fn panics.*the panic is recovered in \(\*Counter\)\.Add \(fields\.go:\d+\)`
	defer c.mu.Unlock()
	c.n++
	c.fn()
	c.n++
	c.hits[k]++
}

func (c *Counter) TryAdd() bool {
	if !c.mu.TryLock() {
		return false
	}
	c.n++
	c.mu.Unlock()
	return true
}

// An RWMutex becomes a poison.RWMutex; its read methods and RLocker stay.
type Table struct {
	rw   sync.RWMutex // guards rows
	rows []string     // one per insert
	fn   func(string)
}

func (t *Table) Insert(r string) {
	defer swallow()
	t.rw.Lock() // want `t.rows is left half-updated if t.fn panics.*the panic is recovered in \(\*Table\)\.Insert \(fields\.go:\d+\)`
	defer t.rw.Unlock()
	t.rows = append(t.rows, r)
	t.fn(r)
	t.rows = append(t.rows, r+" done")
}

func (t *Table) Len() int {
	t.rw.RLock()
	defer t.rw.RUnlock()
	return len(t.rows)
}

func (t *Table) Reader() sync.Locker { return t.rw.RLocker() }

// No fix: the mutex is embedded (its methods are promoted).
type Embedded struct {
	sync.Mutex
	n  int
	fn func()
}

func (e *Embedded) Inc() {
	defer swallow()
	e.Lock() // want `e.n is left half-updated if e.fn panics: .*the panic is recovered in \(\*Embedded\)\.Inc \(fields\.go:\d+\).* \(no fix: the lock is an embedded field\)`
	defer e.Unlock()
	e.n++
	e.fn()
	e.n++
}

// No fix: &p.mu is passed as a *sync.Mutex.
type Passed struct {
	mu sync.Mutex
	n  int
	fn func()
}

func lockBoth(a, b *sync.Mutex) { a.Lock(); b.Lock() }

func (p *Passed) Inc(q *Passed) {
	defer swallow()
	p.mu.Lock() // want `p.n is left half-updated if p.fn panics: .*the panic is recovered in \(\*Passed\)\.Inc \(fields\.go:\d+\).* \(no fix: &p.mu is used as a \*sync.Mutex\)`
	defer p.mu.Unlock()
	p.n++
	p.fn()
	p.n++
	lockBoth(&q.mu, &q.mu)
}

// No fix: the field is exported.
type Exported struct {
	Mu sync.Mutex
	n  int
	fn func()
}

func (x *Exported) Inc() {
	defer swallow()
	x.Mu.Lock() // want `x.n is left half-updated if x.fn panics: .*the panic is recovered in \(\*Exported\)\.Inc \(fields\.go:\d+\).* \(no fix: x.Mu is exported: other packages may use it as a sync type\)`
	defer x.Mu.Unlock()
	x.n++
	x.fn()
	x.n++
}

// No fix: the lock is copied.
type Copied struct {
	mu sync.Mutex
	n  int
	fn func()
}

func (c *Copied) Inc() {
	defer swallow()
	c.mu.Lock() // want `c.n is left half-updated if c.fn panics: .*the panic is recovered in \(\*Copied\)\.Inc \(fields\.go:\d+\).* \(no fix: c.mu is copied or used as a value\)`
	defer c.mu.Unlock()
	c.n++
	c.fn()
	c.n++
}

func (c *Copied) Snapshot() sync.Mutex { return c.mu }

func (c *Counter) String() string { return fmt.Sprint(c.n) }
