package focus_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
)

func TestParseChannel(t *testing.T) {
	for in, want := range map[string]focus.Channel{
		"call": focus.Call, " Chat ": focus.Chat, "EMAIL": focus.Email, "meeting": focus.Meeting,
		"in-person": focus.InPerson, "inperson": focus.InPerson, "In_Person": focus.InPerson, "other": focus.Other,
	} {
		if got, err := focus.ParseChannel(in); err != nil || got != want {
			t.Errorf("ParseChannel(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "fax", "in person", "call\x00"} {
		if _, err := focus.ParseChannel(in); err == nil || !strings.Contains(err.Error(), "unknown channel") {
			t.Errorf("ParseChannel(%q): %v, want unknown channel", in, err)
		}
	}
}

func TestInterruptionValidate(t *testing.T) {
	valid := func() focus.Interruption {
		return focus.Interruption{At: t0, Direction: focus.Incoming, Channel: focus.Chat, Outcome: focus.Taken, People: 1}
	}
	tests := []struct {
		name    string
		change  func(*focus.Interruption)
		wantErr string // empty when valid
	}{
		{"valid", func(*focus.Interruption) {}, ""},
		{"most people", func(i *focus.Interruption) { i.People = focus.MaxPeople }, ""},
		{"who at limit", func(i *focus.Interruption) { i.Who = strings.Repeat("ü", focus.MaxWho) }, ""},
		{"note at limit", func(i *focus.Interruption) { i.Note = strings.Repeat("n", focus.MaxNote) }, ""},
		{"unknown channel", func(i *focus.Interruption) { i.Channel = "pager" }, `unknown channel "pager"`},
		{"unknown direction", func(i *focus.Interruption) { i.Direction = "sideways" }, "unknown direction"},
		{"unknown outcome", func(i *focus.Interruption) { i.Outcome = "ignored" }, "unknown outcome"},
		{"no people", func(i *focus.Interruption) { i.People = 0 }, "people must be between 1 and 10000, not 0"},
		{"too many people", func(i *focus.Interruption) { i.People = focus.MaxPeople + 1 }, "not 10001"},
		{"negative people", func(i *focus.Interruption) { i.People = -3 }, "not -3"},
		{"who too long", func(i *focus.Interruption) { i.Who = strings.Repeat("ü", focus.MaxWho+1) }, "who is too long: 101 characters"},
		{"note too long", func(i *focus.Interruption) { i.Note = strings.Repeat("n", focus.MaxNote+1) }, "note is too long"},
		{"newline in who", func(i *focus.Interruption) { i.Who = "Ann\nBob" }, "who contains a control character (U+000A)"},
		{"NUL in note", func(i *focus.Interruption) { i.Note = "a\x00b" }, "note contains a control character"},
		{"C1 control in note", func(i *focus.Interruption) { i.Note = "a\u0085b" }, "note contains a control character (U+0085)"},
		{"DEL in who", func(i *focus.Interruption) { i.Who = "a\x7f" }, "control character"},
		{"invalid UTF-8 in who", func(i *focus.Interruption) { i.Who = "\xc3\x28" }, "who is not valid UTF-8"},
		{"invalid UTF-8 in note", func(i *focus.Interruption) { i.Note = "ok\xff" }, "note is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := valid()
			tt.change(&i)
			err := i.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Validate = %v, want an error containing %q", err, tt.wantErr)
			}
		})
	}
}

// Validate accepts a channel however ParseChannel does, and must then store
// it the one way: the stats count interruptions by channel, and an import of
// "Chat" would otherwise be counted apart from "chat".
func TestInterruptionChannelIsCanonical(t *testing.T) {
	for _, in := range []focus.Channel{"Chat", " CHAT", "chat"} {
		i := focus.Interruption{Direction: focus.Incoming, Channel: in, Outcome: focus.Taken, People: 1}
		if err := i.Validate(); err != nil || i.Channel != focus.Chat {
			t.Errorf("Validate of channel %q: %v, channel now %q", in, err, i.Channel)
		}
	}
	i := focus.Interruption{Direction: focus.Incoming, Channel: "InPerson", Outcome: focus.Taken, People: 1}
	if err := i.Validate(); err != nil || i.Channel != focus.InPerson {
		t.Errorf("Validate of channel InPerson: %v, channel now %q", err, i.Channel)
	}
}

func TestDecisionValidate(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*focus.Decision)
		wantErr string
	}{
		{"valid", func(*focus.Decision) {}, ""},
		{"no minutes", func(d *focus.Decision) { d.Minutes = 0 }, ""},
		{"longest meeting", func(d *focus.Decision) { d.Minutes = 480 }, ""},
		{"free-text channel", func(d *focus.Decision) { d.Channel = "video call" }, ""},
		{"unknown recommended", func(d *focus.Decision) { d.Recommended = "later" }, `unknown mode "later"`},
		{"unknown chosen", func(d *focus.Decision) { d.Chosen = "" }, `unknown mode ""`},
		{"no people", func(d *focus.Decision) { d.People = 0 }, "people must be between"},
		{"too many people", func(d *focus.Decision) { d.People = 10001 }, "not 10001"},
		{"negative minutes", func(d *focus.Decision) { d.Minutes = -1 }, "minutes -1 is out of range"},
		{"too long a meeting", func(d *focus.Decision) { d.Minutes = 481 }, "minutes 481 is out of range: use 0 to 480"},
		{"channel too long", func(d *focus.Decision) { d.Channel = strings.Repeat("c", focus.MaxWho+1) }, "channel is too long"},
		{"control character in reason", func(d *focus.Decision) { d.Reasons = []string{"ok", "bad\r"} }, "reason contains a control character"},
		{"reason not UTF-8", func(d *focus.Decision) { d.Reasons = []string{"\xed\xa0\x80"} }, "reason is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := focus.Decision{At: t0, Recommended: focus.Async, Chosen: focus.Sync, Channel: "email",
				People: 3, Minutes: 30, Reasons: []string{"three people"}}
			tt.change(&d)
			err := d.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Validate = %v, want an error containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestNewID(t *testing.T) {
	hexID := regexp.MustCompile(`^[0-9a-f]{32}$`)
	seen := map[string]bool{}
	for range 1000 {
		id := focus.NewID()
		if !hexID.MatchString(id) || seen[id] {
			t.Fatalf("id %q: malformed or repeated", id)
		}
		seen[id] = true
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0m", 45 * time.Second: "45s", 25 * time.Minute: "25m", 90 * time.Minute: "1h30m",
		8 * time.Hour: "8h", -5 * time.Minute: "-5m", 25*time.Minute + 30*time.Second: "25m",
	} {
		if got := focus.FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%s) = %q, want %q", d, got, want)
		}
	}
}
