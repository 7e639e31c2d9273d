package panics

import (
	"errors"
	"sync"
)

type P struct {
	mu    sync.Mutex
	vals  []int
	m     map[string]int
	users map[string]*user
	f     func()
	iface interface{ Do() }
	any   any
}

type user struct{ name string }

func swallow() { recover() }

func Double(x int) int { return 2 * x } // want Double:"nopanic"

func mayFail(x int) int {
	if x < 0 {
		panic(errors.New("negative"))
	}
	return x
}

// A call to an arithmetic-only helper is not a panic point.
func (p *P) Helper(x int) int {
	defer swallow()
	p.mu.Lock()
	y := Double(x)
	p.mu.Unlock()
	return y
}

// A helper that may panic is.
func (p *P) HelperPanics(x int) int {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if mayFail panics.*the panic is recovered in \(\*P\)\.HelperPanics \(panics\.go:\d+\)`
	y := mayFail(x)
	p.mu.Unlock()
	return y
}

// An explicit panic.
func (p *P) Explicit(x int) {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if panic\("bad"\) is called.*the panic is recovered in \(\*P\)\.Explicit \(panics\.go:\d+\)`
	if x < 0 {
		panic("bad")
	}
	p.mu.Unlock()
}

// Interface method calls.
func (p *P) Iface() {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if p.iface.Do panics.*the panic is recovered in \(\*P\)\.Iface \(panics\.go:\d+\)`
	p.iface.Do()
	p.mu.Unlock()
}

// Type assertions: without ", ok" they panic.
func (p *P) Assert() int {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the type assertion p.any.\(int\) fails.*the panic is recovered in \(\*P\)\.Assert \(panics\.go:\d+\)`
	v := p.any.(int)
	p.mu.Unlock()
	return v
}

func (p *P) AssertOK() int {
	defer swallow()
	p.mu.Lock()
	v, _ := p.any.(int)
	p.mu.Unlock()
	return v
}

// Index out of range.
func (p *P) Index(i int) int {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the index p.vals\[i\] is out of range.*the panic is recovered in \(\*P\)\.Index \(panics\.go:\d+\)`
	v := p.vals[i]
	p.mu.Unlock()
	return v
}

// Index of a range variable over the same slice: proven in range.
func (p *P) Sum() int {
	defer swallow()
	p.mu.Lock()
	s := 0
	for i := range p.vals {
		s += p.vals[i]
	}
	for i := 0; i < len(p.vals); i++ {
		s += p.vals[i]
	}
	p.mu.Unlock()
	return s
}

// A nil pointer from a map lookup.
func (p *P) Name(id string) string {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if p.users\[id\] is nil.*the panic is recovered in \(\*P\)\.Name \(panics\.go:\d+\)`
	n := p.users[id].name
	p.mu.Unlock()
	return n
}

// Nearby correct form: checked.
func (p *P) NameChecked(id string) string {
	defer swallow()
	p.mu.Lock()
	n := ""
	if u := p.users[id]; u != nil {
		n = u.name
	}
	p.mu.Unlock()
	return n
}

// Integer division.
func (p *P) Avg(n int) int {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the divisor n is zero.*the panic is recovered in \(\*P\)\.Avg \(panics\.go:\d+\)`
	v := len(p.vals) / n
	p.mu.Unlock()
	return v
}

func (p *P) Half() int {
	defer swallow()
	p.mu.Lock()
	v := len(p.vals) / 2
	p.mu.Unlock()
	return v
}

// Nil map writes: a map never made in the package.
type Reg struct {
	mu    sync.Mutex
	names map[string]int
}

func (r *Reg) Add(k string) {
	defer swallow()
	r.mu.Lock() // want `r.mu stays locked if the map r.names is nil.*the panic is recovered in \(\*Reg\)\.Add \(panics\.go:\d+\)`
	r.names[k] = 1
	r.mu.Unlock()
}

// A map the package makes (p.m in NewP) is not a panic point; nor is a
// map made in the function.
func NewP() *P { return &P{m: make(map[string]int)} } // want NewP:"nopanic"

func (p *P) Store(k string) {
	defer swallow()
	p.mu.Lock()
	p.m[k] = 1
	local := map[string]int{}
	local[k] = 1
	p.mu.Unlock()
}

// Closing a channel can panic (already closed).
type Q struct {
	mu   sync.Mutex
	done chan struct{}
}

func (q *Q) Stop() {
	defer swallow()
	q.mu.Lock() // want `q.mu stays locked if close\(q.done\) panics.*the panic is recovered in \(\*Q\)\.Stop \(panics\.go:\d+\)`
	close(q.done)
	q.mu.Unlock()
}
