// Package plugin is the golangci-lint v2 module plugin for lockpoison.
//
// Import it (for its side effect) into a custom golangci-lint build, either
// with `golangci-lint custom` (see .custom-gcl.yml) or with
// scripts/build-golangci-lint.sh, then enable it in .golangci.yml:
//
//	linters:
//	  enable: [lockpoison]
//	  settings:
//	    custom:
//	      lockpoison:
//	        type: module
//	        settings:
//	          implicit-panics: true
//
// Each setting maps one-to-one onto an analyzer flag (see analyzer.Config).
package plugin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/lockpoison/lockpoison/analyzer"
)

func init() {
	register.Plugin("lockpoison", New)
}

// Settings is the plugin's settings block in .golangci.yml. Every key is
// optional; an absent key keeps the analyzer's default. Keys are spelled like
// the analyzer's flags.
type Settings struct {
	ImplicitPanics  *bool    `json:"implicit-panics"`
	RecoveredBy     []string `json:"recovered-by"`
	Boundaries      []string `json:"boundaries"`
	AssumeRecovered *string  `json:"assume-recovered"`
	Tests           *bool    `json:"tests"`
	PoisonImport    *string  `json:"poison-import"`
	Checks          []string `json:"checks"`
}

// Config returns the analyzer configuration: the defaults overridden by
// every setting that is present.
func (s Settings) Config() analyzer.Config {
	cfg := analyzer.DefaultConfig()
	if s.ImplicitPanics != nil {
		cfg.ImplicitPanics = *s.ImplicitPanics
	}
	if s.RecoveredBy != nil {
		cfg.RecoveredBy = append([]string(nil), s.RecoveredBy...)
	}
	if s.Boundaries != nil {
		cfg.Boundaries = append([]string(nil), s.Boundaries...)
	}
	if s.AssumeRecovered != nil {
		cfg.AssumeRecovered = *s.AssumeRecovered
	}
	if s.Tests != nil {
		cfg.Tests = *s.Tests
	}
	if s.PoisonImport != nil {
		cfg.PoisonImport = *s.PoisonImport
	}
	if s.Checks != nil {
		cfg.Checks = append([]string(nil), s.Checks...)
	}
	return cfg
}

// DecodeSettings decodes golangci-lint's raw settings (nil, or a map decoded
// from YAML) strictly: an unknown key or a value of the wrong type is an
// error that names it, and the resulting configuration must validate.
func DecodeSettings(raw any) (analyzer.Config, error) {
	var s Settings
	if raw != nil {
		b, err := json.Marshal(raw)
		if err != nil {
			return analyzer.Config{}, fmt.Errorf("lockpoison: settings: %v", err)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			return analyzer.Config{}, fmt.Errorf("lockpoison: settings: %v", explain(err))
		}
	}
	cfg := s.Config()
	if err := cfg.Validate(); err != nil {
		return analyzer.Config{}, fmt.Errorf("lockpoison: settings: %v", err)
	}
	return cfg, nil
}

const knownSettings = "implicit-panics, recovered-by, boundaries, assume-recovered, tests, poison-import, checks"

// explain rewords encoding/json's errors in terms of settings.
func explain(err error) error {
	if e, ok := err.(*json.UnmarshalTypeError); ok {
		if e.Field != "" {
			return fmt.Errorf("setting %q: cannot use %s here, want %s", e.Field, valueWord(e.Value), typeWord(e.Type.String()))
		}
		return fmt.Errorf("settings must be a mapping of setting names to values, not %s", valueWord(e.Value))
	}
	// encoding/json has no typed error for unknown fields.
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Errorf("unknown setting %s (known settings: %s)", name, knownSettings)
	}
	return err
}

func valueWord(v string) string {
	switch v {
	case "array":
		return "a list"
	case "object":
		return "a mapping"
	case "number":
		return "a number"
	case "string":
		return "a string"
	case "bool":
		return "true/false"
	}
	return v
}

func typeWord(t string) string {
	switch t {
	case "bool":
		return "true or false"
	case "string":
		return "a string"
	case "[]string":
		return "a list of strings"
	}
	return t
}

// New is the plugin constructor golangci-lint calls with the settings block.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := DecodeSettings(settings)
	if err != nil {
		return nil, err
	}
	return &lintPlugin{cfg: cfg}, nil
}

type lintPlugin struct{ cfg analyzer.Config }

// BuildAnalyzers returns one lockpoison analyzer configured by the settings.
//
// golangci-lint turns every Diagnostic.Related entry into an issue of its
// own ("lockpoison(related information): ..."), reported at the panic point
// and at the recover, which triples the count, cannot be silenced by a
// //nolint on the finding's line and shows up as separate alerts in SARIF.
// The finding's message already names the panic point and the recover site,
// so the plugin drops Related. golangci-lint shows the linter's name, not the
// category: each message ends with its check, "... deadlocks [lock-leak]".
func (p *lintPlugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	a := analyzer.WithCheckNames(analyzer.New(p.cfg))
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			report(d)
		}
		return run(pass)
	}
	return []*analysis.Analyzer{a}, nil
}

// GetLoadMode asks for type information: lockpoison needs types and SSA.
func (p *lintPlugin) GetLoadMode() string { return register.LoadModeTypesInfo }
