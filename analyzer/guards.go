package analyzer

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// What the package says about its guarded state: the maps it makes (a nil
// map write panics only on the others) and the fields annotated with the
// lock that guards them.

// scanMaps records the map-typed fields and package-level variables that the
// package assigns a non-nil map (made, a literal, or any other map value).
func (c *checker) scanMaps(pkg *ssa.Package, funcs []*ssa.Function) {
	if init := pkg.Func("init"); init != nil {
		funcs = append(funcs[:len(funcs):len(funcs)], init)
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok || isNilConst(st.Val) {
					continue
				}
				if _, isMap := st.Val.Type().Underlying().(*types.Map); !isMap {
					continue
				}
				switch addr := st.Addr.(type) {
				case *ssa.FieldAddr:
					if f := fieldOf(addr.X.Type(), addr.Field); f != nil {
						c.madeMaps[f] = true
					}
				case *ssa.Global:
					if v, ok := addr.Object().(*types.Var); ok {
						c.madeMaps[v] = true
					}
				}
			}
		}
	}
}

var guardRE = regexp.MustCompile(`(?i)(?:\+checklocks:|guarded by )([\w.]+)`)

// guardAnnotations maps field names to the lock named by their
// "+checklocks:mu" or "guarded by mu" comment; ambiguous names are dropped.
func guardAnnotations(files []*ast.File) map[string]string {
	guards := map[string]string{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok {
				return true
			}
			for _, fld := range st.Fields.List {
				var text string
				if fld.Doc != nil {
					text += fld.Doc.Text()
				}
				if fld.Comment != nil {
					text += fld.Comment.Text()
				}
				m := guardRE.FindStringSubmatch(text)
				if m == nil {
					continue
				}
				g := m[1][strings.LastIndex(m[1], ".")+1:]
				for _, name := range fld.Names {
					if old, ok := guards[name.Name]; ok && old != g {
						g = ""
					}
					guards[name.Name] = g
				}
			}
			return true
		})
	}
	return guards
}

// guardOf returns the lock that annotates the last field of p, or "".
func (c *checker) guardOf(p *path) string {
	if len(p.fields) == 0 {
		return ""
	}
	return c.guards[p.fields[len(p.fields)-1]]
}
