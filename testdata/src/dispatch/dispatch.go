// Package dispatch: sections reached through interfaces, func values and
// lock wrappers.
package dispatch

import (
	"context"
	"errors"
	"log"
	"net/http"
	"sync"

	"deadlock"
)

func recoverLog() {
	if r := recover(); r != nil {
		log.Print(r)
	}
}

// Shape 1: interface calls reach the implementations of this package.

type Store interface {
	Put(k string, v int)
}

type ring struct {
	mu    sync.Mutex
	items []int
	pos   int
}

func (r *ring) Put(k string, v int) {
	r.mu.Lock() // want `r.mu stays locked if the index r.items\[r.pos\] is out of range via \(\*ring\).Put: the panic is recovered by the server around handler \(\*Mid\)\.ServeHTTP \(dispatch\.go:\d+\)`
	r.items[r.pos] = v
	r.pos++
	r.mu.Unlock()
}

// journal: a deferred unlock after a guarded write, then a panic point,
// then the write it skips.
type journal struct {
	mu      deadlock.RWMutex
	n       int
	entries []string
	total   int
}

func (j *journal) Put(k string, v int) {
	j.mu.Lock() // want `j.n is left half-updated if the index j.entries\[v\] is out of range via \(\*journal\).Put.*the panic is recovered by the server around handler \(\*Mid\)\.ServeHTTP \(dispatch\.go:\d+\)`
	defer j.mu.Unlock()
	j.n++
	j.entries[v] = k
	j.total += v
}

// safeRing is the nearby correct form: the unlock is deferred and nothing
// is written before the panic point.
type safeRing struct {
	mu    sync.Mutex
	items []int
}

func (r *safeRing) Put(k string, v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.items[v] = len(k)
}

type Mid struct {
	store Store
}

func (m *Mid) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	m.store.Put(req.URL.Path, len(req.URL.Path))
}

func NewMid(kind string) *Mid {
	switch kind {
	case "ring":
		return &Mid{store: &ring{}}
	case "journal":
		return &Mid{store: &journal{}}
	}
	return &Mid{store: &safeRing{}}
}

// Shape 2: func values passed to a dispatcher.

var (
	authMu   sync.Mutex
	sessions = map[string]int{}
	dmu      deadlock.Mutex
)

type Session struct{ user string }

func (s *Session) Handle(cmd, arg string) {
	defer recoverLog()
	switch cmd {
	case "login":
		s.run(arg, s.login)
	case "logout":
		s.run(arg, s.logout)
	}
}

func (s *Session) run(arg string, f func(string) error) {
	if err := f(arg); err != nil {
		log.Print(err)
	}
}

func (s *Session) login(arg string) error {
	authMu.Lock() // want `authMu stays locked if must panics \(panic\(err\) is called at dispatch\.go:\d+\): the panic is recovered in \(\*Session\)\.Handle \(dispatch\.go:\d+\)`
	sessions[arg]++
	must(check(arg))
	authMu.Unlock()
	return nil
}

// logout is the nearby correct form: deferred unlock, no write before the
// panic point.
func (s *Session) logout(arg string) error {
	authMu.Lock()
	defer authMu.Unlock()
	must(check(arg))
	delete(sessions, arg)
	return nil
}

func check(arg string) error {
	if arg == "" {
		return errors.New("empty")
	}
	return nil
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// A func value in a local variable.
func Local(arg string, admin bool) {
	defer recoverLog()
	f := grant
	if admin {
		f = grantAll
	}
	f(arg)
}

func grant(arg string) {
	dmu.Lock() // want `dmu stays locked if must panics \(panic\(err\) is called at dispatch\.go:\d+\): the panic is recovered in Local \(dispatch\.go:\d+\)`
	must(check(arg))
	dmu.Unlock()
}

func grantAll(arg string) {
	dmu.Lock()
	defer dmu.Unlock()
	must(check(arg))
}

// A package-level dispatch table.
var commands = map[string]func(string){
	"reset": reset,
	"count": count,
}

func Dispatch(cmd, arg string) {
	defer recoverLog()
	if f, ok := commands[cmd]; ok {
		f(arg)
	}
}

var counts = map[string]int{}

func reset(arg string) {
	authMu.Lock() // want `authMu stays locked if must panics \(panic\(err\) is called at dispatch\.go:\d+\): the panic is recovered in Dispatch \(dispatch\.go:\d+\)`
	must(check(arg))
	counts = map[string]int{}
	authMu.Unlock()
}

// count cannot panic: no finding.
func count(arg string) {
	authMu.Lock()
	counts[arg]++
	authMu.Unlock()
}

var steps = []func(int){stepA, stepB}

func Steps(n int) {
	defer recoverLog()
	for _, f := range steps {
		f(n)
	}
}

var total int

func stepA(n int) {
	authMu.Lock() // want `authMu stays locked if panic\("negative"\) is called: the panic is recovered in Steps \(dispatch\.go:\d+\)`
	if n < 0 {
		panic("negative")
	}
	total += n
	authMu.Unlock()
}

func stepB(n int) {
	authMu.Lock()
	total -= n
	authMu.Unlock()
}

// Issue 11 shape 2: a call through a func parameter is no panic point when
// the caller passes a closure that cannot panic.
type Counter struct {
	mu    sync.Mutex
	items []int
	n     int
}

func (c *Counter) Count() int {
	defer recoverLog()
	c.mu.Lock()
	n := 0
	c.forEach(func(int) { n++ })
	c.n = n
	c.mu.Unlock()
	return n
}

func (c *Counter) CountBad() int {
	defer recoverLog()
	c.mu.Lock() // want `c.mu stays locked if c.forEach panics \(panic\("negative"\) is called at dispatch\.go:\d+\): the panic is recovered in \(\*Counter\)\.CountBad \(dispatch\.go:\d+\)`
	n := 0
	c.forEach(func(v int) {
		if v < 0 {
			panic("negative")
		}
		n += v
	})
	c.n = n
	c.mu.Unlock()
	return n
}

func (c *Counter) forEach(f func(int)) {
	for _, it := range c.items {
		f(it)
	}
}

// A func-typed field only ever assigned a context.CancelFunc cannot panic;
// one assigned a func literal that panics can.
type Job struct {
	mu     sync.Mutex
	state  int
	cancel context.CancelFunc
	onDone func()
}

func NewJob(ctx context.Context) *Job {
	ctx, cancel := context.WithCancel(ctx)
	_ = ctx
	return &Job{cancel: cancel, onDone: func() { panic("done twice") }}
}

func (j *Job) Stop() {
	defer recoverLog()
	j.mu.Lock()
	j.state = 2
	j.cancel()
	j.mu.Unlock()
}

func (j *Job) Done() {
	defer recoverLog()
	j.mu.Lock() // want `j.mu stays locked if j.onDone panics \(panic\("done twice"\) is called at dispatch\.go:\d+\): the panic is recovered in \(\*Job\)\.Done \(dispatch\.go:\d+\)`
	j.state = 3
	j.onDone()
	j.mu.Unlock()
}

// Shape 3: an unlock wrapper that releases in a deferred call, whatever runs
// before; a lock wrapper that takes the lock through a helper.
type State struct {
	mu       sync.Mutex
	modified bool
	data     map[string]int
}

func (s *State) Lock() { s.mu.Lock() }

func (s *State) Unlock() {
	defer s.unlock()
	if !s.modified {
		return
	}
	s.checkpoint()
}

func (s *State) unlock() { s.mu.Unlock() }

func (s *State) checkpoint() {
	if len(s.data) > 100 {
		panic("too big")
	}
}

func (s *State) Get(k string) int {
	defer recoverLog()
	s.Lock()
	defer s.Unlock()
	must(check(k))
	return s.data[k]
}

func (s *State) GetBad(k string) int {
	defer recoverLog()
	s.Lock() // want `s stays locked if must panics \(panic\(err\) is called at dispatch\.go:\d+\): the panic is recovered in \(\*State\)\.GetBad \(dispatch\.go:\d+\)`
	must(check(k))
	v := s.data[k]
	s.Unlock()
	return v
}

type M struct {
	mu    sync.Mutex
	owner int
	n     int
}

func (m *M) Lock() {
	lockWith(m.mu.Lock)
	m.owner = 1
}

func (m *M) Unlock() {
	m.owner = 0
	m.mu.Unlock()
}

func lockWith(f func()) { f() }

func (m *M) Incr(k string) {
	defer recoverLog()
	m.Lock() // want `m stays locked if must panics \(panic\(err\) is called at dispatch\.go:\d+\): the panic is recovered in \(\*M\)\.Incr \(dispatch\.go:\d+\)`
	must(check(k))
	m.n++
	m.Unlock()
}

func (m *M) IncrSafe(k string) {
	defer recoverLog()
	m.Lock()
	defer m.Unlock()
	must(check(k))
	m.n++
}

// Shape 5: another package's drop-in lock, through its wrapper methods.
type Table struct {
	mu   deadlock.RWMutex
	rows map[string]int
}

func (t *Table) Set(k string, v int) {
	defer recoverLog()
	t.mu.Lock() // want `t.mu stays locked if must panics \(panic\(err\) is called at dispatch\.go:\d+\): the panic is recovered in \(\*Table\)\.Set \(dispatch\.go:\d+\)`
	must(check(k))
	t.rows[k] = v
	t.mu.Unlock()
}

func (t *Table) SetSafe(k string, v int) {
	defer recoverLog()
	t.mu.Lock()
	defer t.mu.Unlock()
	must(check(k))
	t.rows[k] = v
}

// Issue 11 / real-world FP-4: a call through an unexported interface whose
// only implementations (those the package converts to it) cannot panic is
// no panic point; one whose implementation can panic is.
type consumer interface{ Pause() }

type client struct{ paused bool }

func (c *client) Pause() { c.paused = true }

type flusher interface{ Flush() }

type disk struct{ buf []byte }

func (d *disk) Flush() {
	if len(d.buf) > 10 {
		panic("full")
	}
}

type Channel struct {
	mu       sync.RWMutex
	clients  []consumer
	flushers []flusher
}

func (ch *Channel) Add() {
	ch.mu.Lock()
	ch.clients = append(ch.clients, &client{})
	ch.flushers = append(ch.flushers, &disk{})
	ch.mu.Unlock()
}

func (ch *Channel) PauseAll(w http.ResponseWriter, r *http.Request) {
	ch.mu.RLock()
	for _, c := range ch.clients {
		c.Pause()
	}
	ch.mu.RUnlock()
}

func (ch *Channel) FlushAll(w http.ResponseWriter, r *http.Request) {
	ch.mu.RLock() // want `ch.mu stays locked if f.Flush panics: the panic is recovered by the server around handler \(\*Channel\)\.FlushAll \(dispatch\.go:\d+\)`
	for _, f := range ch.flushers {
		f.Flush()
	}
	ch.mu.RUnlock()
}

// The cancel func of context.WithTimeout in a local variable cannot panic.
func (j *Job) Wait(ctx context.Context) {
	defer recoverLog()
	ctx, cancel := context.WithTimeout(ctx, 1)
	j.mu.Lock()
	j.state = 4
	cancel()
	j.mu.Unlock()
	<-ctx.Done()
}
