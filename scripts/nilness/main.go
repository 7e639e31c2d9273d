// Command nilness is a singlechecker of golang.org/x/tools' nilness pass,
// built from the same x/tools version as lockpoison. It is the baseline of
// scripts/bench-vet.sh: the closest SSA-based analyzer to compare
// lockpoison's CPU time and memory with, under go vet and standalone.
package main

import (
	"golang.org/x/tools/go/analysis/passes/nilness"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(nilness.Analyzer) }
