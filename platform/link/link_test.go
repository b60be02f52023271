package link

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/pingwise/pingwise/focus"
)

func TestParseLinkAcceptsRealLinks(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a", 150)
	for _, tc := range []struct {
		raw, url, scheme, target string
		channel                  focus.Channel
	}{
		{"tel:+1-555-123-4567", "", "tel", "+1-555-123-4567", focus.Call},
		{"tel:%2B15551234", "", "tel", "+15551234", focus.Call},
		{"tel:+1%20555%201234;ext=12", "", "tel", "+1 555 1234", focus.Call},
		{"tel:(030)%20123-456;phone-context=+49", "", "tel", "(030) 123-456", focus.Call},
		{"tel://+15551234", "", "tel", "+15551234", focus.Call},
		{"TEL:+15551234", "tel:+15551234", "tel", "+15551234", focus.Call},
		{"Mailto:dana@example.com", "mailto:dana@example.com", "mailto", "dana@example.com", focus.Email},
		{"callto:skype.name", "", "callto", "skype.name", focus.Call},
		{"callto://+15551234", "", "callto", "+15551234", focus.Call},
		{"callto:" + long, "", "callto", strings.Repeat("a", focus.MaxWho-1) + "…", focus.Call},
		{"sip:alice@example.com", "", "sip", "alice@example.com", focus.Call},
		{"sip:alice@example.com;transport=tcp?subject=hi", "", "sip", "alice@example.com", focus.Call},
		{"zoommtg://zoom.us/join?action=join&confno=123456789&pwd=x", "", "zoommtg", "Zoom meeting 123456789", focus.Meeting},
		{"zoomus://us02web.zoom.us/join?confno=98765432101&pwd=abc", "", "zoomus", "Zoom meeting 98765432101", focus.Meeting},
		{"zoommtg://zoom.us/join?confno=abc", "", "zoommtg", "Zoom meeting", focus.Meeting},
		{"msteams:/l/meetup-join/19%3ameeting_N2E3ZjQ%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%2c%22Oid%22%3a%22o%22%7d",
			"", "msteams", "Teams meeting", focus.Meeting},
		{"msteams://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0", "", "msteams", "Teams meeting", focus.Meeting},
		{"msteams:/l/call/0/0?users=alice@contoso.com", "", "msteams", "alice@contoso.com", focus.Call},
		{"msteams:/l/chat/0/0?users=a@contoso.com,b@contoso.com&topicName=Plan", "", "msteams", "a@contoso.com,b@contoso.com", focus.Chat},
		{"msteams:/l/channel/19%3aabc%40thread.tacv2/General?groupId=g&tenantId=t", "", "msteams", "Teams channel General", focus.Chat},
		{"slack://channel?team=T123&id=C456", "", "slack", "Slack channel C456", focus.Chat},
		{"slack://user?team=T123&id=U789", "", "slack", "Slack user U789", focus.Chat},
		{"slack://open?team=T123", "", "slack", "Slack team T123", focus.Chat},
		{"slack://channel?team=T1&id=C1;touch$IFS'x'", "", "slack", "Slack team T1", focus.Chat},
		{"mailto:dana@example.com?subject=Hi", "", "mailto", "dana@example.com", focus.Email},
		{"mailto:dana%40example.com", "", "mailto", "dana@example.com", focus.Email},
		{"mailto:?to=dana@example.com&subject=a;b", "", "mailto", "dana@example.com", focus.Email},
		{"mailto:?subject=Hi", "", "mailto", "", focus.Email},
		{"mailto:zoë@example.com", "", "mailto", "zoë@example.com", focus.Email},
		{"mailto:a@example.com?body=" + strings.Repeat("x", MaxLen-len("mailto:a@example.com?body=")), "", "mailto", "a@example.com", focus.Email},
	} {
		t.Run(tc.raw[:min(len(tc.raw), 40)], func(t *testing.T) {
			l, err := Parse(tc.raw)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.raw, err)
			}
			want := tc.url
			if want == "" {
				want = tc.raw
			}
			if l.URL != want || l.Scheme != tc.scheme || l.Target != tc.target || l.Channel != tc.channel {
				t.Errorf("Parse(%q) = %+v, want URL %q scheme %q target %q channel %q",
					tc.raw, l, want, tc.scheme, tc.target, tc.channel)
			}
			if err := focus.CheckText("target", l.Target, focus.MaxWho); err != nil {
				t.Errorf("target %q would not pass the popup's check: %v", l.Target, err)
			}
		})
	}
}

// TestParseLinkRefusesHostileLinks: each link is refused with one line that
// names the problem, repeats at most a short escaped excerpt of the link,
// and holds no control or formatting character.
func TestParseLinkRefusesHostileLinks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, raw, want string
	}{
		{"command substitution", "tel:$(touch X)", "has a space, which must be percent-encoded (%20), at byte 11"},
		{"command substitution encoded", "tel:$(touch%20X)", "does not hold a phone number"},
		{"semicolon and rm", "tel:123;rm -rf ~", "a space"},
		{"semicolon and rm encoded", "tel:123;rm%20-rf%20~", "malformed parameter"},
		{"backticks", "tel:`id`", "'`', which must be percent-encoded (%60)"},
		{"pipe", "slack://channel?team=T1&id=C1|sh", "'|'"},
		{"double quote", `mailto:a@example.com?subject="x"`, `'"'`},
		{"angle bracket", "zoommtg://zoom.us/join?confno=1&pwd=<script>", "'<'"},
		{"backslash", `callto:a\b`, `'\\'`},
		{"newline", "tel:123\nid", "control character (U+000A)"},
		{"carriage return", "tel:123\rid", "control character (U+000D)"},
		{"NUL", "tel:123\x00", "control character (U+0000)"},
		{"escape", "tel:123\x1b[2J", "control character (U+001B)"},
		{"C1 control", "tel:123\u0085", "control character (U+0085)"},
		{"right-to-left override", "tel:+1555\u202e4321", "invisible formatting character (U+202E)"},
		{"zero-width space", "mailto:a\u200b@example.com", "invisible formatting character (U+200B)"},
		{"no-break space", "tel:\u00a0123", "special space (U+00A0)"},
		{"line separator", "tel:1\u2028", "special space (U+2028)"},
		{"private use", "callto:\ue000", "unassigned or private character (U+E000)"},
		{"encoded newline in an address", "mailto:%0Aevil@example.com", "hides U+000A once decoded"},
		{"encoded RLO in to=", "mailto:?to=%E2%80%AEmoc.elpmaxe@ana", "hides U+202E once decoded"},
		{"encoded newline in a number", "tel:%0A123", "does not hold a phone number"},
		{"file", "file:///etc/passwd", `"file:" links are not call or message links: Pingwise opens only tel:, callto:, sip:, zoommtg:, zoomus:, msteams:, slack: and mailto: links`},
		{"javascript", "javascript:alert(1)", `"javascript:" links are not call or message links`},
		{"http", "http://x", `"http:" links are not call or message links`},
		{"sips", "sips:alice@example.com", `"sips:" links`},
		{"leading dash", "-tel:1", `"-tel:1" is not a link: it starts with '-', like an option`},
		{"an option", "--help", `"--help" is not a link: it starts with '-'`},
		{"empty", "", "no link given"},
		{"no scheme", "+15551234", "does not start with a scheme"},
		{"bare word", "tel", "does not start with a scheme"},
		{"empty number", "tel:", "does not hold a phone number"},
		{"letters for a number", "tel:call-me", "does not hold a phone number"},
		{"nobody to call", "callto:", "does not name anyone"},
		{"bad escape", "sip:%zz@example.com", "malformed"},
		{"bad query escape", "mailto:?to=%zz", "malformed escape"},
		{"not UTF-8", "tel:\xff", "not valid UTF-8"},
		{"100 KB", "tel:" + strings.Repeat("1", 100<<10), "link is too long: 102404 bytes, at most 2048"},
		{"one byte too long", "tel:" + strings.Repeat("1", MaxLen-3), "too long"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := Parse(tc.raw)
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tc.raw, l)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error %q does not say %q", msg, tc.want)
			}
			for _, r := range msg {
				if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
					t.Errorf("error holds %U: %q", r, msg)
				}
			}
			if n := utf8.RuneCountInString(msg); n > 240 {
				t.Errorf("error is %d characters long: %q", n, msg)
			}
			// At most excerptRunes characters of the link come back.
			if len(tc.raw) > excerptRunes+4 && strings.Contains(msg, tc.raw[:excerptRunes+4]) {
				t.Errorf("error repeats more than %d characters of the link: %q", excerptRunes, msg)
			}
		})
	}
}
