// A package in the middle of an edit: one function does not type-check;
// the others are still analysed.
package illtyped

import (
	"net/http"
	"sync"
)

type Server struct {
	mu   sync.Mutex
	hits map[string]int
}

func New() *Server { return &Server{hits: map[string]int{}} }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock() // want `s.mu stays locked if w.Write panics: the panic is recovered by the server around handler \(\*Server\)\.ServeHTTP \(illtyped\.go:\d+\)`
	s.hits[r.URL.Path]++
	w.Write(nil)
	s.mu.Unlock()
}

// Nearby correct form.
func (s *Server) serveOK(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w.Write(nil)
	s.hits[r.URL.Path]++
}

// Being edited: undefined names, a wrong type. Nothing is reported here.
func (s *Server) editing(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path] = undefinedFunc()
	var n int = "x"
	w.Write(notYet)
	s.mu.Unlock()
	_ = n
}

// A package-level initializer that does not type-check.
var table = map[string]int{"a": missing}

// Calls the broken function: it may panic, as far as we know.
func (s *Server) callsEditing(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock() // want `s.mu stays locked if s.editing panics.*the panic is recovered by the server around handler \(\*Server\)\.callsEditing \(illtyped\.go:\d+\)`
	s.editing(w, r)
	s.mu.Unlock()
}
