package popup

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

func TestOutline(t *testing.T) {
	for _, c := range []struct {
		name, target, draft string
		urgent              bool
		want                string
	}{
		{"empty draft: prompts only", "", "", false,
			"Context: [what this is about, and what you already know]\n" +
				"The ask: [what you need from them: a decision, a review, an answer]\n" +
				"By when: [the day and time you need it]; no need to drop what you are doing.\n" +
				"Details: [links, files, what you already tried]\n"},
		{"a question first", "+1 555 1234", "Could you send me the Q3 numbers? The board meets on Thursday.", true,
			"To: +1 555 1234\n" +
				"Context: The board meets on Thursday.\n" +
				"The ask: Could you send me the Q3 numbers?\n" +
				"By when: today, by [time]: it matters soon, so please reply when you surface.\n" +
				"Details: [links, files, what you already tried]\n"},
		{"no question", "", "Hey Sam,\n\nthe deploy script fails on step 3\nlogs attached", false,
			"Context: the deploy script fails on step 3\n" +
				"The ask: [what you need from them: a decision, a review, an answer]\n" +
				"By when: [the day and time you need it]; no need to drop what you are doing.\n" +
				"Details: [links, files, what you already tried]\n"},
	} {
		if got := outline(nil, c.target, c.draft, c.urgent); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	got := sentences("Hi all,\nv1.2 is out. Is it ok?No.\r\n  \nThanks!")
	want := []string{"v1.2 is out.", "Is it ok?No.", "Thanks!"}
	if !slices.Equal(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

func TestClip(t *testing.T) {
	long := strings.Repeat("é", 500)
	got := clip(long)
	if n := utf8.RuneCountInString(got); n != maxLine || !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
		t.Errorf("clip of 500 runes: %d runes, valid %v", n, utf8.ValidString(got))
	}
	if got := clip("a\tb\x00c"); got != "a b c" {
		t.Errorf("control characters: %q", got)
	}
}

// TestOutlineFollowsUrgent: the urgent line comes from the toggle as shown,
// set by hand or read in the draft.
func TestOutlineFollowsUrgent(t *testing.T) {
	p, r := newTestPopup(t, Prefill{Text: "Need the sign-off asap, can you approve the PR?"})
	test.Tap(toggleFor(t, p, advisor.Crisis)) // sync, but they send async anyway
	test.Tap(p.sendAsync)
	if len(r.copied) != 1 || !strings.Contains(r.copied[0], "By when: today, by [time]") ||
		!strings.Contains(r.copied[0], "The ask: Need the sign-off asap, can you approve the PR?") {
		t.Errorf("copied %q", r.copied)
	}
	if d := r.decided[0]; d.Recommended != focus.Sync || d.Chosen != focus.Async {
		t.Errorf("logged %+v", d)
	}
}

func TestConfirmation(t *testing.T) {
	c := advisor.Cost{RefocusMinutesSavedIfAsync: 92}
	sync := focus.Decision{Chosen: focus.Sync, Channel: "call", People: 4, Minutes: 30}
	async := focus.Decision{Chosen: focus.Async, Channel: "email", People: 4, Minutes: 30}
	for _, tc := range []struct{ lang, sync, async string }{
		{"en", "Logged: sync by call. It costs 2 h plus 1.5 h of refocus.", "Logged: async by email. About 1.5 h of refocus saved. A message outline is on the clipboard."},
		{"de", "Erfasst: live per Anruf. Es kostet 2 h plus 1,5 h Wiedereinstieg.", "Erfasst: schriftlich per E-Mail. Etwa 1,5 h Wiedereinstieg gespart. Eine Gliederung der Nachricht liegt in der Zwischenablage."},
	} {
		p := &Popup{tr: l10n.For(tc.lang)}
		if got := p.confirmation(sync, c, false); got != tc.sync {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.sync)
		}
		if got := p.confirmation(async, c, true); got != tc.async {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.async)
		}
	}
	for m, want := range map[float64]string{0: "0 min", 23: "23 min", 59.4: "59 min", 59.6: "1 h", 92: "1.5 h", 600: "10 h"} {
		if got := span(nil, m); got != want {
			t.Errorf("span(%v) = %q, want %q", m, got, want)
		}
	}
}
