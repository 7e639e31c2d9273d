// Package doubleslog declares a Log interface with a real implementation
// and a testify mock beside it (golangci-lint's logutils.MockLog, FP-18).
package doubleslog

import (
	"sync"

	"github.com/stretchr/testify/mock"
)

type Log interface {
	Warnf(format string, args ...any)
}

// MockLog is a testify mock: a test double, not an implementation that
// reaches doublesuse's interface calls.
type MockLog struct {
	mock.Mock
}

func NewMockLog() *MockLog { return &MockLog{} }

func (m *MockLog) Warnf(format string, args ...any) {
	m.Called(append([]any{format}, args...)...)
}

// Child converts the mock to the interface in its own method: no
// production use.
func (m *MockLog) Child() Log { return m }

// FileLog is a real implementation declared beside the interface: an
// explicit unlock around the sink, an interface that may panic.
type FileLog struct {
	mu    sync.Mutex
	sink  interface{ Write([]byte) (int, error) }
	lines int
}

func (l *FileLog) Warnf(format string, args ...any) {
	l.mu.Lock()
	l.sink.Write([]byte(format))
	l.lines++
	l.mu.Unlock()
}
