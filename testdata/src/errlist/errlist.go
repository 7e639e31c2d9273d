// Package errlist: recovering parsers that report a panic by appending
// it to an error list their caller owns (nats-server's
// convertPanicToErrorList into `errors *[]error`), and return normally;
// the owner of the list returns an error when the list is not empty
// (analyzer/errlist.go, issue 11 shape 10b, FP-1). When the owner made
// the options, or drops them with its error, and nothing parses into
// them again after the failure, the accounts the panic left locked are
// never observed: no finding. Beside them, the shapes that observe the
// lock again stay reported: the nats-server loop that parses the next
// key into the same options, an owner that keeps the options with the
// error or without looking at the list, a list emptied after the
// failure, a handler that does not always append, an error that may be
// nil after the panic, and an exported entry point whose callers may go
// on with the options.
package errlist

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type Account struct {
	mu    sync.Mutex
	Name  string
	subs  map[string]int
	order []string
}

func NewAccount(name string) *Account {
	return &Account{Name: name, subs: map[string]int{}}
}

type Options struct {
	Accounts []*Account
	Host     string
}

type token struct{ line int }

type configErr struct {
	tok *token
	msg string
}

func (e *configErr) Error() string { return fmt.Sprintf("line %d: %s", e.tok.line, e.msg) }

// toErrorList: nats-server's convertPanicToErrorList. Without a list
// it does not recover.
func toErrorList(last *token, errs *[]error) {
	if errs == nil {
		return
	} else if r := recover(); r == nil {
		return
	} else if last != nil {
		*errs = append(*errs, &configErr{last, fmt.Sprint(r)})
	} else {
		*errs = append(*errs, fmt.Errorf("panic without a token: %v", r))
	}
}

// The owner made the options; the key parser passes the list on. No
// finding.
func (a *Account) addExport(subj string) {
	a.mu.Lock()
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func parseAccounts(v []string, o *Options, errs *[]error) error {
	var lt token
	defer toErrorList(&lt, errs)
	for _, s := range v {
		acc := NewAccount(s)
		o.Accounts = append(o.Accounts, acc)
		acc.addExport(s)
	}
	return nil
}

func (o *Options) parseKey(k string, v []string, errs *[]error) {
	switch k {
	case "accounts":
		if err := parseAccounts(v, o, errs); err != nil {
			*errs = append(*errs, err)
		}
	case "host":
		o.Host = strings.Join(v, ",")
	}
}

func LoadAccounts(v []string) (*Options, error) {
	var errs []error
	o := &Options{}
	o.parseKey("accounts", v, &errs)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return o, nil
}

// The owner fills its caller's options and returns an error when the
// list is not empty; its only caller made the options and drops them
// with the error. The handler is a closure over the list. No finding.
type listErr struct{ errs []error }

func (e *listErr) Error() string { return fmt.Sprint(e.errs) }

func (a *Account) addImport(subj string) {
	a.mu.Lock()
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func parseImports(v []string, o *Options, errs *[]error) error {
	defer func() {
		if r := recover(); r != nil {
			*errs = append(*errs, fmt.Errorf("imports: %v", r))
		}
	}()
	for _, s := range v {
		acc := NewAccount(s)
		o.Accounts = append(o.Accounts, acc)
		acc.addImport(s)
	}
	return nil
}

func (o *Options) processImports(v []string) error {
	errs := make([]error, 0)
	if err := parseImports(v, o, &errs); err != nil {
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		return nil
	}
	return &listErr{errs}
}

func ProcessImports(v []string) (*Options, error) {
	o := &Options{}
	if err := o.processImports(v); err != nil {
		return nil, err
	}
	return o, nil
}

// nats-server's processConfigFile: a loop parses the next key into the
// same options after a failure, and a later key locks the accounts
// already built. Reported.
func (a *Account) addLoop(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in parseAccountsLoop \(errlist.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func parseAccountsLoop(v []string, o *Options, errs *[]error) error {
	var lt token
	defer toErrorList(&lt, errs)
	for _, s := range v {
		acc := NewAccount(s)
		o.Accounts = append(o.Accounts, acc)
		acc.addLoop(s)
	}
	return nil
}

func (o *Options) parseKeyLoop(k string, v []string, errs *[]error) {
	switch k {
	case "accounts":
		if err := parseAccountsLoop(v, o, errs); err != nil {
			*errs = append(*errs, err)
		}
	case "upper":
		for _, a := range o.Accounts {
			a.mu.Lock()
			a.Name = strings.ToUpper(a.Name)
			a.mu.Unlock()
		}
	}
}

func LoadLoop(m map[string][]string) (*Options, error) {
	var errs []error
	o := &Options{}
	for k, v := range m {
		o.parseKeyLoop(k, v, &errs)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return o, nil
}

// The owner returns the options with the error. Reported.
func (a *Account) addKept(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in parseAccountsKept \(errlist.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func parseAccountsKept(v []string, o *Options, errs *[]error) error {
	var lt token
	defer toErrorList(&lt, errs)
	for _, s := range v {
		acc := NewAccount(s)
		o.Accounts = append(o.Accounts, acc)
		acc.addKept(s)
	}
	return nil
}

func LoadKept(v []string) (*Options, error) {
	var errs []error
	o := &Options{}
	_ = parseAccountsKept(v, o, &errs)
	if len(errs) > 0 {
		return o, errors.Join(errs...)
	}
	return o, nil
}

// The owner never looks at the list. Reported.
func (a *Account) addUnchecked(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in parseAccountsUnchecked \(errlist.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func parseAccountsUnchecked(v []string, o *Options, errs *[]error) error {
	var lt token
	defer toErrorList(&lt, errs)
	for _, s := range v {
		acc := NewAccount(s)
		o.Accounts = append(o.Accounts, acc)
		acc.addUnchecked(s)
	}
	return nil
}

var Logged []error

func LoadUnchecked(v []string) *Options {
	var errs []error
	o := &Options{}
	_ = parseAccountsUnchecked(v, o, &errs)
	Logged = append(Logged, errs...)
	return o
}

// The owner empties the list after the failure, then checks it.
// Reported.
func (a *Account) addReset(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in parseAccountsReset \(errlist.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func parseAccountsReset(v []string, o *Options, errs *[]error) error {
	var lt token
	defer toErrorList(&lt, errs)
	for _, s := range v {
		acc := NewAccount(s)
		o.Accounts = append(o.Accounts, acc)
		acc.addReset(s)
	}
	return nil
}

func LoadReset(v []string, lenient bool) (*Options, error) {
	var errs []error
	o := &Options{}
	_ = parseAccountsReset(v, o, &errs)
	if lenient {
		errs = errs[:0]
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return o, nil
}

// A function the list passes through empties it. Reported.
func (a *Account) addTrimmed(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in parseAccountsTrimmed \(errlist.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func parseAccountsTrimmed(v []string, o *Options, errs *[]error) error {
	var lt token
	defer toErrorList(&lt, errs)
	for _, s := range v {
		acc := NewAccount(s)
		o.Accounts = append(o.Accounts, acc)
		acc.addTrimmed(s)
	}
	return nil
}

func dropWarnings(errs *[]error) {
	*errs = (*errs)[:0]
}

func LoadTrimmed(v []string) (*Options, error) {
	var errs []error
	o := &Options{}
	_ = parseAccountsTrimmed(v, o, &errs)
	dropWarnings(&errs)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return o, nil
}

// A handler that appends only errors and logs other panics: the list
// may stay empty. Reported.
func toErrorsOnly(errs *[]error) {
	if r := recover(); r != nil {
		if e, ok := r.(error); ok {
			*errs = append(*errs, fmt.Errorf("panic: %w", e))
			return
		}
		Logged = append(Logged, fmt.Errorf("ignored: %v", r))
	}
}

func (a *Account) addSome(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in parseAccountsSome \(errlist.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func parseAccountsSome(v []string, o *Options, errs *[]error) error {
	defer toErrorsOnly(errs)
	for _, s := range v {
		acc := NewAccount(s)
		o.Accounts = append(o.Accounts, acc)
		acc.addSome(s)
	}
	return nil
}

func LoadSome(v []string) (*Options, error) {
	var errs []error
	o := &Options{}
	_ = parseAccountsSome(v, o, &errs)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return o, nil
}

// An exported entry point that fills its caller's options and has no
// caller in the package: a caller outside may go on with the options
// after the error (nats-server documents `opts.ProcessConfigFile(file)`
// without looking at the error), and NewServer locks every account.
// Reported.
func (a *Account) addExported(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in parseAccountsExported \(errlist.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func parseAccountsExported(v []string, o *Options, errs *[]error) error {
	var lt token
	defer toErrorList(&lt, errs)
	for _, s := range v {
		acc := NewAccount(s)
		o.Accounts = append(o.Accounts, acc)
		acc.addExported(s)
	}
	return nil
}

func (o *Options) ProcessAccounts(v []string) error {
	var errs []error
	_ = parseAccountsExported(v, o, &errs)
	if len(errs) > 0 {
		return &listErr{errs}
	}
	return nil
}

func (a *Account) GetName() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.Name
}

func NewServer(o *Options) []string {
	var names []string
	for _, a := range o.Accounts {
		names = append(names, a.GetName())
	}
	return names
}

// A handler that appends the recovered value as an error, nil when the
// panic is not one; the owner joins the list into its error, nil then,
// and its caller keeps the options. Reported.
func toMaybeNil(errs *[]error) {
	if r := recover(); r != nil {
		e, _ := r.(error)
		*errs = append(*errs, e)
	}
}

func (a *Account) addJoined(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in parseAccountsJoined \(errlist.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func parseAccountsJoined(v []string, o *Options, errs *[]error) error {
	defer toMaybeNil(errs)
	for _, s := range v {
		acc := NewAccount(s)
		o.Accounts = append(o.Accounts, acc)
		acc.addJoined(s)
	}
	return nil
}

func (o *Options) processJoined(v []string) error {
	var errs []error
	_ = parseAccountsJoined(v, o, &errs)
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return nil
}

func LoadJoined(v []string) (*Options, error) {
	o := &Options{}
	if err := o.processJoined(v); err != nil {
		return nil, err
	}
	return o, nil
}

// The owner returns another error variable when the list is not empty,
// nil when only the list holds the panic; its caller keeps the options.
// Reported.
func (a *Account) addFirst(subj string) {
	a.mu.Lock() // want `a.mu stays locked if the slice bounds of subj\[:strings.Index\(subj, "."\)\] are out of range: the panic is recovered in parseAccountsFirst \(errlist.go:\d+\) and the next a.mu.Lock\(\) deadlocks$`
	a.subs[subj] = len(a.order)
	a.order = append(a.order, subj[:strings.Index(subj, ".")])
	a.mu.Unlock()
}

func parseAccountsFirst(v []string, o *Options, errs *[]error) error {
	var lt token
	defer toErrorList(&lt, errs)
	for _, s := range v {
		acc := NewAccount(s)
		o.Accounts = append(o.Accounts, acc)
		acc.addFirst(s)
	}
	if len(v) == 0 {
		return errors.New("no accounts")
	}
	return nil
}

func (o *Options) processFirst(v []string) error {
	var errs []error
	var first error
	if err := parseAccountsFirst(v, o, &errs); err != nil {
		first = err
	}
	if len(errs) > 0 {
		return first
	}
	return nil
}

func LoadFirst(v []string) (*Options, error) {
	o := &Options{}
	if err := o.processFirst(v); err != nil {
		return nil, err
	}
	return o, nil
}
