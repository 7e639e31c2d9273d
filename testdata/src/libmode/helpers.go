package libmode

import (
	"sync"
	"testing"
)

// A non-test file that imports "testing" holds test helpers (raft's
// testing.go): not the library's API, and the types its functions return
// do not escape.

type TB = testing.TB

type cluster struct {
	mu   sync.Mutex
	hook func()
	n    int
}

func MakeCluster(t *testing.T) *cluster { return &cluster{} }

func (c *cluster) EnsureSame() {
	c.mu.Lock()
	c.hook()
	c.n++
	c.mu.Unlock()
}

func Ensure(c *cluster) {
	c.mu.Lock()
	c.hook()
	c.n++
	c.mu.Unlock()
}
