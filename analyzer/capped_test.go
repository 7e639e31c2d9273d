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

// TestUnconverged: a function whose analysis hits the cap on the visits of
// a block (lowered to 1 here) is reported as checked incompletely, not
// skipped silently; a function without a loop, beside it, converges. At
// the real cap, the same code converges: no notice, and no lock-leak (the
// loop may release mu, which the state before the fixed point misses).
func TestUnconverged(t *testing.T) {
	const loop = `package PKG

import "sync"

var mu sync.Mutex

func Loop(xs []int, f func()) int { // NOTICE
	defer func() { recover() }()
	n := 0
	mu.Lock() // LEAK
	for _, x := range xs {
		if x > 0 {
			mu.Unlock()
		}
		n += x
	}
	f()
	return n
}

func Straight(x int, f func()) int {
	defer func() { recover() }()
	mu.Lock() // want ` + "`" + `mu stays locked if f panics.*the panic is recovered in Straight \(PKG\.go:\d+\)` + "`" + `
	f()
	mu.Unlock()
	return x
}
`
	dir := t.TempDir()
	write := func(pkg, src string) {
		p := filepath.Join(dir, "src", pkg)
		if err := os.MkdirAll(p, 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p, pkg+".go"), []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	write("unconverged", strings.NewReplacer("PKG", "unconverged",
		"// NOTICE", "// want `the analysis of Loop did not converge \\(a block visited more than 1 times\\): its critical sections may be checked incompletely`",
		"// LEAK", "// want `mu stays locked if f panics.*the panic is recovered in Loop \\(unconverged\\.go:\\d+\\)`").Replace(loop))
	write("converged", strings.NewReplacer("PKG", "converged", " // NOTICE", "", " // LEAK", "").Replace(loop))
	analysistest.Run(diagnosticsOnly{t}, dir, analyzer.Analyzer, "converged")
	defer analyzer.SetVisitCap(1)()
	analysistest.Run(diagnosticsOnly{t}, dir, analyzer.Analyzer, "unconverged")
}
