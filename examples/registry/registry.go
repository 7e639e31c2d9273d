// Package registry is a small task registry with the bugs lockpoison finds.
// Run the linter on it:
//
//	go run ./cmd/lockpoison ./examples/...
package registry

import (
	"fmt"
	"log"
	"net/http"
	"strings"
	"sync"
)

type Task struct {
	ID    string
	Owner string
	Steps []string
}

type Registry struct {
	mu    sync.Mutex
	tasks map[string]*Task
	total int
	hooks []func(*Task)
}

func New() *Registry { return &Registry{tasks: map[string]*Task{}} }

// ServeHTTP runs under net/http's recover: a panic in it does not stop the
// server.
func (r *Registry) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	id := strings.TrimPrefix(req.URL.Path, "/tasks/")
	r.mu.Lock() // lock-leak: an unknown id panics with r.mu held
	owner := r.tasks[id].Owner
	r.mu.Unlock()
	fmt.Fprintln(w, owner)
}

// Add runs the hooks while the registry is half-updated.
func (r *Registry) Add(t *Task) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("add %s: %v", t.ID, p)
		}
	}()
	r.mu.Lock() // torn-state: r.total is counted, then a hook panics before the task is stored
	defer r.mu.Unlock()
	r.total++
	for _, h := range r.hooks {
		h(t)
	}
	r.tasks[t.ID] = t
	return nil
}

// Register is the shape this project is named after: on a panic, the
// recover handler releases the lock itself and carries on with whatever the
// section left behind (Rust's into_inner on a poisoned lock).
func (r *Registry) Register(t *Task) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.mu.Unlock() // "guarantee that a panic will unlock"
			err = fmt.Errorf("register %s failed", t.ID)
		}
	}()
	r.mu.Lock() // torn-state: the handler releases r.tasks with a task whose steps were never counted
	r.tasks[t.ID] = t
	r.total += len(t.Steps[0]) // a task without steps panics
	r.mu.Unlock()
	return nil
}

// Step logs the registry on failure, from a recover handler that takes
// r.mu, which the deferred unlock has not released yet.
func (r *Registry) Step(id string, n int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			r.mu.Lock() // handler-relock: r.mu is still held
			log.Printf("step %d of %s failed; %d tasks", n, id, len(r.tasks))
			r.mu.Unlock()
		}
	}()
	return r.tasks[id].Steps[n]
}

// Get is the nearby correct form: the unlock is deferred and nothing is
// written before the panic point.
func (r *Registry) Get(w http.ResponseWriter, req *http.Request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t := r.tasks[req.URL.Query().Get("id")]; t != nil {
		fmt.Fprintln(w, t.Owner)
	}
}

// Owners releases r.mu from its recover handler too, but the handler also
// covers the log call after the section's own Unlock: a panic there unlocks
// an unlocked mutex, a fatal error that no recover stops.
func (r *Registry) Owners(ids []string) (owners []string) {
	defer func() {
		if p := recover(); p != nil {
			r.mu.Unlock() // handler-unlock: r.mu is not held when owners[0] panics
			owners = nil
		}
	}()
	r.mu.Lock()
	for _, id := range ids {
		if t := r.tasks[id]; t != nil {
			owners = append(owners, t.Owner)
		}
	}
	r.mu.Unlock()
	log.Printf("%d owners, first %s", len(owners), owners[0])
	return owners
}
