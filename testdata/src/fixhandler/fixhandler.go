// Package fixhandler: torn state released by a recover handler, fixed by
// a poison lock whose handler-side unlock poisons it (UnlockPoisoned).
package fixhandler

import (
	"errors"
	"sync"

	"github.com/lockpoison/lockpoison/runtime/poison"
)

func build(name string) int {
	if name == "" {
		panic("empty name")
	}
	return len(name)
}

// Registry: the handler in a func literal keeps the recovered value in p.
type Registry struct {
	mu    sync.Mutex
	order []string
	tasks map[string]int
}

func NewRegistry() *Registry { return &Registry{tasks: map[string]int{}} }

// Register: order is written, build panics before tasks is: fixed by
// poison.Mutex and r.mu.UnlockPoisoned(p) in the handler.
func (r *Registry) Register(name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.mu.Unlock()
			err = errors.New("register failed")
		}
	}()
	r.mu.Lock() // want `r.order is left half-updated if build panics .*: the recover handler's r.mu.Unlock\(\) \(fixhandler.go:\d+\) releases it and the panic is recovered in \(\*Registry\)\.Register \(fixhandler.go:\d+\)$`
	r.order = append(r.order, name)
	r.tasks[name] = build(name)
	r.mu.Unlock()
	return nil
}

// RegisterRepanic: the handler unlocks and re-panics: nothing carries on.
func (r *Registry) RegisterRepanic(name string) {
	defer func() {
		if p := recover(); p != nil {
			r.mu.Unlock()
			panic(p)
		}
	}()
	r.mu.Lock()
	r.order = append(r.order, name)
	r.tasks[name] = build(name)
	r.mu.Unlock()
}

// Size only reads under the lock the handler releases: nothing is torn.
func (r *Registry) Size(name string) (n int, err error) {
	defer func() {
		if p := recover(); p != nil {
			r.mu.Unlock()
			err = errors.New("size failed")
		}
	}()
	r.mu.Lock()
	n = len(r.order) + build(name)
	r.mu.Unlock()
	return n, nil
}

// Index: the handler tests recover() without keeping its value: the fix
// introduces p (if p := recover(); p != nil).
type Index struct {
	mu    sync.RWMutex
	names []string
	ids   map[string]int
}

func NewIndex() *Index { return &Index{ids: map[string]int{}} }

func (x *Index) Add(name string) (ok bool) {
	defer func() {
		if recover() != nil {
			x.mu.Unlock()
			ok = false
		}
	}()
	x.mu.Lock() // want `x.names is left half-updated if build panics .*: the recover handler's x.mu.Unlock\(\) \(fixhandler.go:\d+\) releases it and the panic is recovered in \(\*Index\)\.Add \(fixhandler.go:\d+\)$`
	x.names = append(x.names, name)
	x.ids[name] = build(name)
	x.mu.Unlock()
	return true
}

// Get: a read section the handler releases: not reported, and RUnlock
// stays valid on a poison.RWMutex.
func (x *Index) Get(name string) (id int) {
	defer func() {
		if recover() != nil {
			x.mu.RUnlock()
			id = -1
		}
	}()
	x.mu.RLock()
	id = x.ids[name] + build(name)
	x.mu.RUnlock()
	return id
}

// Queue: the handler is a named method of this package.
type Queue struct {
	mu    sync.Mutex
	items []string
	sizes map[string]int
}

func NewQueue() *Queue { return &Queue{sizes: map[string]int{}} }

func (q *Queue) onPanic(err *error) {
	if p := recover(); p != nil {
		q.mu.Unlock()
		*err = errors.New("push failed")
	}
}

func (q *Queue) Push(name string) (err error) {
	defer q.onPanic(&err)
	q.mu.Lock() // want `q.items is left half-updated if build panics .*: the recover handler's q.mu.Unlock\(\) \(fixhandler.go:\d+\) releases it and the panic is recovered in \(\*Queue\)\.Push \(fixhandler.go:\d+\)$`
	q.items = append(q.items, name)
	q.sizes[name] = build(name)
	q.mu.Unlock()
	return nil
}

// PushBuilt builds before writing: nothing is torn.
func (q *Queue) PushBuilt(name string) (err error) {
	defer q.onPanic(&err)
	q.mu.Lock()
	n := build(name)
	q.items = append(q.items, name)
	q.sizes[name] = n
	q.mu.Unlock()
	return nil
}

// PRegistry has a poison lock already: the fix only makes the handler
// poison it.
type PRegistry struct {
	mu    poison.Mutex
	order []string
	tasks map[string]int
}

func NewPRegistry() *PRegistry { return &PRegistry{tasks: map[string]int{}} }

func (r *PRegistry) Register(name string) (err error) {
	defer func() {
		if rv := recover(); rv != nil {
			r.mu.Unlock()
			err = errors.New("register failed")
		}
	}()
	r.mu.Lock() // want `r.order is left half-updated if build panics .*: the recover handler's r.mu.Unlock\(\) \(fixhandler.go:\d+\) releases it and the panic is recovered in \(\*PRegistry\)\.Register \(fixhandler.go:\d+\)$`
	r.order = append(r.order, name)
	r.tasks[name] = build(name)
	r.mu.Unlock()
	return nil
}

// RegisterPoisoned: the handler poisons the lock: nothing to report.
func (r *PRegistry) RegisterPoisoned(name string) (err error) {
	defer func() {
		if rv := recover(); rv != nil {
			r.mu.UnlockPoisoned(rv)
			err = errors.New("register failed")
		}
	}()
	r.mu.Lock()
	r.order = append(r.order, name)
	r.tasks[name] = build(name)
	r.mu.Unlock()
	return nil
}

// Table: the handler returns early when nothing was recovered, and never
// names the value: no fix (the value has no variable to pass).
type Table struct {
	mu   sync.Mutex
	rows []string
	keys map[string]int
}

func NewTable() *Table { return &Table{keys: map[string]int{}} }

func (t *Table) Insert(name string) (err error) {
	defer func() {
		if recover() == nil {
			return
		}
		t.mu.Unlock()
		err = errors.New("insert failed")
	}()
	t.mu.Lock() // want `t.rows is left half-updated if build panics .*: the recover handler's t.mu.Unlock\(\) \(fixhandler.go:\d+\) releases it and the panic is recovered in \(\*Table\)\.Insert \(fixhandler.go:\d+\) \(no fix: the recover handler does not keep the recovered value in a variable: re-panic in the handler`
	t.rows = append(t.rows, name)
	t.keys[name] = build(name)
	t.mu.Unlock()
	return nil
}

// Ledger: the nearby form that keeps the value in a variable gets the fix.
type Ledger struct {
	mu      sync.Mutex
	entries []string
	sums    map[string]int
}

func NewLedger() *Ledger { return &Ledger{sums: map[string]int{}} }

func (l *Ledger) Insert(name string) (err error) {
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		l.mu.Unlock()
		err = errors.New("insert failed")
	}()
	l.mu.Lock() // want `l.entries is left half-updated if build panics .*: the recover handler's l.mu.Unlock\(\) \(fixhandler.go:\d+\) releases it and the panic is recovered in \(\*Ledger\)\.Insert \(fixhandler.go:\d+\)$`
	l.entries = append(l.entries, name)
	l.sums[name] = build(name)
	l.mu.Unlock()
	return nil
}

// Job: the section is in a helper, the handler in its caller: the fix
// edits both the declaration and the caller's handler.
type Job struct {
	mu    sync.Mutex
	steps []string
	done  map[string]int
}

func NewJob() *Job { return &Job{done: map[string]int{}} }

func (j *Job) step(name string) {
	j.mu.Lock() // want `j.steps is left half-updated if build panics .*: the recover handler's j.mu.Unlock\(\) \(fixhandler.go:\d+\) releases it and the panic is recovered in \(\*Job\)\.Run \(fixhandler.go:\d+\)$`
	j.steps = append(j.steps, name)
	j.done[name] = build(name)
	j.mu.Unlock()
}

func (j *Job) Run(name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			j.mu.Unlock()
			err = errors.New("run failed")
		}
	}()
	j.step(name)
	return nil
}

// stepBuilt builds first: RunBuilt's handler releases nothing torn.
func (j *Job) stepBuilt(name string) {
	j.mu.Lock()
	n := build(name)
	j.steps = append(j.steps, name)
	j.done[name] = n
	j.mu.Unlock()
}

func (j *Job) RunBuilt(name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			j.mu.Unlock()
			err = errors.New("run failed")
		}
	}()
	j.stepBuilt(name)
	return nil
}

// A package-level lock; the handler's if body declares p, so the
// introduced variable is named rec.
var (
	gmu    sync.Mutex
	gorder []string
	gsizes = map[string]int{}
)

func Record(name string) (ok bool) {
	defer func() {
		if recover() != nil {
			p := "record failed"
			_ = p
			gmu.Unlock()
			ok = false
		}
	}()
	gmu.Lock() // want `gorder is left half-updated if build panics .*: the recover handler's gmu.Unlock\(\) \(fixhandler.go:\d+\) releases it and the panic is recovered in Record \(fixhandler.go:\d+\)$`
	gorder = append(gorder, name)
	gsizes[name] = build(name)
	gmu.Unlock()
	return true
}

// RecordBuilt builds first: nothing is torn.
func RecordBuilt(name string) (ok bool) {
	defer func() {
		if recover() != nil {
			gmu.Unlock()
			ok = false
		}
	}()
	gmu.Lock()
	n := build(name)
	gorder = append(gorder, name)
	gsizes[name] = n
	gmu.Unlock()
	return true
}

// Pool: the handler unlocks on two paths; the fix poisons on both.
type Pool struct {
	mu   sync.Mutex
	free []string
	used map[string]int
}

func NewPool() *Pool { return &Pool{used: map[string]int{}} }

func (pl *Pool) Take(name string) (err error) {
	defer func() {
		if rv := recover(); rv != nil {
			if s, ok := rv.(string); ok {
				pl.mu.Unlock()
				err = errors.New(s)
				return
			}
			pl.mu.Unlock()
			err = errors.New("take failed")
		}
	}()
	pl.mu.Lock() // want `pl.free is left half-updated if build panics .*: the recover handler's pl.mu.Unlock\(\) \(fixhandler.go:\d+\) releases it and the panic is recovered in \(\*Pool\)\.Take \(fixhandler.go:\d+\)$`
	pl.free = append(pl.free, name)
	pl.used[name] = build(name)
	pl.mu.Unlock()
	return nil
}

// TakeRepanic: the handler unlocks and re-panics: nothing carries on.
func (pl *Pool) TakeRepanic(name string) {
	defer func() {
		if rv := recover(); rv != nil {
			pl.mu.Unlock()
			panic(rv)
		}
	}()
	pl.mu.Lock()
	pl.free = append(pl.free, name)
	pl.used[name] = build(name)
	pl.mu.Unlock()
}
