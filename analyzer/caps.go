package analyzer

// The solver's caps. Each bounds the work on code whose analysis could
// otherwise take unbounded time; a function with locks that hits maxBlocks
// or maxVisits is reported with category capped (capped.go), not skipped
// silently.
const (
	// maxBlocks caps the functions analyzed: the worklist is quadratic in
	// the blocks of a function at worst, and generated tables (a switch of
	// thousands of cases) would dominate a package's time. Larger
	// functions are summarised conservatively (may panic, no effects).
	maxBlocks = 4000

	// maxVisits caps the times one block's transfer runs. The state only
	// shrinks at merges (held locks intersect), so a fixed point needs a
	// few visits per loop nesting level; the cap guards against a state
	// that oscillates. A function that hits it is analysed from a state
	// that is not a fixed point: its findings may be incomplete.
	maxVisits = 64

	// maxRounds caps the rounds of the fixed point of mutually recursive
	// functions (an SCC of the call graph). Summaries only grow, so a
	// round without change ends it early; beyond the cap, the summaries
	// of the last round are used. Unlike the caps above, hitting it is
	// not reported: recursion over a linked structure (t.parent.f())
	// grows a summary's lock paths by one field a round until paths.go's
	// depth cap, so ordinary code hits it (std's testing.(*common).Fail
	// and setRan), and the notice would be noise.
	maxRounds = 6

	// maxLocks caps the locks a summary records as acquired by a function:
	// they serve handler-relock, which needs the few locks a handler
	// takes, not every lock of a large helper.
	maxLocks = 16
)

// visitCap is maxVisits, lowered by a test (export_test.go) to provoke
// non-convergence.
var visitCap = maxVisits
