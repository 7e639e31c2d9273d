// Package xwrap is a library whose facts package xwrapuse depends on: a
// recovering wrapper that swallows the panic beside one that re-panics, and
// a pointer method that writes through its receiver beside one that only
// reads. Its fact patterns are anchored: an extra fact fails the test.
package xwrap

import (
	"log"
)

// Swallow runs fn under a recover that logs the panic and returns: its
// callers go on after a panic in fn.
func Swallow(fn func()) { // want Swallow:"^lockpoison\\(nopanic recovers\\(0\\)\\)$"
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
		}
	}()
	fn()
}

// Repanic logs the panic and panics again: the program does not go on, so
// it is not a recovering wrapper and has no recovers fact, only calls(0):
// it calls fn where a panic goes on to its caller.
func Repanic(fn func()) { // want Repanic:"^lockpoison\\(calls\\(0\\)\\)$"
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
			panic(r)
		}
	}()
	fn()
}

// Counter is guarded by its users' locks.
type Counter struct {
	N     int
	names []string
}

// Add writes through its receiver: not read-only.
func (c *Counter) Add(name string) { // want Add:"^lockpoison\\(nopanic\\)$"
	c.N++
	c.names = append(c.names, name)
}

// Get only reads through its receiver.
func (c *Counter) Get() int { // want Get:"^lockpoison\\(nopanic readonly\\)$"
	return c.N
}
