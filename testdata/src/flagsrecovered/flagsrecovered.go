// With -recovered-by=*ginlike.Context: handlers taking that type run under
// the framework's recover.
package flagsrecovered

import (
	"ginlike"
	"sync"
)

type API struct {
	mu    sync.Mutex
	cache map[string]string
}

func (a *API) Get(c *ginlike.Context) {
	a.mu.Lock() // want `a.mu stays locked if c.Param panics: the panic is recovered by the server around handler \(\*API\)\.Get \(flagsrecovered\.go:\d+\)`
	v := a.cache[c.Param("id")]
	a.mu.Unlock()
	c.String(v)
}

// Not a handler: no request parameter.
func (a *API) Warm(load func() string) {
	a.mu.Lock()
	a.cache["x"] = load()
	a.mu.Unlock()
}
