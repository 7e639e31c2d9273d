package observe_test

import (
	"context"
	"encoding/json"
	"expvar"
	"log/slog"
	"sync"
	"testing"

	"github.com/lockpoison/lockpoison/runtime/poison"
	"github.com/lockpoison/lockpoison/runtime/poison/observe"
)

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

func poisonIt(mu *poison.Mutex, v any) {
	defer func() { _ = recover() }()
	mu.Lock()
	defer mu.Unlock()
	panic(v)
}

func TestSlog(t *testing.T) {
	h := &recordingHandler{}
	remove := observe.Slog(slog.New(h))
	var mu poison.Mutex
	mu.SetName("jobs.mu")
	poisonIt(&mu, "boom")
	_ = mu.LockChecked() // a refusal is not logged
	remove()
	mu.ClearPoison()
	poisonIt(&mu, "after remove")
	if len(h.records) != 1 {
		t.Fatalf("%d records, want 1", len(h.records))
	}
	r := h.records[0]
	attrs := map[string]any{}
	r.Attrs(func(a slog.Attr) bool { attrs[a.Key] = a.Value.Any(); return true })
	if r.Level != slog.LevelError || r.Message != "lockpoison: lock poisoned by panic" || attrs["lock"] != "jobs.mu" || attrs["panic"] != "boom" {
		t.Errorf("record = %v %q %v", r.Level, r.Message, attrs)
	}
}

func TestSlogDefault(t *testing.T) {
	h := &recordingHandler{}
	old := slog.Default()
	slog.SetDefault(slog.New(h))
	t.Cleanup(func() { slog.SetDefault(old) })
	t.Cleanup(observe.Slog(nil))
	var mu poison.Mutex
	poisonIt(&mu, "boom")
	if len(h.records) != 1 {
		t.Fatalf("%d records through slog.Default, want 1", len(h.records))
	}
}

var publishOnce sync.Once

func TestPublishExpvar(t *testing.T) {
	publishOnce.Do(func() { observe.PublishExpvar(observe.ExpvarName) }) // -count > 1
	read := func() map[string]uint64 {
		var got map[string]uint64
		if err := json.Unmarshal([]byte(expvar.Get(observe.ExpvarName).String()), &got); err != nil {
			t.Fatal(err)
		}
		return got
	}
	before := read()
	var mu poison.Mutex
	poisonIt(&mu, "x")
	_ = mu.LockChecked()
	_ = mu.LockChecked()
	after := read()
	if after["poisonings"]-before["poisonings"] != 1 || after["poisoned_acquisitions"]-before["poisoned_acquisitions"] != 2 {
		t.Fatalf("counters went from %v to %v, want +1 poisoning, +2 refusals", before, after)
	}
}
