package poison_test

import (
	"errors"
	"testing"

	"github.com/lockpoison/lockpoison/runtime/poison"
)

func TestUnlockPoisonedInHandler(t *testing.T) {
	var m poison.Mutex
	func() {
		defer func() {
			if v := recover(); v != nil {
				m.UnlockPoisoned(v)
			}
		}()
		m.Lock()
		panic("boom")
	}()
	if !m.Poisoned() {
		t.Fatal("not poisoned")
	}
	if err := m.LockChecked(); !errors.Is(err, poison.ErrLockPoisoned) {
		t.Fatalf("LockChecked = %v", err)
	}
	var rw poison.RWMutex
	func() {
		defer func() {
			if v := recover(); v != nil {
				rw.UnlockPoisoned(v)
			}
		}()
		rw.Lock()
		panic("boom")
	}()
	if !rw.Poisoned() {
		t.Fatal("rw not poisoned")
	}
}
