package integration

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// gopls returns the gopls binary built with lockpoison by
// scripts/build-gopls.sh, or skips the test.
func gopls(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("LOCKPOISON_GOPLS")
	if bin == "" {
		t.Skip("LOCKPOISON_GOPLS is not set; scripts/integration.sh builds gopls with lockpoison and sets it")
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("LOCKPOISON_GOPLS: %v", err)
	}
	return bin
}

const goplsTimeout = 3 * time.Minute

func fileURI(path string) string {
	return "file://" + filepath.ToSlash(path)
}

// goplsFixture copies the vet fixture (the lock-leak plus a printf mistake,
// so a standard analyzer's diagnostic shows the pipeline works).
func goplsFixture(t *testing.T) (dir, sample string, line int) {
	t.Helper()
	dir = copyFixture(t, "vet")
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d // gopls reports canonical paths
	}
	sample = filepath.Join(dir, "sample.go")
	return dir, sample, markerLine(t, sample)
}

func TestGoplsLSP(t *testing.T) {
	bin := gopls(t)
	dir, sample, line := goplsFixture(t)
	uri := fileURI(sample)
	printfFile := filepath.Join(dir, "printf.go")
	printfURI := fileURI(printfFile)

	c := startLSP(t, dir, env(), bin, "serve")

	var initResult struct {
		Capabilities struct {
			CodeActionProvider json.RawMessage `json:"codeActionProvider"`
		} `json:"capabilities"`
		ServerInfo struct{ Name, Version string } `json:"serverInfo"`
	}
	err := c.call("initialize", map[string]any{
		"processId": os.Getpid(),
		"rootUri":   fileURI(dir),
		"workspaceFolders": []map[string]any{
			{"uri": fileURI(dir), "name": "sample"},
		},
		"capabilities": map[string]any{
			"workspace": map[string]any{
				"applyEdit":        true,
				"configuration":    true,
				"workspaceFolders": true,
				"workspaceEdit":    map[string]any{"documentChanges": true},
			},
			"textDocument": map[string]any{
				"publishDiagnostics": map[string]any{"relatedInformation": true, "dataSupport": true},
				"codeAction": map[string]any{
					"codeActionLiteralSupport": map[string]any{
						"codeActionKind": map[string]any{"valueSet": []string{"quickfix", "refactor", "source"}},
					},
					"dataSupport":    true,
					"resolveSupport": map[string]any{"properties": []string{"edit"}},
				},
			},
		},
		"initializationOptions": map[string]any{},
	}, &initResult, goplsTimeout)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("server: %s", initResult.ServerInfo.Name)
	if err := c.notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{sample, printfFile} {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.notify("textDocument/didOpen", map[string]any{
			"textDocument": map[string]any{"uri": fileURI(f), "languageId": "go", "version": 1, "text": string(text)},
		}); err != nil {
			t.Fatal(err)
		}
	}

	// Plumbing: diagnostics arrive, and a standard analyzer (printf) is among
	// them, so analyzers run on the opened files.
	if !c.waitFor(goplsTimeout, func() bool {
		for _, d := range c.diagnostics[printfURI] {
			if d.Source == "printf" {
				return true
			}
		}
		return false
	}) {
		c.mu.Lock()
		got, n := c.diagnostics[printfURI], c.published[printfURI]
		c.mu.Unlock()
		t.Fatalf("no printf diagnostic published for printf.go (%d publishes): %+v", n, got)
	}

	var diag *lspDiagnostic
	find := func() bool {
		for _, d := range c.diagnostics[uri] {
			if d.Source == "lockpoison" && d.Range.Start.Line == line-1 {
				diag = &d
				return true
			}
		}
		return false
	}
	if !c.waitFor(goplsTimeout, find) {
		c.mu.Lock()
		got := c.diagnostics[uri]
		n := c.published[uri]
		c.mu.Unlock()
		t.Fatalf("no lockpoison diagnostic on line %d of sample.go after %d publishes; last: %+v", line, n, got)
	}
	if b, err := json.Marshal(diag); err == nil {
		t.Logf("diagnostic: %s", b)
	}
	if !strings.Contains(diag.Message, wantMessage) {
		t.Errorf("message %q does not contain %q", diag.Message, wantMessage)
	}
	if diag.Code != "lock-leak" {
		t.Errorf("code = %v, want lock-leak", diag.Code)
	}
	if diag.Severity != 2 {
		t.Errorf("severity = %d, want 2 (warning)", diag.Severity)
	}

	// The quick fix.
	var actions []lspCodeAction
	if err := c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        diag.Range,
		"context": map[string]any{
			"diagnostics": []lspDiagnostic{*diag},
			"only":        []string{"quickfix"},
			"triggerKind": 1,
		},
	}, &actions, goplsTimeout); err != nil {
		t.Fatal(err)
	}
	var fix *lspCodeAction
	var titles []string
	for i, a := range actions {
		titles = append(titles, a.Title)
		if a.Title == "Defer the unlock" {
			fix = &actions[i]
		}
	}
	if fix == nil {
		t.Fatalf("no %q quick fix; got %q", "Defer the unlock", titles)
	}
	if fix.Kind != "" && fix.Kind != "quickfix" {
		t.Errorf("fix kind = %q, want quickfix", fix.Kind)
	}
	edit, err := resolveEdit(c, fix)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	fixed, err := applyTextEdits(string(src), edit.editsFor(uri))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sample, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	checkFixed(t, sample)
	mustBuild(t, dir)
}

// resolveEdit returns the workspace edit of a code action, however gopls
// delivers it: inline, through codeAction/resolve, or by a command that makes
// the server send workspace/applyEdit.
func resolveEdit(c *lspClient, a *lspCodeAction) (*lspWorkspaceEdit, error) {
	if a.Edit != nil {
		return a.Edit, nil
	}
	if len(a.Command) == 0 && len(a.Data) > 0 {
		var resolved lspCodeAction
		if err := c.call("codeAction/resolve", a, &resolved, goplsTimeout); err != nil {
			return nil, err
		}
		if resolved.Edit != nil {
			return resolved.Edit, nil
		}
		a = &resolved
	}
	if len(a.Command) == 0 {
		return nil, fmt.Errorf("code action %q has neither an edit nor a command", a.Title)
	}
	var cmd lspCommand
	if err := json.Unmarshal(a.Command, &cmd); err != nil {
		return nil, fmt.Errorf("code action %q: command: %v", a.Title, err)
	}
	c.mu.Lock()
	before := len(c.applyEdits)
	c.mu.Unlock()
	if err := c.call("workspace/executeCommand", map[string]any{
		"command": cmd.Command, "arguments": cmd.Arguments,
	}, nil, goplsTimeout); err != nil {
		return nil, err
	}
	var raw json.RawMessage
	if !c.waitFor(goplsTimeout, func() bool {
		if len(c.applyEdits) > before {
			raw = c.applyEdits[before]
			return true
		}
		return false
	}) {
		return nil, fmt.Errorf("command %s sent no workspace/applyEdit", cmd.Command)
	}
	edit := new(lspWorkspaceEdit)
	if err := json.Unmarshal(raw, edit); err != nil {
		return nil, err
	}
	return edit, nil
}

// TestGoplsCheck runs `gopls check FILE`, the command-line view of the
// diagnostics an editor shows.
func TestGoplsCheck(t *testing.T) {
	bin := gopls(t)
	dir, sample, line := goplsFixture(t)
	printfFile := filepath.Join(dir, "printf.go")
	printfLine := lineOf(t, printfFile, "fmt.Sprintf(")
	r := run(t, dir, env(), goplsTimeout, bin, "check", sample, printfFile)
	out := r.stdout + r.stderr
	// Plumbing: a standard analyzer's diagnostic is printed.
	if !hasFinding(out, "printf.go", printfLine, "format %d has arg") {
		t.Errorf("gopls check: no printf diagnostic at printf.go:%d:\n%s", printfLine, r)
	}
	if !hasFinding(out, "sample.go", line, wantMessage) {
		t.Errorf("gopls check: no lockpoison diagnostic at sample.go:%d:\n%s", line, r)
	}
}
