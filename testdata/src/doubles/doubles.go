// Package doubles: an interface called by a request handler, a real
// implementation, and test doubles declared beside it in a non-test file
// (x/mod's sumdb.TestServer, FP-18). Test doubles are not implementations
// that the interface call reaches, unless the package's own non-test code
// converts them to an interface.
package doubles

import (
	"net/http"
	"sync"
)

type Ops interface {
	Lookup(k string) int
}

type Server struct{ ops Ops }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.ops.Lookup(r.URL.Path)
}

// NewServer uses diskOps, or FakeOps in a dry run: both are
// implementations.
func NewServer(dry bool) *Server {
	if dry {
		return &Server{ops: &FakeOps{}}
	}
	return &Server{ops: &diskOps{}}
}

// diskOps: the real implementation, reached.
type diskOps struct {
	mu   sync.Mutex
	idx  map[string]int
	data []int
}

func (d *diskOps) Lookup(k string) int {
	d.mu.Lock() // want `d.mu stays locked if the index d.data\[d.idx\[k\]\] is out of range via \(\*diskOps\)\.Lookup: the panic is recovered by the server around handler \(\*Server\)\.ServeHTTP \(doubles.go:\d+\)`
	v := d.data[d.idx[k]]
	d.mu.Unlock()
	return v
}

// TestOps is an in-memory implementation of Ops for testing: only the
// package's tests convert it (doubles_test.go). Not reached.
type TestOps struct {
	mu   sync.Mutex
	data []int
}

func NewTestOps() *TestOps { return &TestOps{} }

func (t *TestOps) Lookup(k string) int {
	t.mu.Lock()
	v := t.data[len(k)]
	t.mu.Unlock()
	return v
}

// mockOps: an unexported double, the same.
type mockOps struct {
	mu   sync.Mutex
	data []int
}

func (m *mockOps) Lookup(k string) int {
	m.mu.Lock()
	v := m.data[len(k)]
	m.mu.Unlock()
	return v
}

// FakeOps is named as a double, but NewServer uses it: reached.
type FakeOps struct {
	mu   sync.Mutex
	data []int
}

func (f *FakeOps) Lookup(k string) int {
	f.mu.Lock() // want `f.mu stays locked if the index f.data\[len\(k\)\] is out of range via \(\*FakeOps\)\.Lookup: the panic is recovered by the server around handler \(\*Server\)\.ServeHTTP \(doubles.go:\d+\)`
	v := f.data[len(k)]
	f.mu.Unlock()
	return v
}

// Testament is not a double's name (no upper-case letter after "Test"):
// reached.
type Testament struct {
	mu   sync.Mutex
	data []int
}

func (t *Testament) Lookup(k string) int {
	t.mu.Lock() // want `t.mu stays locked if the index t.data\[len\(k\)\] is out of range via \(\*Testament\)\.Lookup: the panic is recovered by the server around handler \(\*Server\)\.ServeHTTP \(doubles.go:\d+\)`
	v := t.data[len(k)]
	t.mu.Unlock()
	return v
}
