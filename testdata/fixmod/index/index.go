// Package index has a torn-state finding whose second fix, "Use
// poison.Registry", TestFixModule applies (lockpoison -fix applies only the
// first fix of a finding).
package index

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

type Doc struct {
	ID   string
	Body string
}

var ErrNotFound = errors.New("not found")

type Index struct {
	mu   sync.Mutex
	byID map[string]*Doc
	hook func(*Doc)
}

func New(hook func(*Doc)) *Index {
	return &Index{byID: map[string]*Doc{}, hook: hook}
}

// Put stores docs, calling the hook after each: a panic in the hook leaves
// the batch half-applied.
func (x *Index) Put(docs ...*Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("put: %v", r)
		}
	}()
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, d := range docs {
		x.byID[d.ID] = d
		x.hook(d)
	}
	return nil
}

func (x *Index) Get(id string) (*Doc, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	d, ok := x.byID[id]
	if !ok {
		return nil, ErrNotFound
	}
	return d, nil
}

func (x *Index) Delete(id string) error {
	x.mu.Lock()
	delete(x.byID, id)
	x.mu.Unlock()
	return nil
}

func (x *Index) Len() (int, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	n := len(x.byID)
	return n, nil
}

// IDs returns the documents' IDs, sorted.
func (x *Index) IDs() ([]string, error) {
	var ids []string
	x.mu.Lock()
	defer x.mu.Unlock()
	for id := range x.byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, nil
}

// Matching returns up to max documents whose body has the prefix.
func (x *Index) Matching(prefix string, max int) ([]*Doc, error) {
	x.mu.Lock()
	var docs []*Doc
	for _, d := range x.byID {
		if len(docs) == max {
			break
		}
		if !strings.HasPrefix(d.Body, prefix) {
			continue
		}
		docs = append(docs, d)
	}
	x.mu.Unlock()
	return docs, nil
}
