package locktypes

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"testing"
)

const src = `package p

import "sync"

type M = sync.Mutex
type P = *sync.Mutex
type L struct{}

func (*L) Lock()   {}
func (*L) Unlock() {}

var (
	a sync.Mutex
	b *sync.RWMutex
	c M
	d P
	e L
	f int
	g sync.WaitGroup
)
`

func TestPredicates(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, nil)
	if err != nil {
		t.Fatal(err)
	}
	typ := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	for _, tc := range []struct {
		v      string
		kind   Kind
		locker bool
		sync   bool
	}{
		{"a", Primitive, true, true},
		{"b", Primitive, true, true},
		{"c", Primitive, true, true},
		{"d", None, false, false}, // an alias of a pointer is not unwrapped
		{"e", None, true, false},
		{"f", None, false, false},
		{"g", None, false, true},
	} {
		if k := KindOf(typ(tc.v), "x/poison"); k != tc.kind {
			t.Errorf("KindOf(%s) = %d, want %d", tc.v, k, tc.kind)
		}
		if l := IsLocker(typ(tc.v)); l != tc.locker {
			t.Errorf("IsLocker(%s) = %v, want %v", tc.v, l, tc.locker)
		}
		if s := IsSyncType(typ(tc.v)); s != tc.sync {
			t.Errorf("IsSyncType(%s) = %v, want %v", tc.v, s, tc.sync)
		}
	}
	if !IsNamed(typ("b"), "sync", "RWMutex", true) || IsNamed(typ("a"), "sync", "Mutex", true) || !IsNamed(typ("a"), "sync", "Mutex", false) {
		t.Error("IsNamed: pointer requirement not applied")
	}
	if !IsPoisonPkg(DefaultPoisonImport, "x/poison") || !IsPoisonPkg("x/poison", "x/poison") || IsPoisonPkg("sync", "x/poison") {
		t.Error("IsPoisonPkg")
	}
	if m := Methods["RUnlock"]; m.Acquire || m.Write {
		t.Error("RUnlock is a read release")
	}
}

// TestColumns: the columns of the method table are the lists the engine,
// the fixes and the poison fix used before there was one table.
func TestColumns(t *testing.T) {
	keys := func(m map[string]bool) string {
		var ks []string
		for k, in := range m {
			if in {
				ks = append(ks, k)
			}
		}
		sort.Strings(ks)
		return strings.Join(ks, " ")
	}
	modeled := map[string]bool{}
	for k := range Methods {
		modeled[k] = true
	}
	for _, tc := range []struct {
		name string
		got  map[string]bool
		want string
	}{
		{"Methods", modeled, "Lock LockChecked LockForRepair RLock RLockChecked RUnlock Unlock UnlockPoisoned"},
		{"Ops", Ops, "Lock LockChecked RLock RLockChecked RUnlock TryLock TryRLock Unlock"},
		{"SyncMethods", SyncMethods, "Lock RLock RLocker RUnlock TryLock TryRLock Unlock"},
	} {
		if got := keys(tc.got); got != tc.want {
			t.Errorf("%s = %s, want %s", tc.name, got, tc.want)
		}
	}
	for name, want := range map[string]Method{
		"Lock": {true, true}, "LockChecked": {true, true}, "RLock": {true, false}, "RLockChecked": {true, false},
		"LockForRepair": {true, true}, "UnlockPoisoned": {false, true}, "Unlock": {false, true}, "RUnlock": {false, false},
	} {
		if Methods[name] != want {
			t.Errorf("Methods[%s] = %+v, want %+v", name, Methods[name], want)
		}
	}
}
