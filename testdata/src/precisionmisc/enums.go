package precisionmisc

import "sync"

// A switch default is dead only when the value can be nothing but one of
// the listed constants (FP-12): not for an exported type (another package
// can write Level(7)), nor for an unexported one the package converts
// into. Beside each, P.Close in misc.go is the dead default.

type Level int

const (
	Low Level = iota
	High
)

type phase int

const (
	idle phase = iota
	busy
)

type E struct {
	mu sync.Mutex
	lv Level
	ph phase
}

func (e *E) SetPhase(n int) { e.ph = phase(n) }

func (e *E) Raise() {
	defer swallow()
	e.mu.Lock() // want `e.mu stays locked if panic\("bad level"\) is called.*the panic is recovered in \(\*E\)\.Raise \(enums\.go:\d+\)`
	switch e.lv {
	case Low:
		e.lv = High
	case High:
	default:
		panic("bad level")
	}
	e.mu.Unlock()
}

func (e *E) Step() {
	defer swallow()
	e.mu.Lock() // want `e.mu stays locked if panic\("bad phase"\) is called.*the panic is recovered in \(\*E\)\.Step \(enums\.go:\d+\)`
	switch e.ph {
	case idle:
		e.ph = busy
	case busy:
	default:
		panic("bad phase")
	}
	e.mu.Unlock()
}
