package main

import (
	"bufio"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/lockpoison/lockpoison/analyzer"
)

// standalone loads pkgs, analyses them and prints the findings.
func standalone(a *analysis.Analyzer, pkgs []string, o *options, stdout, stderr io.Writer) (code int) {
	if stop, err := profile(o, stderr); err != nil {
		fmt.Fprintf(stderr, "lockpoison: %v\n", err)
		return 1
	} else {
		defer stop()
	}
	prog := newProgress(stderr)
	stopTicking := prog.ticking("loading " + strings.Join(pkgs, " "))
	initial, err := packages.Load(&packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Tests: o.tests,
	}, pkgs...)
	stopTicking()
	if err == nil && len(initial) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(pkgs, " "))
	}
	if err != nil {
		prog.done()
		fmt.Fprintf(stderr, "lockpoison: %v\n", err)
		return 1
	}
	if packages.PrintErrors(initial) > 0 {
		code = 1
	}

	all := map[string]*types.Package{}
	n := 0
	packages.Visit(initial, nil, func(p *packages.Package) {
		n++
		if p.Types != nil {
			all[p.PkgPath] = p.Types
		}
	})
	prog.done()
	for _, w := range boundaryWarnings(a, all) {
		fmt.Fprintf(stderr, "lockpoison: warning: %s\n", w)
	}

	// Count the passes for the progress line.
	var analysed atomic.Int64
	counted := *a
	counted.Run = func(pass *analysis.Pass) (any, error) {
		defer func() { prog.say("analysed %d of %d packages", analysed.Add(1), n) }()
		return a.Run(pass)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{&counted}, initial, &checker.Options{
		Sequential:  strings.Contains(o.debug, "p"),
		SanityCheck: strings.Contains(o.debug, "s"),
		FactLog:     factLog(o, stderr),
	})
	prog.done()
	if err != nil {
		fmt.Fprintf(stderr, "lockpoison: %v\n", err)
		return 1
	}

	// Errors: each once, not the "failed prerequisites" of the packages
	// that depend on a failed one.
	var findings []finding
	for act := range graph.All() {
		if act.Err != nil {
			code = 1
			if !strings.HasPrefix(act.Err.Error(), "failed prerequisites") {
				fmt.Fprintf(stderr, "lockpoison: %s: %s\n", act.Package.PkgPath, strings.TrimPrefix(act.Err.Error(), "lockpoison: "))
			}
		}
	}
	seen := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue
		}
		for _, d := range act.Diagnostics {
			f := newFinding(act.Package.Fset, d)
			if k := f.key(); !seen[k] {
				seen[k] = true
				findings = append(findings, f)
			}
		}
	}
	slices.SortFunc(findings, func(x, y finding) int { return x.compare(y) })

	switch {
	case o.json:
		if err := graph.PrintJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "lockpoison: %v\n", err)
			return 1
		}
	case o.sarif:
		if err := writeSARIF(stdout, findings); err != nil {
			fmt.Fprintf(stderr, "lockpoison: %v\n", err)
			return 1
		}
	default:
		w := bufio.NewWriter(stderr)
		for _, f := range findings {
			f.printText(w, o.context)
		}
		w.Flush()
	}
	if len(findings) > 0 && code == 0 && (!o.json && !o.sarif || o.setExitStatus) {
		code = 3
	}
	return code
}

// boundaryWarnings names each -boundaries entry that matches no function of
// the loaded packages (the analysed ones and all their dependencies).
func boundaryWarnings(a *analysis.Analyzer, pkgs map[string]*types.Package) []string {
	f := a.Flags.Lookup("boundaries")
	if f == nil || f.Value.String() == "" {
		return nil
	}
	var warnings []string
	for _, b := range strings.Split(f.Value.String(), ",") {
		if msg := analyzer.UnmatchedBoundary(b, func(path string) *types.Package { return pkgs[path] }); msg != "" {
			warnings = append(warnings, "-boundaries: "+msg)
		}
	}
	return warnings
}

// finding is one diagnostic of a root package, with resolved positions.
type finding struct {
	d       analysis.Diagnostic
	posn    token.Position
	end     token.Position
	related []relatedPos
}

type relatedPos struct {
	posn, end token.Position
	message   string
}

func newFinding(fset *token.FileSet, d analysis.Diagnostic) finding {
	f := finding{d: d, posn: fset.Position(d.Pos), end: fset.Position(d.End)}
	for _, r := range d.Related {
		f.related = append(f.related, relatedPos{fset.Position(r.Pos), fset.Position(r.End), r.Message})
	}
	return f
}

// key identifies a finding across the packages that share a file (p and
// p's test variant).
func (f finding) key() string {
	return fmt.Sprintf("%s\x00%s\x00%s", f.posn, f.d.Category, f.d.Message)
}

func (f finding) compare(g finding) int {
	if c := strings.Compare(f.posn.Filename, g.posn.Filename); c != 0 {
		return c
	}
	if f.posn.Offset != g.posn.Offset {
		return f.posn.Offset - g.posn.Offset
	}
	return strings.Compare(f.d.Category, g.d.Category)
}

// relPath shortens a file name to a path relative to the working
// directory when the file lies below it.
func relPath(name string) string {
	wd, err := os.Getwd()
	if err != nil {
		return name
	}
	if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return name
}

func posText(p token.Position) string {
	p.Filename = relPath(p.Filename)
	return p.String()
}

// printText prints "file:line:col: message [check]", and with -c=N the
// offending lines with N lines of context.
func (f finding) printText(w io.Writer, context int) {
	check := ""
	if f.d.Category != "" {
		check = " [" + f.d.Category + "]"
	}
	fmt.Fprintf(w, "%s: %s%s\n", posText(f.posn), f.d.Message, check)
	if context < 0 {
		return
	}
	data, err := os.ReadFile(f.posn.Filename)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	last := f.posn.Line
	if f.end.IsValid() && f.end.Line > last {
		last = f.end.Line
	}
	for l := max(1, f.posn.Line-context); l <= min(len(lines), last+context); l++ {
		fmt.Fprintf(w, "%d\t%s\n", l, lines[l-1])
	}
}

// progress shows what a standalone run is doing on one line of stderr,
// when stderr is a terminal (or LOCKPOISON_PROGRESS=1; =0 turns it off).
type progress struct {
	w      io.Writer
	on     bool
	last   atomic.Int64 // unix nanos of the last update
	shown  atomic.Bool
	prefix string
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, prefix: "lockpoison: "}
	switch os.Getenv("LOCKPOISON_PROGRESS") {
	case "1":
		p.on = true
	case "0":
	default:
		if f, ok := w.(*os.File); ok {
			if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
				p.on = true
			}
		}
	}
	return p
}

// say replaces the progress line (at most ten times a second).
func (p *progress) say(format string, args ...any) {
	if !p.on {
		return
	}
	now := time.Now().UnixNano()
	if last := p.last.Load(); now-last < int64(100*time.Millisecond) || !p.last.CompareAndSwap(last, now) {
		return
	}
	p.shown.Store(true)
	fmt.Fprintf(p.w, "\r\033[K%s%s", p.prefix, fmt.Sprintf(format, args...))
}

// ticking shows what, with the seconds elapsed, until the returned func is
// called: loading (go list, parsing, type-checking) gives no other progress.
func (p *progress) ticking(what string) (stop func()) {
	if !p.on {
		return func() {}
	}
	start := time.Now()
	p.say("%s", what)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case now := <-t.C:
				p.say("%s (%ds)", what, int(now.Sub(start).Seconds()))
			}
		}
	}()
	return func() { close(done); <-finished }
}

// done clears the progress line.
func (p *progress) done() {
	if p.on && p.shown.Swap(false) {
		fmt.Fprint(p.w, "\r\033[K")
	}
	p.last.Store(0)
}

func factLog(o *options, stderr io.Writer) io.Writer {
	if strings.Contains(o.debug, "f") {
		return stderr
	}
	return nil
}

// profile starts the -cpuprofile and -trace recordings and returns what
// stops them and writes -memprofile.
func profile(o *options, stderr io.Writer) (func(), error) {
	var stops []func()
	stop := func() {
		for _, s := range slices.Backward(stops) {
			s()
		}
	}
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if o.trace != "" {
		f, err := os.Create(o.trace)
		if err != nil {
			stop()
			return nil, err
		}
		if err := trace.Start(f); err != nil {
			stop()
			return nil, err
		}
		stops = append(stops, func() { trace.Stop(); f.Close() })
	}
	if o.memprofile != "" {
		name := o.memprofile
		stops = append(stops, func() {
			f, err := os.Create(name)
			if err != nil {
				fmt.Fprintf(stderr, "lockpoison: %v\n", err)
				return
			}
			runtime.GC()
			pprof.WriteHeapProfile(f)
			f.Close()
		})
	}
	return stop, nil
}
