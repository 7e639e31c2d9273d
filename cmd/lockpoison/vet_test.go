package main_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestVetCrossPackage builds lockpoison and runs it as a vet tool on a real
// two-package module, made from the xa and xb analysistest fixtures: the
// unitchecker path, with facts serialized between packages, must report
// exactly what the fixtures expect.
func TestVetCrossPackage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary and runs go vet")
	}
	tmp := t.TempDir()
	tool := filepath.Join(tmp, "lockpoison")
	build := exec.Command("go", "build", "-o", tool, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	// Module xa (xa and xb), and in a workspace beside it the modules
	// deadlock (a drop-in lock package) and xc (implements xa.Store).
	mod := filepath.Join(tmp, "mod")
	copyFile(t, "../../testdata/src/xa/xa.go", filepath.Join(mod, "xa.go"))
	copyFile(t, "../../testdata/src/xb/xb.go", filepath.Join(mod, "xb", "xb.go"))
	copyFile(t, "../../testdata/src/deadlock/deadlock.go", filepath.Join(mod, "deadlock", "deadlock.go"))
	copyFile(t, "../../testdata/src/xc/xc.go", filepath.Join(mod, "xc", "xc.go"))
	for dir, text := range map[string]string{
		".":        "module xa\n\ngo 1.26\n",
		"deadlock": "module deadlock\n\ngo 1.26\n",
		"xc":       "module xc\n\ngo 1.26\n",
	} {
		if err := os.WriteFile(filepath.Join(mod, dir, "go.mod"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(mod, "go.work"), []byte("go 1.26\n\nuse (\n\t.\n\t./deadlock\n\t./xc\n)\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command("go", "vet", "-vettool="+tool, "./...")
	cmd.Dir = mod
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); !ok {
		t.Fatalf("go vet: %v (want exit status 1 with findings)\n%s", err, stderr.String())
	}

	got := map[int][]string{} // xb.go line -> messages
	for _, l := range strings.Split(stderr.String(), "\n") {
		m := regexp.MustCompile(`xb[/\\]xb\.go:(\d+):\d+: (.*)`).FindStringSubmatch(l)
		if m == nil {
			if regexp.MustCompile(`^\S*(xa|xc|deadlock)\.go:\d+:\d+: `).MatchString(l) {
				t.Errorf("unexpected finding outside xb: %s", l)
			}
			continue
		}
		if strings.HasPrefix(m[2], "\t") {
			continue // related information
		}
		n, _ := strconv.Atoi(m[1])
		got[n] = append(got[n], m[2])
	}
	want := wants(t, filepath.Join(mod, "xb", "xb.go"))
	if len(want) < 18 {
		t.Fatalf("found only %d expectations in xb.go", len(want))
	}
	for line, res := range want {
		for _, re := range res {
			found := false
			for _, msg := range got[line] {
				if re.MatchString(msg) {
					found = true
				}
			}
			if !found {
				t.Errorf("xb.go:%d: no vet finding matching %q; got %q", line, re, got[line])
			}
		}
	}
	for line, msgs := range got {
		if len(want[line]) == 0 {
			t.Errorf("xb.go:%d: unexpected vet findings %q", line, msgs)
		}
	}
}

// wants parses the analysistest expectations (// want `re` ...) of a file.
func wants(t *testing.T, file string) map[int][]*regexp.Regexp {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int][]*regexp.Regexp{}
	for i, l := range strings.Split(string(data), "\n") {
		_, rest, ok := strings.Cut(l, "// want ")
		if !ok {
			continue
		}
		for _, m := range regexp.MustCompile("`([^`]*)`").FindAllStringSubmatch(rest, -1) {
			out[i+1] = append(out[i+1], regexp.MustCompile(m[1]))
		}
	}
	return out
}

func copyFile(t *testing.T, from, to string) {
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
