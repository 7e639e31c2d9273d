// Package doublesuse calls doubleslog.Log under a recover: the real
// implementation declared beside the interface is reached, its testify
// mock is not (FP-18).
package doublesuse

import "doubleslog"

type Runner struct{ log doubleslog.Log }

func (r *Runner) Run(job func()) {
	defer func() { recover() }()
	job()
	r.log.Warnf("done") // want `r.log.mu stays locked if l.sink.Write panics via \(\*doubleslog.FileLog\)\.Warnf: the panic is recovered in \(\*Runner\)\.Run \(doublesuse.go:\d+\)`
}
