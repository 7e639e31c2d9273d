// Package precisionmisc: self-recovering callees (issue 11, shape 5),
// unreachable switch defaults (shape 11), constructor invariants (shape
// 13), and what "X panics" says. Each negative has its nearest true
// positive beside it.
package precisionmisc

import (
	"errors"
	"fmt"
	"sync"
)

func swallow() { recover() }

type P struct {
	mu   sync.Mutex
	v    int
	vals []int
	log  Logger
	st   state
}

type Logger interface{ Printf(format string, args ...any) }

// decode recovers its own panics into its error result: it cannot panic
// to its caller.
func decode(b []byte, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("decode: %v", r)
		}
	}()
	return int(b[i]), nil
}

// decodeRaw is the same without the recover.
func decodeRaw(b []byte, i int) (int, error) {
	if i < 0 {
		return 0, errors.New("negative")
	}
	return int(b[i]), nil
}

func (p *P) Load(b []byte, i int) {
	defer swallow()
	p.mu.Lock()
	p.v, _ = decode(b, i)
	p.mu.Unlock()
}

func (p *P) LoadRaw(b []byte, i int) {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if decodeRaw panics \(the index b\[i\] is out of range at misc.go:41\).*the panic is recovered in \(\*P\)\.LoadRaw \(misc\.go:\d+\)`
	p.v, _ = decodeRaw(b, i)
	p.mu.Unlock()
}

// The strongest panic point inside a callee is named, not the first.
func (p *P) check(i int) int {
	v := p.vals[i]
	if v < 0 {
		panic("negative value")
	}
	return v
}

func (p *P) Check(i int) {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if p.check panics \(panic\("negative value"\) is called at misc.go:62\).*the panic is recovered in \(\*P\)\.Check \(misc\.go:\d+\)`
	p.v = p.check(i)
	p.mu.Unlock()
}

// A type switch over a sealed interface that names every implementation:
// its default cannot run.
type shape interface{ area() int }

type square struct{ s int }
type circle struct{ r int }

func (q square) area() int  { return q.s * q.s }
func (c *circle) area() int { return 3 * c.r * c.r }

func (p *P) Area(s shape) {
	defer swallow()
	p.mu.Lock()
	switch s := s.(type) {
	case square:
		p.v = s.s
	case *circle:
		p.v = s.r
	default:
		p.log.Printf("unknown shape %T", s)
	}
	p.mu.Unlock()
}

// A case is missing: the default runs for *circle.
func (p *P) AreaPartial(s shape) {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if p.log.Printf panics.*the panic is recovered in \(\*P\)\.AreaPartial \(misc\.go:\d+\)`
	switch s := s.(type) {
	case square:
		p.v = s.s
	default:
		p.log.Printf("unknown shape %T", s)
	}
	p.mu.Unlock()
}

// A switch listing every constant of an unexported state type.
type state int

const (
	open state = iota
	closing
	closed
)

func (p *P) Close() {
	defer swallow()
	p.mu.Lock()
	switch p.st {
	case open:
		p.st = closing
	case closing, closed:
	default:
		panic("unhandled state")
	}
	p.mu.Unlock()
}

func (p *P) CloseMissing() {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if panic\("unhandled state"\) is called.*the panic is recovered in \(\*P\)\.CloseMissing \(misc\.go:\d+\)`
	switch p.st {
	case open:
		p.st = closing
	case closing:
	default:
		panic("unhandled state")
	}
	p.mu.Unlock()
}

// A ring whose constructor rejects an empty buffer: in default mode the
// division is still a panic point (the weakest); in library mode
// (precisionlib) it is not.
type Ring struct {
	mu  sync.Mutex
	buf []int
	n   uint64
}

func NewRing(size int) (*Ring, error) {
	if size <= 0 {
		return nil, errors.New("size must be positive")
	}
	return &Ring{buf: make([]int, size)}, nil
}

func (r *Ring) Put(v int) {
	defer swallow()
	r.mu.Lock() // want `r.mu stays locked if the divisor uint64\(len\(r.buf\)\) is zero.*the panic is recovered in \(\*Ring\)\.Put \(misc\.go:\d+\)`
	r.buf[r.n%uint64(len(r.buf))] = v
	r.n++
	r.mu.Unlock()
}

// A section under "if remote != nil" in a callee, reached from a recover
// whose path passes nil: unreachable there.
type Remote struct {
	sync.Mutex
	urls []string
}

func (p *P) createLeaf(remote *Remote, i int) {
	if remote != nil {
		remote.Lock()
		p.v = len(remote.urls[i])
		remote.Unlock()
	}
}

func (p *P) Accept(i int) {
	defer swallow()
	p.createLeaf(nil, i)
}

func (p *P) createRoute(remote *Remote, i int) {
	if remote != nil {
		remote.Lock() // want `remote stays locked if the index remote.urls\[i\] is out of range.*the panic is recovered in \(\*P\)\.SolicitRoute \(misc\.go:\d+\)`
		p.v = len(remote.urls[i])
		remote.Unlock()
	}
}

func (p *P) AcceptRoute(i int) {
	defer swallow()
	p.createRoute(nil, i)
}

func (p *P) SolicitRoute(r *Remote, i int) {
	defer swallow()
	p.createRoute(r, i)
}

// Of several panic points in a section, the strongest is named: the
// explicit panic inside p.init, not the interface call before it.
func (p *P) init(i int) {
	if i < 0 {
		panic("negative size")
	}
	p.vals = make([]int, i)
}

func (p *P) Reset(i int) {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if p.init panics \(panic\("negative size"\) is called at misc.go:212\).*the panic is recovered in \(\*P\)\.Reset \(misc\.go:\d+\)`
	p.log.Printf("reset")
	p.init(i)
	p.mu.Unlock()
}

// A callee's section that a caller's recover reaches names its strongest
// panic point: the interface call, not the index found first.
func (p *P) fill(i int) {
	p.mu.Lock() // want `p.mu stays locked if p.log.Printf panics.*the panic is recovered in \(\*P\)\.Fill \(misc\.go:\d+\)`
	p.v = p.vals[i]
	p.log.Printf("filled %d", i)
	p.mu.Unlock()
}

func (p *P) Fill(i int) {
	defer swallow()
	p.fill(i)
}

// Its nearest negative: the same section without the interface call names
// the index.
func (p *P) set(i int) {
	p.mu.Lock() // want `p.mu stays locked if the index p.vals\[i\] is out of range.*the panic is recovered in \(\*P\)\.Set \(misc\.go:\d+\)`
	p.v = p.vals[i]
	p.mu.Unlock()
}

func (p *P) Set(i int) {
	defer swallow()
	p.set(i)
}
