package integration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The vet fixture: sample.go (the lock-leak), printf.go (a printf mistake
// the standard vet suite reports) and flags.go (a lock-leak only under
// -assume-recovered=exported with implicit panics on).

const vetTimeout = 3 * time.Minute

func vetFixture(t *testing.T) (dir, sample string, line int) {
	dir = copyFixture(t, "vet")
	sample = filepath.Join(dir, "sample.go")
	return dir, sample, markerLine(t, sample)
}

// lineOf returns the 1-based line of the first line of file containing s.
func lineOf(t *testing.T, file, s string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("%s: no line containing %q", file, s)
	return 0
}

// hasFinding reports whether out has a line "FILE:LINE:...MSG".
func hasFinding(out, file string, line int, msg string) bool {
	prefix := fmt.Sprintf("%s:%d:", file, line)
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, prefix) && strings.Contains(l, msg) {
			return true
		}
	}
	return false
}

func TestVetTool(t *testing.T) {
	tool := buildTool(t, "lockpoison")
	dir, _, line := vetFixture(t)

	r := run(t, dir, env(), vetTimeout, "go", "vet", "-vettool="+tool, "./...")
	if r.code == 0 {
		t.Errorf("go vet -vettool=lockpoison exited 0, want non-zero with findings")
	}
	if !hasFinding(r.stderr, "sample.go", line, wantMessage) {
		t.Errorf("go vet output has no %q finding at sample.go:%d:\n%s", wantMessage, line, r.stderr)
	}
	putLine := lineOf(t, filepath.Join(dir, "flags.go"), "lock-leak with -assume-recovered")
	if hasFinding(r.stderr, "flags.go", putLine, "stays locked") {
		t.Errorf("flags.go:%d reported without -assume-recovered=exported:\n%s", putLine, r.stderr)
	}
}

// vetJSON is go vet -json output: package ID -> analyzer -> diagnostics
// (or an error).
type vetJSON map[string]map[string]json.RawMessage

type vetDiag struct {
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	Category       string `json:"category"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

// parseVetJSON decodes the JSON objects in go vet -json output (which
// interleaves "# package" comment lines).
func parseVetJSON(t *testing.T, out string) map[string][]vetDiag {
	t.Helper()
	var buf bytes.Buffer
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "#") {
			buf.WriteString(l + "\n")
		}
	}
	diags := map[string][]vetDiag{} // analyzer -> diagnostics, over all packages
	dec := json.NewDecoder(&buf)
	for {
		var v vetJSON
		if err := dec.Decode(&v); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("decoding go vet -json output: %v\n%s", err, out)
			}
			break
		}
		for _, byAnalyzer := range v {
			for name, raw := range byAnalyzer {
				var ds []vetDiag
				if err := json.Unmarshal(raw, &ds); err != nil {
					t.Errorf("analyzer %s: not a diagnostic list (an analysis error?): %s", name, raw)
					continue
				}
				diags[name] = append(diags[name], ds...)
			}
		}
	}
	return diags
}

func TestVetToolJSON(t *testing.T) {
	tool := buildTool(t, "lockpoison")
	dir, _, line := vetFixture(t)

	r := run(t, dir, env(), vetTimeout, "go", "vet", "-vettool="+tool, "-json", "./...")
	if r.code != 0 {
		t.Errorf("go vet -json exited %d, want 0 (findings are data in -json mode)", r.code)
	}
	diags := parseVetJSON(t, r.stderr+r.stdout)
	found := false
	for _, d := range diags["lockpoison"] {
		if strings.HasSuffix(filePart(d.Posn), "sample.go") && linePart(d.Posn) == line && strings.Contains(d.Message, wantMessage) {
			found = true
			if d.Category != "lock-leak" {
				t.Errorf("category = %q, want lock-leak", d.Category)
			}
			if len(d.SuggestedFixes) == 0 || d.SuggestedFixes[0].Message != "Defer the unlock" {
				t.Errorf("want a first suggested fix %q, got %+v", "Defer the unlock", d.SuggestedFixes)
			}
		}
	}
	if !found {
		t.Errorf("no lockpoison diagnostic at sample.go:%d in go vet -json output: %+v", line, diags)
	}
}

// filePart and linePart split a "file:line:col" position.
func filePart(posn string) string {
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		return posn
	}
	return strings.Join(parts[:len(parts)-2], ":")
}

func linePart(posn string) int {
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		return 0
	}
	n := 0
	fmt.Sscan(parts[len(parts)-2], &n)
	return n
}

func TestVetToolFlags(t *testing.T) {
	tool := buildTool(t, "lockpoison")
	dir, _, line := vetFixture(t)
	putLine := lineOf(t, filepath.Join(dir, "flags.go"), "lock-leak with -assume-recovered")

	t.Run("invalid", func(t *testing.T) {
		r := run(t, dir, env(), vetTimeout, "go", "vet", "-vettool="+tool, "-assume-recovered=everything", "./...")
		if r.code == 0 || !strings.Contains(r.stderr, "none or exported") {
			t.Errorf("go vet -assume-recovered=everything: want a failure naming the valid values, got:\n%s", r)
		}
	})
	t.Run("assume-recovered=exported", func(t *testing.T) {
		r := run(t, dir, env(), vetTimeout, "go", "vet", "-vettool="+tool, "-assume-recovered=exported", "./...")
		if !hasFinding(r.stderr, "flags.go", putLine, "stays locked") {
			t.Errorf("-assume-recovered=exported: no finding at flags.go:%d:\n%s", putLine, r.stderr)
		}
		if !hasFinding(r.stderr, "sample.go", line, wantMessage) {
			t.Errorf("-assume-recovered=exported: lost the finding at sample.go:%d:\n%s", line, r.stderr)
		}
	})
	t.Run("implicit-panics=false", func(t *testing.T) {
		r := run(t, dir, env(), vetTimeout, "go", "vet", "-vettool="+tool, "-assume-recovered=exported", "-implicit-panics=false", "./...")
		if hasFinding(r.stderr, "flags.go", putLine, "stays locked") {
			t.Errorf("-implicit-panics=false still reports the nil map write at flags.go:%d:\n%s", putLine, r.stderr)
		}
		// A call through a func value is an explicit panic point.
		if !hasFinding(r.stderr, "sample.go", line, wantMessage) {
			t.Errorf("-implicit-panics=false: lost the finding at sample.go:%d:\n%s", line, r.stderr)
		}
	})
}

func TestVetSuiteTool(t *testing.T) {
	tool := buildTool(t, "lockpoison-vet")
	dir, _, line := vetFixture(t)
	printfLine := lineOf(t, filepath.Join(dir, "printf.go"), "fmt.Sprintf(")

	r := run(t, dir, env(), vetTimeout, "go", "vet", "-vettool="+tool, "./...")
	if r.code == 0 {
		t.Errorf("go vet -vettool=lockpoison-vet exited 0, want non-zero with findings")
	}
	if !hasFinding(r.stderr, "printf.go", printfLine, "format %d has arg") {
		t.Errorf("no printf finding at printf.go:%d (the standard vet suite did not run?):\n%s", printfLine, r.stderr)
	}
	if !hasFinding(r.stderr, "sample.go", line, wantMessage) {
		t.Errorf("no lockpoison finding at sample.go:%d:\n%s", line, r.stderr)
	}

	t.Run("prefixed flag", func(t *testing.T) {
		putLine := lineOf(t, filepath.Join(dir, "flags.go"), "lock-leak with -assume-recovered")
		r := run(t, dir, env(), vetTimeout, "go", "vet", "-vettool="+tool, "-lockpoison.assume-recovered=exported", "./...")
		if !hasFinding(r.stderr, "flags.go", putLine, "stays locked") {
			t.Errorf("-lockpoison.assume-recovered=exported: no finding at flags.go:%d:\n%s", putLine, r.stderr)
		}
	})
	t.Run("only lockpoison", func(t *testing.T) {
		r := run(t, dir, env(), vetTimeout, "go", "vet", "-vettool="+tool, "-lockpoison", "./...")
		if hasFinding(r.stderr, "printf.go", printfLine, "format %d") {
			t.Errorf("-lockpoison still ran printf:\n%s", r.stderr)
		}
		if !hasFinding(r.stderr, "sample.go", line, wantMessage) {
			t.Errorf("-lockpoison: no lockpoison finding at sample.go:%d:\n%s", line, r.stderr)
		}
	})
}

// TestGoFix applies the suggested fix with Go 1.26's go fix -fixtool.
func TestGoFix(t *testing.T) {
	tool := buildTool(t, "lockpoison")
	dir := copyFixture(t, "golangci") // only the lock-leak: one fix
	sample := filepath.Join(dir, "sample.go")

	r := run(t, dir, env(), vetTimeout, "go", "fix", "-fixtool="+tool, "-diff", "./...")
	if !strings.Contains(r.stdout+r.stderr, "+\tdefer c.mu.Unlock()") {
		t.Errorf("go fix -diff: no diff adding the deferred unlock:\n%s", r)
	}

	r = run(t, dir, env(), vetTimeout, "go", "fix", "-fixtool="+tool, "./...")
	if r.code != 0 {
		t.Errorf("go fix -fixtool exited %d", r.code)
	}
	checkFixed(t, sample)
	mustBuild(t, dir)

	r = run(t, dir, env(), vetTimeout, "go", "vet", "-vettool="+tool, "./...")
	if strings.Contains(r.stderr, wantMessage) || r.code != 0 {
		t.Errorf("after go fix, go vet still reports:\n%s", r)
	}
}

// TestVetFix applies the fix with go vet -fix.
func TestVetFix(t *testing.T) {
	tool := buildTool(t, "lockpoison")
	dir := copyFixture(t, "golangci")
	run(t, dir, env(), vetTimeout, "go", "vet", "-vettool="+tool, "-fix", "./...")
	checkFixed(t, filepath.Join(dir, "sample.go"))
	mustBuild(t, dir)
}

// TestStandalone runs the singlechecker directly: text, -json and -fix.
func TestStandalone(t *testing.T) {
	tool := buildTool(t, "lockpoison")
	dir := copyFixture(t, "golangci")
	sample := filepath.Join(dir, "sample.go")
	line := markerLine(t, sample)

	r := run(t, dir, env(), vetTimeout, tool, "./...")
	if r.code == 0 || !hasFinding(r.stderr, "sample.go", line, wantMessage) {
		t.Errorf("lockpoison ./...: want a finding at sample.go:%d and a non-zero exit:\n%s", line, r)
	}

	r = run(t, dir, env(), vetTimeout, tool, "-json", "./...")
	diags := parseVetJSON(t, r.stdout)
	if len(diags["lockpoison"]) == 0 {
		t.Errorf("lockpoison -json: no lockpoison diagnostics:\n%s", r)
	}

	run(t, dir, env(), vetTimeout, tool, "-fix", "./...")
	checkFixed(t, sample)
	mustBuild(t, dir)
	r = run(t, dir, env(), vetTimeout, tool, "./...")
	if r.code != 0 || strings.Contains(r.stderr, wantMessage) {
		t.Errorf("lockpoison after -fix: want no findings:\n%s", r)
	}
}
