package fixpoison

import "sync"

// A package-level variable: the only use of sync, so its import goes.
var (
	regMu    sync.Mutex
	registry = map[string]func(){}
	count    int
)

func Register(name string, f func()) {
	defer swallow()
	regMu.Lock() // want `count is left half-updated if f panics.*the panic is recovered in Register \(globals\.go:\d+\)`
	defer regMu.Unlock()
	count++
	f()
	registry[name] = f
}
