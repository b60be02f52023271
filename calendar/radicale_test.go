package calendar

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// e2e skips a test that needs real programs unless PINGWISE_E2E=1; with
// it set, a missing program fails the test.
func e2e(t *testing.T, programs ...string) {
	t.Helper()
	if os.Getenv("PINGWISE_E2E") != "1" {
		t.Skip("set PINGWISE_E2E=1 to run against real programs")
	}
	for _, p := range programs {
		if _, err := exec.LookPath(p); err != nil {
			t.Fatalf("%s is not installed (Debian package %s): %v", p, p, err)
		}
	}
}

// radicale is a real CalDAV server on 127.0.0.1 with htpasswd users and a
// temporary storage folder, stopped with the test.
type radicale struct {
	t    *testing.T
	base string // http://127.0.0.1:PORT
}

const (
	radicaleUser     = "dana"
	radicalePassword = "correct horse"
)

func startRadicale(t *testing.T) *radicale {
	t.Helper()
	e2e(t, "radicale")
	dir := t.TempDir()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	users := filepath.Join(dir, "users")
	if err := os.WriteFile(users, []byte(radicaleUser+":"+radicalePassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "config")
	if err := os.WriteFile(config, []byte(fmt.Sprintf(`[server]
hosts = %s
[auth]
type = htpasswd
htpasswd_filename = %s
htpasswd_encryption = plain
[storage]
filesystem_folder = %s
[web]
type = none
[logging]
level = warning
`, addr, users, filepath.Join(dir, "collections"))), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("radicale", "--config", config)
	log, err := os.Create(filepath.Join(dir, "log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatalf("start radicale: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		log.Close()
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case err := <-exited:
			out, _ := os.ReadFile(log.Name())
			t.Fatalf("radicale exited: %v\n%s", err, out)
		default:
		}
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(log.Name())
			t.Fatalf("radicale did not listen on %s within 20 s:\n%s", addr, out)
		}
		time.Sleep(50 * time.Millisecond) // polling a real process for readiness
	}
	return &radicale{t: t, base: "http://" + addr}
}

// do sends one authenticated request and checks its status.
func (r *radicale) do(method, path, body string, want int) {
	r.t.Helper()
	req, err := http.NewRequest(method, r.base+path, strings.NewReader(body))
	if err != nil {
		r.t.Fatal(err)
	}
	req.SetBasicAuth(radicaleUser, radicalePassword)
	if method == "PUT" {
		req.Header.Set("Content-Type", "text/calendar; charset=utf-8")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != want {
		r.t.Fatalf("%s %s: %s, want %d", method, path, resp.Status, want)
	}
}

// calendar makes a calendar collection with MKCALENDAR and returns its URL.
func (r *radicale) calendar(name string) string {
	r.t.Helper()
	path := "/" + radicaleUser + "/" + name + "/"
	r.do("MKCALENDAR", path, "", http.StatusCreated)
	return r.base + path
}

// split turns a fixture into CalDAV resources: one per UID, overrides with
// their series, each with the fixture's VTIMEZONEs.
func split(cal string) map[string]string {
	lines := strings.Split(strings.TrimSuffix(cal, "\r\n"), "\r\n")
	var head, tz []string
	events := map[string][]string{}
	var order []string
	var cur []string
	in := ""
	for _, l := range lines {
		switch {
		case l == "BEGIN:VTIMEZONE":
			in = "tz"
		case l == "BEGIN:VEVENT":
			in, cur = "ev", nil
		}
		switch in {
		case "tz":
			tz = append(tz, l)
		case "ev":
			cur = append(cur, l)
		default:
			if l != "END:VCALENDAR" {
				head = append(head, l)
			}
		}
		switch l {
		case "END:VTIMEZONE":
			in = ""
		case "END:VEVENT":
			in = ""
			uid := ""
			for _, c := range cur {
				if u, ok := strings.CutPrefix(c, "UID:"); ok {
					uid = u
				}
			}
			if _, ok := events[uid]; !ok {
				order = append(order, uid)
			}
			events[uid] = append(events[uid], cur...)
		}
	}
	out := map[string]string{}
	for i, uid := range order {
		doc := append(append(append([]string{}, head...), tz...), events[uid]...)
		doc = append(doc, "END:VCALENDAR")
		out[fmt.Sprintf("event-%d.ics", i)] = strings.Join(doc, "\r\n") + "\r\n"
	}
	return out
}

// A real CalDAV server: the first sync fetches everything, a sync that
// finds nothing changed is one request, a change is fetched alone, a
// deletion is seen, and a wrong password or a stopped server leaves the
// last good copy.
func TestCalDAVAgainstRadicale(t *testing.T) {
	r := startRadicale(t)
	url := r.calendar("work")
	for name, body := range split(googleCalendar) {
		r.do("PUT", "/dana/work/"+name, body, http.StatusCreated)
	}
	s, n := newSyncer(t)
	s.Secrets.Set("work", radicaleUser, radicalePassword)
	src := Source{Name: "work", URL: url, Kind: KindCalDAV, User: radicaleUser, Me: []string{"dana@example.com"}}
	ctx := context.Background()

	if kind, err := s.Detect(ctx, src); err != nil || kind != KindCalDAV {
		t.Fatalf("detect: %q %v", kind, err)
	}
	res, err := s.Sync(ctx, src)
	if err != nil || !res.Changed || res.Events != 6 {
		t.Fatalf("first sync: %+v %v", res, err)
	}
	n.n.Store(0)
	if res, err := s.Sync(ctx, src); err != nil || res.Changed || n.n.Load() != 1 {
		t.Fatalf("unchanged: %+v %v, %d requests (want 1)", res, err, n.n.Load())
	}

	// One more event: collection, listing, and one multiget.
	r.do("PUT", "/dana/work/new.ics", ics("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
		"UID:new-1", "DTSTAMP:20261201T000000Z", "DTSTART:20261210T090000Z", "DTEND:20261210T100000Z", "SUMMARY:Kickoff: billing",
		"ORGANIZER:mailto:lee@example.com", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:dana@example.com", "END:VEVENT", "END:VCALENDAR"), http.StatusCreated)
	n.n.Store(0)
	if res, err := s.Sync(ctx, src); err != nil || !res.Changed || res.Events != 7 || n.n.Load() != 3 {
		t.Fatalf("one added: %+v %v, %d requests (want 3)", res, err, n.n.Load())
	}
	cal, _, err := s.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	w, _ := cal.Summarize(week(t, "2026-W50", berlin), Options{Me: src.Me, WorkStart: 9 * time.Hour, WorkEnd: 17 * time.Hour})
	if w.Meetings != 2 { // the moved status update and the kickoff
		t.Errorf("meetings from the server: %+v", w.List)
	}

	// Deleted on the server: gone here after a sync.
	r.do("DELETE", "/dana/work/new.ics", "", http.StatusOK)
	if res, err := s.Sync(ctx, src); err != nil || res.Events != 6 {
		t.Fatalf("one deleted: %+v %v", res, err)
	}

	// A wrong password: one line, the copy stays.
	s.Secrets.Set("work", radicaleUser, "wrong")
	if _, err := s.Sync(ctx, src); err == nil || !strings.Contains(err.Error(), "refused the user name or password") {
		t.Fatalf("wrong password: %v", err)
	}
	if _, err := s.Detect(ctx, src); err == nil {
		t.Fatal("detect with a wrong password: no error")
	}
	if cal, _, err := s.Load(src); err != nil || len(cal.Events) != 6 {
		t.Fatalf("the last good copy after a refusal: %v", err)
	}
}

// The account's address instead of a calendar's is refused with a hint.
func TestCalDAVNotACalendar(t *testing.T) {
	r := startRadicale(t)
	r.calendar("work")
	s, _ := newSyncer(t)
	s.Secrets.Set("home", radicaleUser, radicalePassword)
	src := Source{Name: "home", URL: r.base + "/dana/", Kind: KindCalDAV, User: radicaleUser}
	if _, err := s.Sync(context.Background(), src); err == nil || !strings.Contains(err.Error(), "not a CalDAV calendar") {
		t.Fatalf("%v", err)
	}
}
