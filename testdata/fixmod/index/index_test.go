package index

import (
	"errors"
	"slices"
	"testing"

	"github.com/lockpoison/lockpoison/runtime/poison"
)

func TestIndex(t *testing.T) {
	x := New(func(d *Doc) {
		if d.Body == "" {
			panic("empty body")
		}
	})
	for _, d := range []*Doc{{ID: "a", Body: "x"}, {ID: "c", Body: "xy"}, {ID: "d", Body: "xz"}} {
		if err := x.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.Delete("a"); err != nil {
		t.Fatal(err)
	}
	if _, err := x.Get("a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get(a) after Delete: %v", err)
	}
	if d, err := x.Get("c"); err != nil || d.Body != "xy" {
		t.Fatalf("Get(c) = %v, %v", d, err)
	}
	if n, err := x.Len(); err != nil || n != 2 {
		t.Fatalf("Len() = %d, %v; want 2", n, err)
	}
	if ids, err := x.IDs(); err != nil || !slices.Equal(ids, []string{"c", "d"}) {
		t.Fatalf("IDs() = %v, %v", ids, err)
	}
	if docs, err := x.Matching("x", 5); err != nil || len(docs) != 2 {
		t.Fatalf("Matching(x, 5) = %v, %v; want c and d", docs, err)
	}
	if docs, err := x.Matching("x", 1); err != nil || len(docs) != 1 || docs[0].Body[0] != 'x' {
		t.Fatalf("Matching(x, 1) = %v, %v; want one of c and d", docs, err)
	}
	// A hook's panic in the middle of a batch leaves b stored and e not:
	// the index must refuse every later use rather than serve the torn
	// batch.
	if err := x.Put(&Doc{ID: "b"}, &Doc{ID: "e", Body: "x"}); err == nil {
		t.Fatal("Put(empty): no error")
	}
	if d, err := x.Get("c"); !errors.Is(err, poison.ErrLockPoisoned) {
		t.Fatalf("Get(c) after a torn batch = %v, %v; want ErrLockPoisoned", d, err)
	}
	if n, err := x.Len(); !errors.Is(err, poison.ErrLockPoisoned) {
		t.Fatalf("Len() after a torn batch = %d, %v; want ErrLockPoisoned", n, err)
	}
	if err := x.Put(&Doc{ID: "f", Body: "x"}); !errors.Is(err, poison.ErrLockPoisoned) {
		t.Fatalf("Put(f) after a torn batch: %v; want ErrLockPoisoned", err)
	}
}
