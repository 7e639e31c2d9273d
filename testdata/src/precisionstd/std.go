// Package precisionstd: calls of standard library functions whose only
// panics are weak (argument validation, runtime panics) are not panic
// points; those that call what the caller passes, or panic on an error
// computed from the input, are.
package precisionstd

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"maps"
	"math/big"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"
)

func swallow() { recover() }

type S struct {
	mu     sync.Mutex
	cond   *sync.Cond
	names  map[string]string
	m      sync.Map
	t      *time.Timer
	n      *big.Int
	w      io.Writer
	r      io.Reader
	vals   []int
	less   func(i, j int) bool
	cmp    func(a, b int) int
	once   sync.Once
	buf    [16]byte
	nonce  [8]byte
	ticker *time.Ticker
	bb     bytes.Buffer
	expr   string
	last   string
}

// Formatting, conversions, cloning, timers, sync.Map and sync.Cond cannot
// panic for a correct caller: each section below is clean.
func (s *S) Weak(x int, u uint64) {
	defer swallow()
	s.mu.Lock()
	s.last = fmt.Sprintf("%d", x)
	s.mu.Unlock()
	s.mu.Lock()
	err := fmt.Errorf("x=%d: %w", x, io.EOF)
	_ = err
	s.mu.Unlock()
	s.mu.Lock()
	s.last = strconv.Itoa(x)
	s.mu.Unlock()
	s.mu.Lock()
	s.last = strconv.FormatUint(u, 10)
	s.mu.Unlock()
	s.mu.Lock()
	s.names = maps.Clone(s.names)
	s.mu.Unlock()
	s.mu.Lock()
	s.last = s.n.String()
	s.mu.Unlock()
	s.mu.Lock()
	runtime.GOMAXPROCS(0)
	s.mu.Unlock()
	s.mu.Lock()
	s.t.Stop()
	s.mu.Unlock()
	s.mu.Lock()
	v, _ := s.m.Load(x)
	_ = v
	s.mu.Unlock()
	s.mu.Lock()
	s.cond.Broadcast()
	s.mu.Unlock()
	s.mu.Lock()
	slices.SortFunc(s.vals, func(a, b int) int { return a - b })
	s.mu.Unlock()
	s.mu.Lock()
	s.once.Do(func() { s.last = "init" })
	s.mu.Unlock()
	s.mu.Lock()
	base64.RawURLEncoding.Encode(s.buf[:], s.nonce[:])
	s.mu.Unlock()
	s.mu.Lock()
	s.ticker = time.NewTicker(time.Second)
	s.mu.Unlock()
	s.mu.Lock()
	s.bb.Read(s.buf[:])
	s.mu.Unlock()
	s.mu.Lock()
	s.last = fmt.Sprint(x, s.last)
	s.mu.Unlock()
}

// Nearest true positives: sort.Slice calls less, fmt.Fprintf calls Write,
// io.ReadAll calls Read: code the caller passes.
func (s *S) Less() {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if sort.Slice panics.*the panic is recovered in \(\*S\)\.Less \(std\.go:\d+\)`
	sort.Slice(s.vals, s.less)
	s.mu.Unlock()
}

func (s *S) SortBy() {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if slices.SortFunc panics.*the panic is recovered in \(\*S\)\.SortBy \(std\.go:\d+\)`
	slices.SortFunc(s.vals, s.cmp)
	s.mu.Unlock()
}

func (s *S) Write(x int) {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if fmt.Fprintf panics.*the panic is recovered in \(\*S\)\.Write \(std\.go:\d+\)`
	fmt.Fprintf(s.w, "%d", x)
	s.mu.Unlock()
}

func (s *S) Read() {
	defer swallow()
	s.mu.Lock() // want `s.mu stays locked if io.ReadAll panics.*the panic is recovered in \(\*S\)\.Read \(std\.go:\d+\)`
	b, _ := io.ReadAll(s.r)
	s.last = string(b)
	s.mu.Unlock()
}

// A contract the caller keeps: the pattern is valid.
func (s *S) Compile() {
	defer swallow()
	s.mu.Lock()
	s.last = regexp.MustCompile(s.expr).String()
	s.mu.Unlock()
}
