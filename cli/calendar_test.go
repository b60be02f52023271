package cli_test

import (
	"bytes"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/calendar/radicaletest"
	"github.com/pingwise/pingwise/cli"
)

// memSecrets is the secret store's seam; fail makes every call fail as
// err does.
type memSecrets struct {
	mu   sync.Mutex
	m    map[string]string
	fail error
}

func (s *memSecrets) Get(source, user string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return "", s.fail
	}
	pw, ok := s.m[source+":"+user]
	if !ok {
		return "", errors.New("no password for " + source)
	}
	return pw, nil
}

func (s *memSecrets) Set(source, user, pw string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return s.fail
	}
	if s.m == nil {
		s.m = map[string]string{}
	}
	s.m[source+":"+user] = pw
	return nil
}

func (s *memSecrets) Delete(source, user string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, source+":"+user)
	return nil
}

// runCal runs the command line with a secret store.
func (h *testHome) runCal(secrets calendar.Secrets, stdin string, args ...string) result {
	h.t.Helper()
	var out, errs bytes.Buffer
	env := &cli.Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errs, Clock: h.clock, Secrets: secrets}
	code := cli.Main(append([]string{"--home", h.dir}, args...), env, noApp(h.t))
	return result{out.String(), errs.String(), code}
}

// A week with a weekly status update of 5 and a 1:1, in Berlin.
const (
	icsHead  = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
	icsEnd   = "END:VCALENDAR\r\n"
	statusEv = "BEGIN:VEVENT\r\nUID:status\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20261123T100000\r\nDTEND;TZID=Europe/Berlin:20261123T103000\r\n" +
		"RRULE:FREQ=WEEKLY\r\nSUMMARY:Weekly status update\r\nORGANIZER:mailto:lee@x.example\r\n" +
		"ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@x.example\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:a@x.example\r\n" +
		"ATTENDEE;PARTSTAT=ACCEPTED:mailto:b@x.example\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:c@x.example\r\nEND:VEVENT\r\n"
	oneOnOneEv = "BEGIN:VEVENT\r\nUID:one\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20261125T150000\r\nDTEND;TZID=Europe/Berlin:20261125T160000\r\n" +
		"SUMMARY:1:1 Lee / me\r\nORGANIZER:mailto:lee@x.example\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:me@x.example\r\nEND:VEVENT\r\n"
	weekICS = icsHead + statusEv + oneOnOneEv + icsEnd
)

const berlinSettings = "time_zone = \"Europe/Berlin\"\n"

func TestCalendarFileAddMeetingsRemove(t *testing.T) {
	t.Parallel()
	h := newHome(t, berlinSettings)
	path := h.write("work.ics", weekICS)
	sec := &memSecrets{}
	r := h.runCal(sec, "", "calendar", "add", path, "--me", "ME@x.example")
	if r.code != 0 || !strings.Contains(r.stdout, "Added calendar work (.ics file): 2 events.") {
		t.Fatalf("add: %v", r)
	}
	if r := h.runCal(sec, "", "calendar", "list"); r.code != 0 || !strings.Contains(r.stdout, "work ") || !strings.Contains(r.stdout, "me me@x.example") {
		t.Fatalf("list: %v", r)
	}
	r = h.runCal(sec, "", "meetings", "--json")
	var w struct {
		Week                   string `json:"week"`
		Meetings               int    `json:"meetings"`
		MeetingMinutes         int    `json:"meeting_minutes"`
		PersonMinutes          int    `json:"person_minutes"`
		RecurringPersonMinutes int    `json:"recurring_person_minutes"`
		FocusMinutesAvailable  int    `json:"focus_minutes_available"`
		CouldBeAsync           []struct {
			Title         string   `json:"title"`
			Start         string   `json:"start"`
			Minutes       int      `json:"minutes"`
			People        int      `json:"people"`
			PersonMinutes int      `json:"person_minutes"`
			Recurring     bool     `json:"recurring"`
			Reasons       []string `json:"reasons"`
		} `json:"could_be_async"`
	}
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("meetings: %v", r)
	}
	keys := decodeOne(t, r.stdout, &w)
	for _, k := range []string{"week", "meetings", "meeting_minutes", "person_minutes", "recurring_person_minutes", "focus_minutes_available", "could_be_async"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("JSON has no %q: %s", k, r.stdout)
		}
	}
	// 30 min × 5 people (recurring) and 60 min × 2; the week of 23 November.
	if w.Week != "2026-W48" || w.Meetings != 2 || w.MeetingMinutes != 90 || w.PersonMinutes != 270 || w.RecurringPersonMinutes != 150 {
		t.Errorf("week: %+v", w)
	}
	if len(w.CouldBeAsync) != 1 || w.CouldBeAsync[0].Title != "Weekly status update" || w.CouldBeAsync[0].Start != "2026-11-23T10:00:00+01:00" ||
		w.CouldBeAsync[0].People != 5 || !w.CouldBeAsync[0].Recurring || len(w.CouldBeAsync[0].Reasons) == 0 {
		t.Errorf("could be async: %+v", w.CouldBeAsync)
	}
	if r := h.runCal(sec, "", "meetings", "--week", "2026-W49"); r.code != 0 || !strings.Contains(r.stdout, "Week 2026-W49: 1 meeting, 30 min in meetings") ||
		!strings.Contains(r.stdout, "Could be async:") {
		t.Errorf("meetings text: %v", r)
	}
	// The stats summary says it too.
	if r := h.runCal(sec, "", "stats"); r.code != 0 || !strings.Contains(r.stdout,
		"Meetings: 2 meetings, 4 h 30 min of people's time; 1 meeting could be async; ") {
		t.Errorf("stats: %v", r)
	}
	// Works offline: the file gone, the copy answers.
	os.Remove(path)
	if r := h.runCal(sec, "", "meetings"); r.code != 0 || !strings.Contains(r.stdout, "2 meetings") {
		t.Errorf("offline: %v", r)
	}
	if r := h.runCal(sec, "", "calendar", "sync"); r.code != 1 || !strings.Contains(r.stderr, "calendar work: read") {
		t.Errorf("sync of a removed file: %v", r)
	}
	if r := h.runCal(sec, "", "calendar", "remove", "work"); r.code != 0 || r.stdout != "Removed calendar work.\n" {
		t.Fatalf("remove: %v", r)
	}
	if r := h.runCal(sec, "", "calendar", "list"); !strings.Contains(r.stdout, "No calendars") {
		t.Errorf("list after remove: %v", r)
	}
}

func TestCalendarBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  string
	}{
		{"no action", []string{"calendar"}, "", 2, "add, list, remove or sync?"},
		{"unknown action", []string{"calendar", "import"}, "", 2, `unknown action "import"`},
		{"add without source", []string{"calendar", "add"}, "", 2, "give one SOURCE"},
		{"a flag for another action", []string{"calendar", "list", "--user", "x"}, "", 2, "--user is for calendar add"},
		{"a file with a user", []string{"calendar", "add", "x.ics", "--user", "dana"}, "", 2, "a local file needs no --user"},
		{"password without user", []string{"calendar", "add", "https://example.com/c.ics", "--password-stdin"}, "pw\n", 2, "--password-stdin needs --user"},
		{"user without password", []string{"calendar", "add", "https://example.com/c.ics", "--user", "dana"}, "", 2, "--password-stdin"},
		{"empty password", []string{"calendar", "add", "https://example.com/c.ics", "--user", "dana", "--password-stdin"}, "\n", 2, "password on standard input is empty"},
		{"plain http", []string{"calendar", "add", "http://example.com/c.ics"}, "", 2, "use https"},
		{"bad name", []string{"calendar", "add", "x.ics", "--name", "../etc"}, "", 2, `calendar name "../etc"`},
		{"bad address", []string{"calendar", "add", "x.ics", "--me", "not-an-address"}, "", 2, "is not an e-mail address"},
		{"remove nothing", []string{"calendar", "remove", "work"}, "", 2, `no calendar named "work"`},
		{"sync nothing", []string{"calendar", "sync"}, "", 2, "no calendars yet"},
		{"meetings without calendars", []string{"meetings"}, "", 2, "no calendars yet"},
		{"a missing file", []string{"calendar", "add", "missing.ics"}, "", 1, "missing.ics"},
		{"a malformed file", []string{"calendar", "add", "bad.ics"}, "", 1, "END:VEVENT is missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHome(t, "")
			h.write("bad.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261207T090000Z\r\n")
			args := tc.args
			for i, a := range args {
				if strings.HasSuffix(a, ".ics") && !strings.Contains(a, "://") {
					args[i] = h.path(a)
				}
			}
			r := h.runCal(&memSecrets{}, tc.stdin, args...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("%v, want exit %d with %q", r, tc.code, tc.want)
			}
			checkOneLine(t, r.stderr)
			if _, err := os.Stat(h.path("settings.toml")); err == nil {
				t.Error("the settings were written")
			}
		})
	}
}

// Without a secret store, a password is refused, not kept in clear text,
// and nothing is added.
func TestCalendarNoSecretStore(t *testing.T) {
	t.Parallel()
	h := newHome(t, "")
	sec := &memSecrets{fail: calendar.ErrNoSecretStore}
	r := h.runCal(sec, "s3cret\n", "calendar", "add", "https://127.0.0.1:1/c.ics", "--user", "dana", "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, "never in clear text") {
		t.Errorf("%v", r)
	}
	checkOneLine(t, r.stderr)
	if _, err := os.Stat(h.path("settings.toml")); err == nil {
		t.Error("the settings were written")
	}
}

// One calendar never synced gets one line; the others still count.
func TestMeetingsWithOneCalendarUnreadable(t *testing.T) {
	t.Parallel()
	gone := filepath.ToSlash(filepath.Join(t.TempDir(), "nowhere.ics")) // absolute on every system
	h := newHome(t, berlinSettings+"\n[[calendars]]\nname = \"gone\"\nsource = \""+gone+"\"\nkind = \"file\"\n")
	sec := &memSecrets{}
	h.runCal(sec, "", "calendar", "add", h.write("work.ics", weekICS))
	r := h.runCal(sec, "", "meetings")
	if r.code != 0 || !strings.Contains(r.stdout, "2 meetings") || !strings.Contains(r.stderr, "calendar gone has not been synced yet") {
		t.Errorf("%v", r)
	}
	checkOneLine(t, r.stderr)
}

// Against a real CalDAV server: add detects CalDAV and stores the password
// in the secret store; a wrong password adds nothing and keeps nothing.
func TestCalendarAddCalDAV(t *testing.T) {
	notOnWindows(t, "it runs radicale")
	srv := radicaletest.Start(t)
	url := srv.Calendar("work")
	srv.Do("PUT", "/dana/work/status.ics", icsHead+statusEv+icsEnd, http.StatusCreated)
	srv.Do("PUT", "/dana/work/one.ics", icsHead+oneOnOneEv+icsEnd, http.StatusCreated)
	h := newHome(t, berlinSettings)
	sec := &memSecrets{}
	r := h.runCal(sec, "wrong\n", "calendar", "add", url, "--user", radicaletest.User, "--password-stdin")
	if r.code != 1 || !strings.Contains(r.stderr, "refused the user name or password") || len(sec.m) != 0 {
		t.Fatalf("wrong password: %v, secrets %v", r, sec.m)
	}
	checkOneLine(t, r.stderr)
	r = h.runCal(sec, radicaletest.Password+"\n", "calendar", "add", url, "--user", radicaletest.User, "--password-stdin", "--me", "me@x.example")
	if r.code != 0 || !strings.Contains(r.stdout, "Added calendar work (CalDAV): 2 events.") {
		t.Fatalf("add: %v", r)
	}
	if sec.m["work:dana"] != radicaletest.Password {
		t.Errorf("secret store: %v", sec.m)
	}
	settings, _ := os.ReadFile(h.path("settings.toml"))
	if strings.Contains(string(settings), radicaletest.Password) || !strings.Contains(string(settings), `kind = "caldav"`) {
		t.Errorf("settings:\n%s", settings)
	}
	if r := h.runCal(sec, "", "calendar", "sync"); r.code != 0 || r.stdout != "work: unchanged\n" {
		t.Errorf("sync: %v", r)
	}
	if r := h.runCal(sec, "", "meetings", "--week", "2026-W48"); r.code != 0 || !strings.Contains(r.stdout, "2 meetings") {
		t.Errorf("meetings: %v", r)
	}
	if r := h.runCal(sec, "", "calendar", "remove", "work"); r.code != 0 || len(sec.m) != 0 {
		t.Errorf("remove: %v, secrets %v", r, sec.m)
	}
}
