// Command lockpoison reports panics recovered while a lock is held or after
// the state it guards was half-updated.
//
// Usage:
//
//	lockpoison [flags] packages...
//	go vet -vettool=$(which lockpoison) [flags] packages...
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/lockpoison/lockpoison/analyzer"
)

func main() {
	if wantsFix(os.Args[1:]) {
		os.Exit(fixMain("", os.Args[1:], os.Stdout, os.Stderr)) // fix.go
	}
	singlechecker.Main(analyzer.Analyzer)
}
