// The request-carrier rule on types of the program's own.
package webcarriers

import (
	"net/http"
	"sync"
)

type S struct {
	mu   sync.Mutex
	n    map[string]int
	load func() int
}

// A context with a Request field, as gin's.
type Context struct {
	Request *http.Request
}

func (s *S) field(c *Context) {
	s.mu.Lock() // want `s.mu stays locked if s.load panics: the panic is recovered by the server around handler \(\*S\)\.field \(webcarriers\.go:\d+\)`
	s.n["x"] = s.load()
	s.mu.Unlock()
}

// A context with a Request method, as echo's.
type Ctx interface {
	Request() *http.Request
	Param(string) string
}

func (s *S) method(c Ctx) {
	s.mu.Lock() // want `s.mu stays locked if c.Param panics: the panic is recovered by the server around handler \(\*S\)\.method \(webcarriers\.go:\d+\)`
	s.n[c.Param("id")] = 1
	s.mu.Unlock()
}

// A custom context embedding the framework's: the field is promoted.
type MyContext struct {
	*Context
	User string
}

func (s *S) promoted(c *MyContext) {
	s.mu.Lock() // want `s.mu stays locked if s.load panics: the panic is recovered by the server around handler \(\*S\)\.promoted \(webcarriers\.go:\d+\)`
	s.n[c.User] = s.load()
	s.mu.Unlock()
}

// Client side: a wrapper of a response (its Request field is the
// client's request) ...
type Response struct {
	*http.Response
}

func (s *S) response(r *Response) {
	s.mu.Lock()
	s.n["x"] = s.load()
	s.mu.Unlock()
}

// ... and a wrapper of the request a client sends (retryablehttp's).
type Request struct {
	*http.Request
	Retries int
}

func (s *S) request(r *Request) {
	s.mu.Lock()
	s.n["x"] = s.load()
	s.mu.Unlock()
}

// A method named Request of another type: not a carrier.
type Builder struct{}

func (Builder) Request() string { return "" }

func (s *S) builder(b Builder) {
	s.mu.Lock()
	s.n["x"] = s.load()
	s.mu.Unlock()
}

// A function that sends a request and returns the response: client side.
func (s *S) send(c *Context) (*http.Response, error) {
	s.mu.Lock()
	s.n["x"] = s.load()
	s.mu.Unlock()
	return nil, nil
}
