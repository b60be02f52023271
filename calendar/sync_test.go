package calendar

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var syncedAt = time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)

func newSyncer(t *testing.T) (*Syncer, *counting) {
	c, n := countingClient()
	return &Syncer{Dir: t.TempDir(), Client: c, Secrets: &fakeSecrets{}, Clock: fixedClock{syncedAt}}, n
}

// An .ics feed: the second sync is one conditional GET, answered 304, by
// ETag or by Last-Modified; a broken new version keeps the last good copy.
func TestSyncICSConditional(t *testing.T) {
	t.Parallel()
	for _, validator := range []string{"ETag", "Last-Modified"} {
		t.Run(validator, func(t *testing.T) {
			t.Parallel()
			var body atomic.Value
			body.Store(outlookCalendar)
			var version atomic.Value
			version.Store("v1")
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				tag := `"` + version.Load().(string) + `"`
				if validator == "ETag" {
					w.Header().Set("ETag", tag)
					if r.Header.Get("If-None-Match") == tag {
						w.WriteHeader(http.StatusNotModified)
						return
					}
				} else {
					lm := "Mon, 07 Dec 2026 08:00:00 GMT"
					w.Header().Set("Last-Modified", lm)
					if r.Header.Get("If-Modified-Since") == lm {
						w.WriteHeader(http.StatusNotModified)
						return
					}
				}
				w.Write([]byte(body.Load().(string)))
			}))
			defer srv.Close()
			s, n := newSyncer(t)
			src := Source{Name: "feed", URL: srv.URL + "/cal.ics", Kind: KindICS}
			r, err := s.Sync(context.Background(), src)
			if err != nil || !r.Changed || r.Events != 2 {
				t.Fatalf("first sync: %+v, %v", r, err)
			}
			n.n.Store(0)
			r, err = s.Sync(context.Background(), src)
			if err != nil || r.Changed || n.n.Load() != 1 {
				t.Fatalf("unchanged sync: %+v, %v, %d requests (want 1)", r, err, n.n.Load())
			}
			// A new version that is broken: refused, the copy stays.
			version.Store("v2")
			body.Store("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n")
			if validator == "Last-Modified" {
				return // the date did not move: the server says unchanged, rightly
			}
			if _, err := s.Sync(context.Background(), src); err == nil || !strings.Contains(err.Error(), "END:VEVENT is missing") {
				t.Fatalf("broken version: %v", err)
			}
			cal, at, err := s.Load(src)
			if err != nil || len(cal.Events) != 2 || !at.Equal(syncedAt) {
				t.Fatalf("last good copy: %v events, %v, %v", cal, at, err)
			}
		})
	}
}

// Every failure is one line naming the source, and the last good copy
// stays untouched.
func TestSyncFailures(t *testing.T) {
	t.Parallel()
	closed := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return "http://" + addr + "/cal.ics"
	}()
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(outlookCalendar)) }))
	t.Cleanup(tlsSrv.Close)
	var loop *httptest.Server
	loop = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, loop.URL+"/again", http.StatusFound)
	}))
	t.Cleanup(loop.Close)
	// Redirected to plain http on another host: refused before any
	// request goes there.
	downgrade := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://calendar.example.invalid/cal.ics", http.StatusFound)
	}))
	t.Cleanup(downgrade.Close)
	status := func(code int) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(code) }))
		t.Cleanup(srv.Close)
		return srv.URL + "/cal.ics"
	}
	huge := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("X", 1<<20))
		for range 50 {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	t.Cleanup(huge.Close)
	tests := []struct{ name, url, want string }{
		{"unreachable", closed, "cannot reach the server"},
		{"TLS failure", tlsSrv.URL + "/cal.ics", "secure connection failed"},
		{"redirect loop", loop.URL + "/cal.ics", "too many redirects (a redirect loop?)"},
		{"redirect to plain http", downgrade.URL + "/cal.ics", "redirected to \"http://calendar.example.invalid/cal.ics\": use https"},
		{"wrong password", status(http.StatusUnauthorized), "refused the user name or password"},
		{"not found", status(http.StatusNotFound), "not found on the server"},
		{"50 MB", huge.URL + "/cal.ics", "larger than 20 MB"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, _ := newSyncer(t)
			src := Source{Name: "work", URL: tc.url, Kind: KindICS}
			// The last good copy, from before.
			good := &copy{Source: tc.url, Items: []item{{Len: len(appleCalendar)}}, data: []byte(appleCalendar), SyncedAt: syncedAt}
			if err := s.save("work", good); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(s.path("work"))
			_, err := s.Sync(context.Background(), src)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "calendar work: ") ||
				strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %v, want one line with %q", err, tc.want)
			}
			after, _ := os.ReadFile(s.path("work"))
			if string(after) != string(before) {
				t.Error("the last good copy changed")
			}
			if cal, _, err := s.Load(src); err != nil || len(cal.Events) != 2 {
				t.Errorf("offline load: %v", err)
			}
		})
	}
}

func TestSyncFile(t *testing.T) {
	t.Parallel()
	s, _ := newSyncer(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "cal.ics")
	os.WriteFile(path, []byte(thunderbirdCalendar), 0o600)
	src := Source{Name: "tb", URL: path, Kind: KindFile}
	if r, err := s.Sync(context.Background(), src); err != nil || !r.Changed || r.Events != 1 {
		t.Fatalf("first: %+v %v", r, err)
	}
	if r, err := s.Sync(context.Background(), src); err != nil || r.Changed {
		t.Fatalf("unchanged: %+v %v", r, err)
	}
	// 50 MB: refused, the copy stays.
	f, _ := os.Create(path)
	f.Truncate(50 << 20)
	f.Close()
	if _, err := s.Sync(context.Background(), src); err == nil || !strings.Contains(err.Error(), "larger than 20 MB") {
		t.Fatalf("50 MB: %v", err)
	}
	os.Remove(path)
	if _, err := s.Sync(context.Background(), src); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("gone: %v", err)
	}
	if cal, _, err := s.Load(src); err != nil || len(cal.Events) != 1 {
		t.Fatalf("the last good copy: %v", err)
	}
}

func TestDamagedCopy(t *testing.T) {
	t.Parallel()
	s, _ := newSyncer(t)
	src := Source{Name: "x", URL: "/x.ics", Kind: KindFile}
	if _, _, err := s.Load(src); err == nil || !strings.Contains(err.Error(), "has not been synced yet") {
		t.Fatalf("never synced: %v", err)
	}
	os.WriteFile(s.path("x"), []byte(magic+`{"items":[{"len":99}]}`+"\nshort"), 0o600)
	if _, _, err := s.Load(src); err == nil || !strings.Contains(err.Error(), "is damaged") {
		t.Fatalf("damaged: %v", err)
	}
}

func TestCheckURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want, err string }{
		{"webcal://example.com/cal.ics", "https://example.com/cal.ics", ""},
		{"https://example.com/dav/", "https://example.com/dav/", ""},
		{"http://127.0.0.1:5232/dana/", "http://127.0.0.1:5232/dana/", ""},
		{"http://[::1]:5232/dana/", "http://[::1]:5232/dana/", ""},
		{"http://example.com/cal.ics", "", "use https"},
		{"ftp://example.com/cal.ics", "", "use a file, https:// or webcal://"},
		{"https://dana:pw@example.com/", "", "not in the address"},
		{"https://", "", "is not an address"},
	}
	for _, tc := range tests {
		u, err := CheckURL(tc.in)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: %v, want %q", tc.in, err, tc.err)
		case tc.err == "" && (err != nil || u.String() != tc.want):
			t.Errorf("%s: %v %v, want %s", tc.in, u, err, tc.want)
		}
	}
}
