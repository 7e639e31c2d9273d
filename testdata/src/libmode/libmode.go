// With -assume-recovered=exported: which functions are the library's entry
// points.
package libmode

import (
	"sync"

	"libmode/internal/store"
	"xa"
)

type Logger interface {
	Log(msg string)
}

// An unexported type handed out as an interface by an exported function:
// its exported methods are entry points.
type syncLogger struct {
	sync.Mutex
	out   Logger
	lines int
}

func NewSyncLogger(l Logger) Logger { return &syncLogger{out: l} }

func (s *syncLogger) Log(msg string) {
	s.Lock() // want `s stays locked if s.out.Log panics: the panic is assumed recovered by a caller of exported \(\*syncLogger\)\.Log \(libmode\.go:\d+\)`
	s.out.Log(msg)
	s.lines++
	s.Unlock()
}

// An unexported type held by an exported variable.
var Default = &counter{}

type counter struct {
	mu   sync.Mutex
	n    int
	hook func()
}

func (c *counter) Inc() {
	c.mu.Lock() // want `c.mu stays locked if c.hook panics: the panic is assumed recovered by a caller of exported \(\*counter\)\.Inc \(libmode\.go:\d+\)`
	c.hook()
	c.n++
	c.mu.Unlock()
}

// An unexported type that never leaves the package: not an entry point.
type hidden struct {
	mu sync.Mutex
	f  func()
}

func (h *hidden) Run() {
	h.mu.Lock()
	h.f()
	h.mu.Unlock()
}

// Of the exported methods reaching a section, the nearest is named.
type DB struct {
	mu   sync.Mutex
	meta map[string]int
	hook func()
}

func (db *DB) Close() { db.closeAll() }

func (db *DB) closeAll() { db.lockMeta() }

func (db *DB) Begin() { db.lockMeta() }

func (db *DB) lockMeta() {
	db.mu.Lock() // want `db.mu stays locked if db.hook panics: the panic is assumed recovered by a caller of exported \(\*DB\)\.Begin \(libmode\.go:\d+\)`
	db.hook()
	db.meta["tx"]++
	db.mu.Unlock()
}

// A section in an internal package is reported once, here; one in another
// library (xa) is reported there, not at each call in its importers.
type Cache struct {
	st *store.Store
	c  *xa.Cache
}

func (c *Cache) Put(k string) {
	c.st.Put(k, 1) // want `c.st.mu stays locked if s.Hook panics: the panic is assumed recovered by a caller of exported \(\*Cache\)\.Put \(libmode\.go:\d+\)`
}

func (c *Cache) Load(k string) string {
	return c.c.Load(k)
}
