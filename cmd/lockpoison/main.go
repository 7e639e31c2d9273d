// Command lockpoison reports panics recovered while a lock is held or after
// the state it guards was half-updated.
//
// Usage:
//
//	lockpoison [flags] packages...
//	go vet -vettool=$(which lockpoison) [flags] packages...
//
// Standalone, it loads the packages with go/packages, runs the analyzer
// (golang.org/x/tools/go/analysis/checker) and prints each finding as
// file:line:col: message [check], or all of them as -json or -sarif. Under
// go vet (a *.cfg argument), with -fix/-diff and for -flags it hands over to
// golang.org/x/tools/go/analysis/singlechecker, which implements those
// protocols.
//
// Exit status: 0 no findings; 3 findings (with -json or -sarif only under
// -set-exit-status); 1 an error (a package that does not load or
// type-check, an analysis error); 2 a usage error (unknown flag, malformed
// flag value, no packages).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/lockpoison/lockpoison/analyzer"
)

func main() { os.Exit(run(analyzer.Analyzer, os.Args[1:], os.Stdout, os.Stderr)) }

// options are the driver's flags (the analyzer's own are in a.Flags).
type options struct {
	json, sarif, setExitStatus bool
	fix, diff, printFlags      bool
	tests                      bool
	context                    int
	debug                      string
	cpuprofile, memprofile     string
	trace                      string
	version                    versionValue
}

// driverFlags are the flags lockpoison handles itself and never hands to
// singlechecker.
var driverFlags = map[string]bool{"sarif": true, "set-exit-status": true, "V": true}

func newFlagSet(a *analysis.Analyzer, o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("lockpoison", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported by run, in one line
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	fs.BoolVar(&o.json, "json", false, "print the findings as JSON on stdout (exit status 0 unless -set-exit-status)")
	fs.BoolVar(&o.sarif, "sarif", false, "print the findings as SARIF 2.1.0 on stdout, one rule per check (exit status 0 unless -set-exit-status)")
	fs.BoolVar(&o.setExitStatus, "set-exit-status", false, "with -json or -sarif, exit with status 3 when there are findings")
	fs.BoolVar(&o.fix, "fix", false, "apply the first suggested fix of each finding")
	fs.BoolVar(&o.diff, "diff", false, "print the suggested fixes as a unified diff instead of applying them (implies -fix)")
	fs.String("fix-kind", "first", fixKindUsage)
	fs.BoolVar(&o.printFlags, "flags", false, "print the analyzer flags in JSON (for go vet)")
	fs.BoolVar(&o.tests, "test", true, "load the packages' tests too (findings in _test.go files need -tests as well)")
	fs.IntVar(&o.context, "c", -1, "display the offending line with this many lines of context")
	fs.StringVar(&o.debug, "debug", "", `debug flags, any subset of "fps" (facts, sequential, sanity checks)`)
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&o.memprofile, "memprofile", "", "write a memory profile to this file")
	fs.StringVar(&o.trace, "trace", "", "write a trace log to this file")
	fs.Var(&o.version, "V", "print the version and exit (-V=full: the build ID go vet uses)")
	// Legacy vet flags that singlechecker accepts as no-ops.
	for _, name := range []string{"source", "v", "all"} {
		fs.Bool(name, false, "no effect (deprecated)")
	}
	fs.String("tags", "", "no effect (deprecated)")
	fs.Usage = func() {} // run prints the usage for -help, a one-line error otherwise
	return fs
}

func usage(a *analysis.Analyzer, fs *flag.FlagSet, w io.Writer) {
	paras := strings.Split(a.Doc, "\n\n")
	fmt.Fprintf(w, "%s: %s\n\n", a.Name, paras[0])
	fmt.Fprintf(w, "Usage: %s [flags] packages...\n       go vet -vettool=$(which %[1]s) [flags] packages...\n\n", a.Name)
	fmt.Fprintln(w, strings.Join(paras[1:], "\n\n"))
	fmt.Fprintf(w, "\nExit status: 0 no findings, 3 findings, 1 an error, 2 a usage error.\n\nFlags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// usageError prints a one-line error with a pointer to -help; status 2.
func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "lockpoison: %s (run lockpoison -help for usage)\n", fmt.Sprintf(format, args...))
	return 2
}

func run(a *analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet(a, &o, stderr)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			usage(a, fs, stderr)
			return 0
		}
		if !firstVetError(args) {
			return 0 // silent: see firstVetError
		}
		return usageError(stderr, "%v", err)
	}
	switch o.version {
	case versionShort:
		fmt.Fprintln(stdout, versionLine())
		return 0
	case versionFull:
		line, err := versionFullLine()
		if err != nil {
			fmt.Fprintf(stderr, "lockpoison: %v\n", err)
			return 1
		}
		fmt.Fprintln(stdout, line)
		return 0
	}
	pkgs := fs.Args()
	vet := len(pkgs) == 1 && strings.HasSuffix(pkgs[0], ".cfg")
	if !vet && wantsFix(args) {
		// -fix, -diff, -fix-kind: applied by the command itself (fix.go).
		if code := fixMain("", args, stdout, stderr); code >= 0 {
			return code
		}
	}
	if o.diff {
		o.fix = true // -diff alone shows the fixes; it needs -fix in singlechecker
	}
	if o.printFlags || vet || o.fix {
		if o.sarif || o.setExitStatus {
			return usageError(stderr, "-sarif and -set-exit-status apply to the report, not to -fix, -diff or go vet")
		}
		delegate(a, fs, o, vet)
		panic("unreachable")
	}
	if len(pkgs) == 0 {
		return usageError(stderr, "no packages given")
	}
	if o.json && o.sarif {
		return usageError(stderr, "-json and -sarif are exclusive")
	}
	return standalone(a, pkgs, &o, stdout, stderr)
}

// firstVetError reports whether this is the first usage error of a go vet
// run: go vet runs the tool once per package (dependencies included), all
// with the same flags, and a bad flag would be reported for each. The
// packages' vet.cfg files lie in one $WORK directory per go vet run; the
// first process to create a marker there reports the error and fails the
// run; the others write empty outputs and succeed silently (their results
// are cached under the bad flags only). Outside go vet it is always true.
func firstVetError(args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	cfgFile := args[len(args)-1]
	work := filepath.Dir(filepath.Dir(cfgFile))
	f, err := os.OpenFile(filepath.Join(work, "lockpoison-usage-error"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err == nil {
		f.Close()
		return true
	}
	if !os.IsExist(err) {
		return true
	}
	var cfg struct{ VetxOutput, Stdout string }
	if data, err := os.ReadFile(cfgFile); err == nil && json.Unmarshal(data, &cfg) == nil {
		for _, out := range []string{cfg.VetxOutput, cfg.Stdout} {
			if out != "" {
				os.WriteFile(out, nil, 0o666)
			}
		}
	}
	return false
}

// delegate hands the command line, as parsed, to singlechecker: go vet's
// unitchecker protocol, -flags, and -fix/-diff.
func delegate(a *analysis.Analyzer, fs *flag.FlagSet, o options, vet bool) {
	argv := []string{os.Args[0]}
	fs.Visit(func(f *flag.Flag) {
		if !driverFlags[f.Name] && f.Name != "diff" && f.Name != "fix" {
			argv = append(argv, "-"+f.Name+"="+f.Value.String())
		}
	})
	if o.fix {
		argv = append(argv, "-fix")
	}
	if o.diff {
		argv = append(argv, "-diff")
	}
	argv = append(argv, fs.Args()...)
	os.Args = argv
	if vet {
		// go vet runs the tool with -json and prints the text itself,
		// without the category: name the check in the message.
		a = analyzer.WithCheckNames(a)
	}
	singlechecker.Main(a)
}
