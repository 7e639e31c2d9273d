// Package precisionindex: index and division proofs (issue 11, shape 3).
// Each negative has its nearest true positive beside it.
package precisionindex

import (
	"strings"
	"sync"
)

func swallow() { recover() }

type P struct {
	mu   sync.Mutex
	vals []int
	head int
	v    int
}

// len(s) > 0, != 0, == 1, >= 1, 0 < len(s) before s[0].
func (p *P) First() {
	defer swallow()
	p.mu.Lock()
	if len(p.vals) > 0 {
		p.v = p.vals[0]
	}
	p.mu.Unlock()
	p.mu.Lock()
	if len(p.vals) != 0 {
		p.v = p.vals[0]
	}
	p.mu.Unlock()
	p.mu.Lock()
	if len(p.vals) == 1 {
		p.v = p.vals[0]
	}
	p.mu.Unlock()
	p.mu.Lock()
	if 0 < len(p.vals) && len(p.vals) >= 2 {
		p.v = p.vals[1]
	}
	p.mu.Unlock()
}

func (p *P) Second() {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the index p.vals\[1\] is out of range.*the panic is recovered in \(\*P\)\.Second \(index\.go:\d+\)`
	if len(p.vals) > 0 {
		p.v = p.vals[1]
	}
	p.mu.Unlock()
}

// n := len(s); if n > 0 { s[n-1] }.
func (p *P) Last() {
	defer swallow()
	p.mu.Lock()
	n := len(p.vals)
	if n > 0 {
		p.v = p.vals[n-1]
	}
	p.mu.Unlock()
}

func (p *P) LastUnchecked() {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the index p.vals\[n - 1\] is out of range.*the panic is recovered in \(\*P\)\.LastUnchecked \(index\.go:\d+\)`
	n := len(p.vals)
	p.v = p.vals[n-1]
	p.mu.Unlock()
}

// An early return on an empty slice.
func (p *P) EarlyReturn() {
	defer swallow()
	p.mu.Lock()
	if len(p.vals) == 0 {
		p.mu.Unlock()
		return
	}
	p.v = p.vals[0]
	p.mu.Unlock()
}

func (p *P) NoReturn() {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the index p.vals\[0\] is out of range.*the panic is recovered in \(\*P\)\.NoReturn \(index\.go:\d+\)`
	if len(p.vals) == 0 {
		p.v = -1
	}
	p.v = p.vals[0]
	p.mu.Unlock()
}

// out := make([]T, len(xs)); for i := range xs { out[i] = ... }.
func (p *P) Copy(xs []int) []int {
	defer swallow()
	p.mu.Lock()
	out := make([]int, len(xs))
	for i := range xs {
		out[i] = xs[i] + p.v
	}
	p.mu.Unlock()
	return out
}

func (p *P) CopyOther(xs, ys []int) []int {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the index out\[i\] is out of range.*the panic is recovered in \(\*P\)\.CopyOther \(index\.go:\d+\)`
	out := make([]int, len(ys))
	for i := range xs {
		out[i] = xs[i] + p.v
	}
	p.mu.Unlock()
	return out
}

// A slice just assigned from a non-empty literal.
func (p *P) Literal() {
	defer swallow()
	p.mu.Lock()
	s := []int{1, 2, 3}
	p.v = s[2]
	p.mu.Unlock()
}

func (p *P) LiteralShort(i int) {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the index s\[i\] is out of range.*the panic is recovered in \(\*P\)\.LiteralShort \(index\.go:\d+\)`
	s := []int{1, 2, 3}
	p.v = s[i]
	p.mu.Unlock()
}

// i % len(s) after a non-zero check: neither the division nor the index
// can panic.
func (p *P) Ring() {
	defer swallow()
	p.mu.Lock()
	if len(p.vals) > 0 {
		p.v = p.vals[p.head%len(p.vals)]
	}
	p.mu.Unlock()
}

func (p *P) RingUnchecked() {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the divisor len\(p.vals\) is zero.*the panic is recovered in \(\*P\)\.RingUnchecked \(index\.go:\d+\)`
	p.v = p.vals[p.head%len(p.vals)]
	p.mu.Unlock()
}

// t[k-1] with len(t) >= k and k > 0.
func (p *P) Nth(s string, k uint8) {
	defer swallow()
	p.mu.Lock()
	if k > 0 {
		t := strings.Split(s, ".")
		if len(t) < int(k) || t[k-1] != "*" {
			p.v = 1
		}
	}
	p.mu.Unlock()
}

func (p *P) NthUnchecked(s string, k uint8) {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the index t\[k - 1\] is out of range.*the panic is recovered in \(\*P\)\.NthUnchecked \(index\.go:\d+\)`
	t := strings.Split(s, ".")
	if len(t) < int(k) || t[k-1] != "*" {
		p.v = 1
	}
	p.mu.Unlock()
}

// n := copy(dst, a); dst[n:]: copy returns at most len(dst).
func (p *P) Concat(a, b []int) []int {
	defer swallow()
	p.mu.Lock()
	out := make([]int, len(a)+len(b))
	n := copy(out, a)
	copy(out[n:], b)
	p.mu.Unlock()
	return out
}

func (p *P) ConcatOther(a, b []int) []int {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the slice bounds of out\[n:\] are out of range.*the panic is recovered in \(\*P\)\.ConcatOther \(index\.go:\d+\)`
	out := make([]int, len(b))
	n := copy(b, a)
	copy(out[n:], b)
	p.mu.Unlock()
	return out
}

// Pop: x[:h] with h a proven index of x (raft's getPooledConn: an early
// return on an empty pool, then conns[:num-1] with num := len(conns)).
func (p *P) Pop(pools map[string][]int, k string) int {
	defer swallow()
	p.mu.Lock()
	conns, ok := pools[k]
	if !ok || len(conns) == 0 {
		p.mu.Unlock()
		return 0
	}
	num := len(conns)
	c := conns[num-1]
	pools[k] = conns[:num-1]
	p.mu.Unlock()
	return c
}

// Nearest positive: no early return, the slice may be empty.
func (p *P) PopUnchecked(pools map[string][]int, k string) {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if the slice bounds of conns\[:num - 1\] are out of range.*the panic is recovered in \(\*P\)\.PopUnchecked \(index\.go:\d+\)`
	conns := pools[k]
	num := len(conns)
	pools[k] = conns[:num-1]
	p.mu.Unlock()
}
