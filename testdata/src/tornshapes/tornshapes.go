// Package tornshapes: what is and is not half-updated state (issue 11
// shapes 6, 7, 8, 9, 14), and sections identified by their acquisition.
package tornshapes

import (
	"net/http"
	"sync"

	"go.uber.org/zap"
)

func swallow() { recover() }

func compute(k string) int {
	if k == "" {
		panic("empty")
	}
	return len(k)
}

func notify(k string) {
	if k == "!" {
		panic("bad")
	}
}

type Store struct {
	mu    sync.Mutex
	items map[string]int
	order []string
	n     int
	stats counter
}

func New() *Store { return &Store{items: map[string]int{}} }

// Shape 6: the update is complete before the panic point (a notification
// follows): not torn.
func (s *Store) PutNotify(k string) {
	defer swallow()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[k] = 1
	s.order = append(s.order, k)
	notify(k)
}

// Nearest positive: a write, the panic point, a write it skips.
func (s *Store) PutHalf(k string) {
	defer swallow()
	s.mu.Lock() // want `s.items is left half-updated if notify panics \(panic\("bad"\) is called at tornshapes\.go:\d+\): the deferred s.mu.Unlock\(\) releases it and the panic is recovered in \(\*Store\)\.PutHalf \(tornshapes\.go:\d+\)`
	defer s.mu.Unlock()
	s.items[k] = 1
	notify(k)
	s.order = append(s.order, k)
}

// Shape 7: each iteration writes only after its own panic point.
func (s *Store) PutAll(ks []string) {
	defer swallow()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range ks {
		v := compute(k)
		s.items[k] = v
	}
}

// Shape 7's limit: each iteration deletes after its own panic point, but
// the update is finished after the loop (golang-lru's expirable Purge
// clears its buckets and list after evicting each item through the user's
// callback): the earlier iterations' deletes and the skipped write after
// the loop are one half-done update.
func (s *Store) PurgeHooks(onEvict func(string)) {
	defer swallow()
	s.mu.Lock() // want `s.items is left half-updated if onEvict panics.*the panic is recovered in \(\*Store\)\.PurgeHooks \(tornshapes\.go:\d+\)`
	defer s.mu.Unlock()
	for k := range s.items {
		onEvict(k)
		delete(s.items, k)
	}
	s.order = s.order[:0]
}

// Nearest negative: the same loop, nothing written after it.
func (s *Store) DropHooks(onEvict func(string)) {
	defer swallow()
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.items {
		onEvict(k)
		delete(s.items, k)
	}
}

// Nearest positive: an iteration writes, then panics before its second
// write.
func (s *Store) PutAllHalf(ks []string) {
	defer swallow()
	s.mu.Lock() // want `s.items is left half-updated if compute panics.*the panic is recovered in \(\*Store\)\.PutAllHalf \(tornshapes\.go:\d+\)`
	defer s.mu.Unlock()
	for _, k := range ks {
		s.items[k] = 0
		v := compute(k)
		s.items[k] = v
	}
}

// Shape 8: state with its own lock is not the outer section's state.
type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (s *Store) Count(k string) {
	defer swallow()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats.Inc()
	s.items[k] = compute(k)
}

// Nearest positive: the outer section's own counter.
func (s *Store) CountOwn(k string) {
	defer swallow()
	s.mu.Lock() // want `s.n is left half-updated if compute panics.*the panic is recovered in \(\*Store\)\.CountOwn \(tornshapes\.go:\d+\)`
	defer s.mu.Unlock()
	s.n++
	s.items[k] = compute(k)
}

// Shape 9: locals captured by a closure are not guarded state (the shape
// the "Wrap the section in a func" fix creates).
func (s *Store) Snapshot(ks []string) (out []int, seen map[string]bool) {
	defer swallow()
	seen = map[string]bool{}
	func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		for _, k := range ks {
			out = append(out, s.items[k])
			seen[k] = true
			notify(k)
			out = append(out, 0)
		}
	}()
	return out, seen
}

// Nearest positive: the same closure writing the store's state.
func (s *Store) SnapshotWrite(ks []string) {
	defer swallow()
	func() {
		s.mu.Lock() // want `s.order is left half-updated if notify panics.*the panic is recovered in \(\*Store\)\.SnapshotWrite \(tornshapes\.go:\d+\)`
		defer s.mu.Unlock()
		for _, k := range ks {
			s.order = append(s.order, k)
			notify(k)
			s.items[k]++
		}
	}()
}

// Shape 14: the torn inner section lies under an outer lock that the same
// panic leaks: the leak is reported, not the torn state.
type DB struct {
	rwlock   sync.Mutex
	metalock sync.Mutex
	rwtx     *int
	meta     int
}

func (db *DB) Begin(k string) {
	defer swallow()
	db.rwlock.Lock() // want `db.rwlock stays locked if compute panics.*the panic is recovered in \(\*DB\)\.Begin \(tornshapes\.go:\d+\)`
	db.metalock.Lock()
	defer db.metalock.Unlock()
	db.meta++
	n := compute(k)
	db.rwtx = &n
}

// Nearest positive: without the outer lock, the torn state is reported.
func (db *DB) BeginMeta(k string) {
	defer swallow()
	db.metalock.Lock() // want `db.meta is left half-updated if compute panics.*the panic is recovered in \(\*DB\)\.BeginMeta \(tornshapes\.go:\d+\)`
	defer db.metalock.Unlock()
	db.meta++
	n := compute(k)
	db.rwtx = &n
}

// Two sections of the same lock in one function under a context boundary
// (an HTTP handler) are two findings, each at its own Lock.
type Server struct {
	mu sync.Mutex
	a  int
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock() // want `s.mu stays locked if compute panics.*the panic is recovered by the server around handler \(\*Server\)\.ServeHTTP \(tornshapes\.go:\d+\)`
	s.a = compute(r.URL.Path)
	s.mu.Unlock()
	s.mu.Lock() // want `s.mu stays locked if notify panics.*the panic is recovered by the server around handler \(\*Server\)\.ServeHTTP \(tornshapes\.go:\d+\)`
	notify(r.URL.Path)
	s.mu.Unlock()
}

// Nearest negative: deferred unlocks in func literals, nothing written
// before the panic points.
func (s *Server) serveOK(w http.ResponseWriter, r *http.Request) {
	v := compute(r.URL.Path)
	func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.a = v
	}()
	func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		notify(r.URL.Path)
	}()
}

// A handler that calls a fatal logger does not let the program go on.
type Backend struct {
	mu sync.Mutex
	lg *zap.Logger
	n  int
}

func (b *Backend) Defrag(k string) {
	defer func() {
		if r := recover(); r != nil {
			b.lg.Fatal("unexpected panic during defrag")
		}
	}()
	b.mu.Lock()
	compute(k)
	b.mu.Unlock()
}

// Nearest positive: a handler that logs an error and returns swallows.
func (b *Backend) DefragLog(k string) {
	defer func() {
		if r := recover(); r != nil {
			b.lg.Error("unexpected panic during defrag")
		}
	}()
	b.mu.Lock() // want `b.mu stays locked if compute panics.*the panic is recovered in \(\*Backend\)\.DefragLog \(tornshapes\.go:\d+\)`
	compute(k)
	b.mu.Unlock()
}

// A write, then a loop of panic points, then a write after the loop: torn
// (the shipped example's Add).
func (s *Store) AddHooks(k string, hooks []func(string)) {
	defer swallow()
	s.mu.Lock() // want `s.n is left half-updated if h panics.*the panic is recovered in \(\*Store\)\.AddHooks \(tornshapes\.go:\d+\)`
	defer s.mu.Unlock()
	s.n++
	for _, h := range hooks {
		h(k)
	}
	s.items[k] = 1
}

// Nearest negative: the hooks run after the update is complete.
func (s *Store) AddThenHooks(k string, hooks []func(string)) {
	defer swallow()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	s.items[k] = 1
	for _, h := range hooks {
		h(k)
	}
}

// A function that merely takes a *http.Request runs inside a request: it
// is no handler.
func (s *Server) lookup(r *http.Request, k string) {
	s.mu.Lock() // want `s.mu stays locked if compute panics \(panic\("empty"\) is called at tornshapes\.go:\d+\): the panic is recovered by the server: \(\*Server\).lookup runs inside a request handled by the server \(tornshapes.go:\d+\)`
	s.a = compute(k)
	s.mu.Unlock()
}

type result struct {
	vals []int
	n    int
}

// Shape 9 with a struct: the fields of a local captured by the closure are
// not guarded state.
func (s *Store) Collect(ks []string) (res result) {
	defer swallow()
	func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		for _, k := range ks {
			res.vals = append(res.vals, s.items[k])
			notify(k)
			res.n++
		}
	}()
	return res
}

// Nearest positive: the same through a pointer parameter, which callers
// share.
func (s *Store) CollectInto(ks []string, res *result) {
	defer swallow()
	func() {
		s.mu.Lock() // want `res.vals is left half-updated if notify panics.*the panic is recovered in \(\*Store\)\.CollectInto \(tornshapes\.go:\d+\)`
		defer s.mu.Unlock()
		for _, k := range ks {
			res.vals = append(res.vals, s.items[k])
			notify(k)
			res.n++
		}
	}()
}

// A batch left half-applied: each iteration writes, then a panic point,
// and the panic skips the next iterations' writes.
func (s *Store) PutBatch(ks []string) {
	defer swallow()
	s.mu.Lock() // want `s.items is left half-updated if notify panics.*the panic is recovered in \(\*Store\)\.PutBatch \(tornshapes\.go:\d+\)`
	defer s.mu.Unlock()
	for _, k := range ks {
		s.items[k] = 1
		notify(k)
	}
}

// Elements of guarded state written through a local pointer (memberlist's
// deadNode): the node taken out of m.nodes is updated after the panic
// point, so the timer deleted before it is half of an update.
type node struct {
	inc   int
	state string
}

type peer struct {
	mu   sync.Mutex
	seen int
}

type Members struct {
	mu     sync.Mutex
	nodes  map[string]*node
	timers map[string]int
	peers  map[string]*peer
}

func (m *Members) Dead(name string, inc int, notify func(string)) {
	defer swallow()
	m.mu.Lock() // want `m.timers is left half-updated if notify panics.*the panic is recovered in \(\*Members\)\.Dead \(tornshapes\.go:\d+\)`
	defer m.mu.Unlock()
	st, ok := m.nodes[name]
	if !ok {
		return
	}
	delete(m.timers, name)
	notify(name)
	st.inc = inc
	st.state = "dead"
}

// Nearest negative: the element written after the panic point has its own
// lock, held: its state is its own (shape 8), not m's.
func (m *Members) Touch(name string, notify func(string)) {
	defer swallow()
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.timers, name)
	notify(name)
	p := m.peers[name]
	p.mu.Lock()
	p.seen++
	p.mu.Unlock()
}
