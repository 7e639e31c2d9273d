// Command lockpoison-vet is a drop-in `go vet` tool: the standard vet
// analyzers (golang.org/x/tools/go/analysis/suite/vet, the suite cmd/vet
// runs) plus lockpoison, in one pass over each package:
//
//	go install github.com/lockpoison/lockpoison/cmd/lockpoison-vet@latest
//	go vet -vettool=$(which lockpoison-vet) ./...
//
// Every analyzer is selected by default; name analyzers to run only those
// (`-lockpoison`, `-printf`, ...). Analyzer flags carry the analyzer's name as
// a prefix: `-lockpoison.implicit-panics=false`, `-lockpoison.assume-recovered=exported`.
// It also works as `go fix -fixtool=$(which lockpoison-vet)` and with
// `go vet -fix` / `-diff` to apply suggested fixes.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/suite/vet"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/lockpoison/lockpoison/analyzer"
)

func main() {
	analyzers := append([]*analysis.Analyzer{}, vet.Suite...)
	unitchecker.Main(append(analyzers, analyzer.WithCheckNames(analyzer.Analyzer))...) // "... [lock-leak]"
}
