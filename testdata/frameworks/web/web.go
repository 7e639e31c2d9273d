// Handlers of gin and echo: both run on net/http, whose server recovers
// every handler's panic, whether or not the app installs the framework's
// recover middleware.
package web

import (
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

type Store struct {
	mu    sync.Mutex
	items map[string]string
	load  func(string) string
}

// A gin handler: a func literal taking *gin.Context.
func (s *Store) Routes(r *gin.Engine) {
	r.GET("/item", func(c *gin.Context) {
		s.mu.Lock() // want `s.mu stays locked if s.load panics: the panic is recovered by the server around handler the func literal in \(\*Store\)\.Routes \(web\.go:\d+\)`
		v := s.load(c.Query("id"))
		s.items["last"] = v
		s.mu.Unlock()
		c.String(http.StatusOK, v)
	})
	// Nearby correct form.
	r.GET("/ok", func(c *gin.Context) {
		c.String(http.StatusOK, s.get(c.Query("id")))
	})
}

func (s *Store) get(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.load(id)
	s.items["last"] = v
	return v
}

// An echo handler registered as a method value.
type Server struct {
	mu    sync.Mutex
	items map[string]string
	load  func(string) string
}

func (s *Server) Register(e *echo.Echo) {
	e.GET("/x", s.item)
	e.GET("/y", s.itemOK)
}

func (s *Server) item(c echo.Context) error {
	s.mu.Lock() // want `s.mu stays locked if c.Param panics: the panic is recovered by the server around handler \(\*Server\)\.item \(web\.go:\d+\)`
	v := s.load(c.Param("id"))
	s.items["x"] = v
	s.mu.Unlock()
	return c.String(http.StatusOK, v)
}

// Nearby correct form.
func (s *Server) itemOK(c echo.Context) error {
	return c.String(http.StatusOK, s.get(c.Param("id")))
}

func (s *Server) get(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.load(id)
	s.items["x"] = v
	return v
}

// Client side: a function taking the *http.Response of a request it made
// is not under the server's recover.
func (s *Server) parse(resp *http.Response) {
	s.mu.Lock()
	s.items["status"] = s.load(resp.Status)
	s.mu.Unlock()
}

// A type of the program's own that carries the incoming request in a
// field: a handler too.
type Request struct {
	Request *http.Request
	User    string
}

func (s *Server) handle(req *Request) {
	s.mu.Lock() // want `s.mu stays locked if s.load panics: the panic is recovered by the server around handler \(\*Server\)\.handle \(web\.go:\d+\)`
	s.items["user"] = s.load(req.User)
	s.mu.Unlock()
}

// A client that holds the request it sends in a field named otherwise: not
// a handler.
type Call struct {
	Req  *http.Request
	Resp *http.Response
}

func (s *Server) send(c *Call) {
	s.mu.Lock()
	s.items["sent"] = s.load(c.Req.URL.Path)
	s.mu.Unlock()
}
