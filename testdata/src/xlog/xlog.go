// Package xlog is a logger shaped like zap: a Logger writes through a
// Syncer interface, and an implementation declared beside the interface
// locks and calls another Syncer (which may panic) before its explicit
// unlock.
package xlog

import "sync"

type Syncer interface{ Sync() error }

type lockedSyncer struct {
	mu sync.Mutex
	ws Syncer
}

func (s *lockedSyncer) Sync() error {
	s.mu.Lock() // want `s.mu stays locked if .*recovered in \(\*Logger\)\.SafeFlush \(xlog\.go:\d+\)`
	err := s.ws.Sync()
	s.mu.Unlock()
	return err
}

func Lock(ws Syncer) Syncer { return &lockedSyncer{ws: ws} }

type Logger struct{ out Syncer }

func New(ws Syncer) *Logger { return &Logger{out: Lock(ws)} }

// Flush calls the interface: the section in (*lockedSyncer).Sync is
// reached here, through dispatch.
func (l *Logger) Flush() { l.out.Sync() }

// SafeFlush recovers in this package: the dispatched section is reported
// here, where the recover and the interface call are.
func (l *Logger) SafeFlush() {
	defer func() { recover() }()
	l.out.Sync()
}
