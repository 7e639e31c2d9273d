package poison

import "fmt"

// unwindingDoesNotPoison checks, before TestMain's refusal checks (which
// rely on it), that a panic through a deferred Unlock poisons the lock and
// continues with the original value. If not, the refusal checks' "checked"
// acquisitions succeed and keep their locks, and the next plain Lock
// deadlocks until the test timeout. It returns what went wrong, or "".
func unwindingDoesNotPoison() string {
	v := &marker{1}
	var m Mutex
	var rw RWMutex
	var reg Registry[int, int]
	for _, c := range []struct {
		name     string
		section  func()
		poisoned func() bool
	}{
		{"Mutex.Unlock", func() { writeSection(&m, v) }, m.Poisoned},
		{"RWMutex.Unlock", func() { writeSection(&rw, v) }, rw.Poisoned},
		{"Registry.Update", func() { _ = reg.Update(func(map[int]int) error { panic(v) }) }, reg.Poisoned},
	} {
		if got := catch(c.section); got != v {
			return fmt.Sprintf("a panic through %s was recovered as %v, want the original value %v", c.name, got, v)
		}
		if !c.poisoned() {
			return fmt.Sprintf("a panic through %s did not poison the lock", c.name)
		}
	}
	return ""
}
