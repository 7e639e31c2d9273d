// Package mock is a reduced testify mock: Called locks the mock's mutex
// and panics (explicitly) on an unexpected call before its explicit
// unlock, as testify's MethodCalled does.
package mock

import "sync"

type Mock struct {
	mutex sync.Mutex
	calls []string
	want  map[string]bool
}

func (m *Mock) Called(args ...any) []any {
	m.mutex.Lock()
	if len(args) > 0 && !m.want[args[0].(string)] {
		panic("mock: unexpected call")
	}
	m.calls = append(m.calls, args[0].(string))
	m.mutex.Unlock()
	return nil
}
