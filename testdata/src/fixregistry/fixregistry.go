package fixregistry

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type Task struct {
	ID   string
	Name string
}

// The lock guards one map, in functions returning errors: the map can become
// a poison.Registry, each single operation one call (Get, Set, Delete, Len,
// Range) and Add's loop, whose stores must stay atomic together, one Update.
type Tasks struct {
	// mu guards byID.
	mu     sync.Mutex
	byID   map[string]*Task
	notify func(*Task)
	limit  int
}

func NewTasks(notify func(*Task)) *Tasks {
	return &Tasks{byID: map[string]*Task{}, notify: notify, limit: 10}
}

func (t *Tasks) Add(tasks ...*Task) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("add: %v", r)
		}
	}()
	t.mu.Lock() // want `t.byID is left half-updated if t.notify panics.*the panic is recovered in \(\*Tasks\)\.Add \(fixregistry\.go:\d+\)`
	defer t.mu.Unlock()
	for _, task := range tasks {
		t.byID[task.ID] = task
		t.notify(task)
	}
	return nil
}

func (t *Tasks) Get(id string) (*Task, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	task, ok := t.byID[id]
	if !ok {
		return nil, errors.New("no task " + id)
	}
	return task, nil
}

func (t *Tasks) Remove(id string) error {
	t.mu.Lock()
	delete(t.byID, id)
	t.mu.Unlock()
	return nil
}

func (t *Tasks) Count() (int, bool, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(t.byID)
	return n, n >= t.limit, nil
}

func (t *Tasks) Named(prefix string, max int) ([]string, error) {
	var out []string
	t.mu.Lock()
	defer t.mu.Unlock()
	for id, task := range t.byID {
		if !strings.HasPrefix(task.Name, prefix) {
			continue
		}
		switch {
		case len(out) == max:
			break // leaves the switch only
		}
		if len(out) == max {
			break
		}
		out = append(out, id)
	}
	return out, nil
}

func (t *Tasks) IDs() ([]string, error) {
	t.mu.Lock()
	ids := make([]string, 0, t.limit)
	for id := range t.byID {
		ids = append(ids, id)
	}
	t.mu.Unlock()
	return ids, nil
}

func (t *Tasks) Any() (found bool, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for range t.byID {
		found = true
		break
	}
	return found, nil
}

// No Registry fix (Len has no error result); the poison.Mutex fix stays.
type Names struct {
	mu    sync.Mutex
	names map[int]string
	check func(string)
}

func (n *Names) Set(i int, s string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("set: %v", r)
		}
	}()
	n.mu.Lock() // want `n.names is left half-updated if n.check panics.*the panic is recovered in \(\*Names\)\.Set \(fixregistry\.go:\d+\)`
	defer n.mu.Unlock()
	n.names[i] = ""
	n.check(s)
	n.names[i] = s
	return nil
}

func (n *Names) Len() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.names)
}

// No Registry fix (the range loop's body returns); the poison.Mutex fix stays.
type Owners struct {
	mu     sync.Mutex
	owners map[string]string
	audit  func(string)
}

func (o *Owners) Set(k, v string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("set: %v", r)
		}
	}()
	o.mu.Lock() // want `o.owners is left half-updated if o.audit panics.*the panic is recovered in \(\*Owners\)\.Set \(fixregistry\.go:\d+\)`
	defer o.mu.Unlock()
	o.owners[k] = ""
	o.audit(v)
	o.owners[k] = v
	return nil
}

func (o *Owners) Find(v string) (string, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for k, w := range o.owners {
		if w == v {
			return k, nil
		}
	}
	return "", errors.New("no owner of " + v)
}

// No Registry fix (the range loop's body writes through the map's values,
// which the registry's read lock would not serialize); the poison.Mutex fix
// stays.
type Hits struct {
	mu     sync.Mutex
	byPath map[string]*int
	log    func(string)
}

func (h *Hits) Add(path string, n *int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("add: %v", r)
		}
	}()
	h.mu.Lock() // want `h.byPath is left half-updated if h.log panics.*the panic is recovered in \(\*Hits\)\.Add \(fixregistry\.go:\d+\)`
	defer h.mu.Unlock()
	h.byPath[path] = nil
	h.log(path)
	h.byPath[path] = n
	return nil
}

func (h *Hits) Reset() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, n := range h.byPath {
		*n = 0
	}
	return nil
}

// A batch stored in a loop, each item written empty before its constructor
// runs: one Set per item would let a panicking constructor leave part of the
// batch registered with the registry not poisoned, so the section becomes one
// Registry.Update, the final return staying after it. Its nearby correct form
// for the single-operation rewrites is Batch.Remove: one delete.
type Batch struct {
	mu    sync.Mutex
	tasks map[string]*Task
}

func (b *Batch) AddAll(specs map[string]func(string) *Task) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("add all: %v", r)
		}
	}()
	b.mu.Lock() // want `b.tasks is left half-updated if ctor panics.*the panic is recovered in \(\*Batch\)\.AddAll \(fixregistry\.go:\d+\)`
	defer b.mu.Unlock()
	for id, ctor := range specs {
		b.tasks[id] = nil
		b.tasks[id] = ctor(id)
		n++
	}
	return n, nil
}

// Three operations in an explicitly unlocked section: one Update too.
func (b *Batch) Rename(from, to string) error {
	b.mu.Lock()
	t := b.tasks[from]
	delete(b.tasks, from)
	b.tasks[to] = t
	b.mu.Unlock()
	return nil
}

func (b *Batch) Remove(id string) error {
	b.mu.Lock()
	delete(b.tasks, id)
	b.mu.Unlock()
	return nil
}

// No Registry fix (the section returns before its end, which an Update
// callback cannot do for its function); the poison.Mutex fix stays. Its
// nearby correct form is Batch.AddAll, which returns only at its end.
type Quota struct {
	mu   sync.Mutex
	used map[string]int
	note func(string)
}

func (q *Quota) Take(k string, max int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("take: %v", r)
		}
	}()
	q.mu.Lock() // want `q.used is left half-updated if q.note panics.*the panic is recovered in \(\*Quota\)\.Take \(fixregistry\.go:\d+\)`
	defer q.mu.Unlock()
	n := q.used[k]
	if n >= max {
		return errors.New("over quota: " + k)
	}
	q.used[k] = -1
	q.note(k)
	q.used[k] = n + 1
	return nil
}

// No Registry fix (the section declares n, which the function's return uses
// after it: inside the Update callback n would be out of its scope); the
// poison.Mutex fix stays. Its nearby correct form is Batch.AddAll, whose n
// is declared outside the section.
type Tally struct {
	mu     sync.Mutex
	counts map[string]int
	check  func(string)
}

func (t *Tally) Bump(k string) (total int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("bump: %v", r)
		}
	}()
	t.mu.Lock() // want `t.counts is left half-updated if t.check panics.*the panic is recovered in \(\*Tally\)\.Bump \(fixregistry\.go:\d+\)`
	defer t.mu.Unlock()
	n := t.counts[k]
	t.counts[k] = -1
	t.check(k)
	t.counts[k] = n + 1
	return n + 1, nil
}

// A section that already uses the name m: the Update callback's map is m2.
type Cache struct {
	mu    sync.Mutex
	items map[string]int
	load  func(string) int
}

func (c *Cache) Fill(keys []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("fill: %v", r)
		}
	}()
	c.mu.Lock() // want `c.items is left half-updated if c.load panics.*the panic is recovered in \(\*Cache\)\.Fill \(fixregistry\.go:\d+\)`
	defer c.mu.Unlock()
	m := len(keys)
	for _, k := range keys[:m] {
		c.items[k] = -1
		c.items[k] = c.load(k)
	}
	return nil
}

// No Registry fix (the section passes the map to a function, which could
// keep it past the Update callback); the poison.Mutex fix stays. Its nearby
// correct form is Cache.Fill, which only indexes the map.
type Snap struct {
	mu    sync.Mutex
	vals  map[string]int
	check func(string)
}

func (s *Snap) Put(k string, v int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("put: %v", r)
		}
	}()
	s.mu.Lock() // want `s.vals is left half-updated if s.check panics.*the panic is recovered in \(\*Snap\)\.Put \(fixregistry\.go:\d+\)`
	defer s.mu.Unlock()
	s.vals[k] = -1
	s.check(k)
	s.vals[k] = v
	keep(s.vals)
	return nil
}

func keep(map[string]int) {}
