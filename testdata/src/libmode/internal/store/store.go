// Package store is internal: its exported API is not the library's, so
// library mode reports nothing here; its importer reports the section once.
package store

import "sync"

type Store struct {
	mu   sync.Mutex
	data map[string]int
	Hook func()
}

func (s *Store) Put(k string, v int) {
	s.mu.Lock()
	s.Hook()
	s.data[k] = v
	s.mu.Unlock()
}
