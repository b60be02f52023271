package freedesktop

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pingwise/pingwise/focus"
)

func TestWho(t *testing.T) {
	long := strings.Repeat("Ä", 100)
	for _, c := range []struct{ summary, want string }{
		{"Dana Lee", "Dana Lee"},
		{"Dana Lee: lunch?", "Dana Lee"},
		{"New message from Dana", "Dana"},
		{"Incoming call from Dana Lee", "Dana Lee"},
		{"From Dana: hi", "Dana"},
		{"Message from Dana Lee: are you free?", "Dana Lee"},
		{"Dana (3)", "Dana"},
		{"Dana Lee (2 messages)", "Dana Lee"},
		{"Dana (#general, Acme)", "Dana"},
		{"Dana in #general", "Dana"},
		{"Team Acme (Berlin)", "Team Acme (Berlin)"},
		{"Re: budget", ""},
		{"Fwd: budget", ""},
		{"AW: Angebot", ""},
		{"Meeting at 12:30", "Meeting at 12:30"},
		{"Standup starts in 5 minutes: join now", "Standup starts in 5 minutes: join now"}, // too many words for a name
		{"Dana\x07 Lee\n", "Dana Lee"},
		{"Dana\tLee\r\n: hi", "Dana Lee"},
		{"\u202eevil\u202c Dana", "evil Dana"},
		{"bad \xff utf8", "bad utf8"},
		{long, strings.Repeat("Ä", MaxWho)},
		{"", ""},
		{"   ", ""},
	} {
		got := Who(c.summary, true)
		if got != c.want {
			t.Errorf("Who(%q) = %q; want %q", c.summary, got, c.want)
		}
		if utf8.RuneCountInString(got) > MaxWho || !utf8.ValidString(got) || utf8.RuneCountInString(got) > focus.MaxWho {
			t.Errorf("Who(%q) = %q: too long or invalid", c.summary, got)
		}
		if Who(c.summary, false) != "" {
			t.Errorf("Who(%q, false) kept a name", c.summary)
		}
	}
}

func TestChannelFor(t *testing.T) {
	for _, c := range []struct {
		app  string
		want focus.Channel
	}{
		{"Slack", focus.Chat}, {"slack", focus.Chat}, {"Microsoft Teams", focus.Chat}, {"teams-for-linux", focus.Chat},
		{"Signal", focus.Chat}, {"Telegram Desktop", focus.Chat}, {"Element", focus.Chat}, {"Mattermost", focus.Chat}, {"discord", focus.Chat},
		{"Thunderbird", focus.Email}, {"Evolution", focus.Email}, {"Geary", focus.Email},
		{"Zoom", focus.Call}, {"zoom", focus.Call}, {"Calls", focus.Call},
		{"org.gnome.Calendar", focus.Meeting}, {"gnome-calendar", focus.Meeting}, {"KOrganizer", focus.Meeting},
		{"evolution-alarm-notify", focus.Meeting}, // the longer key beats "Evolution"
		{"Firefox", focus.Other}, {"", focus.Other},
	} {
		if got := ChannelFor(c.app, nil); got != c.want {
			t.Errorf("ChannelFor(%q) = %s; want %s", c.app, got, c.want)
		}
	}
	custom := map[string]string{"Firefox": "email", "Slack": "nonsense", "": "chat"}
	if got := ChannelFor("Firefox", custom); got != focus.Email {
		t.Errorf("custom map: Firefox -> %s", got)
	}
	if got := ChannelFor("Slack", custom); got != focus.Other {
		t.Errorf("a misspelled channel gave %s; want other", got)
	}
	if got := ChannelFor("Zoom", map[string]string{}); got != focus.Other {
		t.Errorf("an empty map gave %s; want other", got)
	}
}
