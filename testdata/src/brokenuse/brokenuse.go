// Imports a dependency that does not type-check: still analysed.
package brokenuse

import (
	"brokendep"
	"net/http"
	"sync"
)

type Server struct {
	mu sync.Mutex
	n  map[string]int
}

func New() *Server { return &Server{n: map[string]int{}} }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock() // want `s.mu stays locked if brokendep.Risky panics: the panic is recovered by the server around handler \(\*Server\)\.ServeHTTP \(brokenuse\.go:\d+\)`
	s.n["x"] = brokendep.Risky(s.n)
	s.mu.Unlock()
}

// Nearby correct form: the dependency's fact says Safe cannot panic.
func (s *Server) serveSafe(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.n["x"] = brokendep.Safe(s.n["x"])
	s.mu.Unlock()
}

// The broken function may panic, as far as anyone knows.
func (s *Server) serveBroken(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock() // want `s.mu stays locked if brokendep.Broken panics.*the panic is recovered by the server around handler \(\*Server\)\.serveBroken \(brokenuse\.go:\d+\)`
	s.n["x"] = brokendep.Broken()
	s.mu.Unlock()
}
