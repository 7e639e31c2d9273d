package integration

// A minimal LSP client over stdio (JSON-RPC 2.0 with Content-Length framing),
// just enough to drive gopls as an editor does.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

type rpcMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

type lspClient struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr *bytes.Buffer

	writeMu sync.Mutex

	mu          sync.Mutex
	nextID      int
	pending     map[string]chan *rpcMessage
	diagnostics map[string][]lspDiagnostic // latest publishDiagnostics per URI
	published   map[string]int             // publishDiagnostics count per URI
	applyEdits  []json.RawMessage          // workspace/applyEdit params received
	changed     chan struct{}              // signalled on every notification
	closed      bool
}

type lspPosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start lspPosition `json:"start"`
	End   lspPosition `json:"end"`
}

type lspDiagnostic struct {
	Range    lspRange        `json:"range"`
	Severity int             `json:"severity,omitempty"`
	Code     any             `json:"code,omitempty"`
	Source   string          `json:"source,omitempty"`
	Message  string          `json:"message"`
	Data     json.RawMessage `json:"data,omitempty"`
	Related  json.RawMessage `json:"relatedInformation,omitempty"`
}

type lspTextEdit struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}

type lspWorkspaceEdit struct {
	Changes         map[string][]lspTextEdit `json:"changes,omitempty"`
	DocumentChanges []struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
		Edits []lspTextEdit `json:"edits"`
	} `json:"documentChanges,omitempty"`
}

type lspCommand struct {
	Title     string            `json:"title"`
	Command   string            `json:"command"`
	Arguments []json.RawMessage `json:"arguments,omitempty"`
}

type lspCodeAction struct {
	Title       string            `json:"title"`
	Kind        string            `json:"kind,omitempty"`
	Diagnostics []lspDiagnostic   `json:"diagnostics,omitempty"`
	Edit        *lspWorkspaceEdit `json:"edit,omitempty"`
	Command     json.RawMessage   `json:"command,omitempty"` // a Command (or, for a bare Command result, its name)
	Data        json.RawMessage   `json:"data,omitempty"`
}

// startLSP starts bin args... as a language server in dir.
func startLSP(t *testing.T, dir string, environ []string, bin string, args ...string) *lspClient {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = environ
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &lspClient{
		t:           t,
		cmd:         cmd,
		stdin:       stdin,
		stderr:      new(bytes.Buffer),
		pending:     map[string]chan *rpcMessage{},
		diagnostics: map[string][]lspDiagnostic{},
		published:   map[string]int{},
		changed:     make(chan struct{}, 1),
	}
	cmd.Stderr = &lockedWriter{w: c.stderr, mu: &c.mu}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go c.readLoop(bufio.NewReader(stdout))
	t.Cleanup(c.close)
	return c
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (c *lspClient) serverStderr() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stderr.String()
}

func (c *lspClient) write(msg *rpcMessage) error {
	msg.JSONRPC = "2.0"
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_, err = fmt.Fprintf(c.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body)
	return err
}

func (c *lspClient) readLoop(r *bufio.Reader) {
	defer func() {
		c.mu.Lock()
		c.closed = true
		for _, ch := range c.pending {
			close(ch)
		}
		c.pending = map[string]chan *rpcMessage{}
		c.mu.Unlock()
		c.signal()
	}()
	tp := textproto.NewReader(r)
	for {
		hdr, err := tp.ReadMIMEHeader()
		if err != nil {
			return
		}
		n, err := strconv.Atoi(hdr.Get("Content-Length"))
		if err != nil {
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		msg := new(rpcMessage)
		if err := json.Unmarshal(body, msg); err != nil {
			continue
		}
		switch {
		case msg.Method != "" && msg.ID != nil: // server -> client request
			c.handleRequest(msg)
		case msg.Method != "": // notification
			c.handleNotification(msg)
		default: // response
			c.mu.Lock()
			ch := c.pending[string(msg.ID)]
			delete(c.pending, string(msg.ID))
			c.mu.Unlock()
			if ch != nil {
				ch <- msg
			}
		}
	}
}

func (c *lspClient) signal() {
	select {
	case c.changed <- struct{}{}:
	default:
	}
}

func (c *lspClient) handleRequest(msg *rpcMessage) {
	var result any
	switch msg.Method {
	case "workspace/configuration":
		var p struct{ Items []json.RawMessage }
		json.Unmarshal(msg.Params, &p)
		cfgs := make([]map[string]any, len(p.Items))
		for i := range cfgs {
			cfgs[i] = map[string]any{}
		}
		result = cfgs
	case "workspace/applyEdit":
		var p struct {
			Edit json.RawMessage `json:"edit"`
		}
		json.Unmarshal(msg.Params, &p)
		c.mu.Lock()
		c.applyEdits = append(c.applyEdits, p.Edit)
		c.mu.Unlock()
		c.signal()
		result = map[string]any{"applied": true}
	default:
		// window/workDoneProgress/create, client/registerCapability, ...
		result = nil
	}
	res, _ := json.Marshal(result)
	c.write(&rpcMessage{ID: msg.ID, Result: res})
}

func (c *lspClient) handleNotification(msg *rpcMessage) {
	if msg.Method != "textDocument/publishDiagnostics" {
		return
	}
	var p struct {
		URI         string          `json:"uri"`
		Diagnostics []lspDiagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal(msg.Params, &p); err != nil {
		return
	}
	c.mu.Lock()
	c.diagnostics[p.URI] = p.Diagnostics
	c.published[p.URI]++
	c.mu.Unlock()
	c.signal()
}

// call sends a request and waits for its result, decoded into result.
func (c *lspClient) call(method string, params, result any, timeout time.Duration) error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return fmt.Errorf("%s: server exited", method)
	}
	c.nextID++
	id := json.RawMessage(strconv.Itoa(c.nextID))
	ch := make(chan *rpcMessage, 1)
	c.pending[string(id)] = ch
	c.mu.Unlock()

	p, err := json.Marshal(params)
	if err != nil {
		return err
	}
	if err := c.write(&rpcMessage{ID: id, Method: method, Params: p}); err != nil {
		return fmt.Errorf("%s: %v", method, err)
	}
	select {
	case msg, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: server exited", method)
		}
		if msg.Error != nil {
			return fmt.Errorf("%s: error %d: %s", method, msg.Error.Code, msg.Error.Message)
		}
		if result != nil && len(msg.Result) > 0 {
			return json.Unmarshal(msg.Result, result)
		}
		return nil
	case <-time.After(timeout):
		return fmt.Errorf("%s: no response in %v", method, timeout)
	}
}

func (c *lspClient) notify(method string, params any) error {
	p, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return c.write(&rpcMessage{Method: method, Params: p})
}

// waitFor waits until cond (called with c.mu held) holds or timeout passes.
func (c *lspClient) waitFor(timeout time.Duration, cond func() bool) bool {
	deadline := time.After(timeout)
	for {
		c.mu.Lock()
		ok, closed := cond(), c.closed
		c.mu.Unlock()
		if ok {
			return true
		}
		if closed {
			return false
		}
		select {
		case <-c.changed:
		case <-deadline:
			return false
		}
	}
}

func (c *lspClient) close() {
	done := make(chan error, 1)
	go func() {
		c.call("shutdown", nil, nil, 10*time.Second)
		c.notify("exit", nil)
		c.stdin.Close()
		done <- c.cmd.Wait()
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		c.cmd.Process.Kill()
		<-done
	}
	if c.t.Failed() {
		c.t.Logf("server stderr:\n%s", c.serverStderr())
	}
}

// applyTextEdits applies LSP edits (non-overlapping) to text, whose
// positions are UTF-16 based; the fixtures are ASCII so characters are bytes.
func applyTextEdits(text string, edits []lspTextEdit) (string, error) {
	lines := strings.SplitAfter(text, "\n")
	offset := func(p lspPosition) (int, error) {
		if p.Line > len(lines) {
			return 0, fmt.Errorf("position %+v beyond end", p)
		}
		off := 0
		for i := 0; i < p.Line; i++ {
			off += len(lines[i])
		}
		return off + p.Character, nil
	}
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		s, err := offset(e.Range.Start)
		if err != nil {
			return "", err
		}
		en, err := offset(e.Range.End)
		if err != nil {
			return "", err
		}
		spans = append(spans, span{s, en, e.NewText})
	}
	// Apply from the end so earlier offsets stay valid.
	for i := 0; i < len(spans); i++ {
		for j := i + 1; j < len(spans); j++ {
			if spans[j].start > spans[i].start {
				spans[i], spans[j] = spans[j], spans[i]
			}
		}
	}
	for _, s := range spans {
		if s.start > len(text) || s.end > len(text) || s.start > s.end {
			return "", fmt.Errorf("edit [%d,%d) out of range", s.start, s.end)
		}
		text = text[:s.start] + s.text + text[s.end:]
	}
	return text, nil
}

// editsFor returns the edits of a workspace edit for uri.
func (e *lspWorkspaceEdit) editsFor(uri string) []lspTextEdit {
	if e == nil {
		return nil
	}
	edits := append([]lspTextEdit(nil), e.Changes[uri]...)
	for _, dc := range e.DocumentChanges {
		if dc.TextDocument.URI == uri {
			edits = append(edits, dc.Edits...)
		}
	}
	return edits
}
