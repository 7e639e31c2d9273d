// Package xa is a library whose facts package xb uses.
package xa

import (
	"errors"
	"log"
	"sync"

	"deadlock"
)

// Add cannot panic: calls to it are not panic points in other packages.
func Add(a, b int) int { return a + b } // want Add:"^lockpoison\\(nopanic\\)$"

// Check may panic.
func Check(v int) int {
	if v < 0 {
		panic(errors.New("negative"))
	}
	return v
}

// State's wrapper methods act as its lock in other packages.
type State struct {
	mu   sync.Mutex
	Data map[string]int
}

func (s *State) Lock()   { s.mu.Lock() }   // want Lock:"^lockpoison\\(nopanic acquires\\(\\$0\\.mu W\\) locks\\(\\$0\\.mu W\\) readonly\\)$"
func (s *State) Unlock() { s.mu.Unlock() } // want Unlock:"^lockpoison\\(nopanic releases\\(\\$0\\.mu W\\) readonly\\)$"

// Cache has sections that a panic leaves behind when it escapes.
type Cache struct {
	mu    sync.Mutex
	items map[string]string
	n     int
	Fetch func(string) string
}

func NewCache() *Cache { return &Cache{items: map[string]string{}} } // want NewCache:"^lockpoison\\(nopanic\\)$"

// Load holds c.mu without defer while c.Fetch may panic.
func (c *Cache) Load(k string) string { // want Load:"^lockpoison\\(locks\\(\\$0\\.mu W\\) escapes\\(\\$0\\.mu held at xa\\.go:44 by c\\.Fetch panics\\)\\)$"
	c.mu.Lock()
	v := c.Fetch(k)
	c.items[k] = v
	c.mu.Unlock()
	return v
}

// Store writes c.n, then c.Fetch may panic: the deferred unlock releases a
// torn cache.
func (c *Cache) Store(k string) { // want Store:"^lockpoison\\(locks\\(\\$0\\.mu W\\) escapes\\(\\$0\\.mu torn at xa\\.go:54 by c\\.Fetch panics\\)\\)$"
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	c.items[k] = c.Fetch(k)
}

// Len is the nearby correct form: no escaping section.
func (c *Cache) Len() int { // want Len:"^lockpoison\\(nopanic locks\\(\\$0\\.mu W\\) readonly\\)$"
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

// Go runs fn in a goroutine under a swallowing recover.
func Go(fn func()) { // want Go:"^lockpoison\\(nopanic recovers\\(0\\)\\)$"
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Print(r)
			}
		}()
		fn()
	}()
}

// Try runs fn under a recover and returns the panic as an error.
func Try(fn func()) (err error) { // want Try:"^lockpoison\\(nopanic recovers\\(0\\)\\)$"
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("panic")
		}
	}()
	fn()
	return nil
}

// Register stores fn to call it later: fn is not run under a recover here.
var hooks []func()

func Register(fn func()) { hooks = append(hooks, fn) } // want Register:"^lockpoison\\(nopanic\\)$"

// Txn: Commit may panic holding t.lock without defer; Rollback locks it.
type Txn struct {
	lock  sync.Mutex
	ops   []string
	Apply func(string)
}

func (t *Txn) Commit() { // want Commit:"^lockpoison\\(locks\\(\\$0\\.lock W\\) escapes\\(\\$0\\.lock held at xa\\.go:103 by t\\.Apply panics\\) readonly\\)$"
	t.lock.Lock()
	for _, op := range t.ops {
		t.Apply(op)
	}
	t.lock.Unlock()
}

func (t *Txn) Rollback() { // want Rollback:"^lockpoison\\(nopanic locks\\(\\$0\\.lock W\\)\\)$"
	t.lock.Lock()
	t.ops = nil
	t.lock.Unlock()
}

// Mutually recursive functions with locks terminate.
type Tree struct {
	mu    sync.Mutex
	kids  []*Tree
	Visit func(*Tree)
}

func (t *Tree) Even(d int) { // want Even:"^lockpoison\\(locks\\(\\$0\\.mu W\\) escapes\\(\\$0\\.mu held at xa\\.go:124 by t\\.Visit panics\\) readonly\\)$"
	t.mu.Lock()
	if d > 0 {
		for _, k := range t.kids {
			k.Odd(d - 1)
		}
	}
	t.Visit(t)
	t.mu.Unlock()
}

func (t *Tree) Odd(d int) { // want Odd:"^lockpoison\\(locks\\(\\$0\\.mu W\\) escapes\\(\\$0\\.mu held at xa\\.go:135 by k\\.Even panics \\(t\\.Visit panics at xa\\.go:130\\)\\) readonly\\)$"
	t.mu.Lock()
	if d > 0 {
		for _, k := range t.kids {
			k.Even(d - 1)
		}
	}
	t.mu.Unlock()
}

// Generic types and functions carry facts through their origin.
type Map[K comparable, V any] struct {
	mu     sync.Mutex
	m      map[K]V
	OnMiss func(K) V
}

func (m *Map[K, V]) Get(k K) V { // want Get:"^lockpoison\\(locks\\(\\$0\\.mu W\\) escapes\\(\\$0\\.mu held at xa\\.go:152 by m\\.OnMiss panics\\) readonly\\)$"
	m.mu.Lock()
	v, ok := m.m[k]
	if !ok {
		v = m.OnMiss(k)
	}
	m.mu.Unlock()
	return v
}

func Max[T int | float64](a, b T) T { // want Max:"^lockpoison\\(nopanic\\)$"
	if a > b {
		return a
	}
	return b
}

// Table is a map-like type without locks: At reads through its pointer
// receiver, Set writes.
type Table struct{ m map[string]any }

func (t *Table) At(k string) any { return t.m[k] } // want At:"^lockpoison\\(nopanic readonly\\)$"

func (t *Table) Set(k string, v any) { // want Set:"^lockpoison\\(nopanic\\)$"
	if t.m == nil {
		t.m = map[string]any{}
	}
	t.m[k] = v
}

// Methods' section can panic only through a type assertion in a helper: a
// weak panic point, not exported as an escape.
type Methods struct {
	mu sync.Mutex
	n  int
}

func (m *Methods) Value(v any) string { // want Value:"^lockpoison\\(locks\\(\\$0.mu W\\)\\)$"
	m.mu.Lock()
	defer m.mu.Unlock()
	m.n++
	return recvName(v)
}

func recvName(v any) string { return v.(string) }

// Must runs fn under a recover that logs and re-panics: not a recovering
// wrapper, so its callers' recovers are what stop fn's panic.
func Must(fn func()) { // want Must:"^lockpoison\\(calls\\(0\\)\\)$"
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
			panic(r)
		}
	}()
	fn()
}

// Run is a dispatcher: it calls its func parameter; callers bind it.
func Run(name string, f func(string) error) error { // want Run:"^lockpoison\\(calls\\(1\\)\\)$"
	return f(name)
}

// Store is implemented by Ring, declared beside it: interface calls in
// other packages reach Ring's section.
type Store interface {
	Put(k string, v int)
}

type Ring struct {
	mu     deadlock.RWMutex
	items  []int
	pos    int
	OnFull func()
}

func (r *Ring) Put(k string, v int) { // want Put:"^lockpoison\\(locks\\(\\$0\\.mu W\\) escapes\\(\\$0\\.mu held at xa\\.go:228 by r\\.OnFull panics\\)\\)$"
	r.mu.Lock()
	if r.pos >= len(r.items) {
		r.OnFull()
	}
	r.pos++
	r.mu.Unlock()
}

// Journal's Unlock releases in a deferred call, after a flush that may
// panic: it is an unlock all the same.
type Journal struct {
	mu    sync.Mutex
	dirty bool
	Flush func()
}

func (j *Journal) Lock() { j.mu.Lock() } // want Lock:"^lockpoison\\(nopanic acquires\\(\\$0\\.mu W\\) locks\\(\\$0\\.mu W\\) readonly\\)$"

func (j *Journal) Unlock() { // want Unlock:"^lockpoison\\(releases\\(\\$0\\.mu W\\) readonly\\)$"
	defer j.unlock()
	if j.dirty {
		j.Flush()
	}
}

func (j *Journal) unlock() { j.mu.Unlock() }
