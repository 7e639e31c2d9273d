package analyzer

// funcFact summarises a function for its callers in other packages.
type funcFact struct{}

func (*funcFact) AFact() {}
