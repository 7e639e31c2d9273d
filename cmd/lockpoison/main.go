// Command lockpoison reports panics recovered while a lock is held or after
// the state it guards was half-updated.
//
// Usage:
//
//	lockpoison [flags] packages...
//	go vet -vettool=$(which lockpoison) [flags] packages...
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/lockpoison/lockpoison/analyzer"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
