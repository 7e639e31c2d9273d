package registry

import (
	"errors"
	"testing"

	"github.com/lockpoison/lockpoison/runtime/poison"
)

func build(name string) int {
	if name == "bad" {
		panic("cannot build " + name)
	}
	return len(name)
}

// A panic in Register, recovered by its handler after it unlocked, must
// not hand the half-updated registry to the next user: the next Lock
// reports the poison (LockPoisonedError) instead.
func TestRegisterPanicPoisons(t *testing.T) {
	r := New(build)
	if err := r.Register("good"); err != nil {
		t.Fatal(err)
	}
	if err := r.Register("bad"); err == nil {
		t.Fatal("Register(bad): no error")
	}
	names, err := r.Names()
	if err == nil {
		t.Fatalf("Names() = %q after a torn Register, want an error", names)
	}
	if !errors.Is(err, poison.ErrLockPoisoned) {
		t.Fatalf("Names: %v, want ErrLockPoisoned", err)
	}
	var pe *poison.LockPoisonedError
	if !errors.As(err, &pe) || pe.Value != "cannot build bad" {
		t.Fatalf("Names: %v, want the poison of Register's panic", err)
	}
}
