package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoplsTypeError: gopls runs lockpoison on a package with a type error
// (the file being edited) and still publishes its diagnostic in the
// functions that type-check, beside the compiler's error.
func TestGoplsTypeError(t *testing.T) {
	bin := gopls(t)
	dir := copyFixture(t, "illtyped")
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	sample := filepath.Join(dir, "sample.go")
	line := markerLine(t, sample)
	uri := fileURI(sample)

	c := startLSP(t, dir, env(), bin, "serve")
	if err := c.call("initialize", map[string]any{
		"processId":        os.Getpid(),
		"rootUri":          fileURI(dir),
		"workspaceFolders": []map[string]any{{"uri": fileURI(dir), "name": "illtyped"}},
		"capabilities": map[string]any{
			"textDocument": map[string]any{"publishDiagnostics": map[string]any{"relatedInformation": true}},
		},
	}, nil, goplsTimeout); err != nil {
		t.Fatal(err)
	}
	if err := c.notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": string(text)},
	}); err != nil {
		t.Fatal(err)
	}

	var typeErr, leak bool
	if !c.waitFor(goplsTimeout, func() bool {
		typeErr, leak = false, false
		for _, d := range c.diagnostics[uri] {
			if strings.Contains(d.Message, "undefined: notYetWritten") {
				typeErr = true
			}
			if d.Source == "lockpoison" && d.Range.Start.Line == line-1 && strings.Contains(d.Message, wantMessage) {
				leak = true
			}
		}
		return typeErr && leak
	}) {
		c.mu.Lock()
		got := c.diagnostics[uri]
		c.mu.Unlock()
		t.Fatalf("want the type error and a lockpoison diagnostic on line %d (type error: %v, lockpoison: %v); got %+v\nstderr:\n%s",
			line, typeErr, leak, got, c.serverStderr())
	}
}

// brokenDep copies the module whose dependency does not type-check
// (testdata/brokendep: app imports dep, where a symbol is defined only for
// Go versions before 1.21) and returns the app directory.
func brokenDep(t *testing.T) (app string, line int) {
	dir := copyFixture(t, "brokendep")
	app = filepath.Join(dir, "app")
	return app, markerLine(t, filepath.Join(app, "app.go"))
}

// TestBrokenDependencyStandalone: the standalone command reports the
// dependency's type error once, still analyses the package that imports it
// (with the facts the dependency's syntax gives: Safe cannot panic), and
// exits non-zero.
func TestBrokenDependencyStandalone(t *testing.T) {
	tool := buildTool(t, "lockpoison")
	app, line := brokenDep(t)
	r := run(t, app, env(), vetTimeout, tool, "./...")
	if r.code == 0 {
		t.Errorf("lockpoison exited 0 with a broken dependency:\n%s", r)
	}
	if n := strings.Count(r.stderr, "undefined: platformValue"); n != 1 {
		t.Errorf("the dependency's type error is reported %d times, want once:\n%s", n, r)
	}
	if !hasFinding(r.stderr, "app.go", line, "s.mu stays locked if dep.Risky panics") {
		t.Errorf("no finding at app.go:%d in the importer of the broken dependency:\n%s", line, r)
	}
	if strings.Contains(r.stderr, "dep.Safe") || strings.Contains(r.stderr, "internal error") || strings.Contains(r.stderr, "panic:") {
		t.Errorf("unexpected report:\n%s", r)
	}
}

// TestBrokenDependencyVet: go vet builds a package's dependencies with the
// compiler before it runs the vet tool, so a dependency that does not
// compile stops the analysis of its importers: go vet reports the
// compiler's error and exits non-zero, and cannot do more (the limit is the
// go command's, documented in docs/integrations.md).
func TestBrokenDependencyVet(t *testing.T) {
	tool := buildTool(t, "lockpoison")
	app, _ := brokenDep(t)
	r := run(t, app, env(), vetTimeout, "go", "vet", "-vettool="+tool, "./...")
	if r.code == 0 || !strings.Contains(r.stderr, "undefined: platformValue") {
		t.Errorf("go vet with a broken dependency: want its type error and a non-zero exit:\n%s", r)
	}
	if strings.Contains(r.stderr, "stays locked") {
		t.Errorf("go vet analysed the importer of a package that does not compile (the go command changed: update the docs):\n%s", r)
	}
}
