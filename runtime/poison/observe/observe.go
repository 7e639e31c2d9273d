// Package observe holds the opt-in reporting of package poison: a log/slog
// record per poisoning and the package's counters through expvar.
//
// Package poison itself logs nothing and publishes nothing, and does not
// import log/slog, expvar or net/http: importing it does not change the
// process. A program that wants the reports asks for them, typically in main:
//
//	observe.Slog(nil)                      // log poisonings through slog.Default()
//	observe.PublishExpvar(observe.ExpvarName) // counters at /debug/vars
//
// Importing this package imports expvar, which registers /debug/vars on
// http.DefaultServeMux.
package observe

import (
	"context"
	"expvar"
	"log/slog"

	"github.com/lockpoison/lockpoison/runtime/poison"
)

// ExpvarName is the conventional name for PublishExpvar.
const ExpvarName = "lockpoison"

// Slog registers a poison observer that writes one record per poisoning to
// logger at level Error, message "lockpoison: lock poisoned by panic", with
// the attributes "lock" (the lock's name) and "panic" (the panic value). A nil
// logger means slog.Default() at the time of each poisoning. It returns the
// function that removes the observer.
func Slog(logger *slog.Logger) (remove func()) {
	return poison.OnPoison(func(e poison.PoisonEvent) {
		l := logger
		if l == nil {
			l = slog.Default()
		}
		ctx := context.Background()
		if l.Enabled(ctx, slog.LevelError) {
			l.LogAttrs(ctx, slog.LevelError, "lockpoison: lock poisoned by panic",
				slog.String("lock", e.Name), slog.Any("panic", e.Value))
		}
	})
}

// PublishExpvar publishes poison.ReadStats under name as a JSON object
// {"poisonings": N, "poisoned_acquisitions": M}: locks poisoned, and
// acquisitions refused because of poison. Like expvar.Publish, it panics if
// name is already taken.
func PublishExpvar(name string) {
	expvar.Publish(name, expvar.Func(func() any {
		s := poison.ReadStats()
		return map[string]uint64{"poisonings": s.Poisonings, "poisoned_acquisitions": s.Refusals}
	}))
}
