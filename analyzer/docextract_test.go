package analyzer

import (
	"strings"
	"testing"
)

func TestExtractDoc(t *testing.T) {
	for _, tc := range []struct {
		src, want, err string
	}{
		{"// Package p does.\n//\n// # Analyzer a\n//\n// a: sums up\n//\n// Body.\n//\n// # Other\n//\n// x\npackage p\n", "sums up\n\nBody.", ""},
		{"// # Analyzer ab\n//\n// ab: longer name\npackage p\n", "", "no 'Analyzer a' heading"},
		{"// Package p.\n//\n// # Analyzer a\n//\n// no summary\npackage p\n", "", "not followed by"},
		{"package p\n", "", "no package doc"},
	} {
		got, err := extractDoc(tc.src, "a")
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("extractDoc(%q): error %v, want %q", tc.src, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("extractDoc(%q) = %q, %v, want %q", tc.src, got, err, tc.want)
		}
	}
	if !strings.HasPrefix(Doc, "report panics recovered while a lock is held") || !strings.Contains(Doc, "\nWRONG:\n") {
		t.Errorf("Doc is not doc.go's section: %q", Doc[:min(len(Doc), 80)])
	}
}
