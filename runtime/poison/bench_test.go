package poison

import (
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Each benchmark has a sync sub-benchmark and a poison sub-benchmark doing the
// same work, so bench.sh can print the ratio poison/sync per pair.

func BenchmarkMutex(b *testing.B) {
	b.Run("sync", func(b *testing.B) {
		b.ReportAllocs()
		var mu sync.Mutex
		for b.Loop() {
			mu.Lock()
			mu.Unlock() //nolint:staticcheck // empty critical section on purpose
		}
	})
	b.Run("poison", func(b *testing.B) {
		b.ReportAllocs()
		var mu Mutex
		for b.Loop() {
			mu.Lock()
			mu.Unlock() //nolint:staticcheck // empty critical section on purpose
		}
	})
}

//go:noinline
func deferredSync(mu *sync.Mutex, n *int) {
	mu.Lock()
	defer mu.Unlock()
	*n++
}

//go:noinline
func deferredPoison(mu *Mutex, n *int) {
	mu.Lock()
	defer mu.Unlock()
	*n++
}

func BenchmarkMutexDeferred(b *testing.B) {
	b.Run("sync", func(b *testing.B) {
		b.ReportAllocs()
		var mu sync.Mutex
		n := 0
		for b.Loop() {
			deferredSync(&mu, &n)
		}
	})
	b.Run("poison", func(b *testing.B) {
		b.ReportAllocs()
		var mu Mutex
		n := 0
		for b.Loop() {
			deferredPoison(&mu, &n)
		}
	})
}

func BenchmarkRWMutexWrite(b *testing.B) {
	b.Run("sync", func(b *testing.B) {
		b.ReportAllocs()
		var mu sync.RWMutex
		for b.Loop() {
			mu.Lock()
			mu.Unlock() //nolint:staticcheck // empty critical section on purpose
		}
	})
	b.Run("poison", func(b *testing.B) {
		b.ReportAllocs()
		var mu RWMutex
		for b.Loop() {
			mu.Lock()
			mu.Unlock() //nolint:staticcheck // empty critical section on purpose
		}
	})
}

func BenchmarkRWMutexRead(b *testing.B) {
	b.Run("sync", func(b *testing.B) {
		b.ReportAllocs()
		var mu sync.RWMutex
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				mu.RLock()
				mu.RUnlock() //nolint:staticcheck // empty critical section on purpose
			}
		})
	})
	b.Run("poison", func(b *testing.B) {
		b.ReportAllocs()
		var mu RWMutex
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				mu.RLock()
				mu.RUnlock() //nolint:staticcheck // empty critical section on purpose
			}
		})
	})
}

const benchKeys = 1024

func benchKey(i int) string { return "key-" + strconv.Itoa(i) }

func BenchmarkRegistryGet(b *testing.B) {
	keys := make([]string, benchKeys)
	for i := range keys {
		keys[i] = benchKey(i)
	}
	b.Run("sync", func(b *testing.B) {
		b.ReportAllocs()
		var mu sync.RWMutex
		m := make(map[string]int, benchKeys)
		for i, k := range keys {
			m[k] = i
		}
		b.RunParallel(func(pb *testing.PB) {
			i := 0
			for pb.Next() {
				mu.RLock()
				v, ok := m[keys[i%benchKeys]]
				mu.RUnlock()
				if !ok || v != i%benchKeys {
					b.Error("bad value")
				}
				i++
			}
		})
	})
	b.Run("poison", func(b *testing.B) {
		b.ReportAllocs()
		var r Registry[string, int]
		for i, k := range keys {
			if err := r.Set(k, i); err != nil {
				b.Fatal(err)
			}
		}
		b.RunParallel(func(pb *testing.PB) {
			i := 0
			for pb.Next() {
				v, ok, err := r.Get(keys[i%benchKeys])
				if err != nil || !ok || v != i%benchKeys {
					b.Error("bad value")
				}
				i++
			}
		})
	})
}

func BenchmarkRegistrySet(b *testing.B) {
	keys := make([]string, benchKeys)
	for i := range keys {
		keys[i] = benchKey(i)
	}
	b.Run("sync", func(b *testing.B) {
		b.ReportAllocs()
		var mu sync.RWMutex
		m := make(map[string]int, benchKeys)
		i := 0
		for b.Loop() {
			mu.Lock()
			m[keys[i%benchKeys]] = i
			mu.Unlock()
			i++
		}
	})
	b.Run("poison", func(b *testing.B) {
		b.ReportAllocs()
		var r Registry[string, int]
		i := 0
		for b.Loop() {
			if err := r.Set(keys[i%benchKeys], i); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

func BenchmarkMutexLockChecked(b *testing.B) {
	b.Run("sync", func(b *testing.B) {
		b.ReportAllocs()
		var mu sync.Mutex
		for b.Loop() {
			mu.Lock()
			mu.Unlock() //nolint:staticcheck // empty critical section on purpose
		}
	})
	b.Run("poison", func(b *testing.B) {
		b.ReportAllocs()
		var mu Mutex
		for b.Loop() {
			if err := mu.LockChecked(); err != nil {
				b.Fatal(err)
			}
			mu.Unlock()
		}
	})
}

func BenchmarkMutexTryLock(b *testing.B) {
	b.Run("sync", func(b *testing.B) {
		b.ReportAllocs()
		var mu sync.Mutex
		for b.Loop() {
			if mu.TryLock() {
				mu.Unlock()
			}
		}
	})
	b.Run("poison", func(b *testing.B) {
		b.ReportAllocs()
		var mu Mutex
		for b.Loop() {
			if mu.TryLock() {
				mu.Unlock()
			}
		}
	})
}

//go:noinline
func deferredRSync(mu *sync.RWMutex, n *int) int {
	mu.RLock()
	defer mu.RUnlock()
	return *n
}

//go:noinline
func deferredRPoison(mu *RWMutex, n *int) int {
	mu.RLock()
	defer mu.RUnlock()
	return *n
}

func BenchmarkRWMutexReadDeferred(b *testing.B) {
	b.Run("sync", func(b *testing.B) {
		b.ReportAllocs()
		var mu sync.RWMutex
		n := 0
		for b.Loop() {
			deferredRSync(&mu, &n)
		}
	})
	b.Run("poison", func(b *testing.B) {
		b.ReportAllocs()
		var mu RWMutex
		n := 0
		for b.Loop() {
			deferredRPoison(&mu, &n)
		}
	})
}

// fairness runs 64 goroutines that take the lock b.N times in all, each
// holding it for a short critical section, and reports the longest time one
// acquisition waited ("max-wait-ns"): without a starvation mode, a waiter can
// be overtaken for the whole run.
func fairness(b *testing.B, lock, unlock func()) {
	b.ReportAllocs()
	const waiters = 64
	var maxWait atomic.Int64
	var wg sync.WaitGroup
	per := b.N/waiters + 1
	shared := 0
	for range waiters {
		wg.Go(func() {
			for range per {
				start := time.Now()
				lock()
				d := int64(time.Since(start))
				for i := range 20 { // a short critical section
					shared += i
				}
				unlock()
				for {
					m := maxWait.Load()
					if d <= m || maxWait.CompareAndSwap(m, d) {
						break
					}
				}
			}
		})
	}
	wg.Wait()
	b.ReportMetric(float64(maxWait.Load()), "max-wait-ns")
}

func BenchmarkMutexFairness(b *testing.B) {
	b.Run("sync", func(b *testing.B) {
		var mu sync.Mutex
		fairness(b, mu.Lock, mu.Unlock)
	})
	b.Run("poison", func(b *testing.B) {
		var mu Mutex
		fairness(b, mu.Lock, mu.Unlock)
	})
}
