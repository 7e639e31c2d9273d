package main

// lockpoison -fix and -diff: the command applies (or shows) the suggested
// fixes itself instead of x/tools' driver, which prints nothing about the
// findings it cannot fix and exits 0, and applies only the first fix of a
// finding.

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/packages"

	"github.com/lockpoison/lockpoison/analyzer"
)

// fixKindUsage documents -fix-kind.
const fixKindUsage = `with -fix or -diff, the fixes to apply: a comma-separated list tried in order for each finding, of
first (the first fix offered), defer ("Defer the unlock", with "and use poison.Mutex" when needed),
wrap ("Wrap the section in a func"), poison ("Use poison.Mutex/RWMutex", also "... and poison the lock in the
recover handler", and "Poison the lock in the recover handler"), registry ("Use poison.Registry"),
or N (the Nth fix offered); a finding with none of them is left and reported`

// -fix-kind is listed by -help with the driver's flags; fixMain parses it.
func init() { flag.CommandLine.String("fix-kind", "first", fixKindUsage) }

// wantsFix reports whether args (the command line, not a go vet unit)
// ask for -fix, -diff or -fix-kind.
func wantsFix(args []string) bool {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false // a go vet unit: unitchecker's business
	}
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			return false // flags end at the first package
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "fix", "diff", "fix-kind":
			return true
		}
	}
	return false
}

// fixMain runs lockpoison -fix or -diff in dir: it applies one fix per
// finding, chosen by -fix-kind, prints each applied fix and every finding
// left, and returns the exit status: 0 when no finding is left, 3 when
// some are (with -diff, which writes nothing, also when there is anything
// to fix), 1 on errors, 2 on a bad command line; -1 when the command line
// turns -fix and -diff off (-fix=false): the usual run.
func fixMain(dir string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lockpoison", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fix := fs.Bool("fix", false, "apply the suggested fixes")
	diff := fs.Bool("diff", false, "with -fix, print the changes as a unified diff instead of applying them")
	kinds := fs.String("fix-kind", "first", fixKindUsage)
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if !*fix && !*diff {
		set := false
		fs.Visit(func(f *flag.Flag) { set = set || f.Name == "fix" || f.Name == "diff" })
		if set {
			return -1 // -fix=false: the usual run
		}
		*fix = true // -fix-kind alone
	}
	choose, err := parseKinds(*kinds)
	if err != nil {
		fmt.Fprintf(stderr, "lockpoison: -fix-kind: %v\n", err)
		return 2
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: *tests, Dir: dir}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		fmt.Fprintf(stderr, "lockpoison: %v\n", err)
		return 1
	}
	status := 0
	if packages.PrintErrors(pkgs) > 0 {
		status = 1
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "lockpoison: %v\n", err)
		return 1
	}

	files := map[string]*fileEdits{}
	var order []string
	seen := map[string]bool{}
	var applied, left []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			fmt.Fprintf(stderr, "lockpoison: %s: %v\n", act.Package.PkgPath, act.Err)
			status = 1
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			posn := fset.Position(d.Pos)
			line := fmt.Sprintf("%s: %s", posn, d.Message)
			if seen[line] {
				continue // the package's test variant repeats its findings
			}
			seen[line] = true
			i := choose(d.SuggestedFixes)
			if i < 0 {
				left = append(left, line)
				continue
			}
			f := d.SuggestedFixes[i]
			var edits []edit
			ok := true
			for _, e := range f.TextEdits {
				tf := fset.File(e.Pos)
				if tf == nil {
					ok = false
					break
				}
				edits = append(edits, edit{tf.Name(), tf.Offset(e.Pos), tf.Offset(e.End), string(e.NewText)})
			}
			if !ok || !addFix(files, &order, edits) {
				left = append(left, line+" (its fix "+strconv.Quote(f.Message)+" conflicts with another: run -fix again)")
				continue
			}
			applied = append(applied, fmt.Sprintf("%s: applied %q", posn, f.Message))
		}
	}

	for _, name := range order {
		fe := files[name]
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "lockpoison: %v\n", err)
			return 1
		}
		out, err := fe.apply(src)
		if err != nil {
			fmt.Fprintf(stderr, "lockpoison: %s: %v\n", name, err)
			return 1
		}
		if *diff {
			fmt.Fprint(stdout, unifiedDiff(name, src, out))
			continue
		}
		if err := os.WriteFile(name, out, 0o666); err != nil {
			fmt.Fprintf(stderr, "lockpoison: %v\n", err)
			return 1
		}
	}
	verb := "applied"
	if *diff {
		verb = "would apply (-diff writes nothing)"
	}
	for _, l := range applied {
		fmt.Fprintln(stderr, strings.Replace(l, ": applied ", ": "+verb+" ", 1))
	}
	for _, l := range left {
		fmt.Fprintln(stderr, l)
	}
	fmt.Fprintf(stderr, "lockpoison: %s %d fixes; %d findings left without a fix\n", verb, len(applied), len(left))
	if len(left) > 0 || *diff && len(applied) > 0 {
		return max(status, 3)
	}
	return status
}

// parseKinds returns the function choosing a fix of a finding by -fix-kind
// (-1: none).
func parseKinds(s string) (func([]analysis.SuggestedFix) int, error) {
	var tests []func(i int, f analysis.SuggestedFix) bool
	for _, k := range strings.Split(s, ",") {
		k = strings.TrimSpace(k)
		var prefix string
		switch k {
		case "first":
			tests = append(tests, func(i int, _ analysis.SuggestedFix) bool { return i == 0 })
			continue
		case "defer":
			prefix = "Defer the unlock"
		case "wrap":
			prefix = "Wrap the section"
		case "poison":
			prefix = "Use poison.Mutex,Use poison.RWMutex,Poison the lock"
		case "registry":
			prefix = "Use poison.Registry"
		default:
			n, err := strconv.Atoi(k)
			if err != nil || n < 1 {
				return nil, fmt.Errorf("unknown kind %q: want first, defer, wrap, poison, registry or a number from 1", k)
			}
			tests = append(tests, func(i int, _ analysis.SuggestedFix) bool { return i == n-1 })
			continue
		}
		tests = append(tests, func(_ int, f analysis.SuggestedFix) bool {
			for _, p := range strings.Split(prefix, ",") {
				if strings.HasPrefix(f.Message, p) {
					return true
				}
			}
			return false
		})
	}
	return func(fixes []analysis.SuggestedFix) int {
		for _, test := range tests {
			for i, f := range fixes {
				if test(i, f) {
					return i
				}
			}
		}
		return -1
	}, nil
}

// edit is a text edit of a file, in byte offsets.
type edit struct {
	file       string
	start, end int
	text       string
}

// fileEdits are the edits accepted for one file.
type fileEdits struct {
	edits []edit
}

// addFix accepts the edits of one fix, all or none: an edit may repeat an
// accepted one (two findings share the change of a lock's type) but not
// overlap another.
func addFix(files map[string]*fileEdits, order *[]string, edits []edit) bool {
	for _, e := range edits {
		if fe := files[e.file]; fe != nil {
			for _, x := range fe.edits {
				if x == e {
					continue
				}
				if e.start < x.end && x.start < e.end || e.start == x.start && (e.start == e.end || x.start == x.end) {
					return false
				}
			}
		}
	}
	for _, e := range edits {
		fe := files[e.file]
		if fe == nil {
			fe = &fileEdits{}
			files[e.file] = fe
			*order = append(*order, e.file)
		}
		if !slices.Contains(fe.edits, e) {
			fe.edits = append(fe.edits, e)
		}
	}
	return true
}

// apply applies the edits to src and removes the imports of sync the
// fixes left unused (each fix keeps the import while another lock of the
// file still uses it).
func (fe *fileEdits) apply(src []byte) ([]byte, error) {
	edits := slices.Clone(fe.edits)
	slices.SortFunc(edits, func(a, b edit) int { return b.start - a.start })
	out := slices.Clone(src)
	for _, e := range edits {
		if e.end > len(out) || e.start > e.end {
			return nil, fmt.Errorf("an edit is out of range")
		}
		out = slices.Concat(out[:e.start], []byte(e.text), out[e.end:])
	}
	return dropUnusedSync(out)
}

func dropUnusedSync(src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("the fixed file does not parse: %v", err)
	}
	name := ""
	for _, spec := range f.Imports {
		if spec.Path.Value == `"sync"` {
			name = "sync"
			if spec.Name != nil {
				name = spec.Name.Name
			}
		}
	}
	if name == "" || name == "_" || name == "." {
		return src, nil
	}
	used := false
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == name {
				used = true
			}
		}
		return !used
	})
	if used {
		return src, nil
	}
	as := ""
	if name != "sync" {
		as = name
	}
	astutil.DeleteNamedImport(fset, f, as, "sync")
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
