package cache

import (
	"errors"
	"testing"

	"github.com/lockpoison/lockpoison/runtime/poison"
)

func panicky(k string) int {
	if k == "bad" {
		panic("cannot load " + k)
	}
	return len(k)
}

// A panic in load, recovered by Get, must not leave the lock held.
func TestGetPanicReleasesLock(t *testing.T) {
	c := New(panicky)
	if _, err := c.Get("bad"); err == nil {
		t.Fatal("Get(bad): no error")
	}
	if c.Locked() {
		t.Fatal("the lock is still held after a recovered panic in Get")
	}
	if v, err := c.Get("good"); err != nil || v != 4 {
		t.Fatalf("Get(good) = %d, %v", v, err)
	}
}

func TestWarmPanicReleasesLock(t *testing.T) {
	c := New(panicky)
	if err := c.Warm([]string{"a", "bad", "c"}); err == nil {
		t.Fatal("Warm: no error")
	}
	if c.Locked() {
		t.Fatal("the lock is still held after a recovered panic in Warm")
	}
	if c.warmed != 1 {
		t.Fatalf("warmed = %d, want 1", c.warmed)
	}
}

// A panic in the middle of Add leaves the ledger half-updated: the next
// user must get an error, not the torn total.
func TestAddPanicPoisons(t *testing.T) {
	l := NewLedger(func(n int) {
		if n < 0 {
			panic("negative")
		}
	})
	if err := l.Add(1); err != nil {
		t.Fatal(err)
	}
	if err := l.Add(-5); err == nil {
		t.Fatal("Add(-5): no error")
	}
	total, err := l.Total()
	if err == nil {
		t.Fatalf("Total() = %d after a torn Add, want an error", total)
	}
	if !errors.Is(err, poison.ErrLockPoisoned) {
		t.Fatalf("Total: %v, want ErrLockPoisoned", err)
	}
}
