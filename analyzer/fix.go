package analyzer

import "golang.org/x/tools/go/analysis"

// fixes returns the suggested fixes for a finding.
func (c *checker) fixes(f *finding) []analysis.SuggestedFix { return nil }
