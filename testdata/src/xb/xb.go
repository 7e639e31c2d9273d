// Package xb uses package xa: its findings need xa's facts.
package xb

import (
	"fmt"
	"net/http"
	"sync"
	"xa"
)

type Service struct {
	mu    sync.Mutex
	total int
	cache *xa.Cache
	state *xa.State
	m     *xa.Map[string, int]
	run   func()
}

func swallow() {
	if r := recover(); r != nil {
		fmt.Println("recovered:", r)
	}
}

// A call to another package's function that cannot panic is not a panic
// point; one that may panic is.
func (s *Service) Sum(a, b int) int {
	defer swallow()
	s.mu.Lock()
	s.total = xa.Add(a, b) + xa.Max(a, b)
	s.mu.Unlock()
	return s.total
}

func (s *Service) Checked(v int) int {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if xa.Check panics`
	s.total = xa.Check(v)
	s.mu.Unlock()
	return s.total
}

// Another package's wrapper methods are locks.
func (s *Service) Wrapped() {
	defer swallow()
	s.state.Lock() // want `s.state stays locked if s.run panics`
	s.run()
	s.state.Unlock()
}

// A section in another package, reached by this package's recover: the
// finding is at the call here.
func (s *Service) Lookup(k string) string {
	defer swallow()
	return s.cache.Load(k) // want `s.cache.mu stays locked if c.Fetch panics: the panic is recovered in \(\*Service\).Lookup`
}

func (s *Service) Save(k string) {
	defer swallow()
	s.cache.Store(k) // want `c.n is left half-updated if c.Fetch panics: the deferred s.cache.mu.Unlock\(\) releases it and the panic is recovered in \(\*Service\).Save`
}

// Nearby correct form: no escaping section.
func (s *Service) Size() int {
	defer swallow()
	return s.cache.Len()
}

// An HTTP handler is a boundary for another package's sections too.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, s.m.Get(r.URL.Path)) // want `s.m.mu stays locked if m.OnMiss panics`
}

// Closures passed to another package's recovering wrappers run under its
// recover.
func (s *Service) Background() {
	xa.Go(func() {
		s.mu.Lock() // want `s.mu stays locked if s.run panics: the panic is recovered in xa.Go`
		s.run()
		s.mu.Unlock()
	})
}

func (s *Service) Attempt() error {
	return xa.Try(func() {
		s.mu.Lock() // want `s.total is left half-updated if s.run panics: the deferred s.mu.Unlock\(\) releases it and the panic is recovered in xa.Try`
		defer s.mu.Unlock()
		s.total++
		s.run()
		s.total--
	})
}

// A stored closure is not covered: xa.Register does not recover.
func (s *Service) Hook() {
	xa.Register(func() {
		s.mu.Lock()
		s.run()
		s.mu.Unlock()
	})
}

// Method values and interface calls: dynamic, may panic, no known effects.
func (s *Service) Dynamic(l sync.Locker) {
	defer swallow()
	load := s.cache.Load
	s.mu.Lock() // want `s.mu stays locked if load panics`
	load("k")
	s.mu.Unlock()
}

// handler-relock across packages: the handler calls Rollback, which locks
// t.lock, still held when Commit panicked.
func Do(t *xa.Txn) (err error) {
	defer func() {
		if r := recover(); r != nil {
			t.Rollback() // want `the recover handler locks t.lock, which is still held if t.Apply panics: the handler deadlocks`
			err = fmt.Errorf("txn: %v", r)
		}
	}()
	t.Commit() // want `t.lock stays locked if t.Apply panics`
	return nil
}

// Nearby correct form: no lock taken in the handler.
func DoLog(t *xa.Txn) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("txn: %v", r)
		}
	}()
	t.Commit() // want `t.lock stays locked if t.Apply panics`
	return nil
}

// Recursion across packages terminates.
func Walk(t *xa.Tree) {
	defer swallow()
	t.Even(3) // want `t.mu stays locked if t.Visit panics`
}

// Another package's section whose only panic point is weak is not
// reported here.
func (s *Service) Name(m *xa.Methods) string {
	defer swallow()
	return m.Value(1)
}
