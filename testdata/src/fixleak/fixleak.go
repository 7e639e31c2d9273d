package fixleak

import (
	"errors"
	"sync"
)

type S struct {
	mu  sync.Mutex
	rw  sync.RWMutex
	n   int
	m   map[string]int
	fn  func() int
	log []string
}

func swallow() { recover() }

// The section runs to the end of the function: defer the unlock.
func (s *S) ToEnd() {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics`
	s.n += s.fn()
	s.mu.Unlock()
}

// Every unlock is followed by a return: defer the unlock.
func (s *S) Returns(k string) (int, error) {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics`
	v, ok := s.m[k]
	if !ok {
		s.mu.Unlock()
		return 0, errors.New("missing " + k)
	}
	v += s.fn()
	s.mu.Unlock()
	return v, nil
}

// A read section: defer the RUnlock.
func (s *S) Read() int {
	defer swallow()
	s.rw.RLock() // want `s.rw stays locked if s.fn panics`
	v := s.n + s.fn()
	s.rw.RUnlock()
	return v
}

// A section in a loop: wrap it in a func with a deferred unlock.
func (s *S) Loop(k int) {
	defer swallow()
	for i := 0; i < k; i++ {
		s.mu.Lock() // want `s.mu stays locked if s.fn panics`
		s.n += s.fn()

		s.log = append(s.log, "step")
		s.mu.Unlock()
		s.log = append(s.log, "done")
	}
}

// Work continues after the unlock: wrap the section.
func (s *S) Then() int {
	defer swallow()
	x := 1
	s.mu.Lock() // want `s.mu stays locked if s.fn panics`
	x += s.fn()
	s.mu.Unlock() // trailing comment
	return x + s.fn()
}

// No fix: the section declares v, used after it.
func (s *S) Declares() int {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics: .* \(no fix: the section declares v, used after it\)`
	v := s.fn()
	s.mu.Unlock()
	return v + s.fn()
}

// No fix: the unlock happens in a branch, and the section goes on after it.
func (s *S) Branch(c bool) {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics: .* \(no fix: the section does not end in one block\)`
	if c {
		s.mu.Unlock()
		s.fn()
		return
	}
	s.fn()
	s.mu.Unlock()
}

// No fix: a return leaves the section without the unlock being followed
// by a return on every path.
func (s *S) EarlyBreak(k int) {
	defer swallow()
	for i := 0; i < k; i++ {
		s.mu.Lock() // want `s.mu stays locked if s.fn panics: .* \(no fix: control leaves the section by a return, break, continue or goto\)`
		if s.fn() == 0 {
			break
		}
		s.mu.Unlock()
	}
}

// No fix for a defer: the return value is computed by a call of this
// package, which would now run under the lock; but the section is one
// block, so it is wrapped.
func (s *S) ReturnCall() int {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics`
	s.n = s.fn()
	s.mu.Unlock()
	return s.get()
}

func (s *S) get() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

// No fix: a deferred call registered in the section would run before the
// deferred unlock.
func (s *S) DeferInside() {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics: .* \(no fix: the section defers a call\)`
	defer s.note()
	s.fn()
	s.mu.Unlock()
}

func (s *S) note() { s.log = append(s.log, "x") }

// No fix: the lock is taken in a recover handler.
func (s *S) InHandler() {
	defer swallow()
	defer func() {
		r := recover()
		defer swallow()
		s.mu.Lock() // want `s.mu stays locked if s.fn panics: .* \(no fix: the lock is taken in a recover handler\)`
		s.fn()
		s.mu.Unlock()
		_ = r
	}()
	s.fn()
}

// Not a leak: the recover handler unlocks the lock (and re-panics); a
// deferred unlock would unlock it twice.
func (s *S) HandlerUnlocks() {
	defer swallow()
	defer func() {
		if r := recover(); r != nil {
			s.mu.Unlock()
			panic(r)
		}
	}()
	s.mu.Lock()
	s.fn()
	s.mu.Unlock()
}

// Nearby correct form: nothing to fix.
func (s *S) Deferred() int {
	defer swallow()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fn()
}
