package sections

import "sync"

type S struct {
	mu sync.Mutex
	n  int
	fn func() bool
}

func swallow() { recover() }

// The unlock happens on one branch only: the lock is still held at the
// panic point on the other path.
func (s *S) Branch(c bool) {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.Branch \(sections\.go:\d+\)`
	if c {
		s.mu.Unlock()
		return
	}
	s.fn()
	s.mu.Unlock()
}

// Nearby correct form: the section ends before the call on every path.
func (s *S) BranchEnds(c bool) {
	defer swallow()
	s.mu.Lock()
	if c {
		s.n++
	}
	s.mu.Unlock()
	s.fn()
}

// Early return inside the section, explicit unlocks on both paths.
func (s *S) EarlyReturn() int {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.EarlyReturn \(sections\.go:\d+\)`
	if s.n == 0 {
		s.mu.Unlock()
		return 0
	}
	ok := s.fn()
	s.mu.Unlock()
	if ok {
		return 1
	}
	return 2
}

// Lock and unlock inside a loop.
func (s *S) Loop(k int) {
	defer swallow()
	for i := 0; i < k; i++ {
		s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.Loop \(sections\.go:\d+\)`
		s.fn()
		s.mu.Unlock()
	}
}

// Nearby correct form: the loop body calls only after unlocking.
func (s *S) LoopAfter(k int) {
	defer swallow()
	for i := 0; i < k; i++ {
		s.mu.Lock()
		s.n++
		s.mu.Unlock()
		s.fn()
	}
}

// Deferred on one path only: not deferred on every path, so explicit.
func (s *S) DeferOnOnePath(c bool) {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.DeferOnOnePath \(sections\.go:\d+\)`
	if c {
		defer s.mu.Unlock()
	}
	s.fn()
	if !c {
		s.mu.Unlock()
	}
}

// Section in a closure called directly: the closure's lock is released by
// its deferred unlock.
func (s *S) Closure() {
	defer swallow()
	func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.fn()
	}()
}
