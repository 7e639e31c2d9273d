// Package kvstore is an HTTP front end for a pluggable store: the handler
// reaches the store's critical section through an interface call, and a
// command table reaches another through func values. Run the linter on it:
//
//	go run ./cmd/lockpoison ./examples/...
package kvstore

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
)

// Store is what the server writes to.
type Store interface {
	Put(key string, val int)
}

// ring keeps the last values in a fixed buffer.
type ring struct {
	mu   sync.Mutex
	keys []string
	vals []int
	next int
}

func newRing(n int) *ring { return &ring{keys: make([]string, n), vals: make([]int, n)} }

// Put holds r.mu without defer while indexing: an empty ring panics at
// r.keys[r.next], net/http recovers, and r.mu is never unlocked.
func (r *ring) Put(key string, val int) {
	r.mu.Lock()
	r.keys[r.next] = key
	r.vals[r.next] = val
	r.next = (r.next + 1) % len(r.keys)
	r.mu.Unlock()
}

// Server serves PUT /key?v=N and a few admin commands.
type Server struct {
	store Store
	stats stats
}

func New(size int) *Server { return &Server{store: newRing(size)} }

func (s *Server) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if cmd := req.URL.Query().Get("cmd"); cmd != "" {
		if f, ok := commands[cmd]; ok {
			f(&s.stats, req.URL.Query().Get("arg"))
		}
		return
	}
	v, err := strconv.Atoi(req.URL.Query().Get("v"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.store.Put(req.URL.Path, v)
	fmt.Fprintln(w, "ok")
}

type stats struct {
	mu     sync.Mutex
	resets int
	limits map[string]int
}

// The admin commands, dispatched by name.
var commands = map[string]func(*stats, string){
	"reset": func(st *stats, _ string) {
		st.mu.Lock()
		defer st.mu.Unlock()
		st.resets++
		st.limits = map[string]int{}
	},
	"limit": setLimit,
}

// setLimit resets st.resets, then parseLimit panics on a bad argument
// before st.limits is written: the deferred unlock releases a half-updated
// st.
func setLimit(st *stats, arg string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.resets = 0
	st.limits[arg] = parseLimit(arg)
}

func parseLimit(arg string) int {
	n, err := strconv.Atoi(arg)
	if err != nil {
		panic(err)
	}
	return n
}
