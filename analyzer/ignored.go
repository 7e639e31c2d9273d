package analyzer

// poisonIgnored reports discarded errors of runtime/poison checked calls.
func (c *checker) poisonIgnored() {}
