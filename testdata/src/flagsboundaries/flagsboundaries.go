// With -boundaries=flagsboundaries.(*Worker).run,flagsboundaries.Submit.
package flagsboundaries

import "sync"

type Worker struct {
	mu    sync.Mutex
	state map[string]int
	step  func()
}

// run is called by a supervisor that recovers (declared by the flag).
func (w *Worker) run() {
	w.mu.Lock() // want `w.mu stays locked if w.step panics: the panic is recovered by -boundaries function \(\*Worker\)\.run \(flagsboundaries\.go:\d+\)`
	w.step()
	w.mu.Unlock()
}

// Submit hands fn to an executor that recovers (declared by the flag).
func Submit(fn func()) { go fn() }

func (w *Worker) Post() {
	Submit(func() {
		w.mu.Lock() // want `w.mu stays locked if w.step panics: the panic is recovered in Submit \(flagsboundaries\.go:\d+\)`
		w.step()
		w.mu.Unlock()
	})
}

// Not listed: no boundary.
func (w *Worker) idle() {
	w.mu.Lock()
	w.step()
	w.mu.Unlock()
}
