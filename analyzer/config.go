package analyzer

import (
	"flag"
	"fmt"
	"go/types"
	"strings"

	"github.com/lockpoison/lockpoison/analyzer/internal/locktypes"
)

// Config holds the analyzer's settings. Each field is one flag of the
// analyzer (and one setting of the golangci-lint plugin).
type Config struct {
	// ImplicitPanics (-implicit-panics) counts runtime panics (bounds, nil
	// map writes, nil dereferences, integer division, close, send) as panic
	// points. When false only explicit panics, calls and type assertions are.
	ImplicitPanics bool
	// RecoveredBy (-recovered-by) lists extra request types, such as
	// "*github.com/gin-gonic/gin.Context": a function with a parameter of one
	// of these types runs under its framework's swallowing recover.
	RecoveredBy []string
	// Boundaries (-boundaries) lists functions by qualified name, such as
	// "example.com/srv.(*Server).handle" or "example.com/pool.Go": a listed
	// function recovers panics; its body and the func values passed to it
	// run under a swallowing recover.
	Boundaries []string
	// AssumeRecovered (-assume-recovered) is "none" (default: evidence of a
	// recover is required) or "exported": every exported function and method
	// of the package is treated as called under a swallowing recover.
	AssumeRecovered string
	// Tests (-tests) reports diagnostics in _test.go files too.
	Tests bool
	// PoisonImport (-poison-import) is the import path of the runtime
	// package that the "Use poison.Mutex" fix switches locks to.
	PoisonImport string
	// Checks (-checks) selects the checks that report: "all" (the default
	// when empty), check names, and -name to drop one, e.g.
	// "all,-poison-ignored" or "lock-leak,torn-state". See Checks.
	Checks []string
}

// DefaultPoisonImport is the import path of the companion runtime package.
const DefaultPoisonImport = locktypes.DefaultPoisonImport

// DefaultConfig returns the settings used when no flag is given.
func DefaultConfig() Config {
	return Config{
		ImplicitPanics:  true,
		AssumeRecovered: "none",
		PoisonImport:    DefaultPoisonImport,
	}
}

// Validate reports a clear error for settings that cannot be used. The
// flags check their values as they are set (see bindFlags), so a driver
// stops at a bad flag before it loads anything; Validate checks a Config
// built in code or from golangci-lint settings the same way.
func (c *Config) Validate() error {
	if err := checkAssumeRecovered(c.AssumeRecovered); err != nil {
		return fmt.Errorf("-assume-recovered=%q: %v", c.AssumeRecovered, err)
	}
	for _, t := range c.RecoveredBy {
		if err := checkTypeName(t); err != nil {
			return fmt.Errorf("-recovered-by: %v", err)
		}
	}
	for _, b := range c.Boundaries {
		if err := checkFuncName(b); err != nil {
			return fmt.Errorf("-boundaries: %v", err)
		}
	}
	if err := checkPoisonImport(c.PoisonImport); err != nil {
		return fmt.Errorf("-poison-import: %v", err)
	}
	if _, err := selectChecks(c.Checks); err != nil {
		return fmt.Errorf("-checks: %v", err)
	}
	return nil
}

func checkAssumeRecovered(s string) error {
	if s != "none" && s != "exported" {
		return fmt.Errorf("want none or exported")
	}
	return nil
}

func checkPoisonImport(s string) error {
	if s == "" {
		return fmt.Errorf("must not be empty")
	}
	return nil
}

func checkTypeName(s string) error { _, _, err := parseTypeName(s); return err }

func checkFuncName(s string) error { _, err := parseFuncName(s); return err }

func checkList(list []string) error { _, err := selectChecks(list); return err }

// listFlag is a comma-separated list flag; check, if set, validates each
// element (or, for a whole-list check, see listCheck) as it is set.
type listFlag struct {
	p         *[]string
	check     func(string) error
	listCheck func([]string) error
}

func (l listFlag) String() string {
	if l.p == nil {
		return ""
	}
	return strings.Join(*l.p, ",")
}

func (l listFlag) Set(s string) error {
	var list []string
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(e); e != "" {
			if l.check != nil {
				if err := l.check(e); err != nil {
					return err
				}
			}
			list = append(list, e)
		}
	}
	if l.listCheck != nil {
		if err := l.listCheck(list); err != nil {
			return err
		}
	}
	*l.p = list
	return nil
}

// choiceFlag is a string flag whose value check validates.
type choiceFlag struct {
	p     *string
	check func(string) error
}

func (f choiceFlag) String() string {
	if f.p == nil {
		return ""
	}
	return *f.p
}

func (f choiceFlag) Set(s string) error {
	if err := f.check(s); err != nil {
		return err
	}
	*f.p = s
	return nil
}

// bindFlags registers one flag per Config field on fs. Each flag rejects a
// malformed value when it is set: the flag package then reports it in one
// line, before a driver loads any package.
func (c *Config) bindFlags(fs *flag.FlagSet) {
	fs.BoolVar(&c.ImplicitPanics, "implicit-panics", c.ImplicitPanics,
		"count runtime panics (bounds, nil map write, nil dereference, division, close, send) as panic points")
	fs.Var(listFlag{p: &c.RecoveredBy, check: checkTypeName}, "recovered-by",
		"comma-separated request types whose handlers run under a framework recover, e.g. *github.com/gin-gonic/gin.Context")
	fs.Var(listFlag{p: &c.Boundaries, check: checkFuncName}, "boundaries",
		"comma-separated qualified functions that recover panics, e.g. example.com/pool.Go,example.com/srv.(*Server).handle")
	fs.Var(choiceFlag{&c.AssumeRecovered, checkAssumeRecovered}, "assume-recovered",
		"none, or exported: treat the package's exported functions as called under a swallowing recover")
	fs.BoolVar(&c.Tests, "tests", c.Tests, "report diagnostics in _test.go files")
	fs.Var(choiceFlag{&c.PoisonImport, checkPoisonImport}, "poison-import",
		"import path of the runtime package used by the Use poison.Mutex fix")
	fs.Var(listFlag{p: &c.Checks, listCheck: checkList}, "checks",
		"comma-separated checks to report: all (default), check names ("+strings.Join(CheckNames(), ", ")+"), -name to drop one")
}

// parseTypeName splits "*example.com/pkg.Type" into ("example.com/pkg", "Type").
// The pointer star is optional and ignored: both T and *T match.
func parseTypeName(s string) (pkg, name string, err error) {
	t := strings.TrimPrefix(s, "*")
	i := strings.LastIndex(t, ".")
	if i <= 0 || i == len(t)-1 || strings.ContainsAny(t[i+1:], "/()* ") {
		return "", "", fmt.Errorf("malformed type %q: want [*]import/path.Type", s)
	}
	return t[:i], t[i+1:], nil
}

// funcName is a parsed qualified function name.
type funcName struct {
	pkg, recv, name string // recv is "" for functions, else the type name
}

// parseFuncName parses "example.com/pkg.Func", "example.com/pkg.(*T).M" or
// "example.com/pkg.T.M".
func parseFuncName(s string) (funcName, error) {
	bad := fmt.Errorf("malformed function %q: want import/path.Func or import/path.(*T).Method", s)
	if i := strings.Index(s, ".("); i > 0 {
		rest := s[i+2:]
		j := strings.Index(rest, ").")
		if j <= 0 || j+2 >= len(rest) {
			return funcName{}, bad
		}
		recv := strings.TrimPrefix(rest[:j], "*")
		return funcName{pkg: s[:i], recv: recv, name: rest[j+2:]}, nil
	}
	slash := strings.LastIndex(s, "/")
	dot := strings.Index(s[slash+1:], ".")
	if dot <= 0 {
		return funcName{}, bad
	}
	dot += slash + 1
	pkg, rest := s[:dot], s[dot+1:]
	if rest == "" {
		return funcName{}, bad
	}
	if k := strings.Index(rest, "."); k >= 0 {
		if k == 0 || k == len(rest)-1 {
			return funcName{}, bad
		}
		return funcName{pkg: pkg, recv: rest[:k], name: rest[k+1:]}, nil
	}
	return funcName{pkg: pkg, name: rest}, nil
}

// UnmatchedBoundary says why the -boundaries entry name matches no
// function, given the packages a driver loaded (pkg returns nil for a path
// it did not load); "" when it matches one. The standalone command checks
// every entry this way once, after loading and before analysing.
func UnmatchedBoundary(name string, pkg func(path string) *types.Package) string {
	fn, err := parseFuncName(name)
	if err != nil {
		return err.Error()
	}
	p := pkg(fn.pkg)
	if p == nil {
		return fmt.Sprintf("%s matches no function: no package %s is loaded", name, fn.pkg)
	}
	if fn.recv == "" {
		if _, ok := p.Scope().Lookup(fn.name).(*types.Func); ok {
			return ""
		}
		return fmt.Sprintf("%s matches no function: package %s declares no func %s", name, fn.pkg, fn.name)
	}
	tn, ok := p.Scope().Lookup(fn.recv).(*types.TypeName)
	if n, isNamed := types.Unalias(tn.Type()).(*types.Named); ok && isNamed {
		for m := range n.Methods() { // declared methods only, as boundaryFunc matches
			if m.Name() == fn.name {
				return ""
			}
		}
	}
	return fmt.Sprintf("%s matches no function: package %s declares no method %s.%s", name, fn.pkg, fn.recv, fn.name)
}
