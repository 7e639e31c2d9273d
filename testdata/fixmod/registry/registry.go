// Package registry: a recover handler releases the lock itself and carries
// on with the half-updated registry (the into_inner shape). The fix makes
// the lock a poison.Mutex and the handler call UnlockPoisoned(p), so the
// next Lock sees the poison; registry_test.go fails before it.
package registry

import (
	"fmt"
	"slices"
	"sync"
)

type Registry struct {
	mu    sync.Mutex
	order []string
	tasks map[string]int
	build func(string) int
}

func New(build func(string) int) *Registry {
	return &Registry{tasks: map[string]int{}, build: build}
}

// Register: torn-state released by the handler's r.mu.Unlock().
func (r *Registry) Register(name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.mu.Unlock()
			err = fmt.Errorf("register %s: %v", name, p)
		}
	}()
	r.mu.Lock()
	r.order = append(r.order, name)
	r.tasks[name] = r.build(name)
	r.mu.Unlock()
	return nil
}

// Names returns the registered names, or the panic of the Lock of a
// poisoned lock as an error.
func (r *Registry) Names() (names []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(error); ok {
				err = fmt.Errorf("names: %w", e)
			} else {
				err = fmt.Errorf("names: %v", p)
			}
		}
	}()
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.order), nil
}
