package fixregistry

import (
	"errors"
	"fmt"
	"sync"
)

type Task struct {
	ID   string
	Name string
}

// The lock guards one map, used once per section, in functions returning
// errors: the map can become a poison.Registry.
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

func (t *Tasks) Add(task *Task) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("add %s: %v", task.ID, r)
		}
	}()
	t.mu.Lock() // want `t.byID is left half-updated if t.notify panics`
	defer t.mu.Unlock()
	t.byID[task.ID] = task
	t.notify(task)
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
	n.mu.Lock() // want `n.names is left half-updated if n.check panics`
	defer n.mu.Unlock()
	n.names[i] = s
	n.check(s)
	return nil
}

func (n *Names) Len() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.names)
}
