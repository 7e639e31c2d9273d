package suppress

func (t *T) InTest() {
	defer swallow()
	t.mu.Lock()
	t.fn()
	t.mu.Unlock()
}

func (t *T) recoverWork() {
	defer func() { recover() }()
	t.Work()
}
