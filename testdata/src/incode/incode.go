// In-source configuration: //lockpoison:boundary and //lockpoison:recovered.
package incode

import "sync"

type Store struct {
	mu    sync.Mutex
	items map[string]int
	load  func() int
}

// run recovers the panics of the jobs it runs.
//
//lockpoison:boundary
func run(job func()) {
	defer func() { recover() }()
	job()
}

// A func literal passed to a boundary function runs under its recover.
func (s *Store) Refresh() {
	run(func() {
		s.mu.Lock() // want `s.mu stays locked if s.load panics: the panic is recovered in run \(incode\.go:\d+\)`
		s.items["x"] = s.load()
		s.mu.Unlock()
	})
}

// Nearby correct form: deferred unlock, the write after the panic point.
func (s *Store) RefreshOK() {
	run(func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		v := s.load()
		s.items["x"] = v
	})
}

// Not passed to the boundary: called directly, nothing recovers.
func (s *Store) RefreshDirect() {
	s.mu.Lock()
	s.items["x"] = s.load()
	s.mu.Unlock()
}

// serve is itself a boundary: its own body runs under the recover.
//
//lockpoison:boundary
func (s *Store) serve() {
	s.mu.Lock() // want `s.mu stays locked if s.load panics: the panic is recovered by //lockpoison:boundary function \(\*Store\)\.serve \(incode\.go:\d+\)`
	s.items["y"] = s.load()
	s.mu.Unlock()
}

// Get is called by an RPC framework that recovers.
//
//lockpoison:recovered
func (s *Store) Get(key string) int {
	s.mu.Lock() // want `s.mu stays locked if s.load panics: the panic is recovered by a caller of //lockpoison:recovered \(\*Store\)\.Get \(incode\.go:\d+\)`
	s.items[key] += s.load()
	s.mu.Unlock()
	return 0
}

// Put is not marked: no recover known.
func (s *Store) Put(key string) {
	s.mu.Lock()
	s.items[key] = s.load()
	s.mu.Unlock()
}

// Service is a gRPC-style service behind a recovery interceptor: all its
// methods are recovered.
//
//lockpoison:recovered
type Service struct {
	mu    sync.Mutex
	count map[string]int
	check func(string)
}

func (s *Service) Hello(name string) {
	s.mu.Lock() // want `s.mu stays locked if s.check panics: the panic is recovered by a caller of \(\*Service\).Hello \(incode.go:\d+\), a method of //lockpoison:recovered type Service`
	s.count[name]++
	s.check(name)
	s.mu.Unlock()
}

// Nearby correct form in the same recovered type.
func (s *Service) HelloOK(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.check(name)
	s.count[name]++
}

// Handler is implemented by job handlers that a worker framework calls
// under its recover.
//
//lockpoison:recovered
type Handler interface {
	Handle(job string)
}

type jobs struct {
	mu   sync.Mutex
	seen map[string]bool
	do   func(string)
}

func (j *jobs) Handle(job string) {
	j.mu.Lock() // want `j.mu stays locked if j.do panics: the panic is recovered by a caller of \(\*jobs\).Handle \(incode.go:\d+\), which implements //lockpoison:recovered interface Handler`
	j.seen[job] = true
	j.do(job)
	j.mu.Unlock()
}

// Not a method of Handler: not recovered.
func (j *jobs) Other(job string) {
	j.mu.Lock()
	j.seen[job] = true
	j.do(job)
	j.mu.Unlock()
}
