// Package handlerrelease: recover handlers that release the lock themselves
// (the Go form of taking a poisoned lock's data and carrying on).
package handlerrelease

import (
	"errors"
	"sync"

	"github.com/lockpoison/lockpoison/runtime/poison"
)

type Registry struct {
	mu    sync.Mutex
	order []string
	tasks map[string]func()
}

func New() *Registry { return &Registry{tasks: map[string]func(){}} }

func build(name string) func() {
	if name == "" {
		panic("empty name")
	}
	return func() {}
}

func check(name string) {
	if len(name) > 64 {
		panic("name too long")
	}
}

// Register writes order, then build panics before tasks is written: the
// handler releases the half-updated registry and carries on.
func (r *Registry) Register(name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.mu.Unlock()
			err = errors.New("register failed")
		}
	}()
	r.mu.Lock() // want `r.order is left half-updated if build panics \(panic\("empty name"\) is called at handlerrelease\.go:\d+\): the recover handler's r.mu.Unlock\(\) \(handlerrelease.go:\d+\) releases it and the panic is recovered in \(\*Registry\)\.Register \(handlerrelease\.go:\d+\)`
	r.order = append(r.order, name)
	r.tasks[name] = build(name)
	r.mu.Unlock()
	return nil
}

// RegisterBuilt builds first: nothing is written before the panic point,
// and the handler releases the lock, so it does not leak either.
func (r *Registry) RegisterBuilt(name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.mu.Unlock()
			err = errors.New("register failed")
		}
	}()
	r.mu.Lock()
	t := build(name)
	r.order = append(r.order, name)
	r.tasks[name] = t
	r.mu.Unlock()
	return nil
}

// RegisterLeak: the same handler without the unlock leaks the lock.
func (r *Registry) RegisterLeak(name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = errors.New("register failed")
		}
	}()
	r.mu.Lock() // want `r.mu stays locked if build panics.*the panic is recovered in \(\*Registry\)\.RegisterLeak \(handlerrelease\.go:\d+\)`
	t := build(name)
	r.order = append(r.order, name)
	r.tasks[name] = t
	r.mu.Unlock()
	return nil
}

// Rename: check panics before the Lock, and the handler unlocks r.mu
// unconditionally: fatal error "sync: unlock of unlocked mutex".
func (r *Registry) Rename(name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.mu.Unlock() // want `the recover handler unlocks r.mu, which is not held if check panics \(panic\("name too long"\) is called at handlerrelease\.go:\d+\): unlocking an unlocked mutex is a fatal error that no recover stops`
			err = errors.New("rename failed")
		}
	}()
	check(name)
	r.mu.Lock()
	t := build(name)
	r.tasks[name] = t
	r.mu.Unlock()
	return nil
}

// RenameFlag: a flag records what is held; the handler unlocks only then.
func (r *Registry) RenameFlag(name string) (err error) {
	locked := false
	defer func() {
		if p := recover(); p != nil {
			if locked {
				r.mu.Unlock()
			}
			err = errors.New("rename failed")
		}
	}()
	check(name)
	r.mu.Lock()
	locked = true
	t := build(name)
	r.tasks[name] = t
	locked = false
	r.mu.Unlock()
	return nil
}

// Double: the deferred unlock runs after the handler has unlocked.
func (r *Registry) Double(name string) (err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			r.mu.Unlock() // want `the recover handler unlocks r.mu if build panics \(panic\("empty name"\) is called at handlerrelease\.go:\d+\), but its deferred unlock runs again after the handler`
			err = errors.New("failed")
		}
	}()
	r.tasks[name] = build(name)
	return nil
}

// Single: the same without the handler's unlock; the write follows the
// panic point, so nothing is torn.
func (r *Registry) Single(name string) (err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			err = errors.New("failed")
		}
	}()
	r.tasks[name] = build(name)
	return nil
}

type Index struct {
	mu    sync.RWMutex
	names map[string]int
}

func lookup(m map[string]int, k string) int {
	if k == "" {
		panic("empty")
	}
	return m[k]
}

// Get: a read section released by the handler: nothing to report.
func (x *Index) Get(k string) (n int) {
	defer func() {
		if p := recover(); p != nil {
			x.mu.RUnlock()
			n = -1
		}
	}()
	x.mu.RLock()
	n = lookup(x.names, k)
	x.mu.RUnlock()
	return n
}

// GetLeak: the read lock leaks without the handler's RUnlock.
func (x *Index) GetLeak(k string) (n int) {
	defer func() {
		if p := recover(); p != nil {
			n = -1
		}
	}()
	x.mu.RLock() // want `x.mu stays locked if lookup panics.*the panic is recovered in \(\*Index\)\.GetLeak \(handlerrelease\.go:\d+\)`
	n = lookup(x.names, k)
	x.mu.RUnlock()
	return n
}

type stripe struct {
	mu sync.Mutex
	m  map[string]int
}

// Cache is a striped-lock cache.
type Cache struct {
	stripes [16]stripe
}

func hash(k string) int { return int(k[0]) }

// GetAll keeps the current stripe in held; the next iteration's hash
// panics after the previous stripe's Unlock, and the handler unlocks it
// again.
func (c *Cache) GetAll(keys []string) (out []int) {
	var held *sync.Mutex
	defer func() {
		if p := recover(); p != nil {
			if held != nil {
				held.Unlock() // want `the recover handler unlocks held, which is not held if`
			}
			out = nil
		}
	}()
	for _, k := range keys {
		s := &c.stripes[hash(k)%16]
		held = &s.mu
		held.Lock()
		out = append(out, s.m[k])
		held.Unlock()
	}
	return out
}

// GetAllCleared clears held before each release.
func (c *Cache) GetAllCleared(keys []string) (out []int) {
	var held *sync.Mutex
	defer func() {
		if p := recover(); p != nil {
			if held != nil {
				held.Unlock()
			}
			out = nil
		}
	}()
	for _, k := range keys {
		s := &c.stripes[hash(k)%16]
		held = &s.mu
		held.Lock()
		out = append(out, s.m[k])
		l := held
		held = nil
		l.Unlock()
	}
	return out
}

// PRegistry uses a poison lock.
type PRegistry struct {
	mu    poison.Mutex
	order []string
	tasks map[string]func()
}

// Register: the handler's plain Unlock cannot see the panic (the handler
// recovered it): the poison lock is released unpoisoned, half-updated.
// The fix (fixhandler) replaces it with r.mu.UnlockPoisoned(p).
func (r *PRegistry) Register(name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.mu.Unlock()
			err = errors.New("register failed")
		}
	}()
	r.mu.Lock() // want `r.order is left half-updated if build panics \(panic\("empty name"\) is called at handlerrelease\.go:\d+\): the recover handler's r.mu.Unlock\(\) \(handlerrelease.go:\d+\) releases it and the panic is recovered in \(\*PRegistry\)\.Register \(handlerrelease\.go:\d+\)$`
	r.order = append(r.order, name)
	r.tasks[name] = build(name)
	r.mu.Unlock()
	return nil
}

// RegisterPoisoned: UnlockPoisoned records the panic: the next user gets
// LockPoisoned, nobody reads the half-updated registry.
func (r *PRegistry) RegisterPoisoned(name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.mu.UnlockPoisoned(p)
			err = errors.New("register failed")
		}
	}()
	r.mu.Lock()
	r.order = append(r.order, name)
	r.tasks[name] = build(name)
	r.mu.Unlock()
	return nil
}
