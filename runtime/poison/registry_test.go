package poison

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
)

func TestRegistryBasics(t *testing.T) {
	var r Registry[string, int] // zero value ready
	if v, ok, err := r.Get("a"); v != 0 || ok || err != nil {
		t.Fatalf("Get on zero Registry = %v %v %v", v, ok, err)
	}
	if n, err := r.Len(); n != 0 || err != nil {
		t.Fatalf("Len = %d %v", n, err)
	}
	if err := r.Delete("a"); err != nil {
		t.Fatal(err)
	}
	if err := r.Range(func(string, int) bool { t.Fatal("Range on empty"); return true }); err != nil {
		t.Fatal(err)
	}
	for i, k := range []string{"a", "b", "c"} {
		if err := r.Set(k, i); err != nil {
			t.Fatal(err)
		}
	}
	if v, ok, err := r.Get("b"); v != 1 || !ok || err != nil {
		t.Fatalf("Get(b) = %v %v %v", v, ok, err)
	}
	if err := r.Delete("b"); err != nil {
		t.Fatal(err)
	}
	if n, _ := r.Len(); n != 2 {
		t.Fatalf("Len = %d, want 2", n)
	}
	var keys []string
	_ = r.Range(func(k string, v int) bool { keys = append(keys, k); return true })
	sort.Strings(keys)
	if fmt.Sprint(keys) != "[a c]" {
		t.Fatalf("Range saw %v", keys)
	}
	seen := 0
	_ = r.Range(func(string, int) bool { seen++; return false })
	if seen != 1 {
		t.Fatalf("Range did not stop: %d calls", seen)
	}
	errStop := errors.New("stop")
	if err := r.Update(func(m map[string]int) error { m["d"] = 4; return errStop }); err != errStop {
		t.Fatalf("Update returned %v, want fn's error", err)
	}
	if v, _, _ := r.Get("d"); v != 4 {
		t.Fatal("Update is documented to keep changes made before an error")
	}
	var z Registry[int, int]
	if err := z.Update(func(m map[int]int) error { m[1] = 1; return nil }); err != nil {
		t.Fatal("Update on zero Registry:", err)
	}
	// A panic in Range (read lock) does not poison.
	if catch(func() { _ = r.Range(func(string, int) bool { panic("reader") }) }) != "reader" || r.Poisoned() {
		t.Fatal("a panic in Range poisoned the registry")
	}
	// A panicking key hash in Set does not poison (nothing was written) and
	// does not leak the lock.
	var ir Registry[any, int]
	if catch(func() { _ = ir.Set([]int{1}, 1) }) == nil || ir.Poisoned() {
		t.Fatal("unhashable key: want a panic and no poison")
	}
	if catch(func() { _, _, _ = ir.Get([]int{1}) }) == nil {
		t.Fatal("unhashable key in Get: want a panic")
	}
	if err := ir.Set(1, 1); err != nil {
		t.Fatal(err)
	}
}

func TestRegistryPoisonAndReset(t *testing.T) {
	var r Registry[string, int]
	_ = r.Set("a", 1)
	v := &marker{7}
	got := catch(func() {
		_ = r.Update(func(m map[string]int) error {
			m["a"] = 2
			panic(v)
		})
	})
	if got != v {
		t.Fatalf("recovered %v, want the original value", got)
	}
	if !r.Poisoned() {
		t.Fatal("not poisoned")
	}
	check := func(what string, err error) {
		t.Helper()
		var perr *LockPoisonedError
		if !errors.Is(err, ErrLockPoisoned) || !errors.As(err, &perr) || perr.Value != v {
			t.Errorf("%s on a poisoned Registry = %v", what, err)
		}
	}
	_, ok, err := r.Get("a")
	check("Get", err)
	if ok {
		t.Error("Get returned ok with an error")
	}
	check("Set", r.Set("b", 1))
	check("Delete", r.Delete("a"))
	check("Update", r.Update(func(map[string]int) error { t.Error("fn called"); return nil }))
	check("Range", r.Range(func(string, int) bool { t.Error("fn called"); return true }))
	_, err = r.Len()
	check("Len", err)

	r.Reset(map[string]int{"z": 26})
	if r.Poisoned() {
		t.Fatal("poisoned after Reset")
	}
	if v, ok, err := r.Get("z"); v != 26 || !ok || err != nil {
		t.Fatalf("Get after Reset = %v %v %v", v, ok, err)
	}
	if _, ok, _ := r.Get("a"); ok {
		t.Fatal("Reset kept old data")
	}
	r.Reset(nil)
	if err := r.Set("n", 1); err != nil {
		t.Fatal("Set after Reset(nil):", err)
	}
}

// TestRegistryConcurrentPanics runs writers and readers concurrently with
// panics injected in the middle of Update, which writes two keys "a" and "b"
// that must always be equal. Readers must see a == b or ErrLockPoisoned, and no
// update that returned nil may be lost until the next Reset: writer g alone
// writes key "w<g>" with increasing values, alternating Set and Update.
func TestRegistryConcurrentPanics(t *testing.T) {
	const (
		rounds  = 6
		writers = 4
		readers = 4
		ops     = 400
	)
	var r Registry[string, int]
	// committed[g] is the last value writer g stored with a Set or Update
	// that returned nil.
	var committed [writers]atomic.Int64
	key := func(g int) string { return fmt.Sprintf("w%d", g) }
	var poisonedReads, consistentReads atomic.Int64

	for round := range rounds {
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for g := range writers {
			wg.Go(func() {
				for i := range ops {
					v := round*ops + i + 1
					var err error
					if i%2 == 0 {
						err = r.Set(key(g), v)
					} else {
						// The writer chosen for this round panics halfway,
						// between the two writes of the invariant.
						inject := g == round%writers && i == ops/2+1
						panicked := catch(func() {
							err = r.Update(func(m map[string]int) error {
								m["a"]++
								if inject {
									panic(fmt.Sprintf("injected %d", v))
								}
								m["b"]++
								m[key(g)] = v
								return nil
							})
						})
						if inject != (panicked != nil) {
							t.Errorf("inject %v, recovered %v", inject, panicked)
						}
						if panicked != nil {
							return
						}
					}
					if err != nil {
						if !errors.Is(err, ErrLockPoisoned) {
							t.Errorf("writer: %v", err)
						}
						return
					}
					committed[g].Store(int64(v))
				}
			})
		}
		var rg sync.WaitGroup
		for range readers {
			rg.Go(func() {
				sawPoison := false
				for {
					select {
					case <-stop:
						if sawPoison {
							return
						}
					default:
					}
					var a, b int
					err := r.Range(func(k string, v int) bool {
						switch k {
						case "a":
							a = v
						case "b":
							b = v
						}
						return true
					})
					if err != nil {
						if !errors.Is(err, ErrLockPoisoned) {
							t.Errorf("reader: %v", err)
						}
						poisonedReads.Add(1)
						sawPoison = true
						runtime.Gosched()
						continue
					}
					if a != b {
						t.Errorf("reader saw torn state a=%d b=%d", a, b)
						return
					}
					consistentReads.Add(1)
					// A committed write is visible (or the registry has been
					// poisoned since). Writer g may have stored more since.
					for g := range writers {
						c := committed[g].Load()
						v, ok, err := r.Get(key(g))
						if err == nil && c > 0 && (!ok || int64(v) < c) {
							t.Errorf("committed %s=%d not visible: %v %v", key(g), c, v, ok)
						}
					}
				}
			})
		}
		wg.Wait()
		close(stop)
		rg.Wait()

		if !r.Poisoned() {
			t.Fatalf("round %d: injected panic did not poison", round)
		}
		// Inspect the poisoned data directly: every committed update is there.
		r.mu.mu.Lock()
		data := r.m
		for g := range writers {
			if c := committed[g].Load(); int64(data[key(g)]) != c {
				t.Errorf("round %d: %s = %d, want the last committed %d", round, key(g), data[key(g)], c)
			}
		}
		if data["a"] != data["b"]+1 {
			t.Errorf("round %d: want the torn state a=b+1 left by the panic, got a=%d b=%d", round, data["a"], data["b"])
		}
		// Repair: the replacement keeps everything and restores a == b.
		fresh := make(map[string]int, len(data))
		for k, v := range data {
			fresh[k] = v
		}
		fresh["b"] = fresh["a"]
		r.mu.mu.Unlock()
		r.Reset(fresh)
	}
	t.Logf("reads: %d consistent, %d refused as poisoned", consistentReads.Load(), poisonedReads.Load())
	if consistentReads.Load() == 0 {
		t.Error("no reader ever saw data")
	}
	for g := range writers {
		if v, _, err := r.Get(key(g)); err != nil || int64(v) != committed[g].Load() {
			t.Errorf("after Reset: %s = %d, %v; want %d", key(g), v, err, committed[g].Load())
		}
	}
}

func TestHashMayPanic(t *testing.T) {
	type plain struct {
		a int
		b [2]string
	}
	type withIface struct {
		a int
		b [1]error
	}
	cases := map[string]struct {
		got, want bool
	}{
		"string":    {hashMayPanic(reflect.TypeFor[string]()), false},
		"struct":    {hashMayPanic(reflect.TypeFor[plain]()), false},
		"float64":   {hashMayPanic(reflect.TypeFor[float64]()), false},
		"any":       {hashMayPanic(reflect.TypeFor[any]()), true},
		"iface":     {hashMayPanic(reflect.TypeFor[withIface]()), true},
		"[3]any":    {hashMayPanic(reflect.TypeFor[[3]any]()), true},
		"*anything": {hashMayPanic(reflect.TypeFor[*withIface]()), false},
	}
	for name, c := range cases {
		if c.got != c.want {
			t.Errorf("hashMayPanic(%s) = %v, want %v", name, c.got, c.want)
		}
	}
}

// TestRegistryRepair: the repair sees the torn map under the write lock and
// clears the poison before anyone else gets in; concurrent readers either see
// the poison or the repaired map, never the torn entry.
func TestRegistryRepair(t *testing.T) {
	var r Registry[string, int]
	if err := r.Repair(func(map[string]int) error { t.Error("Repair called fn on a clean registry"); return nil }); err != nil {
		t.Fatalf("Repair of a clean registry = %v", err)
	}
	for round := range 20 {
		_ = r.Set("ok", 1)
		if got := catch(func() {
			_ = r.Update(func(m map[string]int) error {
				m["torn"] = -1 // a half-made entry
				panic(round)
			})
		}); got != round {
			t.Fatalf("recovered %v", got)
		}
		var torn, refused, clean atomic.Int64
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for range 4 {
			wg.Go(func() {
				for {
					select {
					case <-stop:
						return
					default:
					}
					_, ok, err := r.Get("torn")
					switch {
					case err != nil:
						refused.Add(1)
					case ok:
						torn.Add(1)
					default:
						clean.Add(1)
					}
				}
			})
		}
		errKeep := errors.New("not yet")
		if err := r.Repair(func(m map[string]int) error { return errKeep }); err != errKeep || !r.Poisoned() {
			t.Fatalf("Repair with an error = %v, poisoned %v; want the error and the poison kept", err, r.Poisoned())
		}
		err := r.Repair(func(m map[string]int) error {
			if m["torn"] != -1 {
				t.Errorf("the repair does not see the torn map: %v", m)
			}
			delete(m, "torn")
			return nil
		})
		if err != nil || r.Poisoned() {
			t.Fatalf("Repair = %v, poisoned %v", err, r.Poisoned())
		}
		// Let the readers see the repaired map for a while.
		for clean.Load() == 0 {
			runtime.Gosched()
		}
		close(stop)
		wg.Wait()
		if torn.Load() != 0 {
			t.Fatalf("readers saw the torn entry %d times", torn.Load())
		}
		if v, ok, err := r.Get("ok"); v != 1 || !ok || err != nil {
			t.Fatalf("Get(ok) = %v %v %v after the repair", v, ok, err)
		}
	}
	// A panic in the repair poisons again.
	_ = catch(func() { _ = r.Update(func(map[string]int) error { panic("first") }) })
	if got := catch(func() { _ = r.Repair(func(map[string]int) error { panic("in repair") }) }); got != "in repair" {
		t.Fatalf("recovered %v", got)
	}
	var perr *LockPoisonedError
	if _, _, err := r.Get("ok"); !errors.As(err, &perr) || perr.Value != "in repair" {
		t.Fatalf("after a panic in Repair: %v", err)
	}
}
