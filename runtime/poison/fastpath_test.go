package poison

import (
	"errors"
	"sync"
	"testing"
	"time"
)

// The inlined fast paths of Mutex (fastpath.go) hand over to a slow path in
// three situations: the lock was taken but is poisoned, the lock was taken but
// a wait hook is set, and the lock was not taken (contended). Each case below
// goes through one of them, for Lock, LockChecked and TryLock, beside the fast
// case itself.

// lockThenPoisonWhileWaiting makes acquire block on mu (held by this
// goroutine), poisons mu with v while it waits, and returns what acquire
// returned or panicked with.
func lockThenPoisonWhileWaiting(t *testing.T, mu *Mutex, v any, acquire func() error) (error, any) {
	t.Helper()
	mu.Lock()
	type result struct {
		err error
		pan any
	}
	done := make(chan result)
	go func() {
		var res result
		res.pan = catch(func() { res.err = acquire() })
		done <- res
	}()
	time.Sleep(10 * time.Millisecond) // let it block: the fast path's TryLock fails
	mu.UnlockPoisoned(v)
	res := <-done
	return res.err, res.pan
}

func TestFastPathContendedThenPoisoned(t *testing.T) {
	t.Run("LockChecked", func(t *testing.T) {
		var mu Mutex
		err, pan := lockThenPoisonWhileWaiting(t, &mu, "p1", mu.LockChecked)
		var perr *LockPoisonedError
		if pan != nil || !errors.As(err, &perr) || perr.Value != "p1" {
			t.Fatalf("LockChecked waiting for a lock poisoned meanwhile = %v, %v; want the poison", err, pan)
		}
		if heldByOther(&mu) {
			t.Fatal("refused LockChecked kept the lock")
		}
	})
	t.Run("Lock", func(t *testing.T) {
		var mu Mutex
		_, pan := lockThenPoisonWhileWaiting(t, &mu, "p2", func() error { mu.Lock(); return nil })
		if perr, ok := pan.(*LockPoisonedError); !ok || perr.Value != "p2" {
			t.Fatalf("Lock waiting for a lock poisoned meanwhile panicked with %v; want the poison", pan)
		}
		if heldByOther(&mu) {
			t.Fatal("refused Lock kept the lock")
		}
	})
	t.Run("negative", func(t *testing.T) {
		// The same wait, the holder unlocks normally: acquired, no error.
		var mu Mutex
		mu.Lock()
		done := make(chan error)
		go func() { done <- mu.LockChecked() }()
		time.Sleep(10 * time.Millisecond)
		mu.Unlock()
		if err := <-done; err != nil {
			t.Fatalf("LockChecked after a normal unlock = %v", err)
		}
		if !heldByOther(&mu) {
			t.Fatal("LockChecked returned nil without the lock")
		}
		mu.Unlock()
	})
}

func TestFastPathFreeAndPoisoned(t *testing.T) {
	var mu Mutex
	if err := mu.LockChecked(); err != nil { // the fast path itself
		t.Fatal(err)
	}
	mu.UnlockPoisoned("p")
	if err := mu.LockChecked(); !errors.Is(err, ErrLockPoisoned) || heldByOther(&mu) {
		t.Fatalf("LockChecked of a free poisoned lock = %v, held %v", err, heldByOther(&mu))
	}
	if _, ok := catch(func() { mu.Lock() }).(*LockPoisonedError); !ok || heldByOther(&mu) {
		t.Fatal("Lock of a free poisoned lock did not panic with the poison, or kept the lock")
	}
	if _, ok := catch(func() { mu.TryLock() }).(*LockPoisonedError); !ok || heldByOther(&mu) {
		t.Fatal("TryLock of a free poisoned lock did not panic with the poison, or kept the lock")
	}
	if err := mu.LockForRepair(); !errors.Is(err, ErrLockPoisoned) || !heldByOther(&mu) {
		t.Fatalf("LockForRepair = %v, held %v; want the poison, held", err, heldByOther(&mu))
	}
	mu.ClearPoison()
	mu.Unlock()
	if !mu.TryLock() { // the fast path again, after the repair
		t.Fatal("TryLock of the repaired free lock failed")
	}
	mu.Unlock()
}

func TestFastPathWaitHook(t *testing.T) {
	var (
		hmu   sync.Mutex
		calls []time.Duration
	)
	SetWaitHook(func(_ string, d time.Duration) {
		hmu.Lock()
		calls = append(calls, d)
		hmu.Unlock()
	})
	t.Cleanup(func() { SetWaitHook(nil) })
	got := func() []time.Duration {
		hmu.Lock()
		defer hmu.Unlock()
		c := calls
		calls = nil
		return c
	}

	var mu Mutex
	if err := mu.LockChecked(); err != nil { // taken at once: one call, 0
		t.Fatal(err)
	}
	mu.Unlock()
	if c := got(); len(c) != 1 || c[0] != 0 {
		t.Fatalf("uncontended LockChecked: hook calls %v, want [0]", c)
	}
	if !mu.TryLock() { // TryLock never waits: no call
		t.Fatal("TryLock failed")
	}
	mu.Unlock()
	if c := got(); len(c) != 0 {
		t.Fatalf("TryLock: hook calls %v, want none", c)
	}

	mu.Lock()
	done := make(chan error)
	go func() { done <- mu.LockChecked() }()
	time.Sleep(10 * time.Millisecond)
	mu.Unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	mu.Unlock()
	if c := got(); len(c) != 2 || c[0] != 0 || c[1] <= 0 {
		t.Fatalf("Lock, then a LockChecked that waited: hook calls %v, want [0 >0]", c)
	}

	// Poisoned: the acquisition is reported (the lock was taken) and then
	// refused, and the lock is released.
	mu.Lock()
	mu.UnlockPoisoned("p")
	_ = got()
	if err := mu.LockChecked(); !errors.Is(err, ErrLockPoisoned) || heldByOther(&mu) {
		t.Fatalf("LockChecked of a poisoned lock with a hook = %v, held %v", err, heldByOther(&mu))
	}
	if c := got(); len(c) != 1 || c[0] != 0 {
		t.Fatalf("refused LockChecked: hook calls %v, want [0]", c)
	}
}
