package poison

import (
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// poisonFromOther poisons mu with v from another goroutine and waits for it.
func poisonFromOther(t *testing.T, mu sync.Locker, v any) {
	t.Helper()
	done := make(chan any)
	go func() { done <- catch(func() { writeSection(mu, v) }) }()
	if got := <-done; got != v {
		t.Fatalf("poisoner recovered %v, want %v", got, v)
	}
}

// wantRefusal checks that r is mu's refusal carrying the panic value v.
func wantRefusal(t *testing.T, r any, v any) {
	t.Helper()
	perr, ok := r.(*LockPoisonedError)
	if !ok || perr.Value != v {
		t.Fatalf("recovered %T %v, want the *LockPoisonedError of the panic %v", r, r, v)
	}
}

// wantFreeAndPoisoned checks that nobody holds mu and that a bystander's
// checked acquisitions report the poison without panicking.
func wantFreeAndPoisoned(t *testing.T, mu locker) {
	t.Helper()
	if heldByOther(mu) {
		t.Fatal("the lock is held: the deferred unlock over the refused re-acquisition did not run, or the refusal kept the lock")
	}
	var err error
	if r := catch(func() { err = mu.LockChecked() }); r != nil {
		t.Fatalf("bystander LockChecked panicked: %v", r)
	}
	if !errors.Is(err, ErrLockPoisoned) {
		t.Fatalf("bystander LockChecked = %v, want the poison", err)
	}
	if ok, err := mu.TryLockChecked(); ok || !errors.Is(err, ErrLockPoisoned) {
		t.Fatalf("TryLockChecked = %v, %v; want false and the poison", ok, err)
	}
}

// TestRelockRefusedReleasesNothing: "Lock; defer Unlock; ...; Unlock; ...;
// Lock" is correct with sync. When another goroutine poisons the lock while it
// is released, the re-acquisition is refused (it panics without holding the
// lock) and the pending deferred Unlock must release nothing: with sync.RWMutex
// underneath, releasing would be a fatal "Unlock of unlocked RWMutex".
func TestRelockRefusedReleasesNothing(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		r := catch(func() {
			mu.Lock()
			defer mu.Unlock()
			mu.Unlock()
			poisonFromOther(t, mu, "other")
			mu.Lock()
			t.Error("Lock of a poisoned lock returned")
		})
		wantRefusal(t, r, "other")
		wantFreeAndPoisoned(t, mu)

		// The same through sync.Locker and a method value.
		mu.ClearPoison()
		var l sync.Locker = mu
		r = catch(func() {
			l.Lock()
			unlock := l.Unlock
			defer unlock()
			l.Unlock()
			poisonFromOther(t, mu, "again")
			l.Lock()
		})
		wantRefusal(t, r, "again")
		wantFreeAndPoisoned(t, mu)
	})
}

// TestCondWaitPoisoned: the canonical "L.Lock(); defer L.Unlock(); for !ok {
// cond.Wait() }". Wait unlocks, the signaller poisons the lock, Wait's
// re-acquisition is refused, and the deferred Unlock releases nothing.
func TestCondWaitPoisoned(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		cond := sync.NewCond(mu)
		ready := false
		waiting := make(chan struct{})
		waiter := make(chan any)
		go func() {
			waiter <- catch(func() {
				mu.Lock()
				defer mu.Unlock()
				close(waiting) // the signaller's Lock waits until Wait unlocks
				for !ready {
					cond.Wait()
				}
				t.Error("the waiter went on with the poisoned state")
			})
		}()
		<-waiting
		r := catch(func() {
			mu.Lock()
			defer mu.Unlock()
			ready = true
			cond.Broadcast()
			panic("signaller")
		})
		if r != "signaller" {
			t.Fatalf("signaller recovered %v", r)
		}
		wantRefusal(t, <-waiter, "signaller")
		wantFreeAndPoisoned(t, mu)
	})
}

// TestRLockRelockRefused: the read-lock form, directly and through RLocker.
func TestRLockRelockRefused(t *testing.T) {
	var rw RWMutex
	r := catch(func() {
		rw.RLock()
		defer rw.RUnlock()
		rw.RUnlock()
		poisonFromOther(t, &rw, "writer")
		rw.RLock()
		t.Error("RLock of a poisoned lock returned")
	})
	wantRefusal(t, r, "writer")
	wantFreeAndPoisoned(t, &rw)
	if err := rw.RLockChecked(); !errors.Is(err, ErrLockPoisoned) {
		t.Fatalf("RLockChecked = %v", err)
	}

	rw.ClearPoison()
	rl := rw.RLocker()
	r = catch(func() {
		rl.Lock()
		defer rl.Unlock()
		rl.Unlock()
		poisonFromOther(t, &rw, "writer 2")
		rl.Lock()
	})
	wantRefusal(t, r, "writer 2")
	wantFreeAndPoisoned(t, &rw)

	// A panic that is not a refusal still releases the read lock, unpoisoned.
	rw.ClearPoison()
	r = catch(func() {
		rw.RLock()
		defer rw.RUnlock()
		panic("reader")
	})
	if r != "reader" || rw.Poisoned() || heldByOther(&rw) {
		t.Fatalf("reader panic: recovered %v, poisoned %v, held %v", r, rw.Poisoned(), heldByOther(&rw))
	}
}

// TestRefusalOfAnotherLockPoisons: a refusal of lock B unwinding through a
// section of lock A is a panic in A's section like any other.
func TestRefusalOfAnotherLockPoisons(t *testing.T) {
	var a, b Mutex
	poisonWith(t, &b, "b")
	r := catch(func() {
		a.Lock()
		defer a.Unlock()
		b.Lock()
	})
	wantRefusal(t, r, "b")
	var perr *LockPoisonedError
	if err := a.LockChecked(); !errors.As(err, &perr) || perr.Value != r {
		t.Fatalf("a.LockChecked = %v, want a poisoned by b's refusal", err)
	}
}

// TestRefusedCheckedDoesNotHold: every checked acquisition that reports the
// poison leaves the lock free, checked at once rather than by a timeout.
func TestRefusedCheckedDoesNotHold(t *testing.T) {
	free := func(t *testing.T, what string, rw *RWMutex) {
		t.Helper()
		if !rw.mu.TryLock() {
			t.Fatalf("%s reported the poison but kept the lock", what)
		}
		rw.mu.Unlock()
	}
	var m Mutex
	poisonWith(t, &m, "m")
	if err := m.LockChecked(); err == nil {
		t.Fatal("not poisoned")
	}
	if !m.mu.TryLock() {
		t.Fatal("Mutex.LockChecked reported the poison but kept the lock")
	}
	m.mu.Unlock()
	if ok, err := m.TryLockChecked(); ok || err == nil || !m.mu.TryLock() {
		t.Fatalf("Mutex.TryLockChecked = %v, %v, or kept the lock", ok, err)
	}
	m.mu.Unlock()

	var rw RWMutex
	poisonWith(t, &rw, "rw")
	if err := rw.LockChecked(); err == nil {
		t.Fatal("not poisoned")
	}
	free(t, "RWMutex.LockChecked", &rw)
	if err := rw.RLockChecked(); err == nil {
		t.Fatal("not poisoned")
	}
	free(t, "RWMutex.RLockChecked", &rw)
	if ok, err := rw.TryLockChecked(); ok || err == nil {
		t.Fatalf("TryLockChecked = %v, %v", ok, err)
	}
	free(t, "RWMutex.TryLockChecked", &rw)
	if ok, err := rw.TryRLockChecked(); ok || err == nil {
		t.Fatalf("TryRLockChecked = %v, %v", ok, err)
	}
	free(t, "RWMutex.TryRLockChecked", &rw)

	var reg Registry[string, int]
	catch(func() { _ = reg.Update(func(map[string]int) error { panic("reg") }) })
	calls := map[string]func() error{
		"Get":    func() error { _, _, err := reg.Get("a"); return err },
		"Set":    func() error { return reg.Set("a", 1) },
		"Delete": func() error { return reg.Delete("a") },
		"Update": func() error { return reg.Update(func(map[string]int) error { return nil }) },
		"Range":  func() error { return reg.Range(func(string, int) bool { return true }) },
		"Len":    func() error { _, err := reg.Len(); return err },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrLockPoisoned) {
			t.Fatalf("Registry.%s = %v, want the poison", name, err)
		}
		free(t, "Registry."+name, &reg.mu)
	}
}

func TestTryLockChecked(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		if ok, err := mu.TryLockChecked(); !ok || err != nil {
			t.Fatalf("free: %v, %v", ok, err)
		}
		if ok, err := mu.TryLockChecked(); ok || err != nil {
			t.Fatalf("held: %v, %v", ok, err)
		}
		mu.Unlock()
		poisonWith(t, mu, "p")
		if ok, err := mu.TryLockChecked(); ok || !errors.Is(err, ErrLockPoisoned) {
			t.Fatalf("poisoned: %v, %v", ok, err)
		}
		// Held and poisoned: busy wins, like sync (nothing was acquired).
		if mu.LockForRepair() == nil {
			t.Fatal("LockForRepair: not poisoned")
		}
		if ok, err := mu.TryLockChecked(); ok || err != nil {
			t.Fatalf("held and poisoned: %v, %v", ok, err)
		}
		if mu.TryLock() {
			t.Fatal("TryLock of a held lock succeeded")
		}
		mu.Unlock()
	})
	var rw RWMutex
	rw.RLock()
	if ok, err := rw.TryRLockChecked(); !ok || err != nil {
		t.Fatalf("TryRLockChecked beside a reader: %v, %v", ok, err)
	}
	if ok, err := rw.TryLockChecked(); ok || err != nil {
		t.Fatalf("TryLockChecked beside readers: %v, %v", ok, err)
	}
	rw.RUnlock()
	rw.RUnlock()
}

func TestUnlockPoisoned(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		mu.SetName("handled")
		events := observe(t, "handled")
		// A recover handler that releases the lock.
		func() {
			mu.Lock()
			defer func() {
				if p := recover(); p != nil {
					mu.UnlockPoisoned(p)
				}
			}()
			panic("in section")
		}()
		var perr *LockPoisonedError
		if err := mu.LockChecked(); !errors.As(err, &perr) || perr.Value != "in section" || perr.Name != "handled" {
			t.Fatalf("LockChecked after UnlockPoisoned = %v", err)
		}
		if heldByOther(mu) {
			t.Fatal("UnlockPoisoned did not unlock")
		}
		if n := len(events()); n != 1 {
			t.Fatalf("%d poison events, want 1", n)
		}

		// nil: a plain Unlock.
		mu.ClearPoison()
		mu.Lock()
		mu.UnlockPoisoned(nil)
		if mu.Poisoned() || heldByOther(mu) {
			t.Fatalf("UnlockPoisoned(nil): poisoned %v, held %v", mu.Poisoned(), heldByOther(mu))
		}

		// The lock's own refusal: not held, nothing to release.
		func() {
			mu.Lock()
			defer func() {
				if p := recover(); p != nil {
					mu.UnlockPoisoned(p)
				}
			}()
			mu.Unlock()
			poisonFromOther(t, mu, "other")
			mu.Lock()
		}()
		if err := mu.LockChecked(); !errors.As(err, &perr) || perr.Value != "other" {
			t.Fatalf("after UnlockPoisoned of the own refusal: %v, want the first poison kept", err)
		}
		wantFreeAndPoisoned(t, mu)
	})
}

func TestLockForRepair(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		if err := mu.LockForRepair(); err != nil {
			t.Fatalf("LockForRepair of a clean lock = %v", err)
		}
		if !heldByOther(mu) {
			t.Fatal("LockForRepair does not hold the lock")
		}
		mu.Unlock()

		state := "torn"
		poisonWith(t, mu, "p")
		if err := mu.LockForRepair(); !errors.Is(err, ErrLockPoisoned) {
			t.Fatalf("LockForRepair of a poisoned lock = %v", err)
		}
		if !heldByOther(mu) {
			t.Fatal("LockForRepair of a poisoned lock does not hold it")
		}
		// Someone waits for the lock during the repair: it must get it
		// repaired and unpoisoned, never the torn state.
		seen := make(chan string)
		go func() {
			if err := mu.LockChecked(); err != nil {
				seen <- "refused: " + err.Error()
				return
			}
			s := state
			mu.Unlock()
			seen <- s
		}()
		time.Sleep(10 * time.Millisecond) // let it block (not needed for correctness)
		state = "repaired"
		mu.ClearPoison()
		mu.Unlock()
		if got := <-seen; got != "repaired" {
			t.Fatalf("the waiter saw %q", got)
		}

		// Unlock without ClearPoison keeps the poison.
		poisonWith(t, mu, "q")
		_ = mu.LockForRepair()
		mu.Unlock()
		if !mu.Poisoned() {
			t.Fatal("unpoisoned without ClearPoison")
		}
		// A panic during the repair poisons again, with the new value.
		r := catch(func() {
			_ = mu.LockForRepair()
			defer mu.Unlock()
			panic("during repair")
		})
		var perr *LockPoisonedError
		if err := mu.LockChecked(); r != "during repair" || !errors.As(err, &perr) || perr.Value != "during repair" {
			t.Fatalf("panic during repair: recovered %v, LockChecked %v", r, err)
		}
	})
}

// TestGoexitDuringPanic: a Goexit from a deferred function while a panic
// unwinds supersedes the panic; recover then returns nil in the deferred
// Unlock below it, which releases the lock without poisoning (documented).
func TestGoexitDuringPanic(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			mu.Lock()
			defer mu.Unlock()
			defer runtime.Goexit()
			panic("superseded")
		}()
		<-done
		if mu.Poisoned() || heldByOther(mu) {
			t.Fatalf("poisoned %v, held %v", mu.Poisoned(), heldByOther(mu))
		}
	})
}

// TestPanicNilLegacy runs TestPanicNilLegacyChild under GODEBUG=panicnil=1,
// where recover returns nil for panic(nil).
func TestPanicNilLegacy(t *testing.T) {
	if os.Getenv("POISON_PANICNIL_CHILD") != "" {
		t.Skip("in the child")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPanicNilLegacyChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "GODEBUG=panicnil=1", "POISON_PANICNIL_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child under GODEBUG=panicnil=1 failed: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: TestPanicNilLegacyChild") {
		t.Fatalf("child did not run:\n%s", out)
	}
}

func TestPanicNilLegacyChild(t *testing.T) {
	if os.Getenv("POISON_PANICNIL_CHILD") == "" {
		t.Skip("run by TestPanicNilLegacy")
	}
	if !panicNilMode {
		t.Fatal("panicNilMode not detected under GODEBUG=panicnil=1")
	}
	forBoth(t, func(t *testing.T, mu locker) {
		// As with sync: the panic(nil) unwinds through the section's
		// function to the caller's recover (which sees nil); the lock is
		// poisoned, with a nil Value.
		after := false
		r := catch(func() {
			func() {
				mu.Lock()
				defer mu.Unlock()
				panic(nil) //nolint:govet // what is tested
			}()
			after = true
		})
		if r != nil || after {
			t.Fatalf("recovered %v, code after the panicking call ran: %v", r, after)
		}
		var perr *LockPoisonedError
		if err := mu.LockChecked(); !errors.As(err, &perr) || perr.Value != nil {
			t.Fatalf("LockChecked = %v, want poisoned with a nil value", err)
		}
		if heldByOther(mu) {
			t.Fatal("held")
		}
		// A normal deferred unlock still does not poison.
		mu.ClearPoison()
		func() {
			mu.Lock()
			defer mu.Unlock()
		}()
		if mu.Poisoned() || heldByOther(mu) {
			t.Fatal("a normal return poisoned or kept the lock")
		}
	})
	var rw RWMutex
	r := catch(func() {
		rw.RLock()
		defer rw.RUnlock()
		panic(nil) //nolint:govet // what is tested
	})
	if r != nil || rw.Poisoned() || heldByOther(&rw) {
		t.Fatalf("read section panic(nil): recovered %v, poisoned %v, held %v", r, rw.Poisoned(), heldByOther(&rw))
	}
}

// TestPoisonStress mixes every pattern, poisonings and repairs on one lock
// from many goroutines: nothing may hang, crash (a fatal unlock of an
// unlocked sync lock) or recover anything but its own panic or a refusal.
// Run it with -race and a high -count.
func TestPoisonStress(t *testing.T) {
	forBoth(t, func(t *testing.T, mu locker) {
		rw, _ := mu.(*RWMutex)
		var counter int
		var panics atomic.Int64
		const goroutines, iters = 8, 300
		var wg sync.WaitGroup
		for g := range goroutines {
			wg.Go(func() {
				for i := range iters {
					r := catch(func() {
						switch (g + i) % 6 {
						case 0: // relock under a deferred Unlock
							mu.Lock()
							defer mu.Unlock()
							counter++
							mu.Unlock()
							runtime.Gosched()
							mu.Lock()
							counter++
						case 1: // a section that sometimes panics
							mu.Lock()
							defer mu.Unlock()
							counter++
							if i%5 == 0 {
								panic(g*iters + i)
							}
						case 2: // the repair path
							if mu.LockChecked() == nil {
								counter++
								mu.Unlock()
								return
							}
							if mu.LockForRepair() != nil {
								counter = 0
								mu.ClearPoison()
							}
							mu.Unlock()
						case 3:
							if ok, err := mu.TryLockChecked(); ok && err == nil {
								counter++
								mu.Unlock()
							}
						case 4: // read relock
							if rw == nil {
								return
							}
							rw.RLock()
							defer rw.RUnlock()
							_ = counter
							rw.RUnlock()
							runtime.Gosched()
							rw.RLock()
							_ = counter
						case 5: // a recover handler that releases the lock
							mu.Lock()
							defer func() {
								if p := recover(); p != nil {
									mu.UnlockPoisoned(p)
									panic(p)
								}
								mu.Unlock()
							}()
							counter++
							if i%3 == 0 {
								panic(g*iters + i)
							}
						}
					})
					switch r := r.(type) {
					case nil:
					case int:
						panics.Add(1)
					case *LockPoisonedError:
						if _, ok := r.Value.(int); !ok {
							t.Errorf("refusal with value %v", r.Value)
						}
					default:
						t.Errorf("recovered %T %v", r, r)
					}
				}
			})
		}
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			buf := make([]byte, 1<<20)
			t.Fatalf("hang:\n%s", buf[:runtime.Stack(buf, true)])
		}
		if panics.Load() == 0 {
			t.Fatal("no panics: the stress exercised nothing")
		}
		if heldByOther(mu) {
			t.Fatal("lock left held")
		}
	})
}
