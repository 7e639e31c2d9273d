// Package fixglobal: the torn-state fix for a package-level lock, beside
// the same section under a local lock, which has no fix. The wants are
// anchored at the end of the message, so a missing fix (its "(no fix: ...)"
// note) fails them even though .golden files are compared only for files
// that got a fix.
package fixglobal

import "sync"

var (
	mu    sync.Mutex
	count int
	names []string
)

func swallow() { _ = recover() }

func Add(name string, f func()) {
	defer swallow()
	mu.Lock() // want `^count is left half-updated if f panics: the deferred mu.Unlock\(\) releases it and the panic is recovered in Add \(fixglobal.go:19\)$`
	defer mu.Unlock()
	count++
	f()
	names = append(names, name)
}

func AddLocal(name string, f func()) {
	var local sync.Mutex
	defer swallow()
	local.Lock() // want `^count is left half-updated if f panics: the deferred local.Unlock\(\) releases it and the panic is recovered in AddLocal \(fixglobal.go:29\) \(no fix: local is a local variable\)$`
	defer local.Unlock()
	count++
	f()
	names = append(names, name)
}
