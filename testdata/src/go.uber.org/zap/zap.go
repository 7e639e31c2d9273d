// Package zap is a stand-in for go.uber.org/zap: Fatal exits through a
// hook that facts cannot see.
package zap

type hook interface{ OnFatal() }

type Logger struct{ h hook }

func (l *Logger) Fatal(msg string) { l.h.OnFatal() }

func (l *Logger) Error(msg string) {}
