package sample

// Put has a lock-leak only when the caller may recover: with the default
// -assume-recovered=none there is no recover in sight and nothing to report;
// with -assume-recovered=exported (a library whose callers recover) the nil
// map write can panic with c.mu held. -implicit-panics=false drops the map
// write as a panic point again.
func (c *Cache) Put(k string, v int) {
	c.mu.Lock() // lock-leak with -assume-recovered=exported
	c.items[k] = v
	c.mu.Unlock()
}
