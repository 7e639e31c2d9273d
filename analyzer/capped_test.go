package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lockpoison/lockpoison/analyzer"
)

// TestCapped: a function with more blocks than lockpoison analyses is
// reported as not checked. Its fixture, 2,100 branches, is generated.
func TestCapped(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("package capped\n\nimport \"sync\"\n\nvar mu sync.Mutex\n\n")
	b.WriteString("func Huge(xs []int, f func()) int { // want `Huge has \\d+ blocks, more than the 4000 lockpoison analyses: its critical sections are not checked`\n")
	b.WriteString("\tdefer func() { recover() }()\n\tmu.Lock()\n\tn := 0\n")
	for i := range 2100 {
		fmt.Fprintf(&b, "\tif len(xs) > %d {\n\t\tn += %d\n\t}\n", i, i)
	}
	b.WriteString("\tf()\n\tmu.Unlock()\n\treturn n\n}\n\n")
	// Nearby, a small function with the same section is checked.
	b.WriteString("func Small(xs []int, f func()) int {\n\tdefer func() { recover() }()\n")
	b.WriteString("\tmu.Lock() // want `mu stays locked if f panics.*the panic is recovered in Small \\(capped\\.go:\\d+\\)`\n\tn := len(xs)\n\tf()\n\tmu.Unlock()\n\treturn n\n}\n")
	pkg := filepath.Join(dir, "src", "capped")
	if err := os.MkdirAll(pkg, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "capped.go"), []byte(b.String()), 0o666); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(diagnosticsOnly{t}, dir, analyzer.Analyzer, "capped")
}
