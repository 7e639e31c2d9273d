// Command benchtime runs a command and reports the resources it used, for
// scripts/bench-vet.sh. It needs nothing but Go (no GNU time).
//
//	benchtime -o FILE cmd args...
//
// runs cmd and appends one line to FILE:
//
//	wall=SECONDS user=SECONDS sys=SECONDS maxrss=KB exit=CODE
//
// where user and sys include every descendant the command waited for, and
// maxrss is the peak resident set of the largest single process of the
// tree (Linux wait4 semantics). With -tool NAME it is a -toolexec wrapper
// for go vet: it runs its arguments transparently and, when the program's
// base name starts with NAME, appends the same line for that one process to
// FILE (so a benchmark can see the vet tool's own CPU and peak RSS, apart
// from the go command's).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

func main() {
	out := flag.String("o", "", "append the measurement to this `file` (default stderr)")
	tool := flag.String("tool", "", "toolexec mode: record only programs whose base name starts with `name`")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: benchtime [-o file] [-tool name] cmd args...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	args := flag.Args()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			fmt.Fprintln(os.Stderr, "benchtime:", err)
			os.Exit(127)
		}
		code = ee.ExitCode()
		if code < 0 {
			code = 128
		}
	}
	record := *tool == "" || (strings.HasPrefix(filepath.Base(args[0]), *tool) && !isVersionQuery(args))
	if record {
		ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		var line string
		if ru != nil {
			line = fmt.Sprintf("wall=%.3f user=%.3f sys=%.3f maxrss=%d exit=%d\n",
				wall.Seconds(), tv(ru.Utime), tv(ru.Stime), ru.Maxrss, code)
		} else {
			line = fmt.Sprintf("wall=%.3f user=%.3f sys=%.3f maxrss=0 exit=%d\n",
				wall.Seconds(), cmd.ProcessState.UserTime().Seconds(), cmd.ProcessState.SystemTime().Seconds(), code)
		}
		if err := appendLine(*out, line); err != nil {
			fmt.Fprintln(os.Stderr, "benchtime:", err)
			os.Exit(127)
		}
	}
	os.Exit(code)
}

// isVersionQuery reports the "tool -V=full" and "tool -flags" queries the go
// command makes before it vets anything.
func isVersionQuery(args []string) bool {
	return len(args) == 2 && (args[1] == "-V=full" || args[1] == "-flags")
}

func tv(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }

// appendLine appends line to file with one write (O_APPEND), so concurrent
// toolexec wrappers do not interleave; "" means stderr.
func appendLine(file, line string) error {
	if file == "" {
		_, err := os.Stderr.WriteString(line)
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(line); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
