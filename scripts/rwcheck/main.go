// Command rwcheck is the helper of scripts/realworld.sh: it turns go vet
// -json output into stable finding lines, and checks that every finding has
// a verdict in the triage report (docs/realworld.md).
//
//	rwcheck normalize -prefix NAME -root DIR <vet.json >findings
//	rwcheck triage [-update] REPORT FINDINGS
//
// normalize reads the JSON trees that `go vet -json` prints (one per
// package) and prints one line per diagnostic,
//
//	check<TAB>NAME/relative/file.go:line<TAB>message
//
// with the position made relative to DIR and prefixed with NAME (e.g.
// "$GOROOT/src" or "golang.org/x/tools@v0.52.0"). Analyzer errors are
// printed to stderr, and make it exit with status 3.
//
// triage checks the report against the findings: every finding needs a
// table row holding its check and `location` and one verdict (true bug,
// true risk, false positive); every row must name a current finding; and
// the counts block between <!-- counts --> and <!-- /counts --> must be
// what the rows add up to. With -update it rewrites the counts block.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	switch os.Args[1] {
	case "normalize":
		normalize(os.Args[2:])
	case "triage":
		triage(os.Args[2:])
	default:
		usage()
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: rwcheck normalize -prefix NAME -root DIR <vet.json\n       rwcheck triage [-update] REPORT FINDINGS")
	os.Exit(2)
}

type diag struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
}

func normalize(args []string) {
	fs := flag.NewFlagSet("normalize", flag.ExitOnError)
	prefix := fs.String("prefix", "", "display `name` of the root directory")
	root := fs.String("root", "", "`dir` the positions are made relative to")
	fs.Parse(args)
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fatal(err)
	}
	// go vet prints one JSON object per package, possibly after "# pkg"
	// comment lines: drop the comments, then decode the stream.
	var buf bytes.Buffer
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if !strings.HasPrefix(line, "#") {
			buf.WriteString(line)
		}
	}
	dec := json.NewDecoder(&buf)
	var lines []string
	errors := 0
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			fatal(fmt.Errorf("decoding go vet -json output: %v", err))
		}
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var e struct {
					Error string `json:"error"`
				}
				if json.Unmarshal(raw, &e) == nil && e.Error != "" {
					fmt.Fprintf(os.Stderr, "analyzer error: %s: %s: %s\n", pkg, analyzer, e.Error)
					errors++
					continue
				}
				var diags []diag
				if err := json.Unmarshal(raw, &diags); err != nil {
					fatal(fmt.Errorf("%s: %s: %v", pkg, analyzer, err))
				}
				for _, d := range diags {
					lines = append(lines, d.Category+"\t"+position(d.Posn, *root, *prefix)+"\t"+oneLine(d.Message))
				}
			}
		}
	}
	sort.Strings(lines)
	lines = dedup(lines) // a package and its test variant report the same line
	for _, l := range lines {
		fmt.Println(l)
	}
	if errors > 0 {
		os.Exit(3)
	}
}

// position turns "/abs/dir/file.go:12:3" into "prefix/file.go:12".
func position(posn, root, prefix string) string {
	file, line := posn, ""
	if i := strings.LastIndex(file, ":"); i >= 0 {
		file = file[:i] // column
	}
	if i := strings.LastIndex(file, ":"); i >= 0 {
		file, line = file[:i], file[i+1:]
	}
	if root != "" {
		if rel, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(rel, "..") {
			file = prefix + "/" + filepath.ToSlash(rel)
		}
	}
	return file + ":" + line
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func dedup(lines []string) []string {
	out := lines[:0]
	for i, l := range lines {
		if i == 0 || l != lines[i-1] {
			out = append(out, l)
		}
	}
	return out
}

var verdicts = []string{"true bug", "true risk", "false positive"}

var locRE = regexp.MustCompile("`([^`]+:[0-9]+)`")

type row struct {
	line     int
	check    string
	loc      string
	verdict  string
	target   string
	resolved bool
}

func triage(args []string) {
	fs := flag.NewFlagSet("triage", flag.ExitOnError)
	update := fs.Bool("update", false, "rewrite the counts block of the report")
	fs.Parse(args)
	if fs.NArg() != 2 {
		usage()
	}
	reportFile, findingsFile := fs.Arg(0), fs.Arg(1)
	report, err := os.ReadFile(reportFile)
	if err != nil {
		fatal(err)
	}
	findings, err := os.ReadFile(findingsFile)
	if err != nil {
		fatal(err)
	}
	bad := 0
	complain := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, format+"\n", args...)
		bad++
	}

	// Rows of the report's tables that name a location.
	var rows []*row
	var targets []string // every "### target" section, with or without findings
	byKey := map[string]*row{}
	target := ""
	for i, l := range strings.Split(string(report), "\n") {
		if strings.HasPrefix(l, "### ") {
			target = strings.TrimSpace(strings.TrimPrefix(l, "### "))
			targets = append(targets, target)
		}
		if !strings.HasPrefix(l, "|") {
			continue
		}
		m := locRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		r := &row{line: i + 1, loc: m[1], target: target}
		for _, c := range []string{"lock-leak", "torn-state", "handler-relock", "handler-unlock", "poison-ignored"} {
			if strings.Contains(l, c) {
				r.check = c
			}
		}
		lower := strings.ToLower(l)
		for _, v := range verdicts {
			if strings.Contains(lower, "| "+v) {
				if r.verdict != "" {
					complain("%s:%d: more than one verdict", reportFile, r.line)
				}
				r.verdict = v
			}
		}
		if r.verdict == "" {
			complain("%s:%d: no verdict (one of %s)", reportFile, r.line, strings.Join(verdicts, ", "))
		}
		key := r.check + " " + r.loc
		if byKey[key] != nil {
			complain("%s:%d: duplicate row for %s", reportFile, r.line, key)
		}
		byKey[key] = r
		rows = append(rows, r)
	}

	sc := bufio.NewScanner(bytes.NewReader(findings))
	n := 0
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), "\t", 3)
		if len(f) != 3 {
			continue
		}
		n++
		key := f[0] + " " + f[1]
		r := byKey[key]
		if r == nil {
			complain("no verdict in %s for finding: %s %s: %s", reportFile, f[0], f[1], f[2])
			continue
		}
		r.resolved = true
	}
	for _, r := range rows {
		if !r.resolved {
			complain("%s:%d: row for %s %s names no current finding (stale: remove it)", reportFile, r.line, r.check, r.loc)
		}
	}

	// The counts block.
	counts := countsBlock(targets, rows)
	const open, close = "<!-- counts -->\n", "<!-- /counts -->"
	i, j := bytes.Index(report, []byte(open)), bytes.Index(report, []byte(close))
	if i < 0 || j < i {
		complain("%s: no %q ... %q block", reportFile, strings.TrimSpace(open), close)
	} else if cur := string(report[i+len(open) : j]); cur != counts {
		if *update {
			report = append(append(append([]byte{}, report[:i+len(open)]...), counts...), report[j:]...)
			if err := os.WriteFile(reportFile, report, 0o644); err != nil {
				fatal(err)
			}
			fmt.Fprintf(os.Stderr, "updated the counts in %s\n", reportFile)
		} else {
			complain("%s: the counts block is out of date; want:\n%s", reportFile, counts)
		}
	}
	if bad > 0 {
		fmt.Fprintf(os.Stderr, "%d problem(s) in the triage of %d finding(s)\n", bad, n)
		os.Exit(1)
	}
	fmt.Printf("triage: %d finding(s), each with a verdict\n", n)
}

func countsBlock(targets []string, rows []*row) string {
	type count map[string]int
	by := map[string]count{}
	for _, t := range targets {
		by[t] = count{}
	}
	total := count{}
	for _, r := range rows {
		by[r.target][r.verdict]++
		total[r.verdict]++
	}
	var b strings.Builder
	b.WriteString("| target | findings | true bug | true risk | false positive |\n| --- | --: | --: | --: | --: |\n")
	line := func(name string, c count) {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d |\n", name, c["true bug"]+c["true risk"]+c["false positive"], c["true bug"], c["true risk"], c["false positive"])
	}
	for _, t := range targets {
		line(t, by[t])
	}
	line("**total**", total)
	return b.String()
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "rwcheck:", err)
	os.Exit(1)
}
