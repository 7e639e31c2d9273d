package poisonuse

import (
	"fmt"

	"github.com/lockpoison/lockpoison/runtime/poison"
)

type Jobs struct {
	mu   poison.Mutex
	reg  poison.Registry[string, int]
	done int
}

func (j *Jobs) Discard() {
	j.mu.LockChecked() // want `the error of j.mu.LockChecked is discarded: a poisoned j.mu goes unnoticed`
	j.done++
	j.mu.Unlock()
	j.reg.Set("a", 1)        // want `the error of j.reg.Set is discarded`
	_, _, _ = j.reg.Get("a") // want `the error of j.reg.Get is discarded`
	_ = j.reg.Delete("a")    // want `the error of j.reg.Delete is discarded`
}

// Nearby correct form: the errors are handled.
func (j *Jobs) Checked() error {
	if err := j.mu.LockChecked(); err != nil {
		return fmt.Errorf("jobs: %w", err)
	}
	j.done++
	j.mu.Unlock()
	if err := j.reg.Set("a", 1); err != nil {
		return err
	}
	n, err := j.reg.Len()
	_ = n
	return err
}

// A poison.Mutex with a deferred unlock is never torn state: the panic
// poisons it.
func (j *Jobs) Deferred(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	j.mu.Lock()
	defer j.mu.Unlock()
	j.done++
	f()
	return nil
}

// With an explicit unlock it still leaks, like any lock.
func (j *Jobs) Explicit(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	j.mu.Lock() // want `j.mu stays locked if f panics.*the panic is recovered in \(\*Jobs\)\.Explicit \(poisonuse\.go:\d+\)`
	j.done++
	f()
	j.mu.Unlock()
	return nil
}

// A checked acquisition holds the lock only when its error is nil: the
// error path takes no lock.
func (j *Jobs) CheckedHandler(f func() int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if err := j.mu.LockChecked(); err != nil {
		return fmt.Errorf("jobs %d: %w", f(), err)
	}
	j.done++
	j.mu.Unlock()
	return nil
}
