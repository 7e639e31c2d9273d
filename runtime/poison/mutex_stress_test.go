package poison

import (
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestMutexStress checks mutual exclusion of Mutex's own lock word: many
// goroutines increment a plain counter under Lock/defer Unlock, LockChecked and
// TryLock, some yielding inside the section so that waiters park. Run with
// -race it also checks the happens-before edges of the lock.
func TestMutexStress(t *testing.T) {
	for _, procs := range []int{1, 4} {
		t.Run(map[int]string{1: "GOMAXPROCS=1", 4: "GOMAXPROCS=4"}[procs], func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			var mu Mutex
			var counter, inside int
			const goroutines, iters = 16, 2000
			var wg sync.WaitGroup
			for g := range goroutines {
				wg.Go(func() {
					for i := range iters {
						switch (g + i) % 3 {
						case 0:
							func() {
								mu.Lock()
								defer mu.Unlock()
								inside++
								if inside != 1 {
									t.Errorf("%d goroutines inside the section", inside)
								}
								counter++
								if i%7 == 0 {
									runtime.Gosched() // make the others park
								}
								inside--
							}()
						case 1:
							if err := mu.LockChecked(); err != nil {
								t.Errorf("LockChecked: %v", err)
								return
							}
							counter++
							mu.Unlock()
						default:
							for !mu.TryLock() {
								runtime.Gosched()
							}
							counter++
							mu.Unlock()
						}
					}
				})
			}
			wg.Wait()
			if counter != goroutines*iters {
				t.Fatalf("counter = %d, want %d: mutual exclusion broken", counter, goroutines*iters)
			}
			if s := mu.state.Load(); s != 0 {
				t.Fatalf("state = %#x after all goroutines finished, want 0 (unlocked, no waiters)", s)
			}
		})
	}
}

// TestMutexManyParkedWaiters holds the lock long enough for every waiter to
// park, then releases it: each waiter must get the lock exactly once.
func TestMutexManyParkedWaiters(t *testing.T) {
	var mu Mutex
	mu.Lock()
	const n = 50
	var wg sync.WaitGroup
	got := 0
	for range n {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			got++
		})
	}
	deadline := time.Now().Add(5 * time.Second)
	for mu.state.Load()>>mutexWaiterShift < n && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if w := mu.state.Load() >> mutexWaiterShift; w != n {
		t.Fatalf("%d parked waiters, want %d", w, n)
	}
	mu.Unlock()
	wg.Wait()
	if got != n || mu.state.Load() != 0 {
		t.Fatalf("got %d, state %#x", got, mu.state.Load())
	}
}

func TestMutexUnlockOfUnlocked(t *testing.T) {
	var mu Mutex
	r := catch(mu.Unlock)
	if r != "poison: unlock of unlocked mutex" {
		t.Fatalf("Unlock of an unlocked Mutex panicked with %v", r)
	}
	if mu.state.Load() != 0 || mu.Poisoned() {
		t.Fatalf("state %#x, poisoned %v after the refused Unlock", mu.state.Load(), mu.Poisoned())
	}
	mu.Lock() // still usable
	mu.Unlock()
}

// TestMutexPoisonBit checks that the poison hint in the lock word follows the
// poison, including after ClearPoison, so that the fast path comes back.
func TestMutexPoisonBit(t *testing.T) {
	var mu Mutex
	poisonWith(t, &mu, "p")
	if mu.state.Load() != mutexPoisoned {
		t.Fatalf("state %#x, want only the poisoned bit", mu.state.Load())
	}
	mu.ClearPoison()
	if mu.state.Load() != 0 {
		t.Fatalf("state %#x after ClearPoison, want 0", mu.state.Load())
	}
	// A stale bit (poison already cleared) is cleaned up by the slow path.
	mu.state.Or(mutexPoisoned)
	mu.Lock()
	mu.Unlock()
	if mu.state.Load() != 0 {
		t.Fatalf("stale poisoned bit not cleared: state %#x", mu.state.Load())
	}
}

// TestMutexConcurrentClearPoison races poisonings against ClearPoison and
// checks that the hint never ends up clear while the mutex is poisoned.
func TestMutexConcurrentClearPoison(t *testing.T) {
	var mu Mutex
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 300 {
				if g%2 == 0 {
					_ = catch(func() {
						if err := mu.LockChecked(); err != nil {
							if !errors.Is(err, ErrLockPoisoned) {
								t.Errorf("LockChecked: %v", err)
							}
							return
						}
						defer mu.Unlock()
						panic(i)
					})
				} else {
					mu.ClearPoison()
				}
			}
		})
	}
	wg.Wait()
	if mu.Poisoned() && mu.state.Load()&mutexPoisoned == 0 {
		t.Fatal("poisoned mutex without the poisoned bit: the fast path would miss the poison")
	}
	if mu.state.Load()&^mutexPoisoned != 0 {
		t.Fatalf("state %#x: lock or waiters left over", mu.state.Load())
	}
}
