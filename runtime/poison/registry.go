package poison

import (
	"reflect"
	"sync/atomic"
)

// Registry is a map guarded by an RWMutex and poisoned by a panic inside
// Update, the poison-aware replacement for a sync.RWMutex plus map. Once
// poisoned, every method except Reset and Repair returns a *LockPoisonedError
// (matching ErrLockPoisoned), so that no caller reads or extends half-updated
// data. Reset, which replaces the data, and Repair, which fixes it in place
// under the write lock, are the ways to clear the poison.
//
// Registry has no iter.Seq2 iterator: an iterator has no way to return the
// poison error, so "for k, v := range reg.All()" would read a torn map
// silently (or panic mid-loop). Range, which returns the error before calling
// fn, is the iteration.
//
// The zero value is an empty, usable registry. A Registry must not be copied
// after first use. Its methods are safe for concurrent use; callbacks passed
// to Update and Range must not call methods of the same Registry (they run
// under its lock).
type Registry[K comparable, V any] struct {
	mu RWMutex
	m  map[K]V
	// plainKeys is set, under the write lock, when m is non-nil and hashing
	// a K cannot panic, so that Get can skip its defer.
	plainKeys bool
}

// setMap installs m; the caller holds the write lock.
func (r *Registry[K, V]) setMap(m map[K]V) {
	r.m = m
	r.plainKeys = m != nil && !hashMayPanic(reflect.TypeFor[K]())
}

// hashMayPanic reports whether hashing a map key of type t may panic: only
// an interface holding an unhashable dynamic type (a slice, map or func) does.
func hashMayPanic(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Array:
		return hashMayPanic(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hashMayPanic(t.Field(i).Type) {
				return true
			}
		}
	}
	return false
}

// Get returns the value stored under k and whether it was present, or a
// *LockPoisonedError when r is poisoned.
func (r *Registry[K, V]) Get(k K) (V, bool, error) {
	// RLockChecked, inlined by hand: Get is the hot path of a registry.
	if atomic.LoadUintptr(&waitHookLine.on) != 0 {
		r.mu.racquire()
	} else {
		r.mu.mu.RLock()
	}
	if e := r.mu.poison.load(); e != nil {
		r.mu.mu.RUnlock()
		var zero V
		return zero, false, refused(e)
	}
	if !r.plainKeys {
		return r.getDeferred(k)
	}
	v, ok := r.m[k]
	r.mu.mu.RUnlock()
	return v, ok, nil
}

// getDeferred finishes Get, holding the read lock, for key types whose
// hashing may panic (an interface holding a slice, say): the unlock is
// deferred so that such a panic does not leak the lock.
func (r *Registry[K, V]) getDeferred(k K) (V, bool, error) {
	defer r.mu.mu.RUnlock()
	v, ok := r.m[k]
	return v, ok, nil
}

// Set stores v under k, or returns a *LockPoisonedError when r is poisoned.
func (r *Registry[K, V]) Set(k K, v V) error {
	// LockChecked, inlined by hand: Set is the hot path of a registry's
	// writers.
	if atomic.LoadUintptr(&waitHookLine.on) != 0 {
		r.mu.acquire()
	} else {
		r.mu.mu.Lock()
	}
	if e := r.mu.poison.load(); e != nil {
		r.mu.mu.Unlock()
		return refused(e)
	}
	if !r.plainKeys {
		return r.setDeferred(k, v)
	}
	r.m[k] = v // cannot panic: r.m is non-nil and K's hashing cannot panic
	r.mu.mu.Unlock()
	return nil
}

// setDeferred finishes Set, holding the write lock, when the map is still
// nil or hashing a K may panic: the unlock is deferred, and it is a plain
// one, not the poisoning one, because a single map store either happens or
// panics (unhashable key) before changing anything.
func (r *Registry[K, V]) setDeferred(k K, v V) error {
	defer r.mu.mu.Unlock()
	if r.m == nil {
		r.setMap(make(map[K]V))
	}
	r.m[k] = v
	return nil
}

// Delete removes k, or returns a *LockPoisonedError when r is poisoned.
func (r *Registry[K, V]) Delete(k K) error {
	if err := r.mu.LockChecked(); err != nil {
		return err
	}
	defer r.mu.mu.Unlock()
	delete(r.m, k)
	return nil
}

// Update calls fn with the registry's map, never nil, under the write lock,
// and returns fn's error; or returns a *LockPoisonedError without calling fn
// when r is poisoned.
//
// fn may read and modify the map but must not keep it after returning.
// Changes fn made are kept even when it returns an error: Update is not a
// transaction. If fn panics, r is poisoned and the panic continues with the
// same value; every later call returns the poison error until Reset.
func (r *Registry[K, V]) Update(fn func(m map[K]V) error) error {
	if err := r.mu.LockChecked(); err != nil {
		return err
	}
	defer r.mu.Unlock() // the poisoning unlock
	if r.m == nil {
		r.setMap(make(map[K]V))
	}
	return fn(r.m)
}

// Range calls fn for each key and value under the read lock, in unspecified
// order, until fn returns false; or returns a *LockPoisonedError without
// calling fn when r is poisoned. A panic in fn does not poison r.
func (r *Registry[K, V]) Range(fn func(k K, v V) bool) error {
	if err := r.mu.RLockChecked(); err != nil {
		return err
	}
	defer r.mu.mu.RUnlock()
	for k, v := range r.m {
		if !fn(k, v) {
			break
		}
	}
	return nil
}

// Len returns the number of entries, or a *LockPoisonedError when r is
// poisoned.
func (r *Registry[K, V]) Len() (int, error) {
	if err := r.mu.RLockChecked(); err != nil {
		return 0, err
	}
	n := len(r.m)
	r.mu.mu.RUnlock()
	return n, nil
}

// Reset replaces the registry's data with m, which the registry then owns (the
// caller must not use m afterwards; nil means empty), and clears the poison.
// It works whether or not r is poisoned; see Repair to fix the data in place
// instead.
func (r *Registry[K, V]) Reset(m map[K]V) {
	r.mu.mu.Lock()
	r.setMap(m)
	r.mu.poison.store(nil)
	r.mu.mu.Unlock()
}

// Repair is the repair path of a poisoned r: it takes the write lock although
// r is poisoned, calls fn with the torn map (never nil), and, when fn returns
// nil, clears the poison before releasing the lock, so that no other caller
// sees the map between the panic and the repair. fn should make the map
// consistent again (drop or rebuild the entries the panic may have torn); an
// error from fn is returned as is and leaves r poisoned; a panic in fn poisons
// r again (with the new panic value) and continues. When r is not poisoned,
// Repair does not call fn and returns nil.
//
// fn must not keep the map after returning or call methods of r.
func (r *Registry[K, V]) Repair(fn func(m map[K]V) error) error {
	r.mu.acquire()
	if r.mu.poison.load() == nil {
		r.mu.mu.Unlock()
		return nil
	}
	defer r.mu.Unlock() // the poisoning unlock
	if r.m == nil {
		r.setMap(make(map[K]V))
	}
	if err := fn(r.m); err != nil {
		return err
	}
	r.mu.poison.store(nil)
	return nil
}

// Poisoned reports whether r is poisoned.
func (r *Registry[K, V]) Poisoned() bool { return r.mu.Poisoned() }

// SetName names r's lock in poison errors, events and wait hook calls. The default name is "".
func (r *Registry[K, V]) SetName(name string) { r.mu.SetName(name) }
