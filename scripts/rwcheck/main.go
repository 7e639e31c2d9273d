// Command rwcheck is the helper of scripts/realworld.sh: it turns go vet
// -json output into stable finding lines, and checks that every finding has
// a verdict in the triage report (docs/realworld.md).
//
//	rwcheck normalize -prefix NAME -root DIR <vet.json >findings
//	rwcheck triage [-update] REPORT SECTION=FINDINGS[,subset]...
//	go mod edit -json | rwcheck localreplaces
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
// triage checks the report against the findings of the targets that ran,
// each file given with the report section ("### name ...") holding its
// verdicts: every finding needs a table row in its section holding its
// check and `location` and one verdict (true bug, true risk, false
// positive); every row of a section that ran must name a current finding
// (not checked for a ",subset" file); and the counts block between
// <!-- counts --> and <!-- /counts --> must be what the rows add up to.
// With -update it rewrites the counts block, appends a row with the verdict
// "untriaged" and the message for each finding that has none, and marks
// each stale row; the check keeps failing until a person gives each new row
// a verdict and removes the stale ones.
//
// localreplaces prints the replace directives of a go.mod that point to a
// directory, for go mod edit -dropreplace.
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
	case "localreplaces":
		localReplaces()
	default:
		usage()
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: rwcheck normalize -prefix NAME -root DIR <vet.json\n       rwcheck triage [-update] REPORT SECTION=FINDINGS[,subset]...\n       go mod edit -json | rwcheck localreplaces")
	os.Exit(2)
}

// localReplaces reads `go mod edit -json` and prints, one a line, the
// -dropreplace argument of each replace directive that points to a
// directory: a module copied out of the module cache (etcd's server) may
// replace its siblings with ../api, which is not there.
func localReplaces() {
	var mf struct {
		Replace []struct {
			Old, New struct{ Path, Version string }
		}
	}
	if err := json.NewDecoder(os.Stdin).Decode(&mf); err != nil {
		fatal(fmt.Errorf("decoding go mod edit -json: %v", err))
	}
	for _, r := range mf.Replace {
		if r.New.Version != "" {
			continue // a module replacement, not a directory
		}
		old := r.Old.Path
		if r.Old.Version != "" {
			old += "@" + r.Old.Version
		}
		fmt.Println(old)
	}
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
					msg := strings.TrimSuffix(d.Message, " ["+d.Category+"]") // under go vet the message ends with its check
					lines = append(lines, d.Category+"\t"+position(d.Posn, *root, *prefix)+"\t"+oneLine(msg))
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

// staleMark is what triage -update puts in front of the reason of a row
// that names no current finding; the row keeps failing until it is removed.
const staleMark = "**stale: no current finding**"

type row struct {
	line     int
	check    string
	loc      string
	verdict  string
	target   string
	resolved bool
}

// A findings argument of triage: SECTION=FILE, or SECTION=FILE,subset when
// the file holds a subset of the section's findings (std-quick), so rows
// of the section without a finding in it are not stale.
type findingsArg struct {
	section, file string
	subset        bool
}

func triage(args []string) {
	fs := flag.NewFlagSet("triage", flag.ExitOnError)
	update := fs.Bool("update", false, "rewrite the counts block of the report, add an untriaged row for each finding without one, mark stale rows")
	fs.Parse(args)
	if fs.NArg() < 2 {
		usage()
	}
	var fargs []findingsArg
	for _, a := range fs.Args()[1:] {
		sec, file, ok := strings.Cut(a, "=")
		if !ok {
			usage()
		}
		file, opt, _ := strings.Cut(file, ",")
		fargs = append(fargs, findingsArg{sec, file, opt == "subset"})
	}
	bad, n, err := checkReport(fs.Arg(0), fargs, *update, os.Stderr)
	if err != nil {
		fatal(err)
	}
	if bad > 0 {
		fmt.Fprintf(os.Stderr, "%d problem(s) in the triage of %d finding(s)\n", bad, n)
		os.Exit(1)
	}
	fmt.Printf("triage: %d finding(s), each with a verdict\n", n)
}

// checkReport is triage's work: it prints each problem to w and returns
// their number and the number of findings.
func checkReport(reportFile string, fargs []findingsArg, update bool, w io.Writer) (bad, n int, err error) {
	report, err := os.ReadFile(reportFile)
	if err != nil {
		return 0, 0, err
	}
	complain := func(format string, args ...any) {
		fmt.Fprintf(w, format+"\n", args...)
		bad++
	}

	// Rows of the report's tables that name a location, by section.
	lines := strings.Split(string(report), "\n")
	var rows []*row
	var targets []string // every "### target" section, with or without findings
	byKey := map[string]*row{}
	target := ""
	for i, l := range lines {
		if strings.HasPrefix(l, "### ") {
			target = sectionName(l)
			targets = append(targets, target)
		} else if strings.HasPrefix(l, "## ") {
			target = ""
		}
		if !strings.HasPrefix(l, "|") || target == "" {
			continue
		}
		m := locRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		r := &row{line: i + 1, loc: m[1], target: target}
		for _, c := range []string{"lock-leak", "torn-state", "handler-relock", "handler-unlock", "poison-ignored", "capped"} {
			if strings.Contains(l, "| "+c+" |") {
				r.check = c
			}
		}
		lower := strings.ToLower(l)
		for _, v := range verdicts {
			if strings.Contains(lower, "| "+v+" |") {
				if r.verdict != "" {
					complain("%s:%d: more than one verdict", reportFile, r.line)
				}
				r.verdict = v
			}
		}
		if r.verdict == "" {
			complain("%s:%d: no verdict (one of %s)", reportFile, r.line, strings.Join(verdicts, ", "))
		}
		key := target + " " + r.check + " " + r.loc
		if byKey[key] != nil {
			complain("%s:%d: duplicate row for %s", reportFile, r.line, key)
		}
		byKey[key] = r
		rows = append(rows, r)
	}

	inserts := map[string][]string{} // section -> new rows
	checked := map[string]bool{}     // sections whose rows must all name a finding
	for _, fa := range fargs {
		if !slicesContains(targets, fa.section) {
			complain("%s: no section \"### %s\" for the findings of %s", reportFile, fa.section, fa.file)
			continue
		}
		if !fa.subset {
			checked[fa.section] = true
		}
		data, err := os.ReadFile(fa.file)
		if err != nil {
			return bad, n, err
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			f := strings.SplitN(sc.Text(), "\t", 3)
			if len(f) != 3 {
				continue
			}
			n++
			r := byKey[fa.section+" "+f[0]+" "+f[1]]
			if r == nil {
				complain("no verdict in %s (### %s) for finding: %s %s: %s", reportFile, fa.section, f[0], f[1], f[2])
				inserts[fa.section] = append(inserts[fa.section], fmt.Sprintf("| %s | `%s` | untriaged | %s |", f[0], f[1], strings.ReplaceAll(f[2], "|", "\\|")))
				continue
			}
			r.resolved = true
		}
	}
	stale := map[int]bool{} // 0-based line numbers
	for _, r := range rows {
		if checked[r.target] && !r.resolved {
			complain("%s:%d: row for %s %s names no current finding (stale: remove it, or re-triage its finding if it moved)", reportFile, r.line, r.check, r.loc)
			stale[r.line-1] = true
		}
	}

	if update && (len(inserts) > 0 || len(stale) > 0) {
		lines = rewriteRows(lines, inserts, stale)
		report = []byte(strings.Join(lines, "\n"))
		fmt.Fprintf(w, "%s: added an untriaged row for each new finding and marked stale rows %s: give each a verdict\n", reportFile, staleMark)
	}

	// The counts block, from the rows.
	counts := countsBlock(targets, rows)
	const open, close = "<!-- counts -->\n", "<!-- /counts -->"
	i, j := bytes.Index(report, []byte(open)), bytes.Index(report, []byte(close))
	if i < 0 || j < i {
		complain("%s: no %q ... %q block", reportFile, strings.TrimSpace(open), close)
	} else if cur := string(report[i+len(open) : j]); cur != counts {
		if update {
			report = append(append(append([]byte{}, report[:i+len(open)]...), counts...), report[j:]...)
			fmt.Fprintf(w, "updated the counts in %s\n", reportFile)
		} else {
			complain("%s: the counts block is out of date; want:\n%s", reportFile, counts)
		}
	}
	if update {
		if err := os.WriteFile(reportFile, report, 0o644); err != nil {
			return bad, n, err
		}
	}
	return bad, n, nil
}

// sectionName is the target name of a "### name" heading: its first word
// (the rest may describe it: "### raft-lib (library mode)").
func sectionName(l string) string {
	f := strings.Fields(strings.TrimPrefix(l, "### "))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func slicesContains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// rewriteRows marks the stale rows and appends the new rows of each section
// to the section's last table, or to a new table at the section's end.
func rewriteRows(lines []string, inserts map[string][]string, stale map[int]bool) []string {
	const header = "| check | location | verdict | reason |\n| --- | --- | --- | --- |"
	var out []string
	section := ""
	lastTable := -1 // index in out of the last table line of the section
	flush := func() {
		rs := inserts[section]
		if section == "" || len(rs) == 0 {
			return
		}
		delete(inserts, section)
		if lastTable >= 0 {
			tail := append([]string{}, out[lastTable+1:]...)
			out = append(append(out[:lastTable+1], rs...), tail...)
			return
		}
		// No table yet: add one before the trailing blank lines.
		k := len(out)
		for k > 0 && strings.TrimSpace(out[k-1]) == "" {
			k--
		}
		tail := append([]string{}, out[k:]...)
		out = append(out[:k], "", header)
		out = append(append(out, rs...), tail...)
	}
	for i, l := range lines {
		if strings.HasPrefix(l, "## ") || strings.HasPrefix(l, "### ") {
			flush()
			section, lastTable = "", -1
			if strings.HasPrefix(l, "### ") {
				section = sectionName(l)
			}
		}
		if stale[i] && !strings.Contains(l, staleMark) {
			// Put the mark in the last cell (the reason).
			if k := strings.LastIndex(strings.TrimRight(l, " |"), "|"); k >= 0 {
				l = l[:k+1] + " " + staleMark + l[k+1:]
			}
		}
		out = append(out, l)
		if strings.HasPrefix(l, "|") {
			lastTable = len(out) - 1
		}
	}
	flush()
	return out
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
