// Package app imports a dependency that does not type-check; it is still
// analysed.
package app

import (
	"net/http"
	"sync"

	"example.com/dep"
)

type Server struct {
	mu sync.Mutex
	n  map[string]int
}

func New() *Server { return &Server{n: map[string]int{}} }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock() // lock-leak reported here
	s.n["x"] = dep.Risky(s.n)
	s.mu.Unlock()
}

// Nearby correct form: dep.Safe cannot panic, as dep's syntax shows.
func (s *Server) serveSafe(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.n["x"] = dep.Safe(s.n["x"])
	s.mu.Unlock()
}
