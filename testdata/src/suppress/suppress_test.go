package suppress

func (t *T) InTest() {
	defer swallow()
	t.mu.Lock()
	t.fn()
	t.mu.Unlock()
}
