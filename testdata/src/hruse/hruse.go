// Package hruse defers hrguard's handlers, which live in another package.
package hruse

import (
	"sync"

	"hrguard"
)

type Reg struct {
	mu    sync.Mutex
	order []string
	tasks map[string]int
}

func New() *Reg { return &Reg{tasks: map[string]int{}} }

func build(name string) int {
	if name == "" {
		panic("empty name")
	}
	return len(name)
}

func check(name string) {
	if len(name) > 64 {
		panic("name too long")
	}
}

// Add: the handler in hrguard releases r.mu with order half-updated.
func (r *Reg) Add(name string) (err error) {
	defer hrguard.Unlock(&r.mu, &err)
	r.mu.Lock() // want `r.order is left half-updated if build panics \(panic\("empty name"\) is called at hruse\.go:\d+\): the recover handler's mu.Unlock\(\) \(hrguard.go:\d+\) releases it and the panic is recovered in \(\*Reg\)\.Add \(hruse\.go:\d+\) \(no fix: the recover handler that releases the lock is in another package: re-panic in the handler, or make the lock a poison lock and call UnlockPoisoned\(p\) there\)`
	r.order = append(r.order, name)
	r.tasks[name] = build(name)
	r.mu.Unlock()
	return nil
}

// AddBuilt builds before writing: no torn state, and no leak.
func (r *Reg) AddBuilt(name string) (err error) {
	defer hrguard.Unlock(&r.mu, &err)
	r.mu.Lock()
	n := build(name)
	r.order = append(r.order, name)
	r.tasks[name] = n
	r.mu.Unlock()
	return nil
}

// AddLeak: hrguard.Report recovers without unlocking: the lock leaks.
func (r *Reg) AddLeak(name string) (err error) {
	defer hrguard.Report(&err)
	r.mu.Lock() // want `r.mu stays locked if build panics.*the panic is recovered in \(\*Reg\)\.AddLeak \(hruse\.go:\d+\)`
	n := build(name)
	r.tasks[name] = n
	r.mu.Unlock()
	return nil
}

// Rename: check panics before the Lock; hrguard.Unlock unlocks r.mu anyway.
func (r *Reg) Rename(name string) (err error) {
	defer hrguard.Unlock(&r.mu, &err) // want `the recover handler unlocks r.mu, which is not held if check panics`
	check(name)
	r.mu.Lock()
	n := build(name)
	r.tasks[name] = n
	r.mu.Unlock()
	return nil
}

// RenameLocked checks under the lock.
func (r *Reg) RenameLocked(name string) (err error) {
	defer hrguard.Unlock(&r.mu, &err)
	r.mu.Lock()
	check(name)
	n := build(name)
	r.tasks[name] = n
	r.mu.Unlock()
	return nil
}

// UseBox: the section is in hrguard, on a Box no variable here names: the
// message names no SSA artefact nor hrguard's receiver name.
func UseBox(f func()) (err error) {
	defer hrguard.Report(&err)
	hrguard.Make().Bump(f) // want `^hrguard.Make\(\).mu stays locked if f panics: the panic is recovered in UseBox \(hruse.go:\d+\) and the next hrguard.Make\(\).mu.Lock\(\) deadlocks`
	return nil
}

// UseBoxSafe: nearest negative, nothing recovers here.
func UseBoxSafe(f func()) {
	hrguard.Make().Bump(f)
}

// UseTwice: the two sections of Twice, reached through one call, are two
// findings (one per acquisition).
func UseTwice(b *hrguard.Box, f func()) (err error) {
	defer hrguard.Report(&err)
	b.Twice(f) // want `b.mu stays locked if f panics.*the panic is recovered in UseTwice \(hruse\.go:\d+\)` `b.mu stays locked if f panics.*the panic is recovered in UseTwice \(hruse\.go:\d+\)`
	return nil
}
