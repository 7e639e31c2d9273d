package poison

import (
	"os/exec"
	"regexp"
	"testing"
)

// TestFastPathsInline checks that the fast paths written to be inlined (see
// fastpath.go) still are: a change that pushes one over the compiler's budget
// costs every caller a call, silently. It compiles the package with -m.
func TestFastPathsInline(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the package")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	// -race=false: under the race detector sync.Mutex.TryLock calls into it
	// and is not inlinable, so neither are the fast paths (nor need they be).
	cmd := exec.Command(goTool, "build", "-race=false", "-gcflags=-m", ".")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build -gcflags=-m: %v\n%s", err, out)
	}
	for _, fn := range []string{
		`(*Mutex).Lock`,
		`(*Mutex).LockChecked`,
		`(*Mutex).TryLock`,
		`(*Mutex).lock`,
		`(*Mutex).lockChecked`,
		`(*Mutex).tryLock`,
		`(*poisonWord).load`,
	} {
		re := regexp.MustCompile(`(?m): can inline ` + regexp.QuoteMeta(fn) + `( |$)`)
		if !re.Match(out) {
			t.Errorf("%s is no longer inlinable (go build -gcflags=-m=2 says why)", fn)
		}
	}
}
