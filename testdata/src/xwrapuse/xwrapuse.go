// Package xwrapuse gets its findings from package xwrap's facts only: which
// wrapper swallows and which pointer method writes.
package xwrapuse

import (
	"sync"

	"xwrap"
)

type Server struct {
	mu      sync.Mutex
	c       xwrap.Counter
	handler func()
}

// Swallowed: xwrap.Swallow recovers the handler's panic and returns, with
// s.mu still held.
func (s *Server) Swallowed() {
	xwrap.Swallow(func() {
		s.mu.Lock() // want `s.mu stays locked if s.handler panics: the panic is recovered in xwrap.Swallow \(xwrapuse.go:20\)`
		s.handler()
		s.mu.Unlock()
	})
}

// Repanicked is the negative: xwrap.Repanic panics again, nothing goes on.
func (s *Server) Repanicked() {
	xwrap.Repanic(func() {
		s.mu.Lock()
		s.handler()
		s.mu.Unlock()
	})
}

// Counted: xwrap's Add writes s.c, then the handler panics before the
// second Add, and the deferred unlock releases s.c half-updated.
func (s *Server) Counted(name string) {
	xwrap.Swallow(func() {
		s.mu.Lock() // want `s.c is left half-updated if s.handler panics: the deferred s.mu.Unlock\(\) releases it and the panic is recovered in xwrap.Swallow \(xwrapuse.go:39\)`
		defer s.mu.Unlock()
		s.c.Add(name)
		s.handler()
		s.c.Add(name + "/done")
	})
}

// Peeked is the negative: Get only reads s.c, nothing is torn.
func (s *Server) Peeked() int {
	n := 0
	xwrap.Swallow(func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		n = s.c.Get()
		s.handler()
	})
	return n
}
