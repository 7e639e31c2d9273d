// Package precisionlib, analysed with -assume-recovered=exported: a
// division by the length of an unexported field that the constructor sets
// is the constructor's invariant (issue 11, shape 13); a division by an
// argument is not.
package precisionlib

import (
	"errors"
	"sync"
)

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
	r.mu.Lock()
	r.buf[r.n%uint64(len(r.buf))] = v
	r.n++
	r.mu.Unlock()
}

func (r *Ring) PutEvery(v int, every uint64) {
	r.mu.Lock() // want `r.mu stays locked if the divisor every is zero.*the panic is assumed recovered by a caller of exported \(\*Ring\)\.PutEvery \(lib\.go:\d+\)`
	r.buf[(r.n/every)%uint64(len(r.buf))] = v
	r.n++
	r.mu.Unlock()
}
