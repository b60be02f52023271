package popup

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/focus"
)

const recap = "Here is the recap of the launch review. Can you check the numbers by Friday? No rush."

func TestNewBuildsHiddenAndShowFocusesTheDraft(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	p := New(w, Config{})
	if p.Window() != w || w.Title() != Title || !w.FixedSize() {
		t.Errorf("window %q fixed %v: want the one passed in, titled %q, fixed", w.Title(), w.FixedSize(), Title)
	}
	if p.shown {
		t.Error("New should build the popup hidden")
	}
	if want := []string{"[c] Crisis", "[u] Urgent", "[s] Sensitive", "[b] Brainstorm", "[r] Rapport", "[k] Kickoff",
		"[x] Complex", "[a] Reply", "[t] Time zones", "[f] Context, FYI", "[l] Self-paced"}; !slices.Equal(toggleTexts(p), want) {
		t.Errorf("toggles %q, want %q", toggleTexts(p), want)
	}
	p.Show(Prefill{})
	if w.Canvas().Focused() != p.draft {
		t.Error("Show should focus the draft, so a person can paste at once")
	}
	if got := headlineText(p); got != "Async: send it in writing" {
		t.Errorf("headline %q with nothing set", got)
	}
}

func toggleTexts(p *Popup) (out []string) {
	for _, t := range p.toggles {
		out = append(out, t.Text)
	}
	return out
}

func TestToggleByTap(t *testing.T) {
	p, _ := newTestPopup(t, Prefill{})
	crisis := toggleFor(t, p, advisor.Crisis)
	test.Tap(crisis)
	if !crisis.Checked || p.v.Mode != advisor.Sync || headlineText(p) != "Sync: talk it through live" {
		t.Fatalf("after tapping crisis: checked %v, verdict %s, headline %q", crisis.Checked, p.v.Mode, headlineText(p))
	}
	if p.goSync.Importance != widget.HighImportance || p.sendAsync.Importance != widget.MediumImportance {
		t.Error("the recommended button should stand out")
	}
	if !strings.Contains(reasonsText(p), "sync  A crisis needs immediate attention.") {
		t.Errorf("reasons %q: want the crisis reason tagged sync", reasonsText(p))
	}
	test.Tap(crisis)
	if crisis.Checked || p.v.Mode != advisor.Async {
		t.Errorf("tapping crisis again: checked %v, verdict %s", crisis.Checked, p.v.Mode)
	}
	if _, set := p.flags[advisor.Crisis]; set {
		t.Error("unticking what nothing else suggests should unset the flag, not set it false")
	}
}

func TestAccelerators(t *testing.T) {
	p, _ := newTestPopup(t, Prefill{})
	c := p.Window().Canvas()

	// Nothing focused: the letter flips its toggle.
	c.Unfocus()
	typeRunes(p, "c")
	if !toggleFor(t, p, advisor.Crisis).Checked || p.v.Mode != advisor.Sync {
		t.Fatal("c with nothing focused should tick crisis and turn the verdict sync")
	}
	typeRunes(p, "C") // either case
	if toggleFor(t, p, advisor.Crisis).Checked || p.v.Mode != advisor.Async {
		t.Fatal("C should untick crisis again")
	}

	// The draft focused: letters are text.
	c.Focus(p.draft)
	typeRunes(p, "cub")
	if p.draft.Text != "cub" || len(p.flags) != 0 {
		t.Fatalf("typing in the draft: text %q, flags %v", p.draft.Text, p.flags)
	}

	// Alt+letter flips from the draft too, and types nothing.
	pressShortcut(p, &desktop.CustomShortcut{KeyName: fyne.KeyU, Modifier: fyne.KeyModifierAlt})
	if !toggleFor(t, p, advisor.Urgent).Checked || p.v.Mode != advisor.Sync || p.draft.Text != "cub" {
		t.Fatalf("Alt+U in the draft: urgent %v, verdict %s, text %q", toggleFor(t, p, advisor.Urgent).Checked, p.v.Mode, p.draft.Text)
	}
	if c.Focused() != p.draft {
		t.Error("Alt+letter should leave the focus in the draft")
	}

	// A toggle focused (Tab went there): letters still flip, Space flips it.
	rapport := toggleFor(t, p, advisor.Rapport)
	c.Focus(rapport)
	typeRunes(p, "x ")
	if !toggleFor(t, p, advisor.Complex).Checked || !rapport.Checked {
		t.Errorf("x then Space on the focused rapport toggle: complex %v, rapport %v", toggleFor(t, p, advisor.Complex).Checked, rapport.Checked)
	}

	// A number field focused: digits are typed, letters flip.
	c.Focus(p.peopleF.entry)
	typeRunes(p, "2k") // the field's text is selected on focus: typing replaces it
	if p.peopleF.entry.Text != "2" || !toggleFor(t, p, advisor.Kickoff).Checked {
		t.Errorf("2k in the people field: text %q, kickoff %v", p.peopleF.entry.Text, toggleFor(t, p, advisor.Kickoff).Checked)
	}

	// Alt+letter with nothing focused, or a toggle focused: the canvas's shortcut.
	c.Unfocus()
	pressShortcut(p, &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierAlt})
	c.Focus(rapport)
	pressShortcut(p, &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierAlt})
	if !toggleFor(t, p, advisor.Sensitive).Checked || !toggleFor(t, p, advisor.TimeZones).Checked {
		t.Error("Alt+S and Alt+T should flip sensitive and time zones")
	}

	// A letter that is no accelerator does nothing.
	c.Unfocus()
	before := len(p.flags)
	typeRunes(p, "z")
	if len(p.flags) != before {
		t.Error("z is no accelerator")
	}
}

func TestDraftUpdatesTheVerdictLive(t *testing.T) {
	p, _ := newTestPopup(t, Prefill{})
	typeRunes(p, "the site is down")
	crisis := toggleFor(t, p, advisor.Crisis)
	if p.v.Mode != advisor.Sync || !crisis.Checked {
		t.Fatalf("after typing: verdict %s, crisis shown %v", p.v.Mode, crisis.Checked)
	}
	if !strings.Contains(reasonsText(p), `sync  "site is down" A crisis needs immediate attention.`) {
		t.Errorf("reasons %q: want the triggering words in quotes", reasonsText(p))
	}
	if _, set := p.flags[advisor.Crisis]; set {
		t.Error("what the draft says is no flag")
	}

	// Unticking what the draft says overrides it: false wins over the text.
	test.Tap(crisis)
	if v, set := p.flags[advisor.Crisis]; !set || v || crisis.Checked || p.v.Mode != advisor.Async {
		t.Fatalf("unticking crisis the draft suggests: flag %v set %v, shown %v, verdict %s", v, set, crisis.Checked, p.v.Mode)
	}

	p.Show(Prefill{}) // still up: nothing resets
	if p.v.Mode != advisor.Async || p.draft.Text != "the site is down" {
		t.Fatalf("Show while up: verdict %s, draft %q", p.v.Mode, p.draft.Text)
	}
	p.Hide()
	p.Show(Prefill{})
	typeRunes(p, "no rush, whenever you can")
	if p.v.Mode != advisor.Async || !strings.Contains(reasonsText(p), `"no rush"`) {
		t.Errorf("no rush: verdict %s, reasons %q", p.v.Mode, reasonsText(p))
	}
	if toggleFor(t, p, advisor.Urgent).Checked {
		t.Error("no rush says it is not urgent: the urgent toggle stays off")
	}
}

func TestEnterTakesTheRecommendedAction(t *testing.T) {
	p, r := newTestPopup(t, Prefill{People: 4, Target: "#design", Text: recap})
	pressShiftKey(p, desktop.KeyShiftRight, fyne.KeyReturn) // in the draft, Shift+Enter is a new line
	if len(r.decided) != 0 || !strings.HasSuffix(p.draft.Text, "\n") {
		t.Fatalf("Shift+Enter in the draft: %d decisions, text %q", len(r.decided), p.draft.Text)
	}
	pressKey(p, fyne.KeyReturn) // and Enter sends, as in a chat app
	pressKey(p, fyne.KeyReturn) // a second Enter during the confirmation logs nothing
	if len(r.decided) != 1 {
		t.Fatalf("Decide called %d times, want once", len(r.decided))
	}
	d := r.decided[0]
	want := focus.Decision{Recommended: focus.Async, Chosen: focus.Async, Channel: "email", People: 4, Minutes: 30,
		Reasons: []string{
			"It is context (a pre-read, recap or FYI): people read it at their own pace, no meeting needed.",
			"No immediate answer is needed: let them reply in their own time and keep their focus.",
			"Async is the default: synchronous communication should be the exception, not the rule.",
			"4 recipients. A group is hard and expensive to get together at one time; a 30-minute meeting with 10 people is 5 hours.",
		}}
	if d.Recommended != want.Recommended || d.Chosen != want.Chosen || d.Channel != want.Channel ||
		d.People != want.People || d.Minutes != want.Minutes || !slices.Equal(d.Reasons, want.Reasons) {
		t.Errorf("logged %+v\nwant %+v", d, want)
	}
	if err := d.Validate(); err != nil {
		t.Errorf("the decision should be valid: %v", err)
	}
	if !slices.Equal(r.modes, []advisor.Mode{advisor.Async}) ||
		r.chosen[0] != (Prefill{People: 4, Channel: "email", Target: "#design", Text: recap + "\n"}) {
		t.Errorf("Chosen got %v %+v", r.modes, r.chosen)
	}
	const confirm = "Logged: async by email. About 1.5 h of refocus saved. A message outline is on the clipboard."
	if p.confirm.Text != confirm || !p.confirm.Visible() || p.actions.Visible() {
		t.Errorf("confirmation %q (shown %v), buttons shown %v", p.confirm.Text, p.confirm.Visible(), p.actions.Visible())
	}
	if len(r.waits) != 1 || r.waits[0] != ConfirmFor || !p.shown {
		t.Fatalf("the auto-close should be scheduled once for %v, the popup still up: %v, shown %v", ConfirmFor, r.waits, p.shown)
	}
	r.fire()
	if p.shown {
		t.Error("After's callback should hide the popup")
	}
}

func TestCtrlEnterFromTheDraft(t *testing.T) {
	p, r := newTestPopup(t, Prefill{Text: "the site is down"})
	pressShortcut(p, &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if len(r.decided) != 1 || r.decided[0].Chosen != focus.Sync || r.decided[0].Channel != "call" {
		t.Fatalf("Ctrl+Enter in the draft: %+v", r.decided)
	}
	if want := "Logged: sync by call. It costs 15 min plus 23 min of refocus."; p.confirm.Text != want {
		t.Errorf("confirmation %q, want %q", p.confirm.Text, want)
	}
	if len(r.copied) != 0 {
		t.Error("going sync copies nothing")
	}
}

func TestFocusedButtonTakesEnter(t *testing.T) {
	p, r := newTestPopup(t, Prefill{}) // async recommended
	p.Window().Canvas().Focus(p.goSync)
	pressKey(p, fyne.KeyReturn)
	if len(r.decided) != 1 || r.decided[0].Chosen != focus.Sync || r.decided[0].Recommended != focus.Async {
		t.Errorf("Enter on the focused Go sync button: %+v", r.decided)
	}
}

func TestEscClosesWithoutLogging(t *testing.T) {
	p, r := newTestPopup(t, Prefill{Text: "the site is down"})
	c := p.Window().Canvas()
	for _, focusOn := range []fyne.Focusable{p.draft, nil, toggleFor(t, p, advisor.Urgent), p.peopleF.entry, p.sendAsync} {
		p.Show(Prefill{Text: "the site is down"})
		if focusOn == nil {
			c.Unfocus()
		} else {
			c.Focus(focusOn)
		}
		pressKey(p, fyne.KeyEscape)
		if p.shown {
			t.Errorf("Esc with %T focused should close the popup", focusOn)
		}
	}
	if len(r.decided) != 0 || len(r.copied) != 0 || len(r.chosen) != 0 {
		t.Errorf("closing logged %v, copied %v", r.decided, r.copied)
	}
}

// closeWindow records the close intercept, which the test window keeps to
// itself.
type closeWindow struct {
	fyne.Window
	intercept func()
}

func (w *closeWindow) SetCloseIntercept(f func()) { w.intercept = f; w.Window.SetCloseIntercept(f) }

func TestClosingHidesWithoutLogging(t *testing.T) {
	a := test.NewTempApp(t)
	r := &rec{}
	w := &closeWindow{Window: a.NewWindow("")}
	p := New(w, r.config())
	p.Show(Prefill{Text: "the site is down"})
	if w.intercept == nil {
		t.Fatal("New should intercept closing: the popup is built once and only hidden")
	}
	w.intercept()
	if p.shown || len(r.decided) != 0 {
		t.Errorf("closing: shown %v, %d decisions", p.shown, len(r.decided))
	}
	p.Show(Prefill{})
	if !p.shown || len(a.Driver().AllWindows()) != 2 {
		t.Errorf("the popup should come back in the same window")
	}
}

func TestSendAsyncCopiesTheOutline(t *testing.T) {
	p, r := newTestPopup(t, Prefill{Target: "#design", Channel: "chat",
		Text: "Hi all,\nThe build broke on main after the merge. Can you look at it?"})
	test.Tap(p.sendAsync)
	if len(r.copied) != 1 {
		t.Fatalf("Copy called %d times", len(r.copied))
	}
	const want = "To: #design\n" +
		"Context: The build broke on main after the merge.\n" +
		"The ask: Can you look at it?\n" +
		"By when: [the day and time you need it]; no need to drop what you are doing.\n" +
		"Details: [links, files, what you already tried]\n"
	if r.copied[0] != want {
		t.Errorf("copied\n%s\nwant\n%s", r.copied[0], want)
	}
	// "Hi all" reads as a group: email, although they were about to chat.
	if len(r.decided) != 1 || r.decided[0].Channel != "email" || r.decided[0].Chosen != focus.Async {
		t.Errorf("logged %+v", r.decided)
	}
}

func TestDecideErrorKeepsThePopupOpen(t *testing.T) {
	p, r := newTestPopup(t, Prefill{Text: "the site is down"})
	r.fail = errLocked
	test.Tap(p.goSync)
	if want := "Could not log it: database is locked"; p.problem.Text != want || !p.problem.Visible() || p.hint.Visible() {
		t.Errorf("problem %q, want %q", p.problem.Text, want)
	}
	if !p.shown || p.done || !p.actions.Visible() || len(r.waits) != 0 || len(r.chosen) != 0 {
		t.Fatalf("after an error the popup stays, ready to try again: shown %v done %v", p.shown, p.done)
	}
	test.Tap(p.sendAsync)
	if want := "Outline copied, but not logged: database is locked"; p.problem.Text != want || len(r.copied) != 1 {
		t.Errorf("problem %q, want %q; copied %d", p.problem.Text, want, len(r.copied))
	}
	r.fail = nil
	test.Tap(p.goSync)
	if len(r.decided) != 3 || !p.done || len(r.chosen) != 1 || !strings.HasPrefix(p.confirm.Text, "Logged: sync") {
		t.Errorf("retrying: %d decisions, done %v, message %q", len(r.decided), p.done, p.confirm.Text)
	}
}

func TestPrefill(t *testing.T) {
	p, r := newTestPopup(t, Prefill{People: 3, Channel: "call", Target: "+1 555 1234", Text: "quick question about the invoice",
		Link: "tel:+15551234"})
	if p.peopleF.entry.Text != "3" || p.people != 3 {
		t.Errorf("people field %q, value %d", p.peopleF.entry.Text, p.people)
	}
	if p.to.Text != "To: +1 555 1234 · call" {
		t.Errorf("target line %q", p.to.Text)
	}
	if p.draft.Text != "quick question about the invoice" {
		t.Errorf("draft %q", p.draft.Text)
	}
	if p.goSync.Text != "Go sync (call)" {
		t.Errorf("Go sync button %q", p.goSync.Text)
	}
	test.Tap(p.goSync)
	if len(r.decided) != 1 || r.decided[0].Channel != "call" || r.decided[0].People != 3 || r.decided[0].Minutes != 30 {
		t.Errorf("a prefilled call should log a call: %+v", r.decided)
	}
	if r.chosen[0].Target != "+1 555 1234" || r.chosen[0].Channel != "call" || r.chosen[0].Link != "tel:+15551234" {
		t.Errorf("Chosen got %+v: the app needs the target to hand the call on", r.chosen[0])
	}
}

func TestChannels(t *testing.T) {
	for _, c := range []struct {
		name          string
		pre           Prefill
		flags         []advisor.Criterion
		sync, async   string
		recommendSync bool
	}{
		{"plain one-to-one", Prefill{}, nil, "call", "chat", false},
		{"plain group", Prefill{People: 6}, nil, "call", "email", false},
		{"chat prefill going sync", Prefill{Channel: "chat"}, nil, "call", "chat", false},
		{"video call prefill", Prefill{Channel: "Video Call"}, nil, "video call", "chat", false},
		{"group brainstorm", Prefill{People: 5}, []advisor.Criterion{advisor.Brainstorm}, "meeting", "email", true},
		{"complex kickoff", Prefill{People: 5}, []advisor.Criterion{advisor.Kickoff, advisor.Brainstorm, advisor.Complex},
			"meeting", "shared document", true},
		{"a sensitive talk across time zones", Prefill{}, []advisor.Criterion{advisor.Sensitive, advisor.TimeZones},
			"video call", "email", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, _ := newTestPopup(t, c.pre)
			for _, f := range c.flags {
				test.Tap(toggleFor(t, p, f))
			}
			if (p.v.Mode == advisor.Sync) != c.recommendSync {
				t.Fatalf("verdict %s", p.v.Mode)
			}
			if s, a := p.decision(advisor.Sync).Channel, p.decision(advisor.Async).Channel; s != c.sync || a != c.async {
				t.Errorf("channels sync %q async %q, want %q %q", s, a, c.sync, c.async)
			}
		})
	}
}

func TestScheduleHeadline(t *testing.T) {
	p, _ := newTestPopup(t, Prefill{})
	test.Tap(toggleFor(t, p, advisor.Sensitive))
	test.Tap(toggleFor(t, p, advisor.TimeZones))
	if got := headlineText(p); got != "Sync: schedule a live talk" {
		t.Errorf("headline %q", got)
	}
	if !strings.Contains(reasonsText(p), "note  Other time zones would normally mean async") {
		t.Errorf("reasons %q: the time zones reason yielded, as a note", reasonsText(p))
	}
}

func TestNumbers(t *testing.T) {
	p, r := newTestPopup(t, Prefill{})
	c := p.Window().Canvas()

	test.Tap(p.peopleF.plus)
	test.Tap(p.peopleF.plus)
	test.Tap(p.peopleF.minus)
	if p.peopleF.entry.Text != "2" || p.people != 2 {
		t.Errorf("people after + + -: %q", p.peopleF.entry.Text)
	}
	test.Tap(p.minutesF.plus) // from the default 15 for two people
	if p.minutesF.entry.Text != "20" {
		t.Errorf("minutes after + from auto: %q, want 20", p.minutesF.entry.Text)
	}
	c.Focus(p.minutesF.entry)
	pressKey(p, fyne.KeyDown)
	pressKey(p, fyne.KeyDown)
	pressKey(p, fyne.KeyDown)
	pressKey(p, fyne.KeyDown)
	if p.minutesF.entry.Text != "" || p.minutes != 0 {
		t.Errorf("minutes stepped below 5 should go back to auto, got %q", p.minutesF.entry.Text)
	}
	if !strings.Contains(p.cost.Text, "A 15-minute call with 2 people costs 30 min plus 46 min of refocus") {
		t.Errorf("cost %q", p.cost.Text)
	}

	p.peopleF.entry.SetText("0")
	if !p.problem.Visible() || p.problem.Text != "People: use a whole number from 1 to 10000." {
		t.Fatalf("people 0: problem %q shown %v", p.problem.Text, p.problem.Visible())
	}
	if !p.goSync.Disabled() || !p.sendAsync.Disabled() || p.people != 2 {
		t.Error("an invalid number disables the buttons and keeps the last valid value for the verdict")
	}
	p.minutesF.entry.SetText("999")
	if p.problem.Text != "People: use a whole number from 1 to 10000. Minutes: use a whole number from 0 to 480." {
		t.Errorf("problem %q", p.problem.Text)
	}
	c.Unfocus()
	pressKey(p, fyne.KeyReturn)
	if len(r.decided) != 0 || c.Focused() != p.peopleF.entry {
		t.Errorf("Enter with an invalid number: %d decisions, focus on %T", len(r.decided), c.Focused())
	}
	for _, s := range []string{"-3", "+3", "3.5", "99999999999999999999999", "abc", ""} {
		p.peopleF.entry.SetText(s)
		if !p.problem.Visible() {
			t.Errorf("people %q accepted", s)
		}
	}
	p.peopleF.entry.SetText("10000")
	p.minutesF.entry.SetText("480")
	if p.problem.Visible() || !p.hint.Visible() || p.goSync.Disabled() {
		t.Fatalf("the limits are valid: %q", p.problem.Text)
	}
	test.Tap(p.peopleF.plus)
	if p.peopleF.entry.Text != "10000" {
		t.Errorf("+ at the limit: %q", p.peopleF.entry.Text)
	}
	pressKey(p, fyne.KeyReturn)
	if len(r.decided) != 1 || r.decided[0].People != 10000 || r.decided[0].Minutes != 480 {
		t.Errorf("logged %+v", r.decided)
	}
}

func TestShowWhileUpKeepsTheDraft(t *testing.T) {
	p, r := newTestPopup(t, Prefill{Target: "#design"})
	win := p.Window()
	windows := len(fyne.CurrentApp().Driver().AllWindows())
	typeRunes(p, "about the launch")
	test.Tap(toggleFor(t, p, advisor.Kickoff))
	p.Show(Prefill{Target: "#other", Text: "something else"})
	if p.draft.Text != "about the launch" || p.to.Text != "To: #design" || !toggleFor(t, p, advisor.Kickoff).Checked {
		t.Errorf("Show while up should keep everything: draft %q, target %q", p.draft.Text, p.to.Text)
	}
	if p.Window() != win || len(fyne.CurrentApp().Driver().AllWindows()) != windows {
		t.Error("Show opened another window")
	}

	// Hidden, it starts afresh.
	p.Hide()
	p.Show(Prefill{Target: "#other", Text: "something else"})
	if p.draft.Text != "something else" || p.to.Text != "To: #other" || len(p.flags) != 0 || toggleFor(t, p, advisor.Kickoff).Checked {
		t.Errorf("Show after Hide should reset: draft %q, target %q, flags %v", p.draft.Text, p.to.Text, p.flags)
	}

	// During the confirmation it starts afresh too, and the old auto-close
	// leaves the new question alone.
	pressShortcut(p, &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	p.Show(Prefill{Text: "next one"})
	if p.done || p.draft.Text != "next one" || !p.actions.Visible() || p.confirm.Visible() {
		t.Errorf("Show during the confirmation: done %v, draft %q", p.done, p.draft.Text)
	}
	r.fire()
	if !p.shown {
		t.Error("a stale auto-close hid a new question")
	}
}

// The app's Present runs on each fresh show once the window has its place,
// after the question is set up, and before the draft takes the focus and
// Fyne shows the window, whose first frame is then drawn focused; never for
// a popup that is already up.
func TestPresentBeforeEachFreshShow(t *testing.T) {
	a := test.NewTempApp(t)
	r := &rec{}
	cfg := r.config()
	var p *Popup
	var drafts []string // the draft as it stood when Present ran
	cfg.Present = func(w fyne.Window) {
		if w != p.Window() {
			t.Error("Present got another window")
		}
		drafts = append(drafts, p.draft.Text)
	}
	w := &recWindow{Window: a.NewWindow("popup")}
	p = New(w, cfg)
	t.Cleanup(p.Window().Close)

	p.Show(Prefill{Text: "first"}) // placed: Fyne makes the window now
	p.Show(Prefill{})              // already up: only raised
	p.Hide()
	p.Show(Prefill{Text: "second"})
	pressShortcut(p, &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	p.Show(Prefill{Text: "third"}) // during the confirmation: afresh
	if want := []string{"second", "third"}; !slices.Equal(drafts, want) {
		t.Errorf("Present saw drafts %q, want %q", drafts, want)
	}
	for i, f := range w.focused {
		if f != p.draft {
			t.Errorf("show %d: %T had the focus as Fyne showed the window; want the draft", i+1, f)
		}
	}
}

func TestNilConfig(t *testing.T) {
	a := test.NewTempApp(t)
	var later func()
	p := New(a.NewWindow(""), Config{After: func(_ time.Duration, f func()) { later = f }})
	p.Show(Prefill{Text: "the site is down"})
	test.Tap(p.sendAsync) // no Base, Copy, Decide or Chosen
	if !p.done || p.confirm.Text != "Logged: async by chat. About 23 min of refocus saved." {
		t.Errorf("done %v, confirmation %q", p.done, p.confirm.Text)
	}
	later()
	if p.shown {
		t.Error("the auto-close should hide the popup")
	}
}

func TestDefaultAfterRunsOnFyne(t *testing.T) {
	test.NewTempApp(t)
	ran := make(chan struct{})
	afterFunc(time.Millisecond, func() { close(ran) })
	select {
	case <-ran:
	case <-time.After(5 * time.Second):
		t.Fatal("afterFunc never ran f")
	}
}

func TestReasonsAreCapped(t *testing.T) {
	p, _ := newTestPopup(t, Prefill{People: 40})
	for _, c := range []advisor.Criterion{advisor.Complex, advisor.Reply, advisor.Context, advisor.SelfPaced, advisor.Urgent} {
		test.Tap(toggleFor(t, p, c))
	}
	got := reasonsText(p)
	if n := strings.Count(got, "\n"); n != maxReasons+1 || !strings.HasSuffix(got, "and 3 more\n") {
		t.Errorf("reasons %q: want %d lines and a count of the rest", got, maxReasons)
	}
}

// recWindow records what Fyne is asked for: each show and hide in calls
// (which the tests' stashes add to as well), and at each show the window's
// title and what had the focus.
type recWindow struct {
	fyne.Window
	calls   []string
	titles  []string
	focused []fyne.Focusable
}

func (w *recWindow) Show() {
	w.calls = append(w.calls, "show")
	w.titles = append(w.titles, w.Title())
	w.focused = append(w.focused, w.Canvas().Focused())
	w.Window.Show()
}

func (w *recWindow) Hide() { w.calls = append(w.calls, "hide"); w.Window.Hide() }

// Where the desktop has a stash, closing moves the popup there, and the
// blank question comes back from it without Fyne showing the window: the
// draft focused, typing reaching it. Anything the stash cannot do falls
// back to hiding and showing.
func TestStash(t *testing.T) {
	blank, prefilled := Prefill{}, Prefill{Text: "about the launch"}
	tests := []struct {
		name               string
		stashOK, unstashOK bool
		steps              func(p *Popup)
		want               []string // the window's calls and the stash's, in order
		draft              string
	}{
		{"blank question from the stash", true, true,
			func(p *Popup) { p.Show(blank); p.Hide(); p.Show(blank) },
			[]string{"show", "stash", "unstash"}, ""},
		{"prefilled question shown afresh", true, true,
			func(p *Popup) { p.Show(blank); p.Hide(); p.Show(prefilled) },
			[]string{"show", "stash", "hide", "show"}, "about the launch"},
		{"closed twice, stashed once", true, true,
			func(p *Popup) { p.Show(blank); p.Hide(); p.Hide(); p.Show(blank) },
			[]string{"show", "stash", "unstash"}, ""},
		{"raised while up through the stash", true, true,
			func(p *Popup) { p.Show(prefilled); p.Show(blank) },
			[]string{"show", "unstash"}, "about the launch"},
		{"stash refused: hidden", false, true,
			func(p *Popup) { p.Show(blank); p.Hide(); p.Show(blank) },
			[]string{"show", "stash", "hide", "show"}, ""},
		{"unstash refused: shown afresh", true, false,
			func(p *Popup) { p.Show(blank); p.Hide(); p.Show(blank) },
			[]string{"show", "stash", "unstash", "hide", "show"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			w := &recWindow{Window: a.NewWindow("popup")}
			cfg := (&rec{}).config()
			var p *Popup
			cfg.Stash = func(got fyne.Window) bool {
				if got != p.Window() {
					t.Error("Stash got another window")
				}
				w.calls = append(w.calls, "stash")
				return tt.stashOK
			}
			cfg.Unstash = func(got fyne.Window) bool {
				if f := got.Canvas().Focused(); f == nil {
					t.Error("nothing has the focus as the popup comes back")
				}
				w.calls = append(w.calls, "unstash")
				return tt.unstashOK
			}
			p = New(w, cfg)
			t.Cleanup(w.Close)
			tt.steps(p)
			if !slices.Equal(w.calls, tt.want) {
				t.Errorf("calls %q, want %q", w.calls, tt.want)
			}
			if !p.shown || p.Window().Canvas().Focused() != p.draft || p.draft.Text != tt.draft {
				t.Errorf("shown %v, focus on %T, draft %q; want shown, the draft %q focused",
					p.shown, p.Window().Canvas().Focused(), p.draft.Text, tt.draft)
			}
			typeRunes(p, " typed")
			if want := tt.draft + " typed"; p.draft.Text != want {
				t.Errorf("typed into the draft: %q, want %q", p.draft.Text, want)
			}
		})
	}
}

// The minutes field says "auto" while empty, from the very first frame: a
// placeholder set after Fyne made the field's renderer stayed blank until
// something refreshed the field.
func TestMinutesPlaceholderFromTheFirstFrame(t *testing.T) {
	a := test.NewTempApp(t)
	p := New(a.NewWindow("popup"), (&rec{}).config())
	t.Cleanup(p.Window().Close)
	p.Show(Prefill{})
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch o := o.(type) {
		case *canvas.Text:
			texts = append(texts, o.Text)
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(o).Objects() {
				walk(k)
			}
		case *fyne.Container:
			for _, k := range o.Objects {
				walk(k)
			}
		}
	}
	walk(p.minutesF.entry.frame)
	if !slices.Contains(texts, "auto") {
		t.Errorf("the empty minutes field shows %q; want its placeholder, auto", texts)
	}
}

// Prepare maps the window under a title the desktop's rule knows, straight
// into the stash; the title is the popup's own again once it is shown,
// blank from the stash or prefilled afresh. Where the desktop will not,
// or once the popup has been shown, it does nothing.
func TestPrepare(t *testing.T) {
	tests := []struct {
		name    string
		onMapOK bool
		steps   func(p *Popup)
		want    []string // the window's calls and the stash's, in order
		titles  []string // the window's title at each show
		title   string   // and after the steps
	}{
		{"readied, not yet shown", true,
			func(p *Popup) { p.Prepare() },
			[]string{"stash on map: " + readying, "show"}, []string{readying}, readying},
		{"first question from the stash", true,
			func(p *Popup) { p.Prepare(); p.Show(Prefill{}) },
			[]string{"stash on map: " + readying, "show", "unstash"}, []string{readying}, Title},
		{"first question prefilled: mapped afresh", true,
			func(p *Popup) { p.Prepare(); p.Show(Prefill{Text: "about the launch"}) },
			[]string{"stash on map: " + readying, "show", "hide", "show"}, []string{readying, Title}, Title},
		{"refused: the first question maps", false,
			func(p *Popup) { p.Prepare(); p.Show(Prefill{}) },
			[]string{"stash on map: " + readying, "show"}, []string{Title}, Title},
		{"after a show: nothing", true,
			func(p *Popup) { p.Show(Prefill{}); p.Prepare() },
			[]string{"show"}, []string{Title}, Title},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			w := &recWindow{Window: a.NewWindow("popup")}
			cfg := (&rec{}).config()
			cfg.Stash = func(fyne.Window) bool { w.calls = append(w.calls, "stash"); return true }
			cfg.Unstash = func(fyne.Window) bool { w.calls = append(w.calls, "unstash"); return true }
			cfg.StashOnMap = func(title string) bool {
				w.calls = append(w.calls, "stash on map: "+title)
				return tt.onMapOK
			}
			p := New(w, cfg)
			t.Cleanup(w.Close)
			tt.steps(p)
			if !slices.Equal(w.calls, tt.want) || !slices.Equal(w.titles, tt.titles) {
				t.Errorf("calls %q, titles at each show %q; want %q, %q", w.calls, w.titles, tt.want, tt.titles)
			}
			if w.Title() != tt.title {
				t.Errorf("title %q after the steps; want %q", w.Title(), tt.title)
			}
			if p.shown && p.Window().Canvas().Focused() != p.draft {
				t.Errorf("focus on %T as the question comes; want the draft", p.Window().Canvas().Focused())
			}
		})
	}
}
