package fix

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoEngineImport: the fixes are planned from a Target alone and never
// import the engine (package analyzer), directly or not.
func TestNoEngineImport(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "github.com/lockpoison/lockpoison/analyzer" {
			t.Errorf("internal/fix depends on %s", dep)
		}
	}
	if !strings.Contains(string(out), "github.com/lockpoison/lockpoison/analyzer/internal/fix") {
		t.Errorf("go list -deps does not list the package itself:\n%s", out)
	}
}
