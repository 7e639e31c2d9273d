package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testReport = `# report

<!-- counts -->
<!-- /counts -->

### alpha

| check | location | verdict | reason |
| --- | --- | --- | --- |
| lock-leak | ` + "`m@v1/a.go:10`" + ` | true risk | a logger under the lock |
| torn-state | ` + "`m@v1/a.go:20`" + ` | false positive | gone since |

### beta (library mode)

No findings.

## Other
`

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestTriageUpdate: --update adds an untriaged row for a new finding in its
// section (a table is created where there is none), marks the stale row,
// writes the counts, and the check still fails until a person triages.
func TestTriageUpdate(t *testing.T) {
	dir := t.TempDir()
	report := write(t, dir, "report.md", testReport)
	alpha := write(t, dir, "alpha.txt", "lock-leak\tm@v1/a.go:10\tmu stays locked\n")
	beta := write(t, dir, "beta.txt", "torn-state\tn@v2/b.go:5\tx is left half-updated | y\n")
	args := []findingsArg{{section: "alpha", file: alpha}, {section: "beta", file: beta}}

	var out bytes.Buffer
	bad, n, err := checkReport(report, args, true, &out)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || bad != 2 { // beta's finding has no row; alpha's a.go:20 row is stale
		t.Fatalf("bad, n = %d, %d; want 2, 2; output:\n%s", bad, n, &out)
	}
	got, _ := os.ReadFile(report)
	for _, want := range []string{
		"| torn-state | `m@v1/a.go:20` | false positive | **stale: no current finding** gone since |",
		"No findings.\n\n| check | location | verdict | reason |\n| --- | --- | --- | --- |\n| torn-state | `n@v2/b.go:5` | untriaged | x is left half-updated \\| y |\n\n## Other",
		"| alpha | 2 | 0 | 1 | 1 |\n| beta | 0 | 0 | 0 | 0 |\n| **total** | 2 | 0 | 1 | 1 |",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("report lacks %q; report:\n%s", want, got)
		}
	}

	// Without -update: still failing (the untriaged row has no verdict,
	// the stale row names no finding), and nothing is rewritten.
	out.Reset()
	bad, _, err = checkReport(report, args, false, &out)
	if err != nil {
		t.Fatal(err)
	}
	if bad != 2 || !strings.Contains(out.String(), "no verdict") || !strings.Contains(out.String(), "stale") {
		t.Errorf("bad = %d; want 2 (no verdict, stale); output:\n%s", bad, &out)
	}
	again, _ := os.ReadFile(report)
	if !bytes.Equal(again, got) {
		t.Errorf("the check without -update rewrote the report")
	}

	// Triaged: the verdict given, the stale row deleted, counts refreshed.
	fixed := strings.Replace(string(got), "| untriaged |", "| false positive |", 1)
	var kept []string
	for _, l := range strings.Split(fixed, "\n") {
		if !strings.Contains(l, staleMark) {
			kept = append(kept, l)
		}
	}
	write(t, dir, "report.md", strings.Join(kept, "\n"))
	if _, _, err := checkReport(report, args, true, &out); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if bad, _, _ := checkReport(report, args, false, &out); bad != 0 {
		t.Errorf("triaged report: %d problem(s):\n%s", bad, &out)
	}
}

// TestTriageSubset: rows of a section given as a subset (std-quick's
// findings in section std) are not stale when their finding did not run,
// and a finding in a section the report lacks is a problem.
func TestTriageSubset(t *testing.T) {
	dir := t.TempDir()
	report := write(t, dir, "report.md", strings.Replace(testReport, "<!-- counts -->\n", "<!-- counts -->\n| target | findings | true bug | true risk | false positive |\n| --- | --: | --: | --: | --: |\n| alpha | 2 | 0 | 1 | 1 |\n| beta | 0 | 0 | 0 | 0 |\n| **total** | 2 | 0 | 1 | 1 |\n", 1))
	sub := write(t, dir, "sub.txt", "lock-leak\tm@v1/a.go:10\tmu stays locked\n")
	var out bytes.Buffer
	if bad, _, _ := checkReport(report, []findingsArg{{section: "alpha", file: sub, subset: true}}, false, &out); bad != 0 {
		t.Errorf("subset: %d problem(s):\n%s", bad, &out)
	}
	out.Reset()
	if bad, _, _ := checkReport(report, []findingsArg{{section: "alpha", file: sub}}, false, &out); bad != 1 {
		t.Errorf("full section: %d problem(s), want 1 (the stale a.go:20):\n%s", bad, &out)
	}
	out.Reset()
	if bad, _, _ := checkReport(report, []findingsArg{{section: "gamma", file: sub}}, false, &out); bad != 1 {
		t.Errorf("unknown section: %d problem(s), want 1:\n%s", bad, &out)
	}
}
