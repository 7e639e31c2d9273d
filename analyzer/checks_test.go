package analyzer

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

var update = flag.Bool("update", false, "rewrite generated files: the check lists (TestCheckDocs), the fix .golden files (TestSuggestedFixes)")

// The generated parts of the docs: the README's checks table between the
// markers, docs/checks/README.md entirely, and the check list of Doc (in
// doc.go's package comment, from docListStart to the blank line before
// docListEnd).
const (
	readmeBegin  = "<!-- checks table: generated from analyzer/checks.go; go test ./analyzer -run TestCheckDocs -update -->\n"
	readmeEnd    = "<!-- end of checks table -->\n"
	docListStart = "lockpoison reports "
	docListEnd   = "\n\nWRONG:"
)

// commentForm is text as lines of a // comment.
func commentForm(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		switch {
		case l == "":
			lines[i] = "//"
		case strings.HasPrefix(l, "\t"):
			lines[i] = "//" + l
		default:
			lines[i] = "// " + l
		}
	}
	return strings.Join(lines, "\n")
}

func readmeTable() string {
	var b strings.Builder
	b.WriteString("| check | finds | page |\n| --- | --- | --- |\n")
	for _, ci := range Checks {
		if ci.Check {
			fmt.Fprintf(&b, "| `%s` | %s | [docs/checks/%s.md](docs/checks/%[1]s.md) |\n", ci.Name, ci.Summary, ci.Name)
		}
	}
	return b.String()
}

func checksIndex() string {
	var b strings.Builder
	b.WriteString(`# Checks

<!-- Generated from analyzer/checks.go by go test ./analyzer -run TestCheckDocs -update. DO NOT EDIT. -->

Each diagnostic of lockpoison has a category: its check. The check's name
is shown in the text output (` + "`... deadlocks [lock-leak]`" + `), is the
category in ` + "`-json`" + `, the SARIF rule id and the code in editors, and its
page is the diagnostic's URL:
` + "`" + RepoURL + "/blob/main/docs/checks/<check>.md`" + `.
Select checks with ` + "`-checks`" + ` (golangci-lint setting ` + "`checks`" + `), e.g.
` + "`-checks=all,-poison-ignored`" + ` or ` + "`-checks=lock-leak,torn-state`" + `.

| check | title | finds |
| --- | --- | --- |
`)
	for _, ci := range Checks {
		if ci.Check {
			fmt.Fprintf(&b, "| [`%s`](%[1]s.md) | %s | %s |\n", ci.Name, ci.Title, ci.Summary)
		}
	}
	b.WriteString("\nThe analyzer also reports about itself, whatever `-checks` says:\n")
	for _, ci := range Checks {
		if !ci.Check {
			fmt.Fprintf(&b, "\n## %s\n\n%s: %s.\n", ci.Name, ci.Title, ci.Summary)
		}
	}
	return b.String()
}

func docList() string {
	var b strings.Builder
	n := len(CheckNames())
	fmt.Fprintf(&b, "%sthese checks (select them with -checks):\n", docListStart)
	for _, ci := range Checks {
		if !ci.Check {
			continue
		}
		lines := wrap(ci.Summary+".", 78-18)
		for i, l := range lines {
			name := ""
			if i == 0 {
				name = ci.Name
			}
			fmt.Fprintf(&b, "\n\t%-16s%s", name, l)
		}
	}
	var others []string
	for _, ci := range Checks {
		if !ci.Check {
			others = append(others, ci.Name)
		}
	}
	fmt.Fprintf(&b, "\n\nIt also reports about itself (categories %s). The %d checks are\ndocumented at %s.",
		strings.Join(others, ", "), n, IndexURL)
	return b.String()
}

func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// replaceBetween replaces what lies between begin and end in s.
func replaceBetween(t *testing.T, name, s, begin, end, with string) string {
	i := strings.Index(s, begin)
	j := strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("%s: no %q ... %q", name, begin, end)
	}
	return s[:i+len(begin)] + with + s[j:]
}

// TestCheckDocs: the check lists in Doc, the README and docs/checks/README.md
// are the ones the Checks table generates, and every check has its page.
// Run with -update to regenerate them.
func TestCheckDocs(t *testing.T) {
	root := ".."
	type file struct {
		path string
		gen  func(old string) string
	}
	files := []file{
		{"README.md", func(old string) string {
			return replaceBetween(t, "README.md", old, readmeBegin, readmeEnd, readmeTable())
		}},
		{"docs/checks/README.md", func(string) string { return checksIndex() }},
		{"analyzer/doc.go", func(old string) string {
			start, end := commentForm(docListStart), "\n"+commentForm(docListEnd[1:])
			i := strings.Index(old, start)
			j := strings.Index(old, end)
			if i < 0 || j < i {
				t.Fatalf("doc.go: no %q ... %q", start, end)
			}
			return old[:i] + commentForm(docList()) + old[j:]
		}},
	}
	for _, f := range files {
		path := filepath.Join(root, f.path)
		data, _ := os.ReadFile(path)
		want := f.gen(string(data))
		if want == string(data) {
			continue
		}
		if *update {
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s is not what analyzer/checks.go generates; run go test ./analyzer -run TestCheckDocs -update", f.path)
	}
	if !*update && !strings.Contains(Doc, docList()) {
		t.Errorf("Doc does not hold the generated check list")
	}
	for _, ci := range Checks {
		if !ci.Check {
			continue
		}
		page := filepath.Join(root, "docs", "checks", ci.Name+".md")
		data, err := os.ReadFile(page)
		if err != nil {
			t.Errorf("check %s has no page: %v", ci.Name, err)
			continue
		}
		if !strings.HasPrefix(string(data), "# "+ci.Name+"\n") {
			t.Errorf("%s does not start with # %s", page, ci.Name)
		}
		if want := RepoURL + "/blob/main/docs/checks/" + ci.Name + ".md"; ci.URL() != want {
			t.Errorf("%s: URL %s, want %s", ci.Name, ci.URL(), want)
		}
	}
}

// TestSelectChecks: -checks selects, drops and rejects as documented.
func TestSelectChecks(t *testing.T) {
	all := CheckNames()
	for _, tc := range []struct {
		list []string
		want []string // enabled, in table order
		err  string
	}{
		{nil, all, ""},
		{[]string{"all"}, all, ""},
		{[]string{"lock-leak", "torn-state"}, []string{"lock-leak", "torn-state"}, ""},
		{[]string{"-poison-ignored"}, without(all, "poison-ignored"), ""},
		{[]string{"all", "-lock-leak"}, without(all, "lock-leak"), ""},
		{[]string{"-all", "torn-state"}, []string{"torn-state"}, ""},
		{[]string{"lock-leek"}, nil, `unknown check "lock-leek"`},
		{[]string{"directive"}, nil, `unknown check "directive"`},
	} {
		on, err := selectChecks(tc.list)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%v: err %v, want %q", tc.list, err, tc.err)
			}
			continue
		}
		var got []string
		for _, n := range all {
			if on[n] {
				got = append(got, n)
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%v: %v, want %v", tc.list, got, tc.want)
		}
	}
}

func without(list []string, x string) []string {
	var out []string
	for _, e := range list {
		if e != x {
			out = append(out, e)
		}
	}
	return out
}

// TestReporter: a deselected check is dropped, reports about the analysis
// itself always pass, and each diagnostic gets its check's URL.
func TestReporter(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Checks = []string{"-torn-state"}
	var got []analysis.Diagnostic
	report := cfg.reporter(func(d analysis.Diagnostic) { got = append(got, d) })
	for _, cat := range []string{CheckLockLeak, CheckTornState, categoryDirective} {
		report(analysis.Diagnostic{Category: cat, Message: cat})
	}
	if len(got) != 2 || got[0].Category != CheckLockLeak || got[1].Category != categoryDirective {
		t.Fatalf("reported %+v, want lock-leak and directive", got)
	}
	if want := RepoURL + "/blob/main/docs/checks/lock-leak.md"; got[0].URL != want {
		t.Errorf("lock-leak URL %q, want %q", got[0].URL, want)
	}
	if want := IndexURL + "#directive"; got[1].URL != want {
		t.Errorf("directive URL %q, want %q", got[1].URL, want)
	}
}
