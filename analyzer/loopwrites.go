package analyzer

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Writes of earlier loop iterations. Each iteration's update is its own:
// the back edge forgets the writes made in the loop (flow.go), so an
// iteration that writes only after its own panic point is not torn. But
// when the section's update is finished by a write after the loop, the
// earlier iterations' writes are half of an update the panic cuts short:
// golang-lru's expirable Purge deletes the items one by one, calling the
// user's eviction callback before each delete, and clears the expiry
// buckets and the eviction list after the loop; a panicking callback
// leaves items gone from the map but still in the list. The back edge
// keeps what the loop wrote as section.loopWrote, and a panic point that
// skips a guarded write outside the loop (in a block from which the panic
// point cannot be reached again) makes it the section's write.

// skipsWriteAfterLoop reports whether a panic at pp skips a guarded write
// of key's section, before the section ends, in a block from which pp's
// block is unreachable.
func (a *fnAnalysis) skipsWriteAfterLoop(pp panicPoint, key string) bool {
	if pp.instr == nil || pp.instr.Block() == nil || pp.instr.Parent() != a.fn {
		return false
	}
	home := pp.instr.Block()
	idx := slices.Index(home.Instrs, ssa.Instruction(pp.instr))
	if idx < 0 {
		return false
	}
	// scan reports (found, stop) for b's events from instruction from on.
	scan := func(b *ssa.BasicBlock, from int) (bool, bool) {
		for _, e := range a.events[b] {
			if e.idx < from || e.key != key {
				continue
			}
			if e.release {
				return false, true
			}
			if !blockReaches(b, home) {
				return true, true
			}
		}
		return false, false
	}
	if found, stop := scan(home, idx); stop {
		return found
	}
	return searchSuccs(home, func(b *ssa.BasicBlock) (bool, bool) { return scan(b, 0) })
}

// blockReaches reports whether to is reachable from the end of from.
func blockReaches(from, to *ssa.BasicBlock) bool {
	return searchSuccs(from, func(b *ssa.BasicBlock) (bool, bool) { return b == to, b == to })
}
