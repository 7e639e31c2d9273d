package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Categories of the analyzer's reports about itself.
const (
	categoryDirective = "directive"
	categoryCapped    = "capped"
)

// checkDirectives reports malformed //lockpoison: comments (an ignore
// without a reason, an unknown or misplaced directive), records the
// boundary and recovered directives, and exports them as facts.
func (c *checker) checkDirectives() {
	c.ext = &extState{boundary: map[types.Object]bool{}, recovered: map[types.Object]bool{}}
	placed := c.placedDirectives()
	for _, f := range c.pass.Files {
		for _, cg := range f.Comments {
			for _, cm := range cg.List {
				rest, ok := strings.CutPrefix(cm.Text, "//lockpoison:")
				if !ok {
					continue
				}
				name, reason, _ := strings.Cut(rest, " ")
				reason, _, _ = strings.Cut(reason, "//") // a trailing comment is no reason
				switch name {
				case "ignore":
					if strings.TrimSpace(reason) == "" {
						c.pass.Report(analysisDiagnostic(cm.Pos(), categoryDirective,
							"malformed directive: //lockpoison:ignore needs a reason"))
					}
				case "boundary", "recovered":
					obj, ok := placed[cm]
					switch {
					case !ok && name == "boundary":
						c.pass.Report(analysisDiagnostic(cm.Pos(), categoryDirective,
							"misplaced directive: //lockpoison:boundary belongs in the doc comment of a function or method"))
					case !ok:
						c.pass.Report(analysisDiagnostic(cm.Pos(), categoryDirective,
							"misplaced directive: //lockpoison:recovered belongs in the doc comment of a function, method or type"))
					case name == "boundary":
						if _, isFunc := obj.(*types.Func); !isFunc {
							c.pass.Report(analysisDiagnostic(cm.Pos(), categoryDirective,
								"misplaced directive: //lockpoison:boundary belongs in the doc comment of a function or method, not of type "+obj.Name()))
							continue
						}
						c.ext.boundary[obj] = true
					default:
						c.ext.recovered[obj] = true
					}
				default:
					c.pass.Report(analysisDiagnostic(cm.Pos(), categoryDirective,
						fmt.Sprintf("unknown directive //lockpoison:%s: want //lockpoison:ignore <reason>, //lockpoison:boundary or //lockpoison:recovered", name)))
				}
			}
		}
	}
	c.exportDirectiveFacts()
}

// placedDirectives maps the directive comments that are in the doc comment
// of a function, a method or a type declaration to what they annotate.
func (c *checker) placedDirectives() map[*ast.Comment]types.Object {
	placed := map[*ast.Comment]types.Object{}
	add := func(doc *ast.CommentGroup, id *ast.Ident) {
		if doc == nil || id == nil {
			return
		}
		obj := c.pass.TypesInfo.Defs[id]
		if obj == nil {
			return
		}
		for _, cm := range doc.List {
			placed[cm] = obj
		}
	}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				add(d.Doc, d.Name)
			case *ast.GenDecl:
				if d.Tok != token.TYPE {
					continue
				}
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok {
						continue
					}
					add(ts.Doc, ts.Name)
					if len(d.Specs) == 1 {
						add(d.Doc, ts.Name)
					}
				}
			}
		}
	}
	return placed
}
