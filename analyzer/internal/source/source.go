// Package source maps the positions the analysis works with back to the
// syntax that the user wrote, and names things for messages: the node an
// SSA position points into, the file holding a position, "file.go:12",
// the called function's text, a function as a reader knows it.
package source

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Index answers position questions about one package's files.
type Index struct {
	fset  *token.FileSet
	files []*ast.File
	pkg   *types.Package
	nodes map[token.Pos]ast.Node // lazily built: see NodeAt
}

// New returns an Index of the files of pkg.
func New(fset *token.FileSet, files []*ast.File, pkg *types.Package) *Index {
	return &Index{fset: fset, files: files, pkg: pkg}
}

// FileOf returns the file of the package holding pos, or nil.
func (x *Index) FileOf(pos token.Pos) *ast.File {
	for _, f := range x.files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// NodeAt finds the syntax that an SSA position points into: the call at
// its Lparen, the index or slice at its Lbrack, the selector at its Sel,
// the binary expression at its operator, the type assertion at its
// Lparen, the send at its arrow, the dereference at its star.
func (x *Index) NodeAt(pos token.Pos) ast.Node {
	if x.nodes == nil {
		x.nodes = make(map[token.Pos]ast.Node)
		add := func(p token.Pos, n ast.Node) {
			if _, ok := x.nodes[p]; !ok {
				x.nodes[p] = n
			}
		}
		for _, f := range x.files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					add(n.Lparen, n)
				case *ast.IndexExpr:
					add(n.Lbrack, n)
				case *ast.SliceExpr:
					add(n.Lbrack, n)
				case *ast.SelectorExpr:
					add(n.Sel.Pos(), n)
				case *ast.BinaryExpr:
					add(n.OpPos, n)
				case *ast.TypeAssertExpr:
					add(n.Lparen, n)
				case *ast.SendStmt:
					add(n.Arrow, n)
				case *ast.StarExpr:
					add(n.Star, n)
				}
				return true
			})
		}
	}
	return x.nodes[pos]
}

// Loc formats pos as "file.go:12", or "" when pos is not valid.
func (x *Index) Loc(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := x.fset.Position(pos)
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// CallText is the called function as the source writes it at the call
// whose Lparen is pos: "c.mu.Unlock", or "" when not found.
func (x *Index) CallText(pos token.Pos) string {
	if call, ok := x.NodeAt(pos).(*ast.CallExpr); ok {
		return Shorten(types.ExprString(call.Fun))
	}
	return ""
}

// FuncName names fn as a reader knows it: "(*Cache).Get", "Serve",
// "the func literal in Serve", "util.Go".
func (x *Index) FuncName(fn *ssa.Function) string {
	if fn == nil {
		return "?"
	}
	if fn.Parent() != nil {
		top := fn
		for top.Parent() != nil {
			top = top.Parent()
		}
		return "the func literal in " + x.FuncName(top)
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	qual := func(p *types.Package) string {
		if p == x.pkg {
			return ""
		}
		return p.Name()
	}
	name := fn.Name()
	if recv := fn.Signature.Recv(); recv != nil {
		t := recv.Type()
		ptr := ""
		if p, ok := t.(*types.Pointer); ok {
			t, ptr = p.Elem(), "*"
		}
		tn := types.TypeString(t, qual)
		if i := strings.Index(tn, "["); i >= 0 {
			tn = tn[:i]
		}
		return "(" + ptr + tn + ")." + name
	}
	if fn.Pkg != nil && fn.Pkg.Pkg != x.pkg {
		return fn.Pkg.Pkg.Name() + "." + name
	}
	return name
}

// Shorten cuts s to 40 bytes for a message.
func Shorten(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}
