package poison_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lockpoison/lockpoison/runtime/poison"
)

// poisonIt runs a write section with a deferred Unlock that panics with v,
// and recovers the panic the way a caller (an HTTP server, a worker pool)
// would.
func poisonIt(mu sync.Locker, v any) {
	defer func() { _ = recover() }()
	mu.Lock()
	defer mu.Unlock()
	panic(v)
}

// Cache is a typical struct: the only change from the sync version is the type
// of mu.
type Cache struct {
	mu    poison.Mutex // was sync.Mutex
	items map[string]int
	order []string
}

func (c *Cache) Put(k string, v int, broken bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
	if broken {
		panic("index out of range") // c.items and c.order disagree now
	}
	c.order = append(c.order, k)
}

func (c *Cache) Len() (int, error) {
	if err := c.mu.LockChecked(); err != nil {
		return 0, err
	}
	defer c.mu.Unlock()
	return len(c.order), nil
}

// A panic in a write section, recovered by some caller, leaves the cache
// half-updated. With sync.Mutex the next reader would silently see it; with
// poison.Mutex it gets an error.
func Example() {
	c := &Cache{items: map[string]int{}}
	c.Put("a", 1, false)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		c.Put("b", 2, true)
	}()
	_, err := c.Len()
	fmt.Println(err)
	fmt.Println(errors.Is(err, poison.ErrLockPoisoned))
	// Output:
	// recovered: index out of range
	// lock poisoned by panic: index out of range
	// true
}

func ExampleErrLockPoisoned() {
	var mu poison.Mutex
	poisonIt(&mu, "boom")
	if err := mu.LockChecked(); errors.Is(err, poison.ErrLockPoisoned) {
		fmt.Println("poisoned, not locked")
	}
	// Output: poisoned, not locked
}

func ExampleLockPoisonedError() {
	var mu poison.Mutex
	mu.SetName("jobs")
	poisonIt(&mu, 42)
	var perr *poison.LockPoisonedError
	if errors.As(mu.LockChecked(), &perr) {
		fmt.Println(perr.Name, perr.Value, strings.Contains(string(perr.Stack), "poisonIt"))
	}
	// Output: jobs 42 true
}

func ExampleLockPoisonedError_Error() {
	var mu poison.Mutex
	mu.SetName("jobs")
	poisonIt(&mu, "nil map")
	fmt.Println(mu.LockChecked().Error())
	// Output: lock "jobs" poisoned by panic: nil map
}

func ExampleLockPoisonedError_Is() {
	var mu poison.Mutex
	poisonIt(&mu, "x")
	err := mu.LockChecked()
	fmt.Println(err.(*poison.LockPoisonedError).Is(poison.ErrLockPoisoned))
	// Output: true
}

func ExampleLockPoisonedError_PanicValue() {
	var mu poison.Mutex
	poisonIt(&mu, context.Canceled)
	err := mu.LockChecked()
	// The poison error is not the panic value: code that ignores
	// cancellations does not swallow a poisoned lock.
	fmt.Println(errors.Is(err, context.Canceled), errors.Is(err, poison.ErrLockPoisoned))
	fmt.Println(err.(*poison.LockPoisonedError).PanicValue() == context.Canceled)
	// Output:
	// false true
	// true
}

func ExamplePoisonEvent() {
	defer poison.OnPoison(func(e poison.PoisonEvent) {
		fmt.Printf("%s poisoned by %v (stack: %t)\n", e.Name, e.Value, len(e.Stack) > 0)
	})()
	var mu poison.Mutex
	mu.SetName("sessions")
	poisonIt(&mu, "bad session")
	// Output: sessions poisoned by bad session (stack: true)
}

func ExampleOnPoison() {
	n, m := 0, 0
	removeN := poison.OnPoison(func(poison.PoisonEvent) { n++ })
	removeM := poison.OnPoison(func(poison.PoisonEvent) { m++ })
	defer removeM()
	var mu poison.Mutex
	poisonIt(&mu, "first")
	_ = mu.LockChecked() // refused acquisitions are not poisonings
	mu.ClearPoison()
	removeN()
	poisonIt(&mu, "second")
	fmt.Println(n, m)
	// Output: 1 2
}

func ExampleReadStats() {
	before := poison.ReadStats()
	var mu poison.Mutex
	poisonIt(&mu, "x")
	_ = mu.LockChecked()
	after := poison.ReadStats()
	fmt.Println(after.Poisonings-before.Poisonings, after.Refusals-before.Refusals)
	// Output: 1 1
}

func ExampleSetWaitHook() {
	var waits poison.WaitHistogram
	poison.SetWaitHook(waits.Observe)
	defer poison.SetWaitHook(nil)
	var mu poison.Mutex
	mu.Lock()
	mu.Unlock()
	fmt.Println(waits.Count())
	// Output: 1
}

func ExampleMutex() {
	var mu poison.Mutex // zero value ready, like sync.Mutex
	var l sync.Locker = &mu
	l.Lock()
	l.Unlock()
	fmt.Println(mu.Poisoned())
	// Output: false
}

func ExampleMutex_Lock() {
	var mu poison.Mutex
	poisonIt(&mu, "boom")
	defer func() {
		err := recover().(*poison.LockPoisonedError)
		fmt.Println("Lock panicked:", err)
	}()
	mu.Lock()
	// Output: Lock panicked: lock poisoned by panic: boom
}

func ExampleMutex_LockChecked() {
	var mu poison.Mutex
	if err := mu.LockChecked(); err == nil {
		mu.Unlock() // only after a nil error
	}
	poisonIt(&mu, "boom")
	if err := mu.LockChecked(); err != nil {
		fmt.Println(err) // the lock is not held
	}
	// Output: lock poisoned by panic: boom
}

func ExampleMutex_TryLock() {
	var mu poison.Mutex
	fmt.Println(mu.TryLock())
	fmt.Println(mu.TryLock())
	mu.Unlock()
	// Output:
	// true
	// false
}

func ExampleMutex_Unlock() {
	var mu poison.Mutex
	func() {
		defer func() { fmt.Println("caller recovered:", recover()) }()
		mu.Lock()
		defer mu.Unlock() // deferred: a panic poisons
		panic("torn")
	}()
	fmt.Println(mu.Poisoned())
	// Output:
	// caller recovered: torn
	// true
}

func ExampleMutex_Poisoned() {
	var mu poison.Mutex
	fmt.Println(mu.Poisoned())
	poisonIt(&mu, "boom")
	fmt.Println(mu.Poisoned())
	// Output:
	// false
	// true
}

func ExampleMutex_ClearPoison() {
	var mu poison.Mutex
	poisonIt(&mu, "boom")
	fmt.Println(mu.Poisoned())
	if err := mu.LockForRepair(); err != nil {
		// ... rebuild the guarded state, holding the lock ...
		mu.ClearPoison()
	}
	mu.Unlock()
	fmt.Println(mu.LockChecked())
	mu.Unlock()
	// Output:
	// true
	// <nil>
}

// The repair path: take the lock although it is poisoned, repair the state,
// clear the poison, unlock. Nobody else gets the lock in between.
func ExampleMutex_LockForRepair() {
	c := &Cache{items: map[string]int{}}
	c.Put("a", 1, false)
	func() {
		defer func() { _ = recover() }()
		c.Put("b", 2, true) // panics: items has "b", order does not
	}()
	if err := c.mu.LockForRepair(); err != nil {
		fmt.Println("repairing after:", err)
		// Rebuild what the panic may have torn: keep only ordered items.
		items := make(map[string]int, len(c.order))
		for _, k := range c.order {
			items[k] = c.items[k]
		}
		c.items = items
		c.mu.ClearPoison()
	}
	c.mu.Unlock()
	fmt.Println(c.Len())
	// Output:
	// repairing after: lock poisoned by panic: index out of range
	// 1 <nil>
}

// In a recover handler that releases the lock, Unlock cannot see the panic:
// UnlockPoisoned poisons with the recovered value and unlocks.
func ExampleMutex_UnlockPoisoned() {
	var mu poison.Mutex
	func() {
		defer func() { _ = recover() }() // the caller's handler
		mu.Lock()
		defer func() {
			if p := recover(); p != nil {
				mu.UnlockPoisoned(p) // instead of mu.Unlock()
				panic(p)
			}
			mu.Unlock()
		}()
		panic("half-written")
	}()
	fmt.Println(mu.LockChecked())
	// Output: lock poisoned by panic: half-written
}

func ExampleMutex_TryLockChecked() {
	var mu poison.Mutex
	fmt.Println(mu.TryLockChecked())
	fmt.Println(mu.TryLockChecked()) // held
	mu.Unlock()
	poisonIt(&mu, "boom")
	fmt.Println(mu.TryLockChecked())
	// Output:
	// true <nil>
	// false <nil>
	// false lock poisoned by panic: boom
}

func ExampleRegistry_Repair() {
	var tasks poison.Registry[string, Task]
	_ = tasks.Set("t1", Task{"t1", "running"})
	func() {
		defer func() { _ = recover() }()
		_ = tasks.Update(func(m map[string]Task) error {
			m["t2"] = Task{"t2", "half-made"}
			panic("crash while scheduling t2")
		})
	}()
	_, _, err := tasks.Get("t1")
	fmt.Println(err)
	err = tasks.Repair(func(m map[string]Task) error {
		for id, t := range m { // drop what the crash may have torn
			if t.State == "half-made" {
				delete(m, id)
			}
		}
		return nil
	})
	n, _ := tasks.Len()
	fmt.Println(err, n, tasks.Poisoned())
	// Output:
	// lock poisoned by panic: crash while scheduling t2
	// <nil> 1 false
}

func ExampleMutex_SetName() {
	var mu poison.Mutex
	mu.SetName("cache.mu")
	poisonIt(&mu, "boom")
	fmt.Println(mu.LockChecked())
	// Output: lock "cache.mu" poisoned by panic: boom
}

func ExampleMutex_Name() {
	var mu poison.Mutex
	mu.SetName("cache.mu")
	fmt.Println(mu.Name())
	// Output: cache.mu
}

func ExampleRWMutex() {
	var rw poison.RWMutex // was sync.RWMutex
	rw.RLock()
	poisonIt(rw.RLocker(), "reader panic") // read locks never poison
	rw.RUnlock()
	poisonIt(&rw, "writer panic")
	fmt.Println(rw.RLockChecked())
	// Output: lock poisoned by panic: writer panic
}

func ExampleRWMutex_Lock() {
	var rw poison.RWMutex
	rw.Lock()
	rw.Unlock()
	poisonIt(&rw, "boom")
	defer func() { fmt.Println(recover()) }()
	rw.Lock()
	// Output: lock poisoned by panic: boom
}

func ExampleRWMutex_LockChecked() {
	var rw poison.RWMutex
	poisonIt(&rw, "boom")
	err := rw.LockChecked()
	fmt.Println(errors.Is(err, poison.ErrLockPoisoned))
	// Output: true
}

func ExampleRWMutex_TryLock() {
	var rw poison.RWMutex
	rw.RLock()
	fmt.Println(rw.TryLock())
	rw.RUnlock()
	fmt.Println(rw.TryLock())
	rw.Unlock()
	// Output:
	// false
	// true
}

func ExampleRWMutex_Unlock() {
	var rw poison.RWMutex
	func() {
		defer func() { _ = recover() }()
		rw.Lock()
		defer rw.Unlock()
		panic("boom")
	}()
	fmt.Println(rw.Poisoned())
	// Output: true
}

func ExampleRWMutex_RLock() {
	var rw poison.RWMutex
	rw.RLock()
	rw.RLock() // readers share
	rw.RUnlock()
	rw.RUnlock()
	poisonIt(&rw, "boom")
	defer func() { fmt.Println(recover()) }()
	rw.RLock()
	// Output: lock poisoned by panic: boom
}

func ExampleRWMutex_RLockChecked() {
	var rw poison.RWMutex
	if err := rw.RLockChecked(); err == nil {
		rw.RUnlock()
	}
	poisonIt(&rw, "boom")
	fmt.Println(rw.RLockChecked())
	// Output: lock poisoned by panic: boom
}

func ExampleRWMutex_TryRLock() {
	var rw poison.RWMutex
	fmt.Println(rw.TryRLock())
	rw.RUnlock()
	rw.Lock()
	fmt.Println(rw.TryRLock())
	rw.Unlock()
	// Output:
	// true
	// false
}

func ExampleRWMutex_RUnlock() {
	var rw poison.RWMutex
	func() {
		defer func() { _ = recover() }()
		rw.RLock()
		defer rw.RUnlock() // never poisons
		panic("reader")
	}()
	fmt.Println(rw.Poisoned())
	// Output: false
}

func ExampleRWMutex_RLocker() {
	var rw poison.RWMutex
	var cond = sync.NewCond(rw.RLocker())
	cond.L.Lock()
	fmt.Println(rw.TryLock()) // a reader holds it
	cond.L.Unlock()
	// Output: false
}

func ExampleRWMutex_Poisoned() {
	var rw poison.RWMutex
	poisonIt(&rw, "boom")
	fmt.Println(rw.Poisoned())
	// Output: true
}

func ExampleRWMutex_ClearPoison() {
	var rw poison.RWMutex
	routes := map[string]string{"/": "index"}
	poisonIt(&rw, "boom")
	fmt.Println(rw.RLockChecked())
	// Repair under the write lock, then clear: no reader sees the torn map.
	if err := rw.LockForRepair(); err != nil {
		routes = map[string]string{"/": "index"} // rebuild
		rw.ClearPoison()
	}
	rw.Unlock()
	fmt.Println(rw.RLockChecked(), routes["/"])
	rw.RUnlock()
	// Output:
	// lock poisoned by panic: boom
	// <nil> index
}

func ExampleRWMutex_SetName() {
	var rw poison.RWMutex
	rw.SetName("routes")
	poisonIt(&rw, "boom")
	fmt.Println(rw.RLockChecked())
	// Output: lock "routes" poisoned by panic: boom
}

func ExampleRWMutex_Name() {
	var rw poison.RWMutex
	rw.SetName("routes")
	fmt.Println(rw.Name())
	// Output: routes
}

// Task is a value kept in a Registry.
type Task struct {
	ID    string
	State string
}

func ExampleRegistry() {
	var tasks poison.Registry[string, Task] // zero value ready
	if err := tasks.Set("t1", Task{"t1", "queued"}); err != nil {
		fmt.Println(err)
	}
	func() {
		defer func() { _ = recover() }()
		_ = tasks.Update(func(m map[string]Task) error {
			delete(m, "t1")
			panic("crash before re-inserting t1")
		})
	}()
	_, _, err := tasks.Get("t1")
	fmt.Println(err)
	tasks.Reset(map[string]Task{"t1": {"t1", "queued"}})
	t, ok, err := tasks.Get("t1")
	fmt.Println(t, ok, err)
	// Output:
	// lock poisoned by panic: crash before re-inserting t1
	// {t1 queued} true <nil>
}

func ExampleRegistry_Get() {
	var r poison.Registry[string, int]
	_ = r.Set("a", 1)
	v, ok, err := r.Get("a")
	fmt.Println(v, ok, err)
	v, ok, err = r.Get("b")
	fmt.Println(v, ok, err)
	// Output:
	// 1 true <nil>
	// 0 false <nil>
}

func ExampleRegistry_Set() {
	var r poison.Registry[string, int]
	fmt.Println(r.Set("a", 1))
	// Output: <nil>
}

func ExampleRegistry_Delete() {
	var r poison.Registry[string, int]
	_ = r.Set("a", 1)
	_ = r.Delete("a")
	n, _ := r.Len()
	fmt.Println(n)
	// Output: 0
}

func ExampleRegistry_Update() {
	var r poison.Registry[string, int]
	// Several changes under one lock: readers see all or none of them.
	err := r.Update(func(m map[string]int) error {
		m["debit"] -= 10
		m["credit"] += 10
		return nil
	})
	fmt.Println(err)
	errLimit := errors.New("over limit")
	err = r.Update(func(m map[string]int) error {
		if m["credit"] >= 10 {
			return errLimit // returned as is
		}
		return nil
	})
	fmt.Println(err)
	// Output:
	// <nil>
	// over limit
}

func ExampleRegistry_Range() {
	var r poison.Registry[string, int]
	_ = r.Update(func(m map[string]int) error {
		m["a"], m["b"], m["c"] = 1, 2, 3
		return nil
	})
	var keys []string
	err := r.Range(func(k string, v int) bool {
		keys = append(keys, k)
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys, err)
	// Output: [a b c] <nil>
}

func ExampleRegistry_Len() {
	var r poison.Registry[int, string]
	_ = r.Set(1, "one")
	fmt.Println(r.Len())
	// Output: 1 <nil>
}

func ExampleRegistry_Reset() {
	var r poison.Registry[string, int]
	func() {
		defer func() { _ = recover() }()
		_ = r.Update(func(map[string]int) error { panic("boom") })
	}()
	fmt.Println(r.Poisoned())
	r.Reset(nil) // start again from an empty map
	fmt.Println(r.Poisoned(), r.Set("a", 1))
	// Output:
	// true
	// false <nil>
}

func ExampleRegistry_Poisoned() {
	var r poison.Registry[string, int]
	fmt.Println(r.Poisoned())
	// Output: false
}

func ExampleRegistry_SetName() {
	var r poison.Registry[string, int]
	r.SetName("tasks")
	func() {
		defer func() { _ = recover() }()
		_ = r.Update(func(map[string]int) error { panic("boom") })
	}()
	fmt.Println(r.Set("a", 1))
	// Output: lock "tasks" poisoned by panic: boom
}

func ExampleWaitHistogram() {
	var waits poison.WaitHistogram
	// In a program, to serve it: expvar.Publish("lockpoison_wait", &waits)
	poison.SetWaitHook(waits.Observe)
	defer poison.SetWaitHook(nil)
	var rw poison.RWMutex
	rw.RLock()
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()
	fmt.Println(waits.Count())
	// Output: 2
}

func ExampleWaitHistogram_Observe() {
	var waits poison.WaitHistogram
	waits.Observe("mu", 0)
	waits.Observe("mu", 3*time.Millisecond)
	fmt.Println(waits.Count(), waits.Sum())
	// Output: 2 3ms
}

func ExampleWaitHistogram_Count() {
	var waits poison.WaitHistogram
	waits.Observe("", time.Microsecond)
	fmt.Println(waits.Count())
	// Output: 1
}

func ExampleWaitHistogram_Sum() {
	var waits poison.WaitHistogram
	waits.Observe("", time.Second)
	waits.Observe("", time.Second)
	fmt.Println(waits.Sum())
	// Output: 2s
}

func ExampleWaitHistogram_String() {
	var waits poison.WaitHistogram
	waits.Observe("", 0)
	waits.Observe("", 50*time.Millisecond)
	fmt.Println(waits.String())
	// Output: {"count":2,"sum_ns":50000000,"buckets":{"le_1us":1,"le_10us":0,"le_100us":0,"le_1ms":0,"le_10ms":0,"le_100ms":1,"le_1s":0,"gt_1s":0}}
}
