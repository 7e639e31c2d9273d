// Package discarded: a recovering parser that stores every object it
// builds into the value it fills (nats-server's parseAccounts:
// opts.Accounts = append(opts.Accounts, acc) before the account's
// sections run). When every caller made that value itself and drops it
// with the error, the locked object is never observed again: no finding
// (issue 11 shape 10b, FP-1; analyzer/discarded.go). Beside it, the same
// parser over a long-lived value, a caller that publishes the value
// before it checks the error or returns it with the error, an exported
// parser without callers in the package, and the Server-method shape
// stay reported.
package discarded

import (
	"fmt"
	"strings"
	"sync"
)

type Account struct {
	mu    sync.Mutex
	name  string
	subs  map[string]int
	order []string
}

func NewAccount(name string) *Account {
	return &Account{name: name, subs: map[string]int{}}
}

type Options struct {
	File     string
	Accounts []*Account
	ByName   map[string]*Account
	mu       sync.Mutex
	n        int
}

// addExport: an explicit unlock around a slice expression that may panic.
func (a *Account) addExport(subj string) {
	a.mu.Lock()
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

// parse recovers into its error; each account is stored into o before
// its section.
func (o *Options) parse(specs []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse: %v", r)
		}
	}()
	for _, s := range specs {
		a := NewAccount(s)
		o.Accounts = append(o.Accounts, a)
		a.addExport(s)
	}
	return nil
}

// ProcessConfig is exported, and its one caller in the package makes
// the options and drops them with the error.
func (o *Options) ProcessConfig(file string, specs []string) error {
	o.File = file
	return o.parse(specs)
}

// ProcessConfigFile: fresh options, nil on error. No finding.
func ProcessConfigFile(file string, specs []string) (*Options, error) {
	opts := &Options{}
	if err := opts.ProcessConfig(file, specs); err != nil {
		return nil, err
	}
	return opts, nil
}

// The lock in the value itself: o.mu, with the same callers. No finding.
func (o *Options) count(specs []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("count: %v", r)
		}
	}()
	o.mu.Lock()
	o.n = len(specs[0])
	o.mu.Unlock()
	return nil
}

func Count(specs []string) (int, error) {
	o := new(Options)
	err := o.count(specs)
	if err != nil {
		return 0, err
	}
	return o.n, nil
}

// Accounts stored in a map of the value. No finding.
func (a *Account) addMapped(subj string) {
	a.mu.Lock()
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func (o *Options) parseMap(specs []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse: %v", r)
		}
	}()
	for _, s := range specs {
		a := NewAccount(s)
		o.ByName[s] = a
		a.addMapped(s)
	}
	return nil
}

func ParseMap(specs []string) (*Options, error) {
	o := &Options{ByName: map[string]*Account{}}
	if err := o.parseMap(specs); err != nil {
		return nil, err
	}
	return o, nil
}

// The same parser over the server's long-lived options, kept after the
// error: reported.
type Server struct {
	mu    sync.Mutex
	opts  *Options
	names map[string]int
	list  []string
}

func (a *Account) addReload(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in \(\*Options\)\.parseReload \(discarded.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func (o *Options) parseReload(specs []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse: %v", r)
		}
	}()
	for _, s := range specs {
		a := NewAccount(s)
		o.Accounts = append(o.Accounts, a)
		a.addReload(s)
	}
	return nil
}

func (s *Server) Reload(specs []string) error {
	if err := s.opts.parseReload(specs); err != nil {
		return err
	}
	return nil
}

// A caller that publishes the options before it checks the error:
// reported.
var current *Options

func (a *Account) addGlobal(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in \(\*Options\)\.parseGlobal \(discarded.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func (o *Options) parseGlobal(specs []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse: %v", r)
		}
	}()
	for _, s := range specs {
		a := NewAccount(s)
		o.Accounts = append(o.Accounts, a)
		a.addGlobal(s)
	}
	return nil
}

func LoadGlobal(specs []string) error {
	o := &Options{}
	err := o.parseGlobal(specs)
	current = o
	return err
}

// A caller that returns the options with the error: reported.
func (a *Account) addPartial(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in \(\*Options\)\.parsePartial \(discarded.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func (o *Options) parsePartial(specs []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse: %v", r)
		}
	}()
	for _, s := range specs {
		a := NewAccount(s)
		o.Accounts = append(o.Accounts, a)
		a.addPartial(s)
	}
	return nil
}

func LoadPartial(specs []string) (*Options, error) {
	o := &Options{}
	err := o.parsePartial(specs)
	return o, err
}

// An exported parser with no caller in the package: its callers outside
// may keep the options after the error. Reported (conservative).
func (a *Account) addLib(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in \(\*Options\)\.ParseLib \(discarded.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func (o *Options) ParseLib(specs []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse: %v", r)
		}
	}()
	for _, s := range specs {
		a := NewAccount(s)
		o.Accounts = append(o.Accounts, a)
		a.addLib(s)
	}
	return nil
}

// A caller that uses the options after the failure (its cleanup locks
// the accounts): reported.
func (a *Account) addCleanup(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in \(\*Options\)\.parseCleanup \(discarded.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func (o *Options) parseCleanup(specs []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse: %v", r)
		}
	}()
	for _, s := range specs {
		a := NewAccount(s)
		o.Accounts = append(o.Accounts, a)
		a.addCleanup(s)
	}
	return nil
}

func (o *Options) close() {
	for _, a := range o.Accounts {
		a.mu.Lock()
		a.subs = nil
		a.mu.Unlock()
	}
}

func LoadCleanup(specs []string) (*Options, error) {
	o := &Options{}
	if err := o.parseCleanup(specs); err != nil {
		o.close()
		return nil, err
	}
	return o, nil
}

// The Server-method shape: the lock is the long-lived server's own, and
// the server is kept after the error. Reported.
func (s *Server) Apply(name string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("apply: %v", r)
		}
	}()
	s.mu.Lock() // want `s.mu stays locked if the map s.names is nil: the panic is recovered in \(\*Server\)\.Apply \(discarded.go:\d+\) and the next s.mu.Lock\(\) deadlocks$`
	s.names[name] = len(s.list)
	s.list = append(s.list, name[:strings.Index(name, ".")])
	s.mu.Unlock()
	return nil
}

func (s *Server) ApplyAll(names []string) {
	for _, n := range names {
		if err := s.Apply(n); err != nil {
			continue
		}
	}
}

// A local variable of the options' type, dropped with the error. No
// finding (count above has both callers).
func CountVar(specs []string) (int, error) {
	var o Options
	if err := o.count(specs); err != nil {
		return 0, err
	}
	return o.n, nil
}

// Torn state: a deferred unlock in the account's method, the account
// stored into the options that the only caller drops with the error. No
// finding.
func (a *Account) setTorn(subj string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
}

func (o *Options) parseTorn(specs []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse: %v", r)
		}
	}()
	for _, s := range specs {
		a := NewAccount(s)
		o.Accounts = append(o.Accounts, a)
		a.setTorn(s)
	}
	return nil
}

func LoadTorn(specs []string) (*Options, error) {
	o := &Options{}
	err := o.parseTorn(specs)
	if err == nil {
		return o, nil
	}
	return nil, err
}

// The same torn section, the options kept by the server after the
// error: reported.
func (a *Account) setTornKept(subj string) {
	a.mu.Lock() // want `a.subs is left half-updated if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the deferred a.mu.Unlock\(\) releases it and the panic is recovered in \(\*Options\)\.parseTornKept \(discarded.go:\d+\)$`
	defer a.mu.Unlock()
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
}

func (o *Options) parseTornKept(specs []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse: %v", r)
		}
	}()
	for _, s := range specs {
		a := NewAccount(s)
		o.Accounts = append(o.Accounts, a)
		a.setTornKept(s)
	}
	return nil
}

func (s *Server) ReloadTorn(specs []string) error {
	return s.opts.parseTornKept(specs)
}

// A loop that collects the errors of every line, parsing the next line
// into the same options after a failure (nats-server's
// processConfigFile): the options are observed again. Reported.
func (a *Account) addLine(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in \(\*Options\)\.parseLine \(discarded.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func (o *Options) parseLine(line string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse: %v", r)
		}
	}()
	a := NewAccount(line)
	o.Accounts = append(o.Accounts, a)
	a.addLine(line)
	return nil
}

func CheckLines(lines []string) (int, error) {
	o := &Options{}
	n := 0
	var first error
	for _, l := range lines {
		if err := o.parseLine(l); err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		n++
	}
	return n, first
}

// The handler is a named function storing into the error result through
// its address (nats-server's convertPanicToError). No finding.
func toError(e *error) {
	if r := recover(); r != nil {
		*e = fmt.Errorf("panic: %v", r)
	}
}

func (o *Options) parseNamed(specs []string) (err error) {
	defer toError(&err)
	for _, s := range specs {
		a := NewAccount(s)
		o.Accounts = append(o.Accounts, a)
		a.addNamed(s)
	}
	return nil
}

func (a *Account) addNamed(subj string) {
	a.mu.Lock()
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func ParseNamed(specs []string) (*Options, error) {
	o := &Options{}
	if err := o.parseNamed(specs); err != nil {
		return nil, err
	}
	return o, nil
}

// A handler that only logs: the parser returns a nil error after the
// panic and its caller keeps the options. Reported.
var logged []string

func logPanic() {
	if r := recover(); r != nil {
		logged = append(logged, fmt.Sprint(r))
	}
}

func (o *Options) parseLogged(specs []string) (err error) {
	defer logPanic()
	for _, s := range specs {
		a := NewAccount(s)
		o.Accounts = append(o.Accounts, a)
		a.addLogged(s)
	}
	return nil
}

func (a *Account) addLogged(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in \(\*Options\)\.parseLogged \(discarded.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func ParseLogged(specs []string) (*Options, error) {
	o := &Options{}
	if err := o.parseLogged(specs); err != nil {
		return nil, err
	}
	return o, nil
}

// One caller makes the options and drops them, but a method value binds
// the parser to the server's long-lived options too: not every call is
// seen. Reported.
func (o *Options) parseBound(specs []string) (err error) {
	defer toError(&err)
	for _, s := range specs {
		a := NewAccount(s)
		o.Accounts = append(o.Accounts, a)
		a.addBound(s)
	}
	return nil
}

func (a *Account) addBound(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in \(\*Options\)\.parseBound \(discarded.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func ParseBound(specs []string) (*Options, error) {
	o := &Options{}
	if err := o.parseBound(specs); err != nil {
		return nil, err
	}
	return o, nil
}

var reparse func([]string) error

func (s *Server) Watch() { reparse = s.opts.parseBound }
