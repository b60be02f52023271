package focus_test

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// fullEvents returns one event of each kind with every field set, so that
// a field the record format forgets shows up as a difference.
func fullEvents(t *testing.T) []focus.Event {
	berlin := mustLoad(t, "Europe/Berlin")
	start := time.Date(2026, 11, 24, 9, 0, 0, 123456789, berlin)
	return []focus.Event{
		&focus.Session{ID: "s-1", Start: start, Planned: 25 * time.Minute, Intent: "Bericht schreiben ✓",
			Paused: 90*time.Second + 500*time.Millisecond, End: start.Add(27 * time.Minute), Result: focus.Completed, Device: "laptop-1"},
		&focus.Interruption{ID: "i-1", At: start.Add(3 * time.Minute), Direction: focus.Outgoing, Channel: focus.Email,
			Outcome: focus.Deferred, People: 7, Who: "Ana «QA»", Note: "re: budget, \"v2\"", InSession: true,
			Handled: start.Add(40 * time.Minute), App: "Thunderbird", Count: 3, Device: "laptop-1"},
		&focus.Decision{ID: "d-1", At: start.Add(5 * time.Minute), Recommended: focus.Async, Chosen: focus.Sync,
			Channel: "video call", People: 4, Minutes: 45, Reasons: []string{"four people", "needs a decision"}, InSession: true, Device: "desk_2"},
	}
}

// inUTC copies an event with its times in UTC, so that events can be
// compared whatever zone their times were read in.
func inUTC(e focus.Event) focus.Event {
	v := reflect.ValueOf(e).Elem()
	c := reflect.New(v.Type())
	c.Elem().Set(v)
	for i := range c.Elem().NumField() {
		if f := c.Elem().Field(i); f.Type() == reflect.TypeFor[time.Time]() {
			f.Set(reflect.ValueOf(f.Interface().(time.Time).UTC()))
		}
	}
	return c.Interface().(focus.Event)
}

func TestRecordRoundTrip(t *testing.T) {
	for _, e := range fullEvents(t) {
		v := reflect.ValueOf(e).Elem()
		for i := range v.NumField() {
			if name := v.Type().Field(i).Name; v.Field(i).IsZero() && name != "PausedAt" {
				t.Fatalf("fixture %T leaves %s unset", e, name)
			}
		}
		b, err := json.Marshal(focus.RecordOf(e))
		if err != nil {
			t.Fatal(err)
		}
		var r focus.Record
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatal(err)
		}
		back, err := r.Event()
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if !reflect.DeepEqual(inUTC(back), inUTC(e)) {
			t.Errorf("round trip through\n%s\ngave %+v\nwant %+v", b, back, e)
		}
		if !focus.Time(back).Equal(focus.Time(e)) {
			t.Errorf("Time %s, want %s", focus.Time(back), focus.Time(e))
		}
	}
}

func TestRecordFormat(t *testing.T) {
	evs := fullEvents(t)
	b, _ := json.Marshal(focus.RecordOf(evs[0]))
	want := `{"type":"session","id":"s-1","device":"laptop-1","start":"2026-11-24T09:00:00.123456789+01:00",` +
		`"end":"2026-11-24T09:27:00.123456789+01:00","planned_minutes":25,"paused_seconds":90.5,` +
		`"intent":"Bericht schreiben ✓","outcome":"completed"}`
	if string(b) != want {
		t.Errorf("session record\n%s\nwant\n%s", b, want)
	}
}

func TestRecordContentID(t *testing.T) {
	r := focus.Record{Type: "interruption", At: "2026-11-24T10:00:00Z", Direction: "incoming",
		Channel: "chat", Outcome: "taken", Who: "Bob"}
	a, err := r.Event()
	if err != nil {
		t.Fatal(err)
	}
	id := a.(*focus.Interruption).ID
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(id) {
		t.Fatalf("content id %q", id)
	}

	// The same content, read again from its JSON, gets the same id: importing
	// a file twice must add nothing the second time.
	b, _ := json.Marshal(r)
	var again focus.Record
	json.Unmarshal(b, &again)
	if e, err := again.Event(); err != nil || e.(*focus.Interruption).ID != id {
		t.Fatalf("same content: id %v, %v; want %s", e, err, id)
	}

	other := r
	other.Who = "Bo"
	if e, err := other.Event(); err != nil || e.(*focus.Interruption).ID == id {
		t.Fatalf("different content got the same id %s (%v)", id, err)
	}
	if r.ID != "" {
		t.Fatal("Event wrote the derived id into the record")
	}
}

func TestRecordErrors(t *testing.T) {
	session := func(change func(*focus.Record)) focus.Record {
		r := focus.Record{Type: "session", ID: "s", Start: "2026-11-24T09:00:00Z", End: "2026-11-24T09:25:00Z",
			PlannedMinutes: 25, Outcome: "completed"}
		change(&r)
		return r
	}
	interruption := func(change func(*focus.Record)) focus.Record {
		r := focus.Record{Type: "interruption", At: "2026-11-24T09:00:00Z", Direction: "incoming",
			Channel: "chat", Outcome: "taken"}
		change(&r)
		return r
	}
	decision := func(change func(*focus.Record)) focus.Record {
		r := focus.Record{Type: "decision", At: "2026-11-24T09:00:00Z", Recommended: "async", Chosen: "sync"}
		change(&r)
		return r
	}
	tests := []struct {
		name string
		r    focus.Record
		want string
	}{
		{"end before start", session(func(r *focus.Record) { r.End = "2026-11-24T08:59:59Z" }), "end is before start"},
		{"unknown session outcome", session(func(r *focus.Record) { r.Outcome = "done" }), `unknown outcome "done": use completed or abandoned`},
		{"no session outcome", session(func(r *focus.Record) { r.Outcome = "" }), `unknown outcome ""`},
		{"bad start", session(func(r *focus.Record) { r.Start = "yesterday" }), `start "yesterday" is not an RFC 3339 time`},
		{"start without zone", session(func(r *focus.Record) { r.Start = "2026-11-24T09:00:00" }), "is not an RFC 3339 time"},
		{"missing end", session(func(r *focus.Record) { r.End = "" }), "end is missing"},
		{"no planned length", session(func(r *focus.Record) { r.PlannedMinutes = 0 }), "session length 0m is out of range"},
		{"paused longer than the session", session(func(r *focus.Record) { r.PausedSeconds = 25*60 + 1 }), "paused_seconds must be between"},
		{"negative pause", session(func(r *focus.Record) { r.PausedSeconds = -1 }), "paused_seconds must be between"},
		{"intent with a newline", session(func(r *focus.Record) { r.Intent = "a\nb" }), "intent contains a control character"},
		{"bad at", interruption(func(r *focus.Record) { r.At = "2026-13-01T00:00:00Z" }), `at "2026-13-01T00:00:00Z" is not an RFC 3339 time`},
		{"missing at", interruption(func(r *focus.Record) { r.At = "" }), "at is missing"},
		{"bad handled_at", interruption(func(r *focus.Record) { r.HandledAt = "soon" }), `handled_at "soon" is not an RFC 3339 time`},
		{"unknown interruption outcome", interruption(func(r *focus.Record) { r.Outcome = "ignored" }), `unknown outcome "ignored": use taken or deferred`},
		{"unknown channel", interruption(func(r *focus.Record) { r.Channel = "fax" }), `unknown channel "fax"`},
		{"too many people", interruption(func(r *focus.Record) { r.People = 10001 }), "people must be between 1 and 10000"},
		{"note not UTF-8", interruption(func(r *focus.Record) { r.Note = "\xff" }), "note is not valid UTF-8"},
		{"unknown mode", decision(func(r *focus.Record) { r.Chosen = "later" }), `unknown mode "later"`},
		{"meeting too long", decision(func(r *focus.Record) { r.Minutes = 600 }), "minutes 600 is out of range"},
		{"unknown type", focus.Record{Type: "break", ID: "b"}, `unknown type "break": use session, interruption or decision`},
		{"id with spaces around", session(func(r *focus.Record) { r.ID = " s" }), "id must be up to 64 printable characters"},
		{"id too long", session(func(r *focus.Record) { r.ID = strings.Repeat("x", 65) }), "id must be up to 64"},
		{"id with a tab", session(func(r *focus.Record) { r.ID = "a\tb" }), "id must be up to 64"},
		{"device with a slash", session(func(r *focus.Record) { r.Device = "../x" }), `device "../x": use letters, digits`},
		{"device too long", decision(func(r *focus.Record) { r.Device = strings.Repeat("d", 65) }), "device must be up to 64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := tt.r.Event()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Event() = %v, %v; want an error containing %q", e, err, tt.want)
			}
		})
	}
}
