package poison

import (
	"runtime"
	"sync"
	"testing"
)

// TestMutexStress checks mutual exclusion: many goroutines increment a plain
// counter under Lock/defer Unlock, LockChecked, TryLock and TryLockChecked,
// some yielding inside the section so that waiters park. Run with -race it
// also checks the happens-before edges of the lock.
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
						switch (g + i) % 4 {
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
						case 2:
							for {
								ok, err := mu.TryLockChecked()
								if err != nil {
									t.Errorf("TryLockChecked: %v", err)
									return
								}
								if ok {
									break
								}
								runtime.Gosched()
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
			if !mu.mu.TryLock() {
				t.Fatal("lock held after all goroutines finished")
			}
		})
	}
}
