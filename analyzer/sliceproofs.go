package analyzer

import (
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// sliceHighProven reports whether s, a slice expression x[:h] (or x[0:h])
// of a slice x, is in bounds because h is: h == len(x), or h proven a
// valid index of x by the index proofs (indexProven), which bounds it
// below len(x). raft's getPooledConn returns early on len(conns) == 0,
// then takes `conns[num-1]` and `conns[:num-1]` with num := len(conns):
// the index was proven, the slice was not.
func (a *fnAnalysis) sliceHighProven(s *ssa.Slice) bool {
	if s.High == nil || s.Max != nil {
		return false
	}
	if s.Low != nil {
		k, ok := s.Low.(*ssa.Const)
		if !ok || k.Value == nil || constant.Sign(k.Value) != 0 {
			return false
		}
	}
	if _, ok := s.X.Type().Underlying().(*types.Slice); !ok {
		return false
	}
	return a.isLenOf(s.High, s.X) || a.indexProven(s, s.X, s.High)
}
