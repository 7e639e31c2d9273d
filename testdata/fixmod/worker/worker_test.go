package worker

import (
	"errors"
	"testing"
	"time"

	"github.com/lockpoison/lockpoison/runtime/poison"
)

// within runs f, failing the test if it blocks (a leaked lock).
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s blocks: the lock leaked", what)
	}
}

// A panicking job must neither leak the lock nor leave its running mark
// visible: the next user gets ErrLockPoisoned.
func TestRunPanicPoisons(t *testing.T) {
	p := NewPool(func(id int) {
		if id < 0 {
			panic("bad job")
		}
	})
	if err := p.Run(1); err != nil {
		t.Fatal(err)
	}
	if err := p.Run(-1); err == nil {
		t.Fatal("Run(-1): no error")
	}
	var n int
	var err error
	within(t, "Running", func() { n, err = p.Running() })
	if !errors.Is(err, poison.ErrLockPoisoned) {
		t.Fatalf("Running() = %d, %v after a panicking job, want ErrLockPoisoned", n, err)
	}
}

// A panicking constructor must not leave part of the batch visible.
func TestAddAllPanicPoisons(t *testing.T) {
	x := NewTasks()
	err := x.AddAll([]string{"a", "b", "bad", "c"}, func(id string) string {
		if id == "bad" {
			panic("cannot build " + id)
		}
		return id
	})
	if err == nil {
		t.Fatal("AddAll: no error")
	}
	var n int
	within(t, "Len", func() { n, err = x.Len() })
	if !errors.Is(err, poison.ErrLockPoisoned) {
		t.Fatalf("Len() = %d, %v after a torn batch, want ErrLockPoisoned", n, err)
	}
}

// A panicking weigh must not leak the lock.
func TestSumPanicReleasesLock(t *testing.T) {
	m := NewMeter(func(id int) int {
		if id < 0 {
			panic("bad id")
		}
		return id
	})
	if total, err := m.Sum([]int{1, 2}); err != nil || total != 3 {
		t.Fatalf("Sum(1, 2) = %d, %v", total, err)
	}
	if _, err := m.Sum([]int{4, -1}); err == nil {
		t.Fatal("Sum(4, -1): no error")
	}
	var seen int
	within(t, "Seen", func() { seen = m.Seen() })
	if seen != 3 {
		t.Fatalf("Seen() = %d, want 3", seen)
	}
}
