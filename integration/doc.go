// Package integration holds lockpoison's end-to-end tests: each integration
// (go vet -vettool, go fix -fixtool, the standalone command, golangci-lint with
// the module plugin, gopls over LSP) run for real on the fixture modules in
// testdata/.
//
// The go vet / go fix / standalone tests always run; they build the tools with
// `go build`. So do the docs tests (docs_test.go: every shell command shown in
// the docs runs as shown in a sandbox, config snippets equal their files) and
// the check of .custom-gcl.yml against scripts/build-golangci-lint.sh. The golangci-lint and gopls tests need custom binaries and are
// skipped unless LOCKPOISON_GOLANGCI / LOCKPOISON_GOPLS name them;
// scripts/integration.sh builds both (cached) and runs everything.
package integration
