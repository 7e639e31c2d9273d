package index

import (
	"errors"
	"slices"
	"testing"
)

func TestIndex(t *testing.T) {
	x := New(func(d *Doc) {
		if d.Body == "" {
			panic("empty body")
		}
	})
	if err := x.Put(&Doc{ID: "a", Body: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := x.Put(&Doc{ID: "b"}); err == nil {
		t.Fatal("Put(empty): no error")
	}
	// The index stays usable after a recovered panic in a hook.
	if d, err := x.Get("a"); err != nil || d.Body != "x" {
		t.Fatalf("Get(a) = %v, %v", d, err)
	}
	if err := x.Delete("a"); err != nil {
		t.Fatal(err)
	}
	if _, err := x.Get("a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get(a) after Delete: %v", err)
	}
	if n, err := x.Len(); err != nil || n != 1 {
		t.Fatalf("Len() = %d, %v; want 1 (b was stored before its hook panicked)", n, err)
	}
	if err := x.Put(&Doc{ID: "c", Body: "xy"}); err != nil {
		t.Fatal(err)
	}
	if err := x.Put(&Doc{ID: "d", Body: "xz"}); err != nil {
		t.Fatal(err)
	}
	if ids, err := x.IDs(); err != nil || !slices.Equal(ids, []string{"b", "c", "d"}) {
		t.Fatalf("IDs() = %v, %v", ids, err)
	}
	if docs, err := x.Matching("x", 5); err != nil || len(docs) != 2 {
		t.Fatalf("Matching(x, 5) = %v, %v; want c and d", docs, err)
	}
	if docs, err := x.Matching("x", 1); err != nil || len(docs) != 1 || docs[0].Body[0] != 'x' {
		t.Fatalf("Matching(x, 1) = %v, %v; want one of c and d", docs, err)
	}
}
