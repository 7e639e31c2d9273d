package httpsrv

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
)

type Server struct {
	mu     sync.Mutex
	hits   map[string]int
	routes map[string]string
}

func New() *Server { return &Server{hits: map[string]int{}, routes: map[string]string{}} }

// net/http recovers every handler's panic: a ServeHTTP method.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock() // want `s.mu stays locked if the index parts\[1\] is out of range: the panic is recovered by the server around handler \(\*Server\)\.ServeHTTP \(httpsrv\.go:\d+\)`
	parts := strings.Split(r.URL.Path, "/")
	s.hits[parts[1]]++
	s.mu.Unlock()
}

// A func with a *http.Request parameter.
func (s *Server) handleJSON(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	s.mu.Lock() // want `s.mu stays locked if the type assertion v\["name"\]\.\(string\) fails: the panic is recovered by the server around handler \(\*Server\)\.handleJSON \(httpsrv\.go:\d+\)`
	json.NewDecoder(r.Body).Decode(&v)
	s.routes["last"] = v["name"].(string)
	s.mu.Unlock()
}

// A func literal registered with HandleFunc.
func (s *Server) Register(mux *http.ServeMux) {
	mux.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock() // want `s.mu stays locked if w.Write panics.*the panic is recovered by the server around handler the func literal in \(\*Server\)\.Register \(httpsrv\.go:\d+\)`
		w.Write([]byte(s.routes["x"]))
		s.mu.Unlock()
	})
	mux.HandleFunc("/json", s.handleJSON)
}

// Nearby correct form: deferred unlock, no write before the panic point.
func (s *Server) handleOK(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w.Write([]byte(s.routes["x"]))
}

// A handler with a deferred unlock that writes guarded state, then calls
// something that may panic: torn state.
func (s *Server) handleCount(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock() // want `s.hits is left half-updated if w.Write panics: the deferred s.mu.Unlock\(\) releases it.*the panic is recovered by the server around handler \(\*Server\)\.handleCount \(httpsrv\.go:\d+\)`
	defer s.mu.Unlock()
	s.hits[r.URL.Path]++
	w.Write([]byte("ok"))
	s.routes[r.URL.Path] = "seen"
}

// Nearby correct form: the update is complete before the response is
// written.
func (s *Server) handleCountComplete(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[r.URL.Path]++
	w.Write([]byte("ok"))
}

// A handler's helper: the section is in the helper, the boundary around
// the handler that calls it.
func (s *Server) bump(key string) {
	s.mu.Lock() // want `s.mu stays locked if the slice bounds of key\[:1\] are out of range: the panic is recovered by the server around handler \(\*Server\)\.handleBump \(httpsrv\.go:\d+\)`
	s.hits[key[:1]]++
	_ = key[0]
	s.mu.Unlock()
}

func (s *Server) handleBump(w http.ResponseWriter, r *http.Request) {
	s.bump(r.URL.Path)
}

// Client side: a RoundTripper is not run under the server's recover.
type transport struct {
	mu   sync.Mutex
	next http.RoundTripper
}

func (t *transport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.mu.Lock()
	resp, err := t.next.RoundTrip(r)
	t.mu.Unlock()
	return resp, err
}
