// A library whose directives travel as facts to its importers.
package incodelib

// Go runs f in a goroutine under a recover that logs.
//
//lockpoison:boundary
func Go(f func()) { // want Go:"lockpoison:boundary" Go:"recovers\\(0\\)"
	go func() {
		defer func() { recover() }()
		f()
	}()
}

// Job is implemented by the handlers of the queue, which recovers their
// panics.
//
//lockpoison:recovered
type Job interface { // want Job:"lockpoison:recovered"
	Run(arg string)
}

// Call runs f; it does not recover.
func Call(f func()) { f() }
