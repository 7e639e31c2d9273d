// A fiber app that installs the recover middleware: its handlers run under
// a swallowing recover.
package fiberapp

import (
	"sync"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
)

type API struct {
	mu    sync.Mutex
	cache map[string]string
	load  func(string) string
}

func (a *API) item(c *fiber.Ctx) error {
	a.mu.Lock() // want `a.mu stays locked if a.load panics: the panic is recovered by fiber's recover middleware around handler \(\*API\)\.item \(fiberapp\.go:\d+\)`
	v := a.load(c.Params("id"))
	a.cache["id"] = v
	a.mu.Unlock()
	return c.SendString(v)
}

// Nearby correct form.
func (a *API) itemOK(c *fiber.Ctx) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	v := a.load(c.Params("id"))
	a.cache["id"] = v
	return c.SendString(v)
}

func Main(a *API) {
	app := fiber.New()
	app.Use(recover.New())
	app.Get("/x", a.item)
	app.Get("/y", a.itemOK)
}
