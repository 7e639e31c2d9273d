package analyzer

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// extractDoc returns the documentation of the analyzer name from the
// package comment of the Go source content: the section under the heading
// "# Analyzer name", whose first line "name: summary" gives the summary
// (as x/tools' analyzers do with analysisutil.MustExtractDoc, which is
// internal to x/tools).
func extractDoc(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("bad package doc: %v", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("no package doc comment")
	}
	for _, section := range strings.Split(f.Doc.Text(), "\n# ") {
		body, ok := strings.CutPrefix(section, "Analyzer "+name)
		if !ok || body == "" || body[0] != '\n' {
			continue
		}
		body = strings.TrimSpace(body)
		rest, ok := strings.CutPrefix(body, name+":")
		if !ok {
			return "", fmt.Errorf("heading 'Analyzer %s' not followed by a '%s: summary' line", name, name)
		}
		return strings.TrimSpace(rest), nil
	}
	return "", fmt.Errorf("package doc comment has no 'Analyzer %s' heading", name)
}

func mustExtractDoc(content, name string) string {
	doc, err := extractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}
