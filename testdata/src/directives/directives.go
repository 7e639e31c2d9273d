package directives

import "sync"

type T struct {
	mu sync.Mutex
	fn func()
}

func (t *T) NoReason() {
	defer func() { recover() }()
	//lockpoison:ignore // want `malformed directive: //lockpoison:ignore needs a reason`
	t.mu.Lock()
	t.fn()
	t.mu.Unlock()
}

func (t *T) Typo() {
	defer func() { recover() }()
	//lockpoison:ignroe fn is safe // want `unknown directive //lockpoison:ignroe: want //lockpoison:ignore <reason>, //lockpoison:boundary or //lockpoison:recovered`
	t.mu.Lock() // want `t.mu stays locked if t.fn panics.*the panic is recovered in \(\*T\)\.Typo \(directives\.go:\d+\)`
	t.fn()
	t.mu.Unlock()
}
