package analyzer_test

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"text/scanner"
)

// A lock-leak or torn-state message ends with the recover site, in one of
// the shapes of report.go, boundary.go, messages.go and directive_facts.go:
//
//	... the panic is recovered in (*T).M (file.go:12)
//	... the panic is recovered by the server around handler F (file.go:12)
//	... the panic is recovered by -boundaries function F (file.go:12)
//	... the panic is assumed recovered by a caller of exported F (file.go:12)
//	... the panic is recovered by a caller of F (file.go:12), a method of ...
//
// so every site names a function and the file it is in. siteRx finds the
// start of the site in a want pattern and siteFileRx its file: between the
// two there must be a name, not a wildcard, so that the pattern fails when
// the panic is recovered somewhere else.
var (
	siteRx     = regexp.MustCompile(`recovered (in|by) `)
	siteFileRx = regexp.MustCompile(`\\\(\w+\\?\.go:`)
	wildcardRx = regexp.MustCompile(`\.[*+?]|\.\{|\|`)
)

// siteProblem says what a lock-leak/torn-state want pattern lacks to name
// its recover site, or "" when it names it (or is another check's pattern).
func siteProblem(pattern string) string {
	if !strings.Contains(pattern, "stays locked") && !strings.Contains(pattern, "half-updated") {
		return ""
	}
	loc := siteRx.FindStringIndex(pattern)
	if loc == nil {
		return "does not name the recover site (no \"recovered in\" / \"recovered by\")"
	}
	rest := pattern[loc[1]:]
	f := siteFileRx.FindStringIndex(rest)
	if f == nil {
		return "names no file of the recover site (want \\(file\\.go:\\d+\\) after \"recovered ...\")"
	}
	name := rest[:f[0]]
	if wildcardRx.MatchString(name) {
		return fmt.Sprintf("matches any recover site: %q between \"recovered\" and the file is not a name", name)
	}
	if !regexp.MustCompile(`\w`).MatchString(name) {
		return "names no function for the recover site"
	}
	return ""
}

// TestWantsNameRecoverSite: every `// want` pattern for a lock-leak or
// torn-state diagnostic in testdata (fixtures and their .golden files)
// names the recover site: the function (or handler) and its file. A
// pattern that stopped at the panic point would pass with the panic
// recovered anywhere (issue 18).
func TestWantsNameRecoverSite(t *testing.T) {
	checked := 0
	err := filepath.WalkDir(testdata, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, ".golden") {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for line := 1; sc.Scan(); line++ {
			text := sc.Text()
			i := strings.Index(text, "// want")
			if i < 0 {
				continue
			}
			rel, _ := filepath.Rel(testdata, path)
			patterns, err := wantPatterns(text[i+len("// want"):])
			if err != nil {
				if strings.Contains(text, "stays locked") || strings.Contains(text, "half-updated") {
					t.Errorf("%s:%d: cannot parse want comment: %v", rel, line, err)
				}
				continue
			}
			for _, p := range patterns {
				if !strings.Contains(p, "stays locked") && !strings.Contains(p, "half-updated") {
					continue
				}
				checked++
				if why := siteProblem(p); why != "" {
					t.Errorf("%s:%d: want `%s` %s", rel, line, p, why)
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("checked %d lock-leak/torn-state want patterns", checked)
	// About 240 such patterns exist (goldens repeat their fixture's): a
	// walk that finds few has lost the fixtures, not checked them.
	if checked < 200 {
		t.Errorf("checked %d lock-leak/torn-state want patterns, expected at least 200", checked)
	}
}

// wantPatterns returns the diagnostic patterns of a want comment (the text
// after "want"), as analysistest scans them; fact patterns (name:"...")
// are left out.
func wantPatterns(text string) ([]string, error) {
	var sc scanner.Scanner
	sc.Init(strings.NewReader(text))
	sc.Mode = scanner.ScanIdents | scanner.ScanStrings | scanner.ScanRawStrings | scanner.ScanInts
	var scanErr error
	sc.Error = func(_ *scanner.Scanner, msg string) { scanErr = fmt.Errorf("%s", msg) }
	var out []string
	fact := false
	for {
		tok := sc.Scan()
		switch tok {
		case scanner.EOF:
			return out, scanErr
		case '+', ':', scanner.Int:
			fact = fact || tok == ':'
		case scanner.Ident:
		case scanner.String, scanner.RawString:
			p, err := strconv.Unquote(sc.TokenText())
			if err != nil {
				return nil, err
			}
			if !fact {
				out = append(out, p)
			}
			fact = false
		default:
			return nil, fmt.Errorf("unexpected %s", scanner.TokenString(tok))
		}
	}
}

// TestSiteProblem: the rule accepts the shapes of the messages and refuses
// patterns that stop before the recover site or leave it to a wildcard.
func TestSiteProblem(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		ok      bool
	}{
		{`s.mu stays locked if f panics.*the panic is recovered in \(\*T\)\.M \(x\.go:\d+\)`, true},
		{`s.mu stays locked if f panics: the panic is recovered in Run \(x\.go:12\) and`, true},
		{`s.n is left half-updated if f panics.*recovered by the server around handler \(\*S\)\.ServeHTTP \(h\.go:\d+\)`, true},
		{`s.mu stays locked if f panics.*assumed recovered by a caller of exported Get \(lib\.go:\d+\)`, true},
		{`s.mu stays locked if f panics.*recovered by a caller of //lockpoison:recovered Do \(d\.go:\d+\)`, true},
		{`the recover handler unlocks s.mu`, true}, // another check
		{`s.mu stays locked if f panics`, false},
		{`s.mu stays locked if f panics.*recovered in`, false},
		{`s.mu stays locked if f panics.*recovered in .* \(x\.go:\d+\)`, false},
		{`s.mu stays locked if f panics.*recovered in (A|B) \(x\.go:\d+\)`, false},
		{`s.mu stays locked if f panics.*recovered in Run`, false},
		{`s.n is left half-updated.*recovered by the server`, false},
		{`s.mu stays locked if f panics.*recovered in \(x\.go:\d+\)`, false},
	} {
		if got := siteProblem(tc.pattern) == ""; got != tc.ok {
			t.Errorf("siteProblem(%q) = %q, want ok=%v", tc.pattern, siteProblem(tc.pattern), tc.ok)
		}
	}
}
