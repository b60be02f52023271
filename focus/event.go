package focus

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Channel is how an interruption reached, or would reach, someone.
type Channel string

// The channels of an interruption.
const (
	Call     Channel = "call"
	Chat     Channel = "chat"
	Email    Channel = "email"
	Meeting  Channel = "meeting"
	InPerson Channel = "in-person"
	Other    Channel = "other"
)

// Channels lists every channel, in the order menus show them.
var Channels = []Channel{Call, Chat, Email, Meeting, InPerson, Other}

// ParseChannel reads a channel name.
func ParseChannel(s string) (Channel, error) {
	c := Channel(strings.ToLower(strings.TrimSpace(s)))
	if c == "inperson" || c == "in_person" {
		c = InPerson
	}
	for _, k := range Channels {
		if c == k {
			return c, nil
		}
	}
	names := make([]string, len(Channels))
	for i, k := range Channels {
		names[i] = string(k)
	}
	return "", fmt.Errorf("unknown channel %q: use one of %s", s, strings.Join(names, ", "))
}

// Direction says who interrupted whom.
type Direction string

// Incoming: someone interrupted you. Outgoing: you were about to interrupt
// someone.
const (
	Incoming Direction = "incoming"
	Outgoing Direction = "outgoing"
)

// Outcome is what became of an interruption.
type Outcome string

// Taken now, or deferred to asynchronous handling.
const (
	Taken    Outcome = "taken"
	Deferred Outcome = "deferred"
)

// Mode is synchronous or asynchronous communication.
type Mode string

// The two modes the advisor chooses between.
const (
	Sync  Mode = "sync"
	Async Mode = "async"
)

// Limits on what a person types, so the log stays a log.
const (
	MaxIntent = 200
	MaxWho    = 100
	MaxNote   = 1000
	MaxPeople = 10000
)

// Interruption is one logged interruption, incoming or outgoing.
type Interruption struct {
	ID        string
	At        time.Time
	Direction Direction
	Channel   Channel
	Outcome   Outcome
	People    int
	Who       string
	Note      string
	InSession bool      // it fell inside a focus session
	Handled   time.Time // when a deferred interruption was answered; zero until then
	App       string    // the app whose notification it was, when Pingwise held it
	Count     int       // notifications coalesced into it; 1 for one logged by hand
	Device    string    // the device that logged it, by id; empty for this one
}

// Validate reports the first thing wrong with i, in words for a person. It
// writes the channel the way ParseChannel does, since it accepts it in any
// case: the stats count by channel, so "Chat" must be stored as "chat".
func (i *Interruption) Validate() error {
	if i.Direction != Incoming && i.Direction != Outgoing {
		return fmt.Errorf("unknown direction %q: use incoming or outgoing", i.Direction)
	}
	c, err := ParseChannel(string(i.Channel))
	if err != nil {
		return err
	}
	i.Channel = c
	if i.Outcome != Taken && i.Outcome != Deferred {
		return fmt.Errorf("unknown outcome %q: use taken or deferred", i.Outcome)
	}
	if err := CheckPeople(i.People); err != nil {
		return err
	}
	if err := CheckText("who", i.Who, MaxWho); err != nil {
		return err
	}
	if err := CheckText("app", i.App, MaxWho); err != nil {
		return err
	}
	if i.Count < 0 || i.Count > 1_000_000 {
		return fmt.Errorf("count %d is out of range", i.Count)
	}
	return CheckText("note", i.Note, MaxNote)
}

// Decision is one answer to "sync or async?": what the advisor recommended
// and what the person chose.
type Decision struct {
	ID          string
	At          time.Time
	Recommended Mode
	Chosen      Mode
	Channel     string // the advisor's channel, such as "video call" or "email"
	People      int
	Minutes     int // length of the sync version
	Reasons     []string
	InSession   bool
	Device      string // the device that logged it, by id; empty for this one
}

// Validate reports the first thing wrong with d, in words for a person.
func (d *Decision) Validate() error {
	for _, m := range []Mode{d.Recommended, d.Chosen} {
		if m != Sync && m != Async {
			return fmt.Errorf("unknown mode %q: use sync or async", m)
		}
	}
	if err := CheckPeople(d.People); err != nil {
		return err
	}
	if d.Minutes < 0 || d.Minutes > int(MaxPlanned/time.Minute) {
		return fmt.Errorf("minutes %d is out of range: use 0 to %d", d.Minutes, int(MaxPlanned/time.Minute))
	}
	if err := CheckText("channel", d.Channel, MaxWho); err != nil {
		return err
	}
	for _, r := range d.Reasons {
		if err := CheckText("reason", r, MaxNote); err != nil {
			return err
		}
	}
	return nil
}

// CheckPeople reports whether n is a plausible number of people.
func CheckPeople(n int) error {
	if n < 1 || n > MaxPeople {
		return fmt.Errorf("people must be between 1 and %d, not %d", MaxPeople, n)
	}
	return nil
}

// CheckText reports whether s is fit to store as the named field: valid
// UTF-8, no control characters (they corrupt terminals and CSV), at most
// limit characters.
func CheckText(field, s string, limit int) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", field)
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return fmt.Errorf("%s is too long: %d characters, at most %d", field, n, limit)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Errorf("%s contains a control character (%U)", field, r)
		}
	}
	return nil
}

// NewID returns a random identifier for an event, so that events keep their
// identity across export and import.
func NewID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on Linux
	return hex.EncodeToString(b[:])
}

// FormatDuration writes d the way people say it: "25m", "1h30m", "45s".
func FormatDuration(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	var s string
	switch h, m, sec := d/time.Hour, d%time.Hour/time.Minute, d%time.Minute/time.Second; {
	case h > 0 && m > 0:
		s = fmt.Sprintf("%dh%dm", h, m)
	case h > 0:
		s = fmt.Sprintf("%dh", h)
	case m > 0 || sec == 0:
		s = fmt.Sprintf("%dm", m)
	default:
		s = fmt.Sprintf("%ds", sec)
	}
	if neg {
		return "-" + s
	}
	return s
}
