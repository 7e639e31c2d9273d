package analyzer_test

import (
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/lockpoison/lockpoison/analyzer"
)

// TestInternalErrorIsAnError: a failure inside the pass (here, a pass
// without type information) is returned as an error of the pass, never a
// panic of the driver.
func TestInternalErrorIsAnError(t *testing.T) {
	pass := &analysis.Pass{
		Analyzer:         analyzer.Analyzer,
		Fset:             token.NewFileSet(),
		Pkg:              types.NewPackage("example.com/p", "p"),
		Report:           func(analysis.Diagnostic) {},
		ImportObjectFact: func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact: func(types.Object, analysis.Fact) {},
	}
	_, err := analyzer.Analyzer.Run(pass)
	if err == nil || !strings.Contains(err.Error(), "lockpoison: internal error in example.com/p") {
		t.Fatalf("Run = %v, want an internal error", err)
	}
}

// TestBadFlags: settings that cannot be used are a clear error.
func TestBadFlags(t *testing.T) {
	for _, tc := range []struct {
		set  func(*analyzer.Config)
		want string
	}{
		{func(c *analyzer.Config) { c.AssumeRecovered = "all" }, `-assume-recovered="all": want none or exported`},
		{func(c *analyzer.Config) { c.RecoveredBy = []string{"gin"} }, `-recovered-by: malformed type "gin"`},
		{func(c *analyzer.Config) { c.Boundaries = []string{"pool"} }, `-boundaries: malformed function "pool"`},
		{func(c *analyzer.Config) { c.PoisonImport = "" }, `-poison-import: must not be empty`},
	} {
		cfg := analyzer.DefaultConfig()
		tc.set(&cfg)
		if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Validate() = %v, want %q", err, tc.want)
		}
	}
	good := analyzer.DefaultConfig()
	good.RecoveredBy = []string{"*github.com/gin-gonic/gin.Context", "github.com/labstack/echo/v4.Context"}
	good.Boundaries = []string{"example.com/pool.Go", "example.com/srv.(*Server).handle", "example.com/srv.T.M"}
	if err := good.Validate(); err != nil {
		t.Errorf("Validate() = %v for good settings", err)
	}
	fs := analyzer.New(analyzer.DefaultConfig()).Flags
	if err := fs.Parse([]string{"-no-such-flag"}); err == nil {
		t.Errorf("unknown flag accepted")
	}
}
