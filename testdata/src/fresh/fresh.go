// Package fresh: a recovering parser or constructor over objects it
// allocates itself (issue 11 shape 10b, FP-1, nats-server's
// parseAccounts). A section on an object made in the recovered call, not
// yet stored anywhere when the panic happens, is dropped with the error:
// no finding. Beside each, the nearby shape where the object was already
// shared (stored in the receiver, a package-level variable, a parameter,
// or the lock is in another object) stays reported.
package fresh

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	name    string
	exports map[string]int
	order   []string
	srv     *Server
}

// NewAccount returns a fresh account: a constructor of this package.
func NewAccount(name string) *Account {
	return &Account{name: name, exports: map[string]int{}}
}

// addExport: an explicit unlock around a slice expression that may panic.
func (a *Account) addExport(subj string) {
	a.mu.Lock()
	a.exports[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

type Options struct{ Accounts []*Account }

// Parse builds accounts and recovers into its error: each account is
// stored into the options only after its section. No finding.
func Parse(specs []string) (o *Options, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse: %v", r)
		}
	}()
	o = &Options{}
	for _, s := range specs {
		a := NewAccount(s)
		a.addExport(s)
		o.Accounts = append(o.Accounts, a)
	}
	return o, nil
}

// addImport: the same section, reached from Registry.Load.
func (a *Account) addImport(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in \(\*Registry\)\.Load \(fresh.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.exports[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

type Registry struct {
	mu       sync.Mutex
	accounts map[string]*Account
}

// Load stores the new account in the registry before its section: the
// registry outlives the error. Reported.
func (r *Registry) Load(name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("load: %v", p)
		}
	}()
	a := NewAccount(name)
	r.accounts[name] = a
	a.addImport(name)
	return nil
}

// Direct: the section in the recovering function itself, on a composite
// literal. No finding.
func Direct(subj string) (n int, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("direct: %v", p)
		}
	}()
	a := &Account{exports: map[string]int{}}
	a.mu.Lock()
	a.exports[subj] = 1
	n = len(subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
	return n, nil
}

var last *Account

// DirectShared: the same, after storing the account in a package-level
// variable. Reported.
func DirectShared(subj string) (n int, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("direct: %v", p)
		}
	}()
	a := &Account{exports: map[string]int{}}
	last = a
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in DirectShared \(fresh.go:\d+\)`
	a.exports[subj] = 1
	n = len(subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
	return n, nil
}

// addMapping: reached from ParseInto, on an account it is given.
func (a *Account) addMapping(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds .* are out of range: the panic is recovered in ParseInto \(fresh.go:\d+\)`
	a.exports[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

// ParseInto parses into an account of its caller's: not fresh. Reported.
func ParseInto(a *Account, specs []string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("parse: %v", p)
		}
	}()
	for _, s := range specs {
		a.addMapping(s)
	}
	return nil
}

type Server struct {
	mu    sync.Mutex
	conns []string
	cur   *batch
}

// register locks the server an account points to: another object.
func (s *Server) register(subj string) {
	s.mu.Lock() // want `s.mu stays locked if the slice bounds .* are out of range: the panic is recovered in Attach \(fresh.go:\d+\)`
	s.conns = append(s.conns, subj[:strings.Index(subj, ".")])
	s.mu.Unlock()
}

// Attach makes a fresh account, but the lock is its server's, shared.
// Reported.
func Attach(s *Server, subj string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("attach: %v", p)
		}
	}()
	a := &Account{srv: s}
	a.srv.register(subj)
	return nil
}

// batch is built per request by the handler below (a context boundary).
type batch struct {
	mu    sync.Mutex
	items []string
}

func newBatch() *batch { return &batch{} }

func (b *batch) add(item string) {
	b.mu.Lock()
	b.items = append(b.items, item[:strings.Index(item, ".")])
	b.mu.Unlock()
}

func (b *batch) put(item string) {
	b.mu.Lock() // want `b.mu stays locked if the slice bounds .* are out of range: the panic is recovered by the server around handler \(\*Server\)\.ServeHTTP \(fresh.go:\d+\)`
	b.items = append(b.items, item[:strings.Index(item, ".")])
	b.mu.Unlock()
}

// ServeHTTP: a batch made for the request and dropped with the panic is
// not shared (no finding for add); the batch published in s.cur first is
// (put is reported).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b := newBatch()
	b.add(r.URL.Path)
	c := newBatch()
	s.cur = c
	c.put(r.URL.Path)
}

// fill: torn state under a deferred unlock (n written, then a panic
// point, then total).
func (b *batch) fill(items []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.items = append(b.items, items...)
	b.items[0] = items[0][:strings.Index(items[0], ".")]
	b.items = append(b.items, "end")
}

// refill: the same section, reached from Rebuild.
func (b *batch) refill(items []string) {
	b.mu.Lock() // want `b.items is left half-updated if the index items\[0\] is out of range: the deferred b.mu.Unlock\(\) releases it and the panic is recovered in \(\*Server\)\.Rebuild \(fresh.go:\d+\)$`
	defer b.mu.Unlock()
	b.items = append(b.items, items...)
	b.items[0] = items[0][:strings.Index(items[0], ".")]
	b.items = append(b.items, "end")
}

// Build: the torn batch is dropped with the error. No finding.
func Build(items []string) (b *batch, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("build: %v", p)
		}
	}()
	nb := newBatch()
	nb.fill(items)
	return nb, nil
}

// Rebuild publishes the batch before filling it: reported.
func (s *Server) Rebuild(items []string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("rebuild: %v", p)
		}
	}()
	nb := newBatch()
	s.cur = nb
	nb.refill(items)
	return nil
}
