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
		if code := fixMain("", os.Args[1:], os.Stdout, os.Stderr); code >= 0 { // fix.go
			os.Exit(code)
		}
	}
	singlechecker.Main(analyzer.Analyzer)
}
