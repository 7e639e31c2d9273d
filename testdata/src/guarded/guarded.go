package guarded

import "sync"

func swallow() { recover() }

type Store struct {
	mu  sync.Mutex
	seq int // +checklocks:mu
	// guarded by other
	audit []string
	other sync.Mutex
	fn    func() int
}

// An annotated field written under its lock, then a panic point.
func (s *Store) Next() int {
	defer swallow()
	s.mu.Lock() // want `s.seq is left half-updated if s.fn panics`
	defer s.mu.Unlock()
	s.seq++
	return s.fn()
}

// A field annotated as guarded by another lock is not this lock's state.
func (s *Store) Audit() {
	defer swallow()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.audit = append(s.audit, "x")
	s.fn()
}

// Writes to local state are not guarded state.
func (s *Store) Local() int {
	defer swallow()
	s.mu.Lock()
	defer s.mu.Unlock()
	buf := make([]int, 0, 4)
	buf = append(buf, s.seq)
	n := len(buf)
	return n + s.fn()
}

// A package-level variable written while the lock is held.
var (
	regMu    sync.Mutex
	registry = map[string]func() int{}
	count    int
)

func Register(name string, f func() int) {
	defer swallow()
	regMu.Lock() // want `count is left half-updated if f panics`
	defer regMu.Unlock()
	count++
	registry[name] = f
	f()
}

// The write comes after the last panic point: nothing is torn.
func RegisterLast(name string, f func() int) {
	defer swallow()
	regMu.Lock()
	defer regMu.Unlock()
	f()
	count++
	registry[name] = f
}
