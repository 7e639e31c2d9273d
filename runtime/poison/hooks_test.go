package poison

import (
	"context"
	"encoding/json"
	"errors"
	"expvar"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	// Keep test output readable: every poisoning logs an Error record.
	slog.SetDefault(slog.New(slog.DiscardHandler))
	os.Exit(m.Run())
}

// recordingHandler is a slog.Handler that keeps the records it receives.
type recordingHandler struct {
	mu      sync.Mutex
	records []slog.Record
}

func (h *recordingHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *recordingHandler) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, r.Clone())
	return nil
}
func (h *recordingHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *recordingHandler) WithGroup(string) slog.Handler      { return h }

func counter(name string) int64 {
	return expvar.Get(ExpvarName).(*expvar.Map).Get(name).(*expvar.Int).Value()
}

func TestHooksOncePerPoisoning(t *testing.T) {
	h := &recordingHandler{}
	old := slog.Default()
	slog.SetDefault(slog.New(h))
	t.Cleanup(func() { slog.SetDefault(old) })

	var events []PoisonEvent
	SetPoisonHook(func(e PoisonEvent) { events = append(events, e) })
	t.Cleanup(func() { SetPoisonHook(nil) })

	poisonings0 := counter("poisonings")
	refused0 := counter("poisoned_acquisitions")

	var mu Mutex
	mu.SetName("jobs.mu")
	v := errors.New("boom")
	poisonWith(t, &mu, v)
	// Refused acquisitions do not fire the hooks again.
	for range 3 {
		if err := mu.LockChecked(); err == nil {
			t.Fatal("not poisoned")
		}
	}
	catch(mu.Lock)

	var reg Registry[string, int]
	reg.SetName("registry")
	catch(func() { _ = reg.Update(func(map[string]int) error { panic("in update") }) })
	_, _, _ = reg.Get("x")

	if len(events) != 2 {
		t.Fatalf("poison hook fired %d times, want 2 (once per poisoning)", len(events))
	}
	if e := events[0]; e.Name != "jobs.mu" || e.Value != v || len(e.Stack) == 0 || e.Time.IsZero() {
		t.Errorf("event 0 = %+v", e)
	}
	if e := events[1]; e.Name != "registry" || e.Value != "in update" {
		t.Errorf("event 1 = {%q %v}", e.Name, e.Value)
	}
	if len(h.records) != 2 {
		t.Fatalf("%d slog records, want 2", len(h.records))
	}
	r := h.records[0]
	attrs := map[string]any{}
	r.Attrs(func(a slog.Attr) bool { attrs[a.Key] = a.Value.Any(); return true })
	if r.Level != slog.LevelError || attrs["lock"] != "jobs.mu" || attrs["panic"] != v {
		t.Errorf("slog record = %v %q %v", r.Level, r.Message, attrs)
	}
	if d := counter("poisonings") - poisonings0; d != 2 {
		t.Errorf("poisonings counter += %d, want 2", d)
	}
	if d := counter("poisoned_acquisitions") - refused0; d != 5 {
		t.Errorf("poisoned_acquisitions counter += %d, want 5", d)
	}
}

func TestExpvarPublished(t *testing.T) {
	var got map[string]int64
	if err := json.Unmarshal([]byte(expvar.Get(ExpvarName).String()), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"poisonings", "poisoned_acquisitions"} {
		if _, ok := got[k]; !ok {
			t.Errorf("expvar %s has no %q: %v", ExpvarName, k, got)
		}
	}
}

func TestWaitHook(t *testing.T) {
	type call struct {
		name string
		d    time.Duration
	}
	var mu sync.Mutex
	var calls []call
	SetWaitHook(func(name string, d time.Duration) {
		mu.Lock()
		calls = append(calls, call{name, d})
		mu.Unlock()
	})
	t.Cleanup(func() { SetWaitHook(nil) })

	for _, l := range []interface {
		locker
		SetName(string)
	}{new(Mutex), new(RWMutex)} {
		calls = nil
		l.SetName("w")
		l.Lock() // uncontended: d == 0
		done := make(chan struct{})
		started := make(chan struct{})
		go func() {
			defer close(done)
			close(started)
			l.Lock()
			l.Unlock() //nolint:staticcheck // only the wait matters
		}()
		<-started
		time.Sleep(20 * time.Millisecond) // let the goroutine block in Lock
		l.Unlock()
		<-done
		if len(calls) != 2 || calls[0] != (call{"w", 0}) || calls[1].name != "w" || calls[1].d <= 0 {
			t.Errorf("%T: wait hook calls %v, want {w 0} then {w >0}", l, calls)
		}
	}

	var rw RWMutex
	calls = nil
	rw.RLock()
	rw.RUnlock()
	_ = rw.RLockChecked()
	rw.RUnlock()
	if len(calls) != 2 {
		t.Errorf("RLock/RLockChecked: %d wait hook calls, want 2", len(calls))
	}

	SetWaitHook(nil)
	calls = nil
	rw.RLock()
	rw.RUnlock()
	if len(calls) != 0 {
		t.Errorf("hook called after SetWaitHook(nil)")
	}
}

func TestWaitHistogram(t *testing.T) {
	var h WaitHistogram
	for _, d := range []time.Duration{0, time.Microsecond, 2 * time.Microsecond, 5 * time.Millisecond, 3 * time.Second} {
		h.Observe("x", d)
	}
	if h.Count() != 5 || h.Sum() != 3*time.Second+5*time.Millisecond+3*time.Microsecond {
		t.Fatalf("Count %d Sum %v", h.Count(), h.Sum())
	}
	var got struct {
		Count   uint64            `json:"count"`
		SumNS   int64             `json:"sum_ns"`
		Buckets map[string]uint64 `json:"buckets"`
	}
	if err := json.Unmarshal([]byte(h.String()), &got); err != nil {
		t.Fatalf("String() is not JSON: %v\n%s", err, h.String())
	}
	want := map[string]uint64{"le_1us": 2, "le_10us": 1, "le_100us": 0, "le_1ms": 0, "le_10ms": 1, "le_100ms": 0, "le_1s": 0, "gt_1s": 1}
	for k, n := range want {
		if got.Buckets[k] != n {
			t.Errorf("bucket %s = %d, want %d (%s)", k, got.Buckets[k], n, h.String())
		}
	}
	var _ expvar.Var = &h
	if testing.AllocsPerRun(100, func() { h.Observe("x", time.Millisecond) }) != 0 {
		t.Error("Observe allocates")
	}
}
