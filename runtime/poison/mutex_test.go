package poison

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// locker is what Mutex and RWMutex have in common, for tests run on both.
type locker interface {
	sync.Locker
	TryLock() bool
	TryLockChecked() (bool, error)
	LockChecked() error
	LockForRepair() error
	UnlockPoisoned(any)
	Poisoned() bool
	ClearPoison()
	SetName(string)
}

func forBoth(t *testing.T, f func(t *testing.T, mu locker)) {
	t.Run("Mutex", func(t *testing.T) { f(t, new(Mutex)) })
	t.Run("RWMutex", func(t *testing.T) { f(t, new(RWMutex)) })
}

// catch runs f and returns what a recover around it saw.
func catch(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

type marker struct{ n int }

// writeSection is a write section with a deferred unlock that panics with v.
func writeSection(mu sync.Locker, v any) {
	mu.Lock()
	defer mu.Unlock()
	panic(v)
}

func poisonWith(t *testing.T, mu sync.Locker, v any) {
	t.Helper()
	if got := catch(func() { writeSection(mu, v) }); got != v {
		t.Fatalf("recovered %v, want the original panic value %v", got, v)
	}
}

// heldByOther reports whether the inner lock is held, without tripping over
// the poison (TryLock on a poisoned lock panics).
func heldByOther(mu locker) bool {
	switch m := mu.(type) {
	case *Mutex:
		if m.mu.TryLock() {
			m.mu.Unlock()
			return false
		}
	case *RWMutex:
		if m.mu.TryLock() {
			m.mu.Unlock()
			return false
		}
	}
	return true
}

func TestDeferredUnlockPanicPoisons(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		mu.SetName("cache.mu")
		v := &marker{42}
		// Same identity: the caller's recover sees the very pointer panicked.
		poisonWith(t, mu, v)
		if !mu.Poisoned() {
			t.Fatal("not poisoned after a panic through a deferred Unlock")
		}
		if heldByOther(mu) {
			t.Fatal("poisoned lock was left held")
		}

		// Lock panics with *LockPoisonedError and does not keep the lock.
		r := catch(mu.Lock)
		perr, ok := r.(*LockPoisonedError)
		if !ok {
			t.Fatalf("Lock on a poisoned lock panicked with %T %v, want *LockPoisonedError", r, r)
		}
		if perr.Value != v || perr.Name != "cache.mu" {
			t.Errorf("error = {Name: %q, Value: %v}, want {cache.mu, %v}", perr.Name, perr.Value, v)
		}
		if !strings.Contains(string(perr.Stack), "writeSection") {
			t.Errorf("stack does not show the panicking function:\n%s", perr.Stack)
		}
		if perr.Time.IsZero() {
			t.Error("zero Time")
		}
		if heldByOther(mu) {
			t.Fatal("Lock kept a poisoned lock")
		}

		// LockChecked returns it, without holding the lock.
		err := mu.LockChecked()
		if !errors.Is(err, ErrLockPoisoned) {
			t.Fatalf("LockChecked = %v, want ErrLockPoisoned", err)
		}
		var got *LockPoisonedError
		if !errors.As(err, &got) || got != perr {
			t.Errorf("LockChecked error %v is not the same *LockPoisonedError", err)
		}
		if heldByOther(mu) {
			t.Fatal("LockChecked returned an error but kept the lock")
		}
		if want := `lock "cache.mu" poisoned by panic: &{42}`; err.Error() != want {
			t.Errorf("Error() = %q, want %q", err.Error(), want)
		}
		if r := catch(func() { mu.TryLock() }); r != perr {
			t.Errorf("TryLock on a poisoned lock panicked with %v, want the poison error", r)
		}

		mu.ClearPoison()
		if mu.Poisoned() {
			t.Fatal("still poisoned after ClearPoison")
		}
		if err := mu.LockChecked(); err != nil {
			t.Fatalf("LockChecked after ClearPoison: %v", err)
		}
		mu.Unlock()
		mu.Lock()
		mu.Unlock()
	})
}

func TestErrorMatchesOnlyErrLockPoisoned(t *testing.T) {
	// A poisoned lock whose panic value was context.Canceled must not pass
	// for a cancellation: code that ignores those would swallow the poison.
	forBoth(t, func(t *testing.T, mu locker) {
		poisonWith(t, mu, context.Canceled)
		err := mu.LockChecked()
		if !errors.Is(err, ErrLockPoisoned) {
			t.Fatalf("errors.Is(%v, ErrLockPoisoned) = false", err)
		}
		if errors.Is(err, context.Canceled) {
			t.Fatalf("errors.Is(%v, context.Canceled) = true: the panic value leaks through the poison error", err)
		}
		var perr *LockPoisonedError
		if !errors.As(err, &perr) || perr.PanicValue() != context.Canceled || perr.Value != context.Canceled {
			t.Fatalf("panic value not available: %#v", err)
		}
		if err.Error() != "lock poisoned by panic: context canceled" {
			t.Errorf("Error() = %q", err.Error())
		}
	})
}

func TestRuntimeErrorPoisons(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		var s []int
		i := 3
		r := catch(func() {
			mu.Lock()
			defer mu.Unlock()
			s[i] = 1
		})
		if _, ok := r.(runtime.Error); !ok {
			t.Fatalf("recovered %T, want the runtime.Error", r)
		}
		var perr *LockPoisonedError
		if err := mu.LockChecked(); !errors.As(err, &perr) || perr.Value != r {
			t.Fatalf("LockChecked = %v, want the poison error carrying the runtime error", err)
		}
	})
}

func TestPanicNil(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		r := catch(func() {
			mu.Lock()
			defer mu.Unlock()
			panic(nil) //nolint:govet // what is tested
		})
		pn, ok := r.(*runtime.PanicNilError)
		if !ok {
			t.Fatalf("recovered %T %v, want *runtime.PanicNilError", r, r)
		}
		var perr *LockPoisonedError
		if err := mu.LockChecked(); !errors.As(err, &perr) || perr.Value != pn {
			t.Fatalf("LockChecked = %v, want poison by the PanicNilError", err)
		}
	})
}

func TestDeferredThroughInterfaceAndMethodValue(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		// Through the sync.Locker interface.
		poisonWith(t, sync.Locker(mu), "via interface")
		mu.ClearPoison()
		// Through a method value.
		r := catch(func() {
			mu.Lock()
			unlock := mu.Unlock
			defer unlock()
			panic("via method value")
		})
		if r != "via method value" || !mu.Poisoned() {
			t.Fatalf("method value: recovered %v, poisoned %v", r, mu.Poisoned())
		}
	})
}

func TestUnlockInDeferredClosureDoesNotPoison(t *testing.T) {
	// recover only works in the deferred function itself: an Unlock called
	// from a deferred closure is a plain unlock (documented).
	forBoth(t, func(t *testing.T, mu locker) {
		r := catch(func() {
			mu.Lock()
			defer func() { mu.Unlock() }()
			panic("x")
		})
		if r != "x" || mu.Poisoned() || heldByOther(mu) {
			t.Fatalf("recovered %v, poisoned %v, held %v", r, mu.Poisoned(), heldByOther(mu))
		}
	})
}

func TestRecoverInsideSectionDoesNotPoison(t *testing.T) {
	// A handler registered after the deferred Unlock runs first and stops the
	// panic inside the section: nothing unwinds through Unlock.
	forBoth(t, func(t *testing.T, mu locker) {
		func() {
			mu.Lock()
			defer mu.Unlock()
			defer func() { _ = recover() }()
			panic("handled inside")
		}()
		if mu.Poisoned() || heldByOther(mu) {
			t.Fatalf("poisoned %v, held %v", mu.Poisoned(), heldByOther(mu))
		}
	})
}

func TestDeferredUnlockInDeferredFuncDuringPanic(t *testing.T) {
	// A critical section that runs (and returns normally) inside a deferred
	// function while another panic unwinds must neither poison nor stop that
	// panic.
	forBoth(t, func(t *testing.T, mu locker) {
		r := catch(func() {
			defer func() {
				mu.Lock()
				defer mu.Unlock()
			}()
			panic("outer")
		})
		if r != "outer" || mu.Poisoned() || heldByOther(mu) {
			t.Fatalf("recovered %v, poisoned %v, held %v", r, mu.Poisoned(), heldByOther(mu))
		}
	})
}

func TestGoexitDoesNotPoison(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			mu.Lock()
			defer mu.Unlock()
			runtime.Goexit()
		}()
		<-done
		if mu.Poisoned() || heldByOther(mu) {
			t.Fatalf("poisoned %v, held %v", mu.Poisoned(), heldByOther(mu))
		}
	})
}

func TestExplicitUnlockUnaffected(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		// A panic after an explicit unlock does nothing to the lock.
		r := catch(func() {
			mu.Lock()
			mu.Unlock()
			panic("after unlock")
		})
		if r != "after unlock" || mu.Poisoned() || !mu.TryLock() {
			t.Fatalf("after unlock: recovered %v, poisoned %v", r, mu.Poisoned())
		}
		mu.Unlock()

		// A panic before an explicit unlock leaves the lock held, exactly
		// like sync.Mutex: poisoning needs the deferred form.
		r = catch(func() {
			mu.Lock()
			if r != nil {
				panic("before unlock")
			}
			mu.Unlock()
		})
		if r != "before unlock" || mu.Poisoned() {
			t.Fatalf("before unlock: recovered %v, poisoned %v", r, mu.Poisoned())
		}
		if mu.TryLock() {
			t.Fatal("TryLock succeeded: the lock should still be held")
		}
		mu.Unlock()
	})
}

func TestReadLockNeverPoisons(t *testing.T) {
	var rw RWMutex
	r := catch(func() {
		rw.RLock()
		defer rw.RUnlock()
		panic("reader")
	})
	if r != "reader" || rw.Poisoned() {
		t.Fatalf("recovered %v, poisoned %v", r, rw.Poisoned())
	}
	rl := rw.RLocker()
	r = catch(func() {
		rl.Lock()
		defer rl.Unlock()
		panic("rlocker")
	})
	if r != "rlocker" || rw.Poisoned() {
		t.Fatalf("recovered %v, poisoned %v", r, rw.Poisoned())
	}
	if !rw.TryLock() {
		t.Fatal("read locks leaked")
	}
	rw.Unlock()
}

func TestReadLockOnPoisoned(t *testing.T) {
	var rw RWMutex
	poisonWith(t, &rw, "writer")
	if _, ok := catch(rw.RLock).(*LockPoisonedError); !ok {
		t.Fatal("RLock on a poisoned RWMutex did not panic with *LockPoisonedError")
	}
	if err := rw.RLockChecked(); !errors.Is(err, ErrLockPoisoned) {
		t.Fatalf("RLockChecked = %v", err)
	}
	if _, ok := catch(func() { rw.TryRLock() }).(*LockPoisonedError); !ok {
		t.Fatal("TryRLock on a poisoned RWMutex did not panic")
	}
	if _, ok := catch(rw.RLocker().Lock).(*LockPoisonedError); !ok {
		t.Fatal("RLocker().Lock on a poisoned RWMutex did not panic")
	}
	// None of them kept a read lock: the write lock is free.
	if !rw.mu.TryLock() {
		t.Fatal("a refused read acquisition kept the lock")
	}
	rw.mu.Unlock()
	rw.ClearPoison()
	if err := rw.RLockChecked(); err != nil {
		t.Fatal(err)
	}
	if !rw.TryRLock() {
		t.Fatal("TryRLock failed with a reader inside")
	}
	if rw.TryLock() {
		t.Fatal("TryLock succeeded with readers inside")
	}
	rw.RUnlock()
	rw.RUnlock()
}

// observe collects the poison events of the lock named name until the test
// ends.
func observe(t *testing.T, name string) func() []PoisonEvent {
	var mu sync.Mutex
	var events []PoisonEvent
	t.Cleanup(OnPoison(func(e PoisonEvent) {
		if e.Name == name {
			mu.Lock()
			events = append(events, e)
			mu.Unlock()
		}
	}))
	return func() []PoisonEvent {
		mu.Lock()
		defer mu.Unlock()
		return append([]PoisonEvent(nil), events...)
	}
}

func TestConcurrentPoisoning(t *testing.T) {
	// Many goroutines contend; some panic in their section, others clear the
	// poison through the repair path. Every panic is recovered with its own
	// value and poisons the lock exactly once; every refusal carries one of
	// the panic values; nothing deadlocks and the lock ends free.
	forBoth(t, func(t *testing.T, mu locker) {
		mu.SetName("concurrent")
		events := observe(t, "concurrent")
		var wg sync.WaitGroup
		var counter int
		var panics, refusals, repairs atomic.Int64
		for g := range 8 {
			wg.Go(func() {
				for i := range 200 {
					entered, willPanic := false, (g+i)%17 == 0
					r := catch(func() {
						if err := mu.LockChecked(); err != nil {
							var perr *LockPoisonedError
							if !errors.As(err, &perr) {
								t.Errorf("LockChecked: %v", err)
							} else if _, ok := perr.Value.(int); !ok {
								t.Errorf("refusal carries %v, not a panic value of this test", perr.Value)
							}
							refusals.Add(1)
							if mu.LockForRepair() != nil {
								counter = 0 // the repair
								mu.ClearPoison()
								repairs.Add(1)
							}
							mu.Unlock()
							return
						}
						entered = true
						defer mu.Unlock()
						counter++
						if willPanic {
							panic(i)
						}
					})
					switch {
					case entered && willPanic:
						if r != any(i) {
							t.Errorf("recovered %v, want the panic value %d", r, i)
						}
						panics.Add(1)
					case r != nil:
						t.Errorf("recovered %v from a section that did not panic", r)
					}
				}
			})
		}
		wg.Wait()
		if panics.Load() == 0 {
			t.Fatal("no section panicked: the test exercised nothing")
		}
		if n := int64(len(events())); n != panics.Load() {
			t.Errorf("%d poisonings observed, want one per panic (%d)", n, panics.Load())
		}
		if repairs.Load() > refusals.Load() || repairs.Load() > panics.Load() {
			t.Errorf("%d repairs for %d refusals and %d panics", repairs.Load(), refusals.Load(), panics.Load())
		}
		if heldByOther(mu) {
			t.Fatal("lock left held")
		}
	})
}

func TestZeroAllocFastPath(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
	var m Mutex
	var rw RWMutex
	var reg Registry[int, int]
	_ = reg.Set(1, 1)
	allocs := testing.AllocsPerRun(100, func() {
		m.Lock()
		m.Unlock()
		_ = m.LockChecked()
		m.Unlock()
		if m.TryLock() {
			m.Unlock()
		}
		if ok, _ := m.TryLockChecked(); ok {
			m.Unlock()
		}
		_ = m.LockForRepair()
		m.Unlock()
		func() {
			m.Lock()
			defer m.Unlock()
		}()
		rw.RLock()
		rw.RUnlock()
		rw.Lock()
		rw.Unlock()
		func() {
			rw.RLock()
			defer rw.RUnlock()
		}()
		if ok, _ := rw.TryRLockChecked(); ok {
			rw.RUnlock()
		}
		_, _, _ = reg.Get(1)
		_ = reg.Set(1, 2)
		_, _ = reg.Len()
	})
	if allocs != 0 {
		t.Fatalf("fast paths allocate: %v allocs/run", allocs)
	}
}
