package sample

import "fmt"

// Describe has a printf mistake that the standard vet suite reports.
func Describe(c *Cache) string {
	return fmt.Sprintf("cache with %d items", "many")
}
