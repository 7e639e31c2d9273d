// Command mutate applies one of the named mutations of scripts/mutants.sh
// (each a deliberate bug the test suite must catch) to a copy of the
// project.
//
//	go run ./scripts/mutate list             name, packages, -run, realworld args, one a line (;-separated)
//	go run ./scripts/mutate apply NAME DIR   apply mutation NAME to the copy in DIR
//
// A mutation is anchored on a Go function by name (its body is located with
// go/parser, so edits elsewhere in the file do not move it) and, inside the
// body, on a code fragment compared with runs of white space collapsed. When
// the function or the fragment is not found exactly once, apply fails with
// "mutation NAME no longer applies: ..." and exit status 1: the list needs
// updating, the mutation is never skipped silently. Non-Go files (shell
// scripts) are anchored on the fragment alone, which must occur once in the
// file.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	if len(os.Args) >= 2 && os.Args[1] == "list" {
		for _, m := range mutations {
			fmt.Printf("%s;%s;%s;%s\n", m.Name, strings.Join(m.Pkgs, " "), m.Run, m.Realworld)
		}
		return
	}
	if len(os.Args) != 4 || os.Args[1] != "apply" {
		fmt.Fprintln(os.Stderr, "usage: mutate list | mutate apply NAME DIR")
		os.Exit(2)
	}
	name, dir := os.Args[2], os.Args[3]
	for _, m := range mutations {
		if m.Name == name {
			if err := m.apply(dir); err != nil {
				fmt.Fprintf(os.Stderr, "mutation %s no longer applies: %v\n", name, err)
				os.Exit(1)
			}
			return
		}
	}
	fmt.Fprintf(os.Stderr, "unknown mutation %s\n", name)
	os.Exit(2)
}

func (m *mutation) apply(dir string) error {
	file := filepath.Join(dir, filepath.FromSlash(m.File))
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	from, to := 0, len(src) // the region the fragment is searched in
	if m.Func != "" {
		from, to, err = funcBody(file, src, m.Func)
		if err != nil {
			return err
		}
	}
	region := string(src[from:to])
	var out string
	if m.Old == "" {
		// Replace the whole body, braces excluded.
		out = "{\n" + m.New + "\n}"
	} else {
		re := regexp.MustCompile(fragment(m.Old))
		locs := re.FindAllStringIndex(region, -1)
		switch {
		case len(locs) == 0:
			return fmt.Errorf("pattern not found in %s%s: %q", m.File, inFunc(m.Func), m.Old)
		case len(locs) > 1:
			return fmt.Errorf("pattern found %d times in %s%s (want once): %q", len(locs), m.File, inFunc(m.Func), m.Old)
		}
		out = region[:locs[0][0]] + m.New + region[locs[0][1]:]
	}
	res := string(src[:from]) + out + string(src[to:])
	return os.WriteFile(file, []byte(res), 0o644)
}

func inFunc(name string) string {
	if name == "" {
		return ""
	}
	return ", func " + name
}

// fragment turns s into a regexp matching it literally, any run of white
// space matching any (possibly empty) run of white space.
func fragment(s string) string {
	var b strings.Builder
	for i, w := range strings.Fields(s) {
		if i > 0 {
			b.WriteString(`\s*`)
		}
		b.WriteString(regexp.QuoteMeta(w))
	}
	return b.String()
}

// funcBody returns the byte range of the body (braces included) of the
// function named name in file: "F", "T.M" or "(*T).M".
func funcBody(file string, src []byte, name string) (int, int, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.SkipObjectResolution)
	if err != nil {
		return 0, 0, err
	}
	var found []*ast.FuncDecl
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if ok && fd.Body != nil && declName(fd) == name {
			found = append(found, fd)
		}
	}
	if len(found) != 1 {
		return 0, 0, fmt.Errorf("func %s found %d times in %s (want once)", name, len(found), filepath.Base(file))
	}
	tf := fset.File(f.Pos())
	return tf.Offset(found[0].Body.Lbrace), tf.Offset(found[0].Body.Rbrace) + 1, nil
}

func declName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	star := false
	if s, ok := t.(*ast.StarExpr); ok {
		star, t = true, s.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	id, _ := t.(*ast.Ident)
	if id == nil {
		return fd.Name.Name
	}
	if star {
		return "(*" + id.Name + ")." + fd.Name.Name
	}
	return id.Name + "." + fd.Name.Name
}
