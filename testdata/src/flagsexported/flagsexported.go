// With -assume-recovered=exported: a library's exported API may be called
// under a recover.
package flagsexported

import "sync"

type Pool struct {
	mu    sync.Mutex
	items []string
	mk    func() string
}

func (p *Pool) Get() string {
	p.mu.Lock() // want `p.mu stays locked if p.mk panics: the panic is assumed recovered by a caller of exported \(\*Pool\)\.Get \(flagsexported\.go:\d+\)`
	if len(p.items) == 0 {
		p.items = append(p.items, p.mk())
	}
	s := p.items[0]
	p.mu.Unlock()
	return s
}

// What an exported function calls in the package is covered too.
func (p *Pool) Put(s string) { p.put(s) }

func (p *Pool) put(s string) {
	p.mu.Lock() // want `p.mu stays locked if p.mk panics: the panic is assumed recovered by a caller of exported \(\*Pool\)\.Put \(flagsexported\.go:\d+\)`
	p.items = append(p.items, s, p.mk())
	p.mu.Unlock()
}

// Nearby correct form.
func (p *Pool) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.items)
}

// Unexported API is not assumed recovered.
func (p *Pool) refill() {
	p.mu.Lock()
	p.items = append(p.items, p.mk())
	p.mu.Unlock()
}
