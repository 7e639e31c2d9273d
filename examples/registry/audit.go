package registry

import "github.com/lockpoison/lockpoison/runtime/poison"

// Audit counts changes behind a poison.Mutex: a panic in a write section
// poisons it instead of releasing torn state.
type Audit struct {
	mu      poison.Mutex
	changes int
}

// Record drops the error that says the audit log is poisoned.
func (a *Audit) Record() {
	a.mu.LockChecked() // poison-ignored: a poisoned a.mu goes unnoticed
	a.changes++
	a.mu.Unlock()
}

// Count is the nearby correct form.
func (a *Audit) Count() (int, error) {
	if err := a.mu.LockChecked(); err != nil {
		return 0, err
	}
	defer a.mu.Unlock()
	return a.changes, nil
}
