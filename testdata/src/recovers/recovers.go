package recovers

import (
	"log"
	"os"
	"runtime"
	"sync"
)

type W struct {
	mu   sync.Mutex
	jobs []string
	run  func(string)
}

// A handler that logs and exits does not let the program go on.
func (w *W) Exit(j string) {
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
			os.Exit(2)
		}
	}()
	w.mu.Lock()
	w.run(j)
	w.mu.Unlock()
}

func (w *W) Fatal(j string) {
	defer func() {
		if r := recover(); r != nil {
			log.Fatalf("job %s: %v", j, r)
		}
	}()
	w.mu.Lock()
	w.run(j)
	w.mu.Unlock()
}

func (w *W) Goexit(j string) {
	defer func() {
		if r := recover(); r != nil {
			runtime.Goexit()
		}
	}()
	w.mu.Lock()
	w.run(j)
	w.mu.Unlock()
}

// Swallowing on one path only: it swallows.
func (w *W) Sometimes(j string) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(error); ok {
				panic(r)
			}
			log.Print(r)
		}
	}()
	w.mu.Lock() // want `w.mu stays locked if w.run panics: the panic is recovered in \(\*W\)\.Sometimes \(recovers\.go:\d+\)`
	w.run(j)
	w.mu.Unlock()
}

// A named deferred function that recovers.
func (w *W) recoverJob() {
	if r := recover(); r != nil {
		log.Printf("job failed: %v", r)
	}
}

func (w *W) Named(j string) {
	defer w.recoverJob()
	w.mu.Lock() // want `w.mu stays locked if w.run panics: the panic is recovered in \(\*W\)\.Named \(recovers\.go:\d+\)`
	w.run(j)
	w.mu.Unlock()
}

// A recover registered inside the section covers the rest of it.
func (w *W) Inside(j string) {
	w.mu.Lock() // want `w.mu stays locked if w.run panics.*the panic is recovered in \(\*W\)\.Inside \(recovers\.go:\d+\)`
	defer w.recoverJob()
	w.run(j)
	w.mu.Unlock()
}

// A goroutine is not covered by its parent's recover.
func (w *W) Spawn(j string) {
	defer w.recoverJob()
	go func() {
		w.mu.Lock()
		w.run(j)
		w.mu.Unlock()
	}()
}

// Worker loop: a helper holds the lock without defer, the loop recovers
// around each job.
type Pool struct {
	mu      sync.Mutex
	pending map[string]int
	handle  func(string) int
}

func (p *Pool) process(job string) {
	p.mu.Lock() // want `p.mu stays locked if p.handle panics: the panic is recovered in the func literal in \(\*Pool\)\.loop \(recovers\.go:\d+\)`
	p.pending[job] = p.handle(job)
	p.mu.Unlock()
}

func (p *Pool) loop(jobs <-chan string) {
	for job := range jobs {
		func() {
			defer func() {
				if r := recover(); r != nil {
					log.Printf("job %s: %v", job, r)
				}
			}()
			p.process(job)
		}()
	}
}

// A recovering wrapper: it runs fn under a swallowing recover, in a new
// goroutine.
func Go(fn func()) { // want Go:"recovers\\(0\\)"
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Print(r)
			}
		}()
		fn()
	}()
}

// Try runs fn under a recover and returns the panic as an error.
func Try(fn func()) (err error) { // want Try:"recovers\\(0\\)"
	defer func() {
		if r := recover(); r != nil {
			err = os.ErrInvalid
		}
	}()
	fn()
	return nil
}

func (w *W) Async(j string) {
	Go(func() {
		w.mu.Lock() // want `w.mu stays locked if w.run panics: the panic is recovered in Go \(recovers\.go:\d+\)`
		w.run(j)
		w.mu.Unlock()
	})
}

func (w *W) Sync(j string) error {
	return Try(func() {
		w.mu.Lock() // want `w.jobs is left half-updated if w.run panics: the deferred w.mu.Unlock\(\) releases it and the panic is recovered in Try \(recovers\.go:\d+\)`
		defer w.mu.Unlock()
		w.jobs = append(w.jobs, j) // the write, then the panic point
		w.run(j)
		w.jobs = append(w.jobs, "done") // and a write the panic skips
	})
}

// Nearby correct form: the update is complete before the panic point.
func (w *W) SyncComplete(j string) error {
	return Try(func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.jobs = append(w.jobs, j)
		w.run(j)
	})
}

// Nearby correct form of the closure: no section.
func (w *W) AsyncOK(j string) {
	Go(func() { w.run(j) })
}
