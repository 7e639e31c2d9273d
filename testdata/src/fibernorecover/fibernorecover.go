// A fiber app without the recover middleware: a handler's panic crashes
// the process (fasthttp does not recover), so nothing is reported.
package fibernorecover

import (
	"sync"

	"github.com/gofiber/fiber/v2"
)

type API struct {
	mu    sync.Mutex
	cache map[string]string
	load  func(string) string
}

func (a *API) item(c *fiber.Ctx) error {
	a.mu.Lock()
	v := a.load(c.Params("id"))
	a.cache["id"] = v
	a.mu.Unlock()
	return c.SendString(v)
}

func Main(a *API) {
	app := fiber.New()
	app.Get("/x", a.item)
}
