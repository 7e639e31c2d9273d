// Package fiber is a stub of github.com/gofiber/fiber/v2: it runs on
// fasthttp, which does not recover handler panics.
package fiber

type Ctx struct{ path string }

func (c *Ctx) Params(key string) string  { return c.path }
func (c *Ctx) SendString(s string) error { return nil }

type Handler = func(*Ctx) error

type App struct{}

func New() *App                                     { return &App{} }
func (a *App) Use(args ...any)                      {}
func (a *App) Get(path string, handlers ...Handler) {}
