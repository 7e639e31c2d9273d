//go:build !go1.21

package dep

const platformValue = 1
