// Package xb uses package xa: its findings need xa's facts.
package xb

import (
	"fmt"
	"net/http"
	"sync"

	"deadlock"
	"xa"
	"xc"
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
	s.mu.Lock() // want `s.mu stays locked if xa.Check panics.*the panic is recovered in \(\*Service\)\.Checked \(xb\.go:\d+\)`
	s.total = xa.Check(v)
	s.mu.Unlock()
	return s.total
}

// Another package's wrapper methods are locks.
func (s *Service) Wrapped() {
	defer swallow()
	s.state.Lock() // want `s.state stays locked if s.run panics.*the panic is recovered in \(\*Service\)\.Wrapped \(xb\.go:\d+\)`
	s.run()
	s.state.Unlock()
}

// A section in another package, reached by this package's recover: the
// finding is at the call here.
func (s *Service) Lookup(k string) string {
	defer swallow()
	return s.cache.Load(k) // want `s.cache.mu stays locked if c.Fetch panics: the panic is recovered in \(\*Service\)\.Lookup \(xb\.go:\d+\)`
}

func (s *Service) Save(k string) {
	defer swallow()
	s.cache.Store(k) // want `c.n is left half-updated if c.Fetch panics: the deferred s.cache.mu.Unlock\(\) releases it and the panic is recovered in \(\*Service\)\.Save \(xb\.go:\d+\)`
}

// Nearby correct form: no escaping section.
func (s *Service) Size() int {
	defer swallow()
	return s.cache.Len()
}

// An HTTP handler is a boundary for another package's sections too.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, s.m.Get(r.URL.Path)) // want `s.m.mu stays locked if m.OnMiss panics.*the panic is recovered by the server around handler \(\*Service\)\.ServeHTTP \(xb\.go:\d+\)`
}

// Closures passed to another package's recovering wrappers run under its
// recover.
func (s *Service) Background() {
	xa.Go(func() {
		s.mu.Lock() // want `s.mu stays locked if s.run panics: the panic is recovered in xa\.Go \(xb\.go:\d+\)`
		s.run()
		s.mu.Unlock()
	})
}

func (s *Service) Attempt() error {
	return xa.Try(func() {
		s.mu.Lock() // want `s.total is left half-updated if s.run panics: the deferred s.mu.Unlock\(\) releases it and the panic is recovered in xa\.Try \(xb\.go:\d+\)`
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

// A method value in a local variable is a call of the method: its
// section is reached here.
func (s *Service) Dynamic(l sync.Locker) {
	defer swallow()
	load := s.cache.Load
	s.mu.Lock() // want `s.mu stays locked if load panics.*the panic is recovered in \(\*Service\)\.Dynamic \(xb\.go:\d+\)`

	load("k") // want `s.cache.mu stays locked if c.Fetch panics: the panic is recovered in \(\*Service\)\.Dynamic \(xb\.go:\d+\)`
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
	t.Commit() // want `t.lock stays locked if t.Apply panics.*the panic is recovered in Do \(xb\.go:\d+\)`
	return nil
}

// Nearby correct form: no lock taken in the handler.
func DoLog(t *xa.Txn) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("txn: %v", r)
		}
	}()
	t.Commit() // want `t.lock stays locked if t.Apply panics.*the panic is recovered in DoLog \(xb\.go:\d+\)`
	return nil
}

// Recursion across packages terminates.
func Walk(t *xa.Tree) {
	defer swallow()
	t.Even(3) // want `t.mu stays locked if t.Visit panics.*the panic is recovered in Walk \(xb\.go:\d+\)`
}

// Another package's section whose only panic point is weak is not
// reported here.
func (s *Service) Name(m *xa.Methods) string {
	defer swallow()
	return m.Value(1)
}

// A re-panicking wrapper stops nothing: the panic goes on to the caller's
// recover, which is what leaves s.mu locked.
func (s *Service) Strict() {
	xa.Must(func() {
		s.mu.Lock() // want `s.mu stays locked if s.run panics: the panic is recovered in \(\*Service\)\.StrictSafe \(xb\.go:\d+\)`
		s.run()
		s.mu.Unlock()
	})
}

func (s *Service) StrictSafe() {
	defer swallow()
	s.Strict()
}

// A method value passed to another package's dispatcher runs there.
func (s *Service) Cmd(name string) {
	defer swallow()
	xa.Run(name, s.login)
}

func (s *Service) login(name string) error {
	s.mu.Lock() // want `s.mu stays locked if s.run panics: the panic is recovered in \(\*Service\)\.Cmd \(xb\.go:\d+\)`
	s.run()
	s.mu.Unlock()
	return nil
}

// Nearby correct form: a dispatcher that stores the func does not call it.
func (s *Service) Later() {
	defer swallow()
	xa.Register(s.logout)
}

func (s *Service) logout() {
	s.mu.Lock()
	s.run()
	s.mu.Unlock()
}

// An interface call reaches the implementation declared beside the
// interface: reported here, at the call.
type Handler struct {
	store xa.Store
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.store.Put(r.URL.Path, 1) // want `h.store.mu stays locked if r.OnFull panics via \(\*xa.Ring\).Put: the panic is recovered by the server around handler \(\*Handler\)\.ServeHTTP \(xb\.go:\d+\)`
}

// A type this package never names (declared in xc, handed out as xa.Store)
// is not reached.
func (s *Service) Deep(k string) {
	defer swallow()
	st := xc.New()
	st.Put(k, 1)
}

// Another package's unlock wrapper that releases in a deferred call is an
// unlock.
func (s *Service) Journaled(j *xa.Journal) {
	defer swallow()
	j.Lock()
	defer j.Unlock()
	s.run()
}

func (s *Service) JournaledBad(j *xa.Journal) {
	defer swallow()
	j.Lock() // want `j stays locked if s.run panics: the panic is recovered in \(\*Service\)\.JournaledBad \(xb\.go:\d+\)`
	s.run()
	j.Unlock()
}

// Drop-in locks from another package (deadlock detectors) are locks.
var (
	dmu deadlock.Mutex
	drw deadlock.RWMutex
)

func Deadlocked(f func()) {
	defer swallow()
	dmu.Lock() // want `dmu stays locked if f panics: the panic is recovered in Deadlocked \(xb\.go:\d+\)`
	f()
	dmu.Unlock()
}

func DeadlockedRW(f func()) {
	defer swallow()
	drw.Lock() // want `drw stays locked if f panics: the panic is recovered in DeadlockedRW \(xb\.go:\d+\)`
	f()
	drw.Unlock()
}

func DeadlockedSafe(f func()) {
	defer swallow()
	drw.Lock()
	defer drw.Unlock()
	f()
}
