package analyzer

// exitState is the state as the function returns: its deferred calls run,
// so a deferred unlock of a lock it does not hold releases its caller's
// (an unlock wrapper that releases in a deferred call, whatever runs
// before: func (s *State) Unlock() { defer s.unlock(); ...; s.checkpoint() }).
func (a *fnAnalysis) exitState(st *state) *state {
	ex := st.clone()
	for _, d := range st.defers {
		for _, u := range d.unlocks {
			if ex.findRelease(u.p.key()) >= 0 || !u.p.escapes() {
				continue
			}
			key := u.p.key()
			dup := false
			for _, r := range ex.released {
				dup = dup || r.p.key() == key
			}
			if !dup {
				ex.released = append(ex.released, u)
			}
		}
	}
	return ex
}
