package analyzer

import "testing"

func TestLibraryExcluded(t *testing.T) {
	for path, want := range map[string]bool{
		"example.com/lib":                   false,
		"example.com/lib/internal/store":    true,
		"internal/poll":                     true,
		"example.com/lib/testutil":          true,
		"example.com/lib/zaptest":           true,
		"example.com/lib/latest":            false,
		"example.com/lib/internalize":       false,
		"example.com/lib/testing":           true,
		"example.com/lib/pkg/testutils/sub": false,
	} {
		if got := libraryExcluded(path); got != want {
			t.Errorf("libraryExcluded(%q) = %v, want %v", path, got, want)
		}
	}
}
