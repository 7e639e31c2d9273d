package fix

import (
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Edits shared by the fixes: the imports (adding the poison package,
// dropping sync) and reformatting the declaration a fix changes.

// source returns the file holding pos, its token.File and content.
func (fx *planner) source(pos token.Pos) (*ast.File, *token.File, []byte) {
	file := fx.syntax.FileOf(pos)
	if file == nil {
		return nil, nil, nil
	}
	tf := fx.pass.Fset.File(pos)
	src, err := fx.pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil, nil, nil
	}
	return file, tf, src
}

// usesPkg reports whether file refers to the package imported as path,
// other than by the identifiers skip accepts.
func (fx *planner) usesPkg(file *ast.File, path string, skip func(*ast.Ident) bool) bool {
	used := false
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if pn, ok := fx.info.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == path && !skip(id) {
				used = true
			}
		}
		return !used
	})
	return used
}

// importEdit returns the name under which file refers to the package path
// (imported if needed) and the edit of the file's imports that adds it
// and, with dropSync, removes the import of sync; nil when nothing
// changes. at is where the name will be used.
func (fx *planner) importEdit(file *ast.File, tf *token.File, src []byte, at token.Pos, path string, dropSync bool) (string, *analysis.TextEdit, string) {
	info := fx.info
	name := ""
	for _, spec := range file.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p == path {
			pn := info.PkgNameOf(spec)
			if pn == nil || pn.Name() == "_" || pn.Name() == "." {
				return "", nil, path + " is imported as _ or ."
			}
			name = pn.Name()
		}
	}
	add := name == ""
	if add {
		name = path[strings.LastIndex(path, "/")+1:]
		if !token.IsIdentifier(name) {
			return "", nil, "the package name of " + path + " is not known"
		}
		if s := fx.pass.Pkg.Scope().Innermost(at); s != nil {
			if _, obj := s.LookupParent(name, at); obj != nil {
				return "", nil, "the name " + name + " is taken"
			}
		}
	}
	if !add && !dropSync {
		return name, nil, ""
	}
	var decls []*ast.GenDecl
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			decls = append(decls, gd)
		}
	}
	if len(decls) == 0 {
		return "", nil, "the file has no imports"
	}
	start, end := tf.Offset(decls[0].Pos()), tf.Offset(decls[len(decls)-1].End())
	type op struct {
		from, to int
		text     string
	}
	var ops []op
	if dropSync {
		n := 0
		for _, gd := range decls {
			for _, sp := range gd.Specs {
				spec := sp.(*ast.ImportSpec)
				if p, _ := strconv.Unquote(spec.Path.Value); p != "sync" {
					continue
				}
				n++
				if !gd.Lparen.IsValid() {
					ops = append(ops, op{tf.Offset(gd.Pos()), tf.Offset(gd.End()), ""})
					continue
				}
				from, to := tf.Offset(spec.Pos()), tf.Offset(spec.End())
				for from > 0 && (src[from-1] == ' ' || src[from-1] == '\t') {
					from--
				}
				for to < len(src) && src[to] != '\n' {
					to++
				}
				ops = append(ops, op{from, to, ""})
			}
		}
		if n != 1 {
			return "", nil, "sync is imported more than once"
		}
	}
	if add {
		last := decls[len(decls)-1]
		quoted := strconv.Quote(path)
		if last.Lparen.IsValid() {
			at := tf.Offset(last.Rparen)
			ops = append(ops, op{at, at, "\n\t" + quoted + "\n"})
		} else {
			from, to := tf.Offset(last.Pos()), tf.Offset(last.End())
			if i := slices.IndexFunc(ops, func(o op) bool { return o.from == from }); i >= 0 {
				ops[i].text = "import " + quoted // it imported sync only
			} else {
				spec := string(src[tf.Offset(last.Specs[0].Pos()):to])
				ops = append(ops, op{from, to, "import (\n\t" + spec + "\n\n\t" + quoted + "\n)"})
			}
		}
	}
	slices.SortFunc(ops, func(a, b op) int { return b.from - a.from })
	region := string(src[start:end])
	for _, o := range ops {
		region = region[:o.from-start] + o.text + region[o.to-start:]
	}
	const head = "package p\n\n"
	out, err := format.Source([]byte(head + region + "\n"))
	if err != nil {
		return "", nil, "the imports cannot be edited"
	}
	text := strings.TrimSuffix(strings.TrimPrefix(string(out), head), "\n")
	return name, &analysis.TextEdit{Pos: decls[0].Pos(), End: decls[len(decls)-1].End(), NewText: []byte(text)}, ""
}

// formatDecl applies edits, all inside one top-level declaration of file,
// and returns them as edits of the lines that change once the declaration
// is formatted (a longer type name can realign the comments of a struct).
// Without a clean result, it returns the edits as they are.
func (fx *planner) formatDecl(file *ast.File, tf *token.File, src []byte, edits []analysis.TextEdit) []analysis.TextEdit {
	var decl ast.Decl
	for _, d := range file.Decls {
		if d.Pos() <= edits[0].Pos && edits[0].End <= d.End() {
			decl = d
		}
	}
	if decl == nil {
		return edits
	}
	start, end := tf.Offset(tf.LineStart(tf.Line(decl.Pos()))), tf.Offset(decl.End())
	for _, e := range edits {
		if e.Pos < decl.Pos() || e.End > decl.End() {
			return edits
		}
	}
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b analysis.TextEdit) int { return int(b.Pos - a.Pos) })
	text := string(src[start:end])
	for _, e := range sorted {
		from, to := tf.Offset(e.Pos)-start, tf.Offset(e.End)-start
		text = text[:from] + string(e.NewText) + text[to:]
	}
	const head = "package p\n\n"
	out, err := format.Source([]byte(head + text + "\n"))
	if err != nil {
		return edits
	}
	formatted := strings.TrimSuffix(strings.TrimPrefix(string(out), head), "\n")
	oldLines := strings.Split(string(src[start:end]), "\n")
	newLines := strings.Split(formatted, "\n")
	if len(oldLines) != len(newLines) {
		return []analysis.TextEdit{{Pos: tf.Pos(start), End: tf.Pos(end), NewText: []byte(formatted)}}
	}
	var out2 []analysis.TextEdit
	off := start
	for i, l := range oldLines {
		if l != newLines[i] {
			out2 = append(out2, analysis.TextEdit{Pos: tf.Pos(off), End: tf.Pos(off + len(l)), NewText: []byte(newLines[i])})
		}
		off += len(l) + 1
	}
	return out2
}

// importNote is appended to the message of a fix that imports the poison
// package: the import builds only once its module is required, unless the
// module is the current one or the package already depends on it.
func (fx *planner) importNote() string {
	path := fx.poisonImport
	if m := fx.pass.Module; m != nil && m.Path != "" && (path == m.Path || strings.HasPrefix(path, m.Path+"/")) {
		return ""
	}
	seen := map[*types.Package]bool{}
	var deps func(p *types.Package) bool
	deps = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if p.Path() == path {
			return true
		}
		return slices.ContainsFunc(p.Imports(), deps)
	}
	if deps(fx.pass.Pkg) {
		return ""
	}
	return " (requires go get " + path + ")"
}
