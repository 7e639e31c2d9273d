// A dependency that does not type-check (a symbol defined only for other
// build tags, say).
package brokendep

// Safe cannot panic: its importers know it from the syntax fact.
func Safe(n int) int { return n + 1 }

// Risky may panic.
func Risky(m map[string]int) int { return m["x"] / len(m) }

// Broken does not type-check.
func Broken() int { return platformValue }
