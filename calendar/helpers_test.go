package calendar

import (
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// fixedClock is a clock tests set.
type fixedClock struct{ t time.Time }

func (c fixedClock) Now() time.Time { return c.t }

// fakeSecrets is the secret store's seam: a map.
type fakeSecrets struct {
	mu sync.Mutex
	m  map[string]string
}

func (f *fakeSecrets) Get(source, user string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	pw, ok := f.m[source+":"+user]
	if !ok {
		return "", errors.New("no password")
	}
	return pw, nil
}

func (f *fakeSecrets) Set(source, user, pw string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.m == nil {
		f.m = map[string]string{}
	}
	f.m[source+":"+user] = pw
	return nil
}

func (f *fakeSecrets) Delete(source, user string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.m, source+":"+user)
	return nil
}

// counting counts the requests a client sends.
type counting struct {
	n    atomic.Int64
	next http.RoundTripper
}

func (c *counting) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(r)
}

// countingClient is NewClient with a request counter.
func countingClient() (*http.Client, *counting) {
	c := NewClient()
	t := &counting{next: http.DefaultTransport}
	c.Transport = t
	return c, t
}
