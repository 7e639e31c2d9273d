package poison

import (
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// waitBounds are the inclusive upper bounds of WaitHistogram's buckets; a last
// bucket counts longer waits.
var waitBounds = [...]time.Duration{
	time.Microsecond,
	10 * time.Microsecond,
	100 * time.Microsecond,
	time.Millisecond,
	10 * time.Millisecond,
	100 * time.Millisecond,
	time.Second,
}

var waitLabels = [len(waitBounds) + 1]string{
	"le_1us", "le_10us", "le_100us", "le_1ms", "le_10ms", "le_100ms", "le_1s", "gt_1s",
}

// WaitHistogram is a small lock-acquisition histogram: it counts wait times in
// decade buckets from 1µs to 1s, over all locks. Its Observe method is a ready
// wait hook, and it is an expvar.Var, so it can be published:
//
//	var waits poison.WaitHistogram
//	expvar.Publish("lockpoison_wait", &waits)
//	poison.SetWaitHook(waits.Observe)
//
// The zero value is an empty histogram. Its methods are safe for concurrent use
// and do not allocate, except String. For per-lock histograms, install a hook
// that picks a histogram by name.
type WaitHistogram struct {
	counts [len(waitBounds) + 1]atomic.Uint64
	sum    atomic.Int64 // nanoseconds
}

// Observe records one acquisition that waited d. The lock name is ignored; its
// signature matches SetWaitHook.
func (h *WaitHistogram) Observe(name string, d time.Duration) {
	i := 0
	for i < len(waitBounds) && d > waitBounds[i] {
		i++
	}
	h.counts[i].Add(1)
	h.sum.Add(int64(d))
}

// Count returns the number of observations.
func (h *WaitHistogram) Count() uint64 {
	var n uint64
	for i := range h.counts {
		n += h.counts[i].Load()
	}
	return n
}

// Sum returns the total of the observed wait times.
func (h *WaitHistogram) Sum() time.Duration { return time.Duration(h.sum.Load()) }

// String returns the histogram as a JSON object, which makes WaitHistogram an
// expvar.Var: {"count":N,"sum_ns":S,"buckets":{"le_1us":n,...,"gt_1s":n}}.
// Buckets are not cumulative.
func (h *WaitHistogram) String() string {
	var counts [len(waitLabels)]uint64
	var total uint64
	for i := range h.counts {
		counts[i] = h.counts[i].Load()
		total += counts[i]
	}
	var b strings.Builder
	b.WriteString(`{"count":`)
	b.WriteString(strconv.FormatUint(total, 10))
	b.WriteString(`,"sum_ns":`)
	b.WriteString(strconv.FormatInt(h.sum.Load(), 10))
	b.WriteString(`,"buckets":{`)
	for i, c := range counts {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + waitLabels[i] + `":`)
		b.WriteString(strconv.FormatUint(c, 10))
	}
	b.WriteString("}}")
	return b.String()
}
