// Package xc implements xa.Store with a type that its importers never name:
// their interface calls do not reach it.
package xc

import (
	"sync"

	"xa"
)

type deep struct {
	mu   sync.Mutex
	Hook func()
}

func (d *deep) Put(k string, v int) { // want Put:"^lockpoison\\(locks\\(\\$0\\.mu W\\) escapes\\(\\$0\\.mu held at xc\\.go:17 by d\\.Hook panics\\) readonly\\)$"
	d.mu.Lock()
	d.Hook()
	d.mu.Unlock()
}

func New() xa.Store { return &deep{} } // want New:"^lockpoison\\(nopanic\\)$"
