package poison

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

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

func TestObserversOncePerPoisoning(t *testing.T) {
	var first, second []PoisonEvent
	removeFirst := OnPoison(func(e PoisonEvent) { first = append(first, e) })
	removeSecond := OnPoison(func(e PoisonEvent) { second = append(second, e) })
	t.Cleanup(removeFirst)
	t.Cleanup(removeSecond)

	s0 := ReadStats()

	var mu Mutex
	mu.SetName("jobs.mu")
	v := errors.New("boom")
	poisonWith(t, &mu, v)
	// Refused acquisitions do not notify the observers again.
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

	if len(first) != 2 || len(second) != 2 {
		t.Fatalf("observers notified %d and %d times, want 2 each (once per poisoning)", len(first), len(second))
	}
	if e := first[0]; e.Name != "jobs.mu" || e.Value != v || len(e.Stack) == 0 || e.Time.IsZero() {
		t.Errorf("event 0 = %+v", e)
	}
	if e := first[1]; e.Name != "registry" || e.Value != "in update" {
		t.Errorf("event 1 = {%q %v}", e.Name, e.Value)
	}
	s := ReadStats()
	if d := s.Poisonings - s0.Poisonings; d != 2 {
		t.Errorf("Poisonings += %d, want 2", d)
	}
	if d := s.Refusals - s0.Refusals; d != 5 {
		t.Errorf("Refusals += %d, want 5", d)
	}

	// Removing one observer leaves the other; removing twice is harmless.
	removeFirst()
	removeFirst()
	mu.ClearPoison()
	poisonWith(t, &mu, "again")
	if len(first) != 2 || len(second) != 3 {
		t.Fatalf("after removing the first observer: %d and %d events, want 2 and 3", len(first), len(second))
	}
	removeSecond()
	mu.ClearPoison()
	poisonWith(t, &mu, "unobserved")
	if len(second) != 3 {
		t.Fatalf("removed observer still notified")
	}
	if OnPoison(nil) == nil {
		t.Fatal("OnPoison(nil) returned a nil remove function")
	}
}

// TestQuietImport: importing the package registers nothing on
// http.DefaultServeMux and a poisoning logs nothing. The test binary links
// what the package and its internal tests import, and no test file imports
// expvar (keep it so): if the package did, /debug/vars would be registered.
func TestQuietImport(t *testing.T) {
	for _, path := range []string{"/debug/vars", "/debug/pprof/"} {
		_, pattern := http.DefaultServeMux.Handler(httptest.NewRequest("GET", path, nil))
		if pattern != "" {
			t.Errorf("http.DefaultServeMux serves %s (pattern %q) in a binary importing runtime/poison", path, pattern)
		}
	}

	var buf bytes.Buffer
	oldOut, oldFlags := log.Writer(), log.Flags()
	log.SetOutput(&buf)
	t.Cleanup(func() { log.SetOutput(oldOut); log.SetFlags(oldFlags) })
	h := &recordingHandler{}
	old := slog.Default()
	slog.SetDefault(slog.New(h))
	t.Cleanup(func() { slog.SetDefault(old) })
	var mu Mutex
	poisonWith(t, &mu, "quiet")
	_ = mu.LockChecked()
	if len(h.records) != 0 || buf.Len() != 0 {
		t.Fatalf("a poisoning logged: %d slog records, log output %q", len(h.records), buf.String())
	}
}

// TestNoReportingImports checks the package's own import graph: no expvar,
// log, log/slog or net/http (those live in the observe subpackage).
func TestNoReportingImports(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(gobin, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch dep {
		case "expvar", "log", "log/slog", "net/http":
			t.Errorf("runtime/poison depends on %s", dep)
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
	if testing.AllocsPerRun(100, func() { h.Observe("x", time.Millisecond) }) != 0 {
		t.Error("Observe allocates")
	}
}
