package focus

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Record is one event as `pingwise export` writes it and `pingwise import`
// reads it: a JSON object per line, its Type saying which fields apply.
type Record struct {
	Type   string `json:"type"` // session, interruption or decision
	ID     string `json:"id,omitempty"`
	Device string `json:"device,omitempty"` // the device that logged it, when synced (see journal)

	// Sessions.
	Start          string  `json:"start,omitempty"`
	End            string  `json:"end,omitempty"`
	PlannedMinutes float64 `json:"planned_minutes,omitempty"`
	PausedSeconds  float64 `json:"paused_seconds,omitempty"`
	Intent         string  `json:"intent,omitempty"`

	// Sessions (completed, abandoned) and interruptions (taken, deferred).
	Outcome string `json:"outcome,omitempty"`

	// Interruptions and decisions.
	At        string `json:"at,omitempty"`
	Channel   string `json:"channel,omitempty"`
	People    int    `json:"people,omitempty"`
	InSession bool   `json:"in_session,omitempty"`

	// Interruptions.
	Direction string `json:"direction,omitempty"`
	Who       string `json:"who,omitempty"`
	Note      string `json:"note,omitempty"`
	HandledAt string `json:"handled_at,omitempty"`
	App       string `json:"app,omitempty"`
	Count     int    `json:"count,omitempty"`

	// Decisions.
	Recommended string   `json:"recommended,omitempty"`
	Chosen      string   `json:"chosen,omitempty"`
	Minutes     int      `json:"minutes,omitempty"`
	Reasons     []string `json:"reasons,omitempty"`
}

// Event is one of *Session, *Interruption or *Decision.
type Event interface{ eventTime() time.Time }

func (s *Session) eventTime() time.Time      { return s.Start }
func (i *Interruption) eventTime() time.Time { return i.At }
func (d *Decision) eventTime() time.Time     { return d.At }

// Time returns when an event began, for ordering.
func Time(e Event) time.Time { return e.eventTime() }

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

// RecordOf describes an event as a Record.
func RecordOf(e Event) Record {
	switch e := e.(type) {
	case *Session:
		return Record{Type: "session", ID: e.ID, Device: e.Device, Start: stamp(e.Start), End: stamp(e.End),
			PlannedMinutes: e.Planned.Minutes(), PausedSeconds: e.Paused.Seconds(),
			Intent: e.Intent, Outcome: string(e.Result)}
	case *Interruption:
		return Record{Type: "interruption", ID: e.ID, Device: e.Device, At: stamp(e.At), Direction: string(e.Direction),
			Channel: string(e.Channel), Outcome: string(e.Outcome), People: e.People, Who: e.Who,
			Note: e.Note, InSession: e.InSession, HandledAt: stamp(e.Handled), App: e.App, Count: e.Count}
	case *Decision:
		return Record{Type: "decision", ID: e.ID, Device: e.Device, At: stamp(e.At), Recommended: string(e.Recommended),
			Chosen: string(e.Chosen), Channel: e.Channel, People: e.People, Minutes: e.Minutes,
			Reasons: e.Reasons, InSession: e.InSession}
	}
	panic(fmt.Sprintf("focus: unknown event %T", e))
}

// Event checks a record and returns the event it describes. A record
// without an id gets one derived from its content, so that importing the
// same file twice adds nothing the second time.
func (r *Record) Event() (Event, error) {
	id := r.ID
	if id == "" {
		b, _ := json.Marshal(r)
		sum := sha256.Sum256(b)
		id = hex.EncodeToString(sum[:16])
	}
	if err := CheckText("id", id, 64); err != nil || strings.TrimSpace(id) != id {
		return nil, errors.New("id must be up to 64 printable characters")
	}
	if err := CheckDevice(r.Device); err != nil {
		return nil, err
	}
	switch r.Type {
	case "session":
		return r.session(id)
	case "interruption":
		return r.interruption(id)
	case "decision":
		return r.decision(id)
	}
	return nil, fmt.Errorf("unknown type %q: use session, interruption or decision", r.Type)
}

// CheckDevice reports whether id is fit to name a device: up to 64 letters,
// digits, dashes or underscores, so that it can be part of a file name.
func CheckDevice(id string) error {
	if len(id) > 64 {
		return errors.New("device must be up to 64 characters")
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return fmt.Errorf("device %q: use letters, digits, - and _ only", id)
		}
	}
	return nil
}

// DeviceOf returns the device that logged e, empty for this one.
func DeviceOf(e Event) string {
	switch e := e.(type) {
	case *Session:
		return e.Device
	case *Interruption:
		return e.Device
	case *Decision:
		return e.Device
	}
	return ""
}

func parseStamp(field, s string, required bool) (time.Time, error) {
	if s == "" {
		if required {
			return time.Time{}, fmt.Errorf("%s is missing", field)
		}
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return t, fmt.Errorf("%s %q is not an RFC 3339 time", field, s)
	}
	return t, nil
}

func (r *Record) session(id string) (*Session, error) {
	start, err := parseStamp("start", r.Start, true)
	if err != nil {
		return nil, err
	}
	end, err := parseStamp("end", r.End, true)
	if err != nil {
		return nil, err
	}
	s := &Session{ID: id, Device: r.Device, Start: start, End: end, Intent: r.Intent, Result: Result(r.Outcome),
		Planned: time.Duration(r.PlannedMinutes * float64(time.Minute)).Round(time.Second),
		Paused:  time.Duration(r.PausedSeconds * float64(time.Second)).Round(time.Millisecond)}
	switch {
	case end.Before(start):
		return nil, errors.New("end is before start")
	case s.Result != Completed && s.Result != Abandoned:
		return nil, fmt.Errorf("unknown outcome %q: use completed or abandoned", r.Outcome)
	case s.Paused < 0 || s.Paused > end.Sub(start):
		return nil, errors.New("paused_seconds must be between 0 and the session's length")
	}
	if err := CheckPlanned(s.Planned); err != nil {
		return nil, err
	}
	return s, CheckText("intent", s.Intent, MaxIntent)
}

func (r *Record) interruption(id string) (*Interruption, error) {
	at, err := parseStamp("at", r.At, true)
	if err != nil {
		return nil, err
	}
	handled, err := parseStamp("handled_at", r.HandledAt, false)
	if err != nil {
		return nil, err
	}
	i := &Interruption{ID: id, Device: r.Device, At: at, Direction: Direction(r.Direction), Channel: Channel(r.Channel),
		Outcome: Outcome(r.Outcome), People: r.People, Who: r.Who, Note: r.Note,
		InSession: r.InSession, Handled: handled, App: r.App, Count: r.Count}
	if i.People == 0 {
		i.People = 1
	}
	if i.Count == 0 {
		i.Count = 1
	}
	return i, i.Validate()
}

func (r *Record) decision(id string) (*Decision, error) {
	at, err := parseStamp("at", r.At, true)
	if err != nil {
		return nil, err
	}
	d := &Decision{ID: id, Device: r.Device, At: at, Recommended: Mode(r.Recommended), Chosen: Mode(r.Chosen),
		Channel: r.Channel, People: r.People, Minutes: r.Minutes, Reasons: r.Reasons, InSession: r.InSession}
	if d.People == 0 {
		d.People = 1
	}
	return d, d.Validate()
}
