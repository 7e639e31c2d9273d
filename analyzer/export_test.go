package analyzer

// SetVisitCap lowers the solver's cap on the visits of one block (caps.go)
// for a test that provokes non-convergence; the returned func restores it.
// Tests that call it must not run in parallel.
func SetVisitCap(n int) (restore func()) {
	old := visitCap
	visitCap = n
	return func() { visitCap = old }
}
