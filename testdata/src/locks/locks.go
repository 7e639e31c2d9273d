package locks

import "sync"

func swallow() {
	if r := recover(); r != nil {
		println("recovered")
	}
}

// RWMutex, write mode.
type Table struct {
	mu   sync.RWMutex
	rows []string
	fn   func() string
}

func (t *Table) Add() { // want Add:"locks\\(\\$0.mu W\\)"
	defer swallow()
	t.mu.Lock() // want `t.mu stays locked if t.fn panics: the panic is recovered in \(\*Table\)\.Add \(locks\.go:\d+\)`
	s := t.fn()
	t.mu.Unlock()
	_ = s
}

// RWMutex, read mode: a leaked read lock blocks every later writer.
func (t *Table) Read() string { // want Read:"locks\\(\\$0.mu R\\)"
	defer swallow()
	t.mu.RLock() // want `t.mu stays locked if t.fn panics.*the panic is recovered in \(\*Table\)\.Read \(locks\.go:\d+\)`
	s := t.fn()
	t.mu.RUnlock()
	return s
}

// Nearby correct form: read lock with deferred RUnlock.
func (t *Table) ReadDeferred() string { // want ReadDeferred:"locks\\(\\$0.mu R\\)"
	defer swallow()
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.fn()
}

// A read section never tears state, even when it writes.
func (t *Table) ReadWrites() { // want ReadWrites:"locks\\(\\$0.mu R\\)"
	defer swallow()
	t.mu.RLock()
	defer t.mu.RUnlock()
	t.rows = nil
	t.fn()
}

// Lock nested in fields.
type inner struct{ mu sync.Mutex }
type outer struct {
	state *inner
	fn    func()
}

func (s *outer) Deep() { // want Deep:"locks\\(\\$0.state.mu W\\)"
	defer swallow()
	s.state.mu.Lock() // want `s.state.mu stays locked if s.fn panics.*the panic is recovered in \(\*outer\)\.Deep \(locks\.go:\d+\)`
	s.fn()
	s.state.mu.Unlock()
}

// Embedded mutex.
type Counter struct {
	sync.Mutex
	n  int
	fn func()
}

func (c *Counter) Incr() { // want Incr:"locks\\(\\$0.~Mutex W\\)"
	defer swallow()
	c.Lock() // want `c stays locked if c.fn panics.*the panic is recovered in \(\*Counter\)\.Incr \(locks\.go:\d+\)`
	c.fn()
	c.Unlock()
}

// Package-level mutex.
var (
	mu    sync.Mutex
	hooks []func()
)

func RunHooks() {
	defer swallow()
	mu.Lock() // want `mu stays locked if h panics.*the panic is recovered in RunHooks \(locks\.go:\d+\)`
	for _, h := range hooks {
		h()
	}
	mu.Unlock()
}

// A local mutex.
func Local(fs []func()) {
	defer swallow()
	var m sync.Mutex
	m.Lock() // want `m stays locked if fs\[0\] panics.*the panic is recovered in Local \(locks\.go:\d+\)`
	fs[0]()
	m.Unlock()
}

// Locker-shaped wrapper methods act as the lock they wrap.
type State struct {
	mu   sync.Mutex
	data map[string]int
	fn   func()
}

func (s *State) Lock()   { s.mu.Lock() }   // want Lock:"acquires\\(\\$0.mu W\\)"
func (s *State) Unlock() { s.mu.Unlock() } // want Unlock:"releases\\(\\$0.mu W\\)"

func (s *State) Update() { // want Update:"locks\\(\\$0.mu W\\)"
	defer swallow()
	s.Lock() // want `s stays locked if s.fn panics.*the panic is recovered in \(\*State\)\.Update \(locks\.go:\d+\)`
	s.fn()
	s.Unlock()
}

func (s *State) UpdateDeferred() { // want UpdateDeferred:"locks\\(\\$0.mu W\\)"
	defer swallow()
	s.Lock()
	defer s.Unlock()
	s.fn()
}

// A sync.Locker interface value.
func WithLocker(l sync.Locker, f func()) { // want WithLocker:"recovers\\(1\\)"
	defer swallow()
	l.Lock() // want `l stays locked if f panics.*the panic is recovered in WithLocker \(locks\.go:\d+\)`
	f()
	l.Unlock()
}

func WithLockerDeferred(l sync.Locker, f func()) { // want WithLockerDeferred:"recovers\\(1\\)"
	defer swallow()
	l.Lock()
	defer l.Unlock()
	f()
}
