// Package ginlike stands in for a web framework that recovers handler panics.
package ginlike

type Context struct{ params map[string]string }

func (c *Context) Param(k string) string {
	if c.params == nil {
		panic("no params")
	}
	return c.params[k]
}

func (c *Context) String(s string) {}
