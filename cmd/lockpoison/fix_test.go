package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const fixSrc = `package m

import "sync"

type S struct {
	mu sync.Mutex
	n  int
	fn func() int
}

func swallow() { recover() }

func (s *S) A() {
	defer swallow()
	s.mu.Lock()
	s.n += s.fn()
	s.mu.Unlock()
}

// Filler, so that the hunks of A and C are apart.
func f1() {}
func f2() {}
func f3() {}
func f4() {}
func f5() {}
func f6() {}
func f7() {}
func f8() {}

// No fix: v is used after the section.
func (s *S) B() int {
	defer swallow()
	s.mu.Lock()
	v := s.fn()
	s.mu.Unlock()
	return v + s.fn()
}

func (s *S) C() {
	defer swallow()
	s.mu.Lock()
	s.n += s.fn()

	s.mu.Unlock()
}

func (s *S) D() {
	defer swallow()
	s.mu.Lock()
	s.n -= s.fn()
	s.mu.Unlock()
}
`

// TestFixCommand: lockpoison -fix applies one fix per finding, reports the
// fixes and the findings it leaves, and exits 3 when some are left;
// -diff's hunks, applied to the original, give -fix's result; -fix-kind
// chooses the fix.
func TestFixCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyses a module")
	}
	dir := t.TempDir()
	write := func(src string) {
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "m.go"), []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := fixMain(dir, args, &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}
	file := filepath.Join(dir, "m.go")

	// -fix-kind=registry: no such fix here, nothing changes, all is left.
	write(fixSrc)
	code, _, stderr := run("-fix", "-fix-kind=registry", "./...")
	if got, _ := os.ReadFile(file); code != 3 || string(got) != fixSrc || strings.Count(stderr, "stays locked") != 4 {
		t.Errorf("-fix-kind=registry: exit %d, changed %v, want 3, false, and 4 findings left:\n%s", code, string(got) != fixSrc, stderr)
	}
	if code, _, stderr := run("-fix", "-fix-kind=bogus", "./..."); code != 2 {
		t.Errorf("-fix-kind=bogus: exit %d, want 2\n%s", code, stderr)
	}

	// -diff writes nothing and prints the diff.
	code, diff, stderr := run("-diff", "./...")
	if got, _ := os.ReadFile(file); code != 3 || string(got) != fixSrc {
		t.Fatalf("-diff: exit %d, changed %v, want 3 and unchanged\n%s", code, string(got) != fixSrc, stderr)
	}
	if n := strings.Count(diff, "\n@@ "); n < 2 {
		t.Errorf("-diff: %d hunks, want 2 at least:\n%s", n, diff)
	}

	// -fix applies the fixes of A, C and D, and leaves B.
	code, _, stderr = run("-fix", "./...")
	fixed, _ := os.ReadFile(file)
	if code != 3 {
		t.Errorf("-fix: exit %d, want 3 (B is left)\n%s", code, stderr)
	}
	if strings.Count(stderr, `applied "Defer the unlock"`) != 3 || !strings.Contains(stderr, "no fix: the section declares v") ||
		!strings.Contains(stderr, "3 fixes; 1 findings left") {
		t.Errorf("-fix does not report the applied fixes and the finding left:\n%s", stderr)
	}
	patched, err := applyUnified(fixSrc, diff)
	if err != nil {
		t.Fatalf("applying -diff's output: %v\n%s", err, diff)
	}
	if patched != string(fixed) {
		t.Errorf("-diff's output applied to the original differs from -fix's result:\n%s\n-- -fix --\n%s", diff, fixed)
	}

	// -fix=false is the usual run.
	if code, _, _ := run("-fix=false", "./..."); code != -1 {
		t.Errorf("-fix=false: %d, want -1 (not handled)", code)
	}

	// With only fixable findings, -fix exits 0.
	write(strings.Replace(fixSrc, "return v + s.fn()", "return v", 1))
	if code, _, stderr := run("-fix", "./..."); code != 0 {
		t.Errorf("-fix with every finding fixed: exit %d, want 0\n%s", code, stderr)
	}

	// The poison fix says that its module must be required, unless it is
	// the current module.
	torn := `package m

import "sync"

type L struct {
	mu    sync.Mutex
	total int
	count int
	hook  func()
}

func (l *L) Add(n int) {
	defer func() { recover() }()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total += n
	l.hook()
	l.count++
}
`
	write(torn)
	if _, _, stderr := run("-diff", "./..."); !strings.Contains(stderr, `"Use poison.Mutex (requires go get github.com/lockpoison/lockpoison/runtime/poison)"`) {
		t.Errorf("the poison fix does not say its module must be required:\n%s", stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module github.com/lockpoison/lockpoison\n\ngo 1.26\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if _, _, stderr := run("-diff", "./..."); !strings.Contains(stderr, `"Use poison.Mutex"`) {
		t.Errorf("in the runtime's own module, the poison fix asks for go get:\n%s", stderr)
	}
}

// applyUnified applies a unified diff of one file to src, checking each
// hunk's header and context against the original.
func applyUnified(src, diff string) (string, error) {
	old := splitLines(src)
	var out []string
	next := 0 // the next line of old to copy
	lines := splitLines(diff)
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, "@@ ") {
			continue
		}
		var sa, na, sb, nb int
		if _, err := fmt.Sscanf(l, "@@ -%d,%d +%d,%d @@", &sa, &na, &sb, &nb); err != nil {
			return "", fmt.Errorf("bad header %q", l)
		}
		start := sa - 1
		if na == 0 {
			start = sa
		}
		if start < next {
			return "", fmt.Errorf("hunk %q overlaps the previous one", l)
		}
		out = append(out, old[next:start]...)
		if len(out) != sb-1 && nb > 0 {
			return "", fmt.Errorf("hunk %q: the new file is at line %d", l, len(out)+1)
		}
		pos := start
		ca, cb := 0, 0
		for i+1 < len(lines) && (ca < na || cb < nb) {
			i++
			h := lines[i]
			body := h[1:]
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\\") {
				body = strings.TrimSuffix(body, "\n") // \ No newline at end of file
				i++
			}
			switch h[0] {
			case ' ', '-':
				if pos >= len(old) || old[pos] != body {
					return "", fmt.Errorf("hunk %q: line %d is %q, want %q", l, pos+1, lineAt(old, pos), body)
				}
				pos++
				ca++
				if h[0] == ' ' {
					out = append(out, body)
					cb++
				}
			case '+':
				out = append(out, body)
				cb++
			default:
				return "", fmt.Errorf("hunk %q: bad line %q", l, h)
			}
		}
		if ca != na || cb != nb {
			return "", fmt.Errorf("hunk %q: counts %d,%d", l, ca, cb)
		}
		next = pos
	}
	out = append(out, old[next:]...)
	return strings.Join(out, ""), nil
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "EOF (" + strconv.Itoa(len(lines)) + " lines)"
}

// TestUnifiedDiff: the diff of random edits, applied to the original with
// its hunk headers checked, gives the edited text.
func TestUnifiedDiff(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		var old []string
		for range rng.IntN(40) {
			old = append(old, fmt.Sprintf("line %d\n", rng.IntN(8)))
		}
		edited := slices.Clone(old)
		for range rng.IntN(6) {
			at := rng.IntN(len(edited) + 1)
			switch rng.IntN(3) {
			case 0:
				edited = slices.Insert(edited, at, fmt.Sprintf("new %d\n", rng.IntN(3)))
			case 1:
				if at < len(edited) {
					edited = slices.Delete(edited, at, at+1)
				}
			case 2:
				if at < len(edited) {
					edited[at] = "changed\n"
				}
			}
		}
		a, b := strings.Join(old, ""), strings.Join(edited, "")
		if rng.IntN(4) == 0 && b != "" {
			b = strings.TrimSuffix(b, "\n") // no newline at the end
		}
		d := unifiedDiff("f.go", []byte(a), []byte(b))
		if (d == "") != (a == b) {
			t.Fatalf("case %d: diff %q of different texts", i, d)
		}
		got, err := applyUnified(a, d)
		if err != nil {
			t.Fatalf("case %d: %v\n%s", i, err, d)
		}
		if got != b {
			t.Fatalf("case %d: the diff applied gives\n%q\nwant\n%q\n%s", i, got, b, d)
		}
	}
}
