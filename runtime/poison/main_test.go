package poison

import (
	"fmt"
	"os"
	"testing"
)

// TestMain first checks that a refused checked acquisition does not keep the
// lock. If one did, most tests below would deadlock and the run would end only
// at the test timeout; this reports it at once instead.
func TestMain(m *testing.M) {
	if what := unwindingDoesNotPoison(); what != "" {
		fmt.Fprintf(os.Stderr, "FAIL: %s; not running the tests, which would deadlock\n", what)
		os.Exit(1)
	}
	if what := refusalKeepsLock(); what != "" {
		fmt.Fprintf(os.Stderr, "FAIL: %s reported the poison but kept the lock; not running the tests, which would deadlock\n", what)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// refusalKeepsLock returns the first refused checked acquisition that left
// its lock held, or "".
func refusalKeepsLock() string {
	var m Mutex
	catch(func() { writeSection(&m, "p") })
	var rw RWMutex
	catch(func() { writeSection(&rw, "p") })
	var reg Registry[int, int]
	catch(func() { _ = reg.Update(func(map[int]int) error { panic("p") }) })
	mutexFree := func() bool {
		if m.mu.TryLock() {
			m.mu.Unlock()
			return true
		}
		return false
	}
	rwFree := func(rw *RWMutex) bool {
		if rw.mu.TryLock() {
			rw.mu.Unlock()
			return true
		}
		return false
	}
	checks := []struct {
		name    string
		refused func() error
		free    func() bool
	}{
		{"Mutex.LockChecked", m.LockChecked, mutexFree},
		{"Mutex.TryLockChecked", func() error { _, err := m.TryLockChecked(); return err }, mutexFree},
		{"Mutex.TryLock", func() error { return recoveredErr(func() { m.TryLock() }) }, mutexFree},
		{"Mutex.Lock", func() error { return recoveredErr(m.Lock) }, mutexFree},
		{"RWMutex.LockChecked", rw.LockChecked, func() bool { return rwFree(&rw) }},
		{"RWMutex.RLockChecked", rw.RLockChecked, func() bool { return rwFree(&rw) }},
		{"RWMutex.TryLockChecked", func() error { _, err := rw.TryLockChecked(); return err }, func() bool { return rwFree(&rw) }},
		{"RWMutex.TryRLockChecked", func() error { _, err := rw.TryRLockChecked(); return err }, func() bool { return rwFree(&rw) }},
		{"RWMutex.Lock", func() error { return recoveredErr(rw.Lock) }, func() bool { return rwFree(&rw) }},
		{"RWMutex.RLock", func() error { return recoveredErr(rw.RLock) }, func() bool { return rwFree(&rw) }},
		{"Registry.Get", func() error { _, _, err := reg.Get(1); return err }, func() bool { return rwFree(&reg.mu) }},
		{"Registry.Set", func() error { return reg.Set(1, 1) }, func() bool { return rwFree(&reg.mu) }},
		{"Registry.Len", func() error { _, err := reg.Len(); return err }, func() bool { return rwFree(&reg.mu) }},
	}
	for _, c := range checks {
		if err := c.refused(); err == nil {
			continue // not refused: the tests report that
		}
		if !c.free() {
			return c.name
		}
	}
	return ""
}

func recoveredErr(f func()) error {
	err, _ := catch(f).(error)
	return err
}
