// Package canary is the --quick target of scripts/realworld.sh: a small
// service whose bugs are the shapes lockpoison exists for, reduced from
// real code (a request handler, a worker pool, a recovering parser). Every
// bug sits beside its nearby correct form, and the expected findings
// (testdata/realworld/findings/canary.txt) list each bug and nothing else:
// an analyzer that reports nothing, or reports a correct form, fails the
// quick run.
package canary

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"
	"sync"
)

// ---- a request handler (net/http recovers its panics) ----

type Store struct {
	mu    sync.Mutex
	users map[string]*User
	hits  int
}

type User struct {
	Name  string
	Roles []string
}

// ServeHTTP: an unknown user is a nil dereference with s.mu held, and the
// explicit unlock never runs: every later request blocks on s.mu.
// (Shape of the handler hangs fixed in several real servers.)
func (s *Store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/users/")
	s.mu.Lock() // BUG lock-leak
	s.hits++
	u := s.users[name]
	role := u.Roles[0]
	s.mu.Unlock()
	fmt.Fprintln(w, role)
}

// serveUser is the correct form: the unlock is deferred and nothing is
// written before the panic point.
func (s *Store) serveUser(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.users[r.URL.Query().Get("name")]; u != nil && len(u.Roles) > 0 {
		fmt.Fprintln(w, u.Roles[0])
	}
}

func (s *Store) Routes(mux *http.ServeMux) {
	mux.Handle("/users/", s)
	mux.HandleFunc("/user", s.serveUser)
}

// ---- a worker pool (safeGo recovers and logs) ----

type Job struct {
	ID  int
	Run func() error
}

type Pool struct {
	mu      sync.Mutex
	pending int
	done    int
	errs    []error
}

func safeGo(f func()) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("worker: recovered: %v", r)
			}
		}()
		f()
	}()
}

// Submit: the job runs with p.mu held through a deferred unlock; a panic in
// j.Run leaves pending decremented and done not incremented, and the pool
// goes on with counts that no longer add up.
func (p *Pool) Submit(j Job) {
	safeGo(func() {
		p.mu.Lock() // BUG torn-state
		defer p.mu.Unlock()
		p.pending--
		if err := j.Run(); err != nil {
			p.errs = append(p.errs, fmt.Errorf("job %d: %w", j.ID, err))
		}
		p.done++
	})
}

// SubmitOutside is the correct form: the job runs outside the section, and
// the counts change together after it.
func (p *Pool) SubmitOutside(j Job) {
	safeGo(func() {
		err := j.Run()
		p.mu.Lock()
		defer p.mu.Unlock()
		p.pending--
		p.done++
		if err != nil {
			p.errs = append(p.errs, err)
		}
	})
}

// ---- a recovering parser with a package-level registry ----

var (
	regMu sync.Mutex
	names = map[string]int{}
)

var errEmpty = errors.New("empty field")

// Parse turns a panic into an error; a field with no '=' panics while
// regMu is held, and the explicit unlock is skipped: the next Parse
// deadlocks.
func Parse(line string) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse %q: %v", line, r)
		}
	}()
	regMu.Lock() // BUG lock-leak
	for _, f := range strings.Fields(line) {
		kv := strings.SplitN(f, "=", 2)
		names[kv[0]] = len(kv[1])
		n++
	}
	regMu.Unlock()
	return n, nil
}

// ParseChecked is the correct form: it checks before indexing and defers
// the unlock.
func ParseChecked(line string) (n int, err error) {
	regMu.Lock()
	defer regMu.Unlock()
	for _, f := range strings.Fields(line) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return n, errEmpty
		}
		names[k] = len(v)
		n++
	}
	return n, nil
}

// ---- a recover handler that takes the lock still held ----

// Step logs the pool from its recover handler, which locks p.mu while the
// deferred unlock has not run yet: the handler deadlocks.
func (p *Pool) Step(jobs []Job, i int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			p.mu.Lock() // BUG handler-relock
			log.Printf("step %d failed (%d pending)", i, p.pending)
			p.mu.Unlock()
		}
	}()
	jobs[i].Run()
}

// StepLogged is the correct form: the handler reads the count the section
// captured, without locking.
func (p *Pool) StepLogged(jobs []Job, i int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	pending := p.pending
	defer func() {
		if r := recover(); r != nil {
			log.Printf("step %d failed (%d pending)", i, pending)
		}
	}()
	if i < len(jobs) && jobs[i].Run != nil {
		jobs[i].Run()
	}
}
