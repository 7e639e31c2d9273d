package poison

import (
	"strconv"
	"sync"
	"testing"
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
