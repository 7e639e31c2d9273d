package guarded

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"
	"xa"
)

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
	s.mu.Lock() // want `s.seq is left half-updated if s.fn panics.*the panic is recovered in \(\*Store\)\.Next \(guarded\.go:\d+\)`
	defer s.mu.Unlock()
	s.seq++
	n := s.fn()
	s.seq += n
	return s.seq
}

// Nearby correct form: the update is complete before the panic point.
func (s *Store) NextComplete() int {
	defer swallow()
	s.mu.Lock()
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
	regMu.Lock() // want `count is left half-updated if f panics.*the panic is recovered in Register \(guarded\.go:\d+\)`
	defer regMu.Unlock()
	count++
	f()
	registry[name] = f
}

// Nearby correct form: the update is complete before the panic point.
func RegisterComplete(name string, f func() int) {
	defer swallow()
	regMu.Lock()
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

// A helper that memoizes into the lock's owner does not tear the state the
// lock guards: only writes of the guarded fields count.
type Table struct {
	mu      sync.Mutex
	strings map[int]string
	index   map[string]int
	list    *list
	raw     []byte
}

type list struct{ items []string }

func (l *list) push(s string) { l.items = append(l.items, s) }

func (t *Table) str(off int) string {
	if s, ok := t.strings[off]; ok {
		return s
	}
	s := string(t.raw[off:])
	t.strings[off] = s
	return s
}

func (t *Table) Build(n int) (err error) {
	defer func() {
		if recover() != nil {
			err = errBuild
		}
	}()
	t.mu.Lock()
	defer t.mu.Unlock()
	m := map[string]int{}
	for i := 0; i < n; i++ {
		m[t.str(i)] = i
	}
	t.index = m
	return nil
}

// A pointer-receiver method called on a guarded field writes it.
func (t *Table) Append(n int) (err error) {
	defer func() {
		if recover() != nil {
			err = errBuild
		}
	}()
	t.mu.Lock() // want `t.list is left half-updated if the slice bounds of t.raw\[n:\] are out of range.*the panic is recovered in \(\*Table\)\.Append \(guarded\.go:\d+\)`
	defer t.mu.Unlock()
	t.list.push("x")
	t.list.push(string(t.raw[n:]))
	return nil
}

var errBuild = errors.New("build failed")

// A read-only method of another package's type, called on a field, panics
// before it could write: no write precedes the panic point.
type Canon struct {
	mu  sync.Mutex
	tab *strings.Replacer
	n   int
}

func (c *Canon) Get(s string) (out string, err error) {
	defer func() {
		if recover() != nil {
			err = errBuild
		}
	}()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.tab.Replace(s), nil
}

// State under an object the recover handler closes is abandoned: it is not
// read torn again.
type connReader struct {
	mu     sync.Mutex
	inRead bool
	reads  int
	rwc    net.Conn
}

func (cr *connReader) startRead() {
	cr.mu.Lock() // want `cr.inRead is left half-updated if cr.rwc.SetReadDeadline panics: the deferred cr.mu.Unlock\(\) releases it and the panic is recovered in \(\*conn\)\.serveKeep \(guarded\.go:\d+\)`
	defer cr.mu.Unlock()
	cr.inRead = true
	cr.rwc.SetReadDeadline(time.Time{})
	cr.reads++
}

type conn struct{ r *connReader }

func (c *conn) close() { c.r.rwc.Close() }

func (c *conn) serve() {
	defer func() {
		if recover() != nil {
			c.close()
		}
	}()
	c.r.startRead()
	w := &response{conn: c}
	w.conn.r.startRead() // reached through another object: still c's reader
}

type response struct{ conn *conn }

// Nearby positive: the handler keeps the connection.
func (c *conn) serveKeep() {
	defer func() {
		if recover() != nil {
			println("recovered")
		}
	}()
	c.r.startRead()
}

// A read-only pointer method of another package (a fact says so) is no
// write: the panic point after it tears nothing.
type Canonizer struct {
	mu    sync.Mutex
	types *xa.Table
}

func (c *Canonizer) Type(k string) (t any, err error) {
	defer func() {
		if recover() != nil {
			err = errBuild
		}
	}()
	c.mu.Lock()
	defer c.mu.Unlock()
	if r := c.types.At(k); r != nil {
		return r.(fmt.Stringer), nil
	}
	return nil, nil
}

// A writing one is.
func (c *Canonizer) Put(k string) (err error) {
	defer func() {
		if recover() != nil {
			err = errBuild
		}
	}()
	c.mu.Lock() // want `c.types is left half-updated if the type assertion.*the panic is recovered in \(\*Canonizer\)\.Put \(guarded\.go:\d+\)`
	defer c.mu.Unlock()
	c.types.Set(k, k)
	_ = c.types.At(k).(fmt.Stringer)
	c.types.Set(k+".checked", k)
	return nil
}
