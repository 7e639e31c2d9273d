package main

import (
	"encoding/json"
	"go/token"
	"io"
	"path/filepath"
	"strings"

	"github.com/lockpoison/lockpoison/analyzer"
)

// SARIF 2.1.0, the subset GitHub code scanning reads.
type (
	sarifLog struct {
		Version string     `json:"version"`
		Schema  string     `json:"$schema"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID               string    `json:"id"`
		Name             string    `json:"name"`
		ShortDescription sarifText `json:"shortDescription"`
		FullDescription  sarifText `json:"fullDescription"`
		HelpURI          string    `json:"helpUri"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID           string          `json:"ruleId"`
		RuleIndex        int             `json:"ruleIndex"`
		Level            string          `json:"level"`
		Message          sarifText       `json:"message"`
		Locations        []sarifLocation `json:"locations"`
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	}
	sarifLocation struct {
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifText    `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

// writeSARIF writes the findings as one SARIF run: a rule per category of
// analyzer.Checks (id = the check's name, helpUri = its page), a result per
// finding with its related locations (panic point, recover site).
func writeSARIF(w io.Writer, findings []finding) error {
	driver := sarifDriver{Name: "lockpoison", Version: version(), InformationURI: analyzer.RepoURL}
	index := map[string]int{}
	for _, ci := range analyzer.Checks {
		index[ci.Name] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{
			ID:               ci.Name,
			Name:             ruleName(ci.Name),
			ShortDescription: sarifText{ci.Title},
			FullDescription:  sarifText{ci.Summary},
			HelpURI:          ci.URL(),
		})
	}
	run := sarifRun{Tool: sarifTool{driver}, Results: []sarifResult{}}
	for _, f := range findings {
		i, ok := index[f.d.Category]
		if !ok {
			continue // not a category of the table: cannot be a rule
		}
		res := sarifResult{
			RuleID:    f.d.Category,
			RuleIndex: i,
			Level:     "warning",
			Message:   sarifText{f.d.Message},
			Locations: []sarifLocation{{PhysicalLocation: physical(f.posn, f.end)}},
		}
		for k, r := range f.related {
			id := k + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID: &id, PhysicalLocation: physical(r.posn, r.end), Message: &sarifText{r.message},
			})
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Version: "2.1.0",
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Runs:    []sarifRun{run},
	})
}

// physical is a location relative to the working directory (%SRCROOT%,
// the repository root in CI) when the file lies below it.
func physical(p, end token.Position) sarifPhysical {
	uri := filepath.ToSlash(relPath(p.Filename))
	art := sarifArtifact{URI: uri}
	if !filepath.IsAbs(relPath(p.Filename)) {
		art.URIBaseID = "%SRCROOT%"
	}
	reg := sarifRegion{StartLine: p.Line, StartColumn: p.Column}
	if end.IsValid() && end.Filename == p.Filename {
		reg.EndLine, reg.EndColumn = end.Line, end.Column
	}
	return sarifPhysical{ArtifactLocation: art, Region: reg}
}

// ruleName is the check's name in the PascalCase SARIF viewers expect:
// lock-leak → LockLeak.
func ruleName(check string) string {
	var b strings.Builder
	for _, w := range strings.Split(check, "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}
