package calendar

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/calendar/radicaletest"
	"github.com/pingwise/pingwise/focus"
)

// get reads an event from the server; "" when it is not there.
func get(t *testing.T, r *radicaletest.Server, path string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", r.Base+path, nil)
	req.SetBasicAuth(radicaletest.User, radicaletest.Password)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return ""
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", path, resp.Status)
	}
	return strings.ReplaceAll(string(b), "\r\n ", "") // unfolded
}

func TestFocusBlocksAgainstRadicale(t *testing.T) {
	r := radicaletest.Start(t)
	url := r.Calendar("work")
	s, _ := newSyncer(t)
	s.Secrets.Set("work", radicaletest.User, radicaletest.Password)
	src := Source{Name: "work", URL: url, Kind: KindCalDAV, User: radicaletest.User}
	ctx := context.Background()
	start := time.Date(2026, 12, 8, 9, 0, 0, 0, berlin)
	sess := focus.Session{ID: focus.NewID(), Start: start, Planned: 50 * time.Minute, Intent: "write the Q4 report, with the numbers from finance"}
	path := "/dana/work/" + UID(sess) + ".ics"

	fb, err := s.NewFocusBlocks(src, false, false)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // idempotent: the second write changes nothing
		if err := fb.Started(ctx, sess); err != nil {
			t.Fatal(err)
		}
	}
	ev := get(t, r, path)
	for _, want := range []string{"SUMMARY:Focus\r\n", "CLASS:PRIVATE", "TRANSP:OPAQUE", "DTSTART:20261208T080000Z", "DTEND:20261208T085000Z", "UID:" + UID(sess)} {
		if !strings.Contains(ev, want) {
			t.Errorf("started: no %q in\n%s", want, ev)
		}
	}
	if strings.Contains(ev, "Q4") {
		t.Error("the intent is in a private focus block")
	}

	// Ended early: shortened to the real end. Twice: the same.
	sess.End, sess.Result = start.Add(20*time.Minute), focus.Abandoned
	for range 2 {
		if err := fb.Ended(ctx, sess); err != nil {
			t.Fatal(err)
		}
	}
	if ev := get(t, r, path); !strings.Contains(ev, "DTEND:20261208T082000Z") {
		t.Errorf("ended early: not shortened:\n%s", ev)
	}
	// The server's copy, synced, is busy time but no meeting.
	if _, err := s.Sync(ctx, src); err != nil {
		t.Fatal(err)
	}
	cal, _, _ := s.Load(src)
	if len(cal.Events) != 1 || !cal.Events[0].Pingwise {
		t.Fatalf("synced focus block: %+v", cal.Events)
	}

	// With the intent allowed, and public.
	shown, err := s.NewFocusBlocks(src, true, true)
	if err != nil {
		t.Fatal(err)
	}
	other := focus.Session{ID: focus.NewID(), Start: start.Add(2 * time.Hour), Planned: 25 * time.Minute, Intent: "Read; review, reply"}
	if err := shown.Started(ctx, other); err != nil {
		t.Fatal(err)
	}
	if ev := get(t, r, "/dana/work/"+UID(other)+".ics"); !strings.Contains(ev, `SUMMARY:Focus: Read\; review\, reply`) || !strings.Contains(ev, "CLASS:PUBLIC") {
		t.Errorf("intent shown:\n%s", ev)
	}

	// Abandoned within a minute: removed, and removing again is no error.
	other.End, other.Result = other.Start.Add(40*time.Second), focus.Abandoned
	for range 2 {
		if err := shown.Ended(ctx, other); err != nil {
			t.Fatal(err)
		}
	}
	if ev := get(t, r, "/dana/work/"+UID(other)+".ics"); ev != "" {
		t.Errorf("abandoned within a minute, still there:\n%s", ev)
	}

	// A wrong password: one line.
	s.Secrets.Set("work", radicaletest.User, "wrong")
	bad, _ := s.NewFocusBlocks(src, false, false)
	if err := bad.Started(ctx, sess); err == nil || !strings.Contains(err.Error(), "refused the user name or password") {
		t.Errorf("wrong password: %v", err)
	}
	if _, err := s.NewFocusBlocks(Source{Name: "f", URL: "/x.ics", Kind: KindFile}, false, false); err == nil {
		t.Error("focus blocks on a file: no error")
	}
}

func TestFold(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	long := "SUMMARY:" + strings.Repeat("ü", 60) // 128 octets
	fold(&b, long)
	for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n") {
		if len(l) > 75 || !strings.HasPrefix(l, "SUMMARY") && !strings.HasPrefix(l, " ") {
			t.Errorf("line %q", l)
		}
	}
	c := mustParse(t, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261207T090000Z\r\n"+b.String()+"END:VEVENT\r\nEND:VCALENDAR\r\n")
	if c.Events[0].Title != strings.Repeat("ü", 60) {
		t.Errorf("folded and read back: %q", c.Events[0].Title)
	}
}
