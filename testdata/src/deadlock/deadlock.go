// Package deadlock is a drop-in replacement for sync's locks, as deadlock
// detectors are: Mutex embeds sync.Mutex, RWMutex takes its inner lock
// through a helper and adds bookkeeping after it.
package deadlock

import "sync"

type Mutex struct {
	sync.Mutex
}

type RWMutex struct {
	mu    sync.RWMutex
	owner int
}

func (m *RWMutex) Lock() { // want Lock:"^lockpoison\\(nopanic acquires\\(\\$0.mu W\\) locks\\(\\$0.mu W\\)\\)$"
	lock(m.mu.Lock)
	m.owner = 1
}

func (m *RWMutex) Unlock() { // want Unlock:"^lockpoison\\(nopanic releases\\(\\$0.mu W\\)\\)$"
	m.owner = 0
	m.mu.Unlock()
}

func (m *RWMutex) RLock() { // want RLock:"^lockpoison\\(nopanic acquires\\(\\$0.mu R\\) locks\\(\\$0.mu R\\) readonly\\)$"
	lock(m.mu.RLock)
}

func (m *RWMutex) RUnlock() { // want RUnlock:"^lockpoison\\(nopanic releases\\(\\$0.mu R\\) readonly\\)$"
	m.mu.RUnlock()
}

func lock(f func()) {
	f()
}
