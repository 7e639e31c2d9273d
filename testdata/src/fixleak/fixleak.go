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
	s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.ToEnd \(fixleak\.go:\d+\)`
	s.n += s.fn()
	s.mu.Unlock()
}

// Every unlock is followed by a return: defer the unlock.
func (s *S) Returns(k string) (int, error) {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.Returns \(fixleak\.go:\d+\)`
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
	s.rw.RLock() // want `s.rw stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.Read \(fixleak\.go:\d+\)`
	v := s.n + s.fn()
	s.rw.RUnlock()
	return v
}

// A section in a loop: wrap it in a func with a deferred unlock.
func (s *S) Loop(k int) {
	defer swallow()
	for i := 0; i < k; i++ {
		s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.Loop \(fixleak\.go:\d+\)`
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
	s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.Then \(fixleak\.go:\d+\)`
	x += s.fn()
	s.mu.Unlock() // trailing comment
	return x + s.fn()
}

// No fix: the section declares v, used after it.
func (s *S) Declares() int {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics: .*the panic is recovered in \(\*S\)\.Declares \(fixleak\.go:\d+\).* \(no fix: the section declares v, used after it\)`
	v := s.fn()
	s.mu.Unlock()
	return v + s.fn()
}

// No fix: the unlock happens in a branch, and the section goes on after it.
func (s *S) Branch(c bool) {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if s.fn panics: .*the panic is recovered in \(\*S\)\.Branch \(fixleak\.go:\d+\).* \(no fix: the section does not end in one block\)`
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
		s.mu.Lock() // want `s.mu stays locked if s.fn panics: .*the panic is recovered in \(\*S\)\.EarlyBreak \(fixleak\.go:\d+\).* \(no fix: control leaves the section by a return, break, continue or goto\)`
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
	s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.ReturnCall \(fixleak\.go:\d+\)`
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
	s.mu.Lock() // want `s.mu stays locked if s.fn panics: .*the panic is recovered in \(\*S\)\.DeferInside \(fixleak\.go:\d+\).* \(no fix: the section defers a call\)`
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
		s.mu.Lock() // want `s.mu stays locked if s.fn panics: .*the panic is recovered in the func literal in \(\*S\)\.InHandler \(fixleak\.go:\d+\).* \(no fix: the lock is taken in a recover handler\)`
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

type Pool struct {
	mu      sync.Mutex
	running map[int]bool
	job     func(int)
}

// The section marks the job running before the job may panic: a deferred
// unlock alone would release the lock with the mark left behind (torn
// state), so the fix defers the unlock and poisons the lock.
func (p *Pool) Run(id int) {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if p.job panics.*the panic is recovered in \(\*Pool\)\.Run \(fixleak\.go:\d+\)`
	p.running[id] = true
	p.job(id)
	delete(p.running, id)
	p.mu.Unlock()
}

// Nearby: the job runs before the mark, so the unlock alone is deferred.
func (p *Pool) RunFirst(id int) {
	defer swallow()
	p.mu.Lock() // want `p.mu stays locked if p.job panics.*the panic is recovered in \(\*Pool\)\.RunFirst \(fixleak\.go:\d+\)`
	p.job(id)
	p.running[id] = true
	p.mu.Unlock()
}

type PubPool struct {
	Mu      sync.Mutex
	running map[int]bool
	job     func(int)
}

// No fix: deferring the unlock would expose the mark, and an exported lock
// cannot become a poison.Mutex.
func (p *PubPool) Run(id int) {
	defer swallow()
	p.Mu.Lock() // want `p.Mu stays locked if p.job panics: .*the panic is recovered in \(\*PubPool\)\.Run \(fixleak\.go:\d+\).* \(no fix: releasing the lock on the panic would leave p.running half-updated, and p.Mu is exported: other packages may use it as a sync type\)`
	p.running[id] = true
	p.job(id)
	delete(p.running, id)
	p.Mu.Unlock()
}

// A recover handler deferred in the section runs before a deferred unlock
// (and the lock is still held after it): defer the unlock.
func (s *S) HandlerInside() {
	s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.HandlerInside \(fixleak\.go:\d+\)`
	defer func() { recover() }()
	s.n = s.fn()
	s.mu.Unlock()
}

// No fix: the handler calls a method of this package, which would now run
// under the lock.
func (s *S) HandlerCalls() {
	s.mu.Lock() // want `s.mu stays locked if s.fn panics: .*the panic is recovered in \(\*S\)\.HandlerCalls \(fixleak\.go:\d+\).* \(no fix: the section defers a call\)`
	defer func() {
		recover()
		s.note()
	}()
	s.n = s.fn()
	s.mu.Unlock()
}

// A local assigned in a wrapped section becomes a variable captured by the
// func literal.
func (s *S) Sum(k int) int {
	defer swallow()
	total := 0
	for i := 0; i < k; i++ {
		s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.Sum \(fixleak\.go:\d+\)`
		total += s.n
		s.n = s.fn()
		s.mu.Unlock()
	}
	return total
}

// The same with a captured slice written through.
func (s *S) Collect(k int) []int {
	defer swallow()
	out := make([]int, k)
	for i := 0; i < k; i++ {
		s.mu.Lock() // want `s.mu stays locked if s.fn panics.*the panic is recovered in \(\*S\)\.Collect \(fixleak\.go:\d+\)`
		out[i] = s.n
		s.n = s.fn()
		s.mu.Unlock()
	}
	return out
}

// No fix: a write precedes the panic, and the recover handler in the
// section would stop the panic before a deferred unlock could poison the
// lock.
func (s *S) HandlerInsideWrites() {
	s.mu.Lock() // want `s.mu stays locked if s.fn panics: .*the panic is recovered in \(\*S\)\.HandlerInsideWrites \(fixleak\.go:\d+\).* \(no fix: releasing the lock on the panic would leave s.n half-updated, and the recover handler in the section runs before the unlock could poison it\)`
	defer func() { recover() }()
	s.n++
	s.fn()
	s.mu.Unlock()
}
