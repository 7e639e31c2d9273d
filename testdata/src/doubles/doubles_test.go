package doubles

import "testing"

func TestLookup(t *testing.T) {
	s := &Server{ops: NewTestOps()}
	_ = s
	var o Ops = &mockOps{}
	_ = o
}
