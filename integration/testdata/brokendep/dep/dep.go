// Package dep does not type-check with a current Go: platformValue is
// defined only in a file for older Go versions.
package dep

// Safe cannot panic.
func Safe(n int) int { return n + 1 }

// Risky may panic: a division by the length of m.
func Risky(m map[string]int) int { return m["x"] / len(m) }

// Value does not type-check.
func Value() int { return platformValue }
