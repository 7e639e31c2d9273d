package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// versionValue is the -V flag: -V prints the version, -V=full the line go
// vet reads to identify the tool.
type versionValue int

const (
	versionNone versionValue = iota
	versionShort
	versionFull
)

func (v *versionValue) IsBoolFlag() bool { return true }
func (v *versionValue) String() string   { return "" }
func (v *versionValue) Set(s string) error {
	switch s {
	case "true":
		*v = versionShort
	case "full":
		*v = versionFull
	case "false":
		*v = versionNone
	default:
		return fmt.Errorf("want -V or -V=full")
	}
	return nil
}

// version describes the build from debug.ReadBuildInfo: the module version
// (v1.2.3 when installed with go install ...@v1.2.3, a pseudo-version or
// (devel) when built in a clone), the VCS revision and whether the tree was
// modified, and the Go version.
func version() string {
	var parts []string
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown (no build information) " + runtime.Version()
	}
	parts = append(parts, bi.Main.Version)
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+modified"
			}
		}
	}
	if rev != "" && !strings.Contains(bi.Main.Version, rev[:min(12, len(rev))]) {
		parts = append(parts, "rev "+rev[:min(12, len(rev))]+modified)
	}
	parts = append(parts, bi.GoVersion)
	return strings.Join(parts, " ")
}

func versionLine() string { return "lockpoison " + version() }

// versionFullLine is the -V=full protocol of go vet (cmd/go's toolID): the
// third word contains "devel" and the last is buildID=<content hash>, so vet
// keys its cache on the executable's content, whatever the version says: a
// binary rebuilt from modified sources without a new version never reuses
// stale results.
func versionFullLine() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s version devel %s buildID=%x", exe, version(), h.Sum(nil)), nil
}
