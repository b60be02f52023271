package calendar

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/calendar/radicaletest"
)

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
	r := radicaletest.Start(t)
	url := r.Calendar("work")
	for name, body := range split(googleCalendar) {
		r.Do("PUT", "/dana/work/"+name, body, http.StatusCreated)
	}
	s, n := newSyncer(t)
	s.Secrets.Set("work", radicaletest.User, radicaletest.Password)
	src := Source{Name: "work", URL: url, Kind: KindCalDAV, User: radicaletest.User, Me: []string{"dana@example.com"}}
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
	r.Do("PUT", "/dana/work/new.ics", ics("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
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
	r.Do("DELETE", "/dana/work/new.ics", "", http.StatusOK)
	if res, err := s.Sync(ctx, src); err != nil || res.Events != 6 {
		t.Fatalf("one deleted: %+v %v", res, err)
	}

	// A wrong password: one line, the copy stays.
	s.Secrets.Set("work", radicaletest.User, "wrong")
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
	r := radicaletest.Start(t)
	r.Calendar("work")
	s, _ := newSyncer(t)
	s.Secrets.Set("home", radicaletest.User, radicaletest.Password)
	src := Source{Name: "home", URL: r.Base + "/dana/", Kind: KindCalDAV, User: radicaletest.User}
	if _, err := s.Sync(context.Background(), src); err == nil || !strings.Contains(err.Error(), "not a CalDAV calendar") {
		t.Fatalf("%v", err)
	}
}
