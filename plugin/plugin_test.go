package plugin

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/lockpoison/lockpoison/analyzer"
)

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("lockpoison")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("nil settings: %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != "lockpoison" {
		t.Fatalf("BuildAnalyzers() = %v, want one analyzer named lockpoison", as)
	}
	if as[0] == analyzer.Analyzer {
		t.Errorf("BuildAnalyzers returned the shared analyzer.Analyzer; want an independent one")
	}
}

func TestDecodeSettings(t *testing.T) {
	def := analyzer.DefaultConfig()
	for _, tc := range []struct {
		name string
		raw  any
		want func(*analyzer.Config)
	}{
		{"nil", nil, func(*analyzer.Config) {}},
		{"empty", map[string]any{}, func(*analyzer.Config) {}},
		{"all", map[string]any{
			"implicit-panics":  false,
			"recovered-by":     []any{"*github.com/gin-gonic/gin.Context", "*example.com/rpc.Call"},
			"boundaries":       []any{"example.com/pool.Go", "example.com/srv.(*Server).handle"},
			"assume-recovered": "exported",
			"tests":            true,
			"poison-import":    "example.com/fork/poison",
			"checks":           []any{"all", "-poison-ignored"},
		}, func(c *analyzer.Config) {
			c.Checks = []string{"all", "-poison-ignored"}
			c.ImplicitPanics = false
			c.RecoveredBy = []string{"*github.com/gin-gonic/gin.Context", "*example.com/rpc.Call"}
			c.Boundaries = []string{"example.com/pool.Go", "example.com/srv.(*Server).handle"}
			c.AssumeRecovered = "exported"
			c.Tests = true
			c.PoisonImport = "example.com/fork/poison"
		}},
		// golangci-lint (viper) may hand over map[any]any-free maps with
		// string lists typed as []string.
		{"typed list", map[string]any{"boundaries": []string{"example.com/pool.Go"}},
			func(c *analyzer.Config) { c.Boundaries = []string{"example.com/pool.Go"} }},
		{"explicit defaults", map[string]any{"implicit-panics": true, "assume-recovered": "none"},
			func(*analyzer.Config) {}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodeSettings(tc.raw)
			if err != nil {
				t.Fatal(err)
			}
			want := def
			tc.want(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestDecodeSettingsErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  any
		want []string // substrings of the error
	}{
		{"unknown key", map[string]any{"implicit-panic": false},
			[]string{`unknown setting "implicit-panic"`, "known settings: implicit-panics,"}},
		{"flag spelling", map[string]any{"ImplicitPanics": false},
			[]string{`unknown setting "ImplicitPanics"`}},
		{"bool as string", map[string]any{"tests": "yes"},
			[]string{`setting "tests"`, "true or false"}},
		{"list as string", map[string]any{"boundaries": "example.com/pool.Go"},
			[]string{`setting "boundaries"`, "list of strings"}},
		{"not a mapping", []any{"tests"},
			[]string{"must be a mapping"}},
		{"bad assume-recovered", map[string]any{"assume-recovered": "all"},
			[]string{"assume-recovered", "none or exported"}},
		{"bad recovered-by", map[string]any{"recovered-by": []any{"Context"}},
			[]string{"recovered-by", "Context"}},
		{"bad boundary", map[string]any{"boundaries": []any{"nodot"}},
			[]string{"boundaries", "nodot"}},
		{"empty poison-import", map[string]any{"poison-import": ""},
			[]string{"poison-import"}},
		{"unknown check", map[string]any{"checks": []any{"lock-leek"}},
			[]string{"checks", `unknown check "lock-leek"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeSettings(tc.raw)
			if err == nil {
				t.Fatalf("DecodeSettings(%v) succeeded, want error", tc.raw)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if _, err := New(tc.raw); err == nil {
				t.Errorf("New(%v) succeeded, want error", tc.raw)
			}
		})
	}
}

// diagnostics runs the plugin's analyzer, built from raw settings, on the
// golangci-lint integration fixture.
func diagnostics(t *testing.T, raw any) []analysis.Diagnostic {
	t.Helper()
	p, err := New(raw)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join("..", "integration", "testdata", "golangci"),
		Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"),
	}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("fixture has errors")
	}
	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ds []analysis.Diagnostic
	for act := range graph.All() {
		if act.Analyzer != as[0] {
			continue
		}
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		ds = append(ds, act.Diagnostics...)
	}
	return ds
}

// TestNoRelated checks that the plugin's analyzer reports lockpoison's
// findings without Related entries (golangci-lint would turn each into an
// issue of its own), each message ending with its check's name.
func TestNoRelated(t *testing.T) {
	ds := diagnostics(t, nil)
	for _, d := range ds {
		if len(d.Related) > 0 {
			t.Errorf("%s: diagnostic has %d Related entries, want none", d.Message, len(d.Related))
		}
		if !strings.HasSuffix(d.Message, " ["+d.Category+"]") {
			t.Errorf("%s: message does not end with [%s]", d.Message, d.Category)
		}
	}
	if len(ds) == 0 {
		t.Errorf("no lockpoison diagnostics on the fixture")
	}
}

// TestSettingsChangeResult: a setting reaches the analyzer: the fixture's
// lock-leak is reported by default and not with checks: [-lock-leak].
func TestSettingsChangeResult(t *testing.T) {
	count := func(ds []analysis.Diagnostic) (n int) {
		for _, d := range ds {
			if d.Category == analyzer.CheckLockLeak {
				n++
			}
		}
		return n
	}
	if n := count(diagnostics(t, map[string]any{"checks": []any{"all"}})); n != 1 {
		t.Fatalf("checks: [all]: %d lock-leak findings, want 1", n)
	}
	if n := count(diagnostics(t, map[string]any{"checks": []any{"-lock-leak"}})); n != 0 {
		t.Errorf("checks: [-lock-leak]: %d lock-leak findings, want 0", n)
	}
}

// TestSettingsMatchFlags: the settings are the analyzer's flags, one to
// one, and the error for an unknown setting lists them all.
func TestSettingsMatchFlags(t *testing.T) {
	var settings, flags []string
	st := reflect.TypeOf(Settings{})
	for i := 0; i < st.NumField(); i++ {
		settings = append(settings, st.Field(i).Tag.Get("json"))
	}
	analyzer.New(analyzer.DefaultConfig()).Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
	slices.Sort(settings)
	slices.Sort(flags)
	if !slices.Equal(settings, flags) {
		t.Errorf("settings %v, flags %v: want the same names", settings, flags)
	}
	for _, s := range settings {
		if !strings.Contains(knownSettings, s) {
			t.Errorf("knownSettings does not list %s", s)
		}
	}
}
