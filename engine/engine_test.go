package engine

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/settings"
)

func TestASessionFromStartToCompletion(t *testing.T) {
	r := newRig(t, nil)
	if got := r.ui.last(t).Status.State; got != focus.Idle {
		t.Fatalf("first snapshot: %s", got)
	}
	if err := r.e.StartFocus(25*time.Minute, "write report"); err != nil {
		t.Fatal(err)
	}
	s := r.ui.last(t)
	if s.Status.State != focus.Focusing || s.Status.Intent != "write report" || s.Status.Remaining != 25*time.Minute {
		t.Fatalf("after start: %+v", s.Status)
	}
	// The ticker follows the countdown: a snapshot each minute, with the
	// time left one minute less.
	r.clock.Advance(time.Minute)
	if got := r.ui.last(t).Status.Remaining; got != 24*time.Minute {
		t.Errorf("a minute on: %s left", got)
	}
	r.clock.Advance(24 * time.Minute)
	s = r.ui.last(t)
	if s.Status.State != focus.OnBreak {
		t.Fatalf("after 25 min: %s, want a break", s.Status.State)
	}
	notes := r.desk.waitNotes(t, 1)
	if len(notes) != 1 || !strings.HasPrefix(notes[0], "Focus session complete: write report: 25 min of focus.") {
		t.Errorf("notifications = %q", notes)
	}
	r.clock.Advance(5 * time.Minute)
	if got := r.ui.last(t).Status.State; got != focus.Idle {
		t.Errorf("after the break: %s", got)
	}
	if notes := r.desk.waitNotes(t, 2); len(notes) != 2 || !strings.HasPrefix(notes[1], "Break over") {
		t.Errorf("notifications = %q", notes)
	}
}

func TestSnapshotsAreOrderedAndImmutable(t *testing.T) {
	r := newRig(t, nil)
	if err := r.e.StartFocus(25*time.Minute, ""); err != nil {
		t.Fatal(err)
	}
	before := r.ui.last(t)
	if err := r.e.LogIncoming(focus.Chat, focus.Deferred); err != nil {
		t.Fatal(err)
	}
	after := r.ui.last(t)
	if after.Seq <= before.Seq {
		t.Errorf("Seq %d after %d", after.Seq, before.Seq)
	}
	if before.Pending != 0 || after.Pending != 1 || len(after.Deferred) != 1 {
		t.Errorf("pending %d then %d (%d listed)", before.Pending, after.Pending, len(after.Deferred))
	}
	if after.Notice != "Logged: Chat, deferred." {
		t.Errorf("notice = %q", after.Notice)
	}
	if err := r.e.MarkHandled(); err != nil {
		t.Fatal(err)
	}
	if got := r.ui.last(t).Pending; got != 0 {
		t.Errorf("after MarkHandled: %d pending", got)
	}
	if after.Pending != 1 {
		t.Error("a published snapshot changed")
	}
}

func TestAFailedActionIsTheNoticeAndShowsTheWindow(t *testing.T) {
	r := newRig(t, nil)
	if err := r.e.PauseResume(); err == nil {
		t.Fatal("pausing with no session succeeded")
	}
	if n := r.ui.last(t).Notice; n == "" {
		t.Error("no notice for the failure")
	}
	if p := r.ui.takePrompts(); len(p) != 1 || p[0].Kind != WindowPrompt {
		t.Errorf("prompts = %+v", p)
	}
}

func TestHotkey(t *testing.T) {
	r := newRig(t, nil)
	if !slices.Equal(r.desk.bound, []string{"Ctrl+Shift+Space"}) {
		t.Fatalf("bound %q", r.desk.bound)
	}
	r.desk.pressed()
	if p := r.ui.takePrompts(); len(p) != 1 || p[0].Kind != AskPrompt {
		t.Errorf("a key press prompted %+v", p)
	}
	cfg := r.e.Settings()
	cfg.Hotkey = "Super+F9"
	if err := r.e.Apply(cfg); err != nil {
		t.Fatal(err)
	}
	if r.desk.released != 1 || r.desk.bound[1] != "Super+F9" {
		t.Errorf("rebinding: released %d, bound %q", r.desk.released, r.desk.bound)
	}
	cfg.Hotkey = "Ctrl+Nope"
	if err := r.e.Apply(cfg); err == nil || !strings.Contains(err.Error(), "unknown key") {
		t.Errorf("a bad hotkey was applied: %v", err)
	}
	if len(r.saved) != 1 {
		t.Errorf("saved %d times, want once (the bad one is not saved)", len(r.saved))
	}
}

func TestATakenHotkeyIsSaidAndDoctorTellsWhy(t *testing.T) {
	r := newRigWith(t, func(d *fakeDesk) { d.bindErr = fmt.Errorf("x11: Ctrl+Shift+Space is %w", platform.ErrKeyTaken) })
	kept := strings.Join(r.ui.last(t).Kept, "\n")
	if !strings.Contains(kept, "Ctrl+Shift+Space is taken by another application") || !strings.Contains(kept, AskCommand) {
		t.Errorf("kept lines: %q", kept)
	}
	row := r.e.Doctor().Services[1]
	if row.Service != platform.HotkeyService || row.Available || !strings.Contains(row.How, "taken") {
		t.Errorf("doctor's hotkey row: %+v", row)
	}
}

func TestInterception(t *testing.T) {
	slack := platform.Window{AppID: "Slack", Title: "general - Acme"}
	gmail := platform.Window{Class: "firefox", Title: "Inbox (3) - Gmail"}
	for _, tc := range []struct {
		name      string
		intercept string
		focusing  bool
		windows   []platform.Window
		asks      int
		notes     int
	}{
		{"slack during a session asks", settings.InterceptPopup, true, []platform.Window{slack}, 1, 0},
		{"at most once per app in 5 minutes", settings.InterceptPopup, true, []platform.Window{slack, slack}, 1, 0},
		{"a web app by its title", settings.InterceptPopup, true, []platform.Window{gmail}, 1, 0},
		{"not outside a session", settings.InterceptPopup, false, []platform.Window{slack}, 0, 0},
		{"an editor is not watched", settings.InterceptPopup, true, []platform.Window{{AppID: "code"}}, 0, 0},
		{"notification only reminds", settings.InterceptNotification, true, []platform.Window{slack}, 0, 1},
		{"off", settings.InterceptOff, true, []platform.Window{slack}, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, func(c *settings.Settings) { c.Intercept = tc.intercept })
			if tc.focusing {
				if err := r.e.StartFocus(50*time.Minute, ""); err != nil {
					t.Fatal(err)
				}
			}
			for _, w := range tc.windows {
				r.desk.changed(w)
				r.clock.Advance(time.Minute)
			}
			var asks []Prompt
			for _, p := range r.ui.takePrompts() {
				if p.Kind == AskPrompt {
					asks = append(asks, p)
				}
			}
			if len(asks) != tc.asks {
				t.Fatalf("%d asks, want %d", len(asks), tc.asks)
			}
			if tc.asks > 0 && (asks[0].Ask.People != 1 || asks[0].Ask.Channel == "" || asks[0].Ask.Target == "") {
				t.Errorf("the popup is not prefilled: %+v", asks[0].Ask)
			}
			if got := len(r.desk.waitNotes(t, tc.notes)); got != tc.notes {
				t.Errorf("%d notifications, want %d", got, tc.notes)
			}
		})
	}
	t.Run("again after 5 minutes", func(t *testing.T) {
		r := newRig(t, nil)
		if err := r.e.StartFocus(50*time.Minute, ""); err != nil {
			t.Fatal(err)
		}
		r.desk.changed(slack)
		r.clock.Advance(5 * time.Minute)
		r.desk.changed(slack)
		if n := len(r.ui.takePrompts()); n != 2 {
			t.Errorf("%d asks, want 2", n)
		}
	})
}

func TestAwayPausesFromWhenInputStoppedAndAsksOnReturn(t *testing.T) {
	r := newRig(t, nil) // away after 5 min
	if err := r.e.StartFocus(50*time.Minute, ""); err != nil {
		t.Fatal(err)
	}
	start := r.clock.Now()
	// Input stops at once; the watch reads idle time every 20 s.
	for i := 0; i < 16; i++ {
		r.clock.Advance(20 * time.Second)
		r.desk.setIdle(r.clock.Now().Sub(start))
	}
	r.clock.Advance(20 * time.Second)
	st, err := r.e.Tracker().Status()
	if err != nil || st.State != focus.Paused {
		t.Fatalf("after 5.6 min away: %s, %v", st.State, err)
	}
	if len(r.ui.takePrompts()) != 0 {
		t.Fatal("asked while still away")
	}
	// Back: idle drops; the next check asks what it was.
	r.desk.setIdle(time.Second)
	r.clock.Advance(2 * time.Second)
	p := r.ui.takePrompts()
	if len(p) != 1 || p[0].Kind != AwayPrompt {
		t.Fatalf("prompts on return: %+v", p)
	}
	if !p[0].Since.Equal(start.Add(20 * time.Second)) {
		t.Errorf("away since %s, want %s", p[0].Since, start.Add(20*time.Second))
	}
	if err := r.e.AnswerAway(p[0].Since, focus.InPerson); err != nil {
		t.Fatal(err)
	}
	st, _ = r.e.Tracker().Status()
	if st.State != focus.Focusing {
		t.Errorf("after answering: %s", st.State)
	}
	stats, err := r.e.Week(focus.WeekOf(r.clock.Now()))
	if err != nil || stats.InterruptionsTaken != 1 {
		t.Errorf("interruptions taken this week: %d, %v", stats.InterruptionsTaken, err)
	}
	// The time away is not focus: 20 s of focus before input stopped.
	if st.Remaining != 49*time.Minute+40*time.Second {
		t.Errorf("remaining %s, want 49m40s", st.Remaining)
	}
}

func TestQuietFocus(t *testing.T) {
	r := newRig(t, nil) // quiet focus is on by default
	d := r.desk.dnd
	if err := r.e.StartFocus(25*time.Minute, ""); err != nil {
		t.Fatal(err)
	}
	if on, _ := d.On(); !on {
		t.Fatal("Do Not Disturb is off during a session")
	}
	// A burst from one person in one app is one interruption with a count.
	for _, s := range []string{"Dana Lee: lunch?", "Dana Lee: are you there?", "Dana Lee"} {
		r.e.held(platform.Notification{App: "Slack", Summary: s, Urgency: 1})
	}
	r.e.held(platform.Notification{App: "Thunderbird", Summary: "Lee: invoice", Urgency: 1})
	r.clock.Advance(time.Second)
	s := r.ui.last(t)
	if s.Pending != 2 {
		t.Fatalf("%d pending, want 2: %+v", s.Pending, s.Deferred)
	}
	var slack focus.Interruption
	for _, i := range s.Deferred {
		if i.App == "Slack" {
			slack = i
		}
	}
	if slack.Count != 3 || slack.Who != "Dana Lee" || slack.Channel != focus.Chat {
		t.Errorf("the Slack burst: %+v", slack)
	}
	if err := r.e.StopFocus(); err != nil {
		t.Fatal(err)
	}
	if on, _ := d.On(); on {
		t.Error("Do Not Disturb is still on after the session")
	}
	// Outside a session nothing is held or counted.
	r.e.held(platform.Notification{App: "Slack", Summary: "Kim: hi"})
	r.clock.Advance(time.Second)
	if got := r.ui.last(t).Pending; got != 2 {
		t.Errorf("%d pending after a notification outside a session", got)
	}
}

func TestQuietFocusKeepsAPersonsOwnDoNotDisturb(t *testing.T) {
	r := newRig(t, nil)
	r.desk.dnd.on = true
	if err := r.e.StartFocus(25*time.Minute, ""); err != nil {
		t.Fatal(err)
	}
	if err := r.e.StopFocus(); err != nil {
		t.Fatal(err)
	}
	if on, _ := r.desk.dnd.On(); !on || slices.Contains(r.desk.dnd.set, false) {
		t.Errorf("the person's own Do Not Disturb was changed: %v", r.desk.dnd.set)
	}
}

func TestCloseReleasesAndPutsBack(t *testing.T) {
	r := newRig(t, nil)
	if err := r.e.StartFocus(25*time.Minute, ""); err != nil {
		t.Fatal(err)
	}
	r.e.Close()
	if on, _ := r.desk.dnd.On(); on {
		t.Error("Do Not Disturb left on when the app closed")
	}
	if r.desk.released != 1 {
		t.Errorf("hotkey released %d times", r.desk.released)
	}
	if _, ok, _ := r.db.State(focus.StateDND); ok {
		t.Error("the Do Not Disturb record outlived the restore")
	}
}

func TestControlAnswers(t *testing.T) {
	r := newRig(t, nil)
	var h control.Handler = r.e
	st, err := h.Start(30*time.Minute, "plan")
	if err != nil || st.State != focus.Focusing {
		t.Fatalf("Start: %+v, %v", st, err)
	}
	if got := r.ui.last(t).Status.Intent; got != "plan" {
		t.Errorf("the UI was not told: intent %q", got)
	}
	if _, err := h.Start(30*time.Minute, ""); err == nil {
		t.Error("a second session started")
	}
	if err := h.ShowStats("2026-W99"); err == nil {
		t.Error("a week that does not exist was accepted")
	}
	if err := h.ShowStats("2026-W48"); err != nil {
		t.Fatal(err)
	}
	h.Ask(control.Ask{Target: "+4930123"})
	h.Show()
	h.Quit()
	var kinds []PromptKind
	for _, p := range r.ui.takePrompts() {
		kinds = append(kinds, p.Kind)
	}
	if !slices.Equal(kinds, []PromptKind{StatsPrompt, AskPrompt, WindowPrompt, QuitPrompt}) {
		t.Errorf("prompts %v", kinds)
	}
}

func TestGoSyncHandsTheLinkOn(t *testing.T) {
	r := newRig(t, nil)
	if err := r.e.GoSync("tel:+49301234567"); err != nil {
		t.Fatal(err)
	}
	if err := r.e.GoSync("javascript:alert(1)"); err == nil {
		t.Error("a hostile link was handed on")
	}
	if !slices.Equal(r.desk.handed, []string{"tel:+49301234567"}) {
		t.Errorf("handed %q", r.desk.handed)
	}
}

func TestApplyStartsAtLogin(t *testing.T) {
	r := newRig(t, nil)
	cfg := r.e.Settings()
	cfg.StartAtLogin = true
	cfg.Presets = []int{20, 120}
	if err := r.e.Apply(cfg); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.desk.autorun, []bool{true}) {
		t.Errorf("autostart %v", r.desk.autorun)
	}
	if got := r.ui.last(t).Presets; !slices.Equal(got, []int{20, 120}) {
		t.Errorf("presets %v", got)
	}
}

func newRigWith(t *testing.T, edit func(*fakeDesk)) *rig {
	t.Helper()
	r := newRig(t, nil)
	r.e.Close()
	fresh := &fakeDesk{dnd: &fakeDND{}}
	edit(fresh)
	d := &platform.Desktop{Hotkey: fresh, Active: fresh, Idle: fresh, Notifier: fresh, Quiet: fresh}
	r.desk, r.ui = fresh, &fakeUI{}
	r.e = New(Config{Store: r.db, Desktop: d, Settings: settings.Defaults(), Clock: r.clock})
	r.e.Open(r.ui)
	t.Cleanup(r.e.Close)
	return r
}

func TestSessionDoneSaysWhatWasHeld(t *testing.T) {
	s := &focus.Session{Planned: 25 * time.Minute, Intent: "outline the talk"}
	held := []focus.Interruption{
		{App: "Slack", Who: "Dana", Count: 3, Channel: focus.Chat},
		{App: "Thunderbird", Count: 2, Channel: focus.Email},
		{App: "Slack", Who: "Lee", Count: 2, Channel: focus.Chat},
		{Who: "Sam", Channel: focus.InPerson, Count: 1},
	}
	title, body := SessionDone(nil, s, held, 5)
	want := "outline the talk: 25 min of focus. While you focused: Slack 5 (Dana, Lee), Thunderbird 2, In person 1 (Sam), and 1 more. Now is a good time to answer."
	if title != "Focus session complete" || body != want {
		t.Errorf("got %q\nwant %q", body, want)
	}
	if _, body := SessionDone(nil, s, nil, 0); body != "outline the talk: 25 min of focus." {
		t.Errorf("nothing held: %q", body)
	}
}

func TestPromptsBeforeOpenWaitForTheUI(t *testing.T) {
	r := newRig(t, nil)
	e := New(Config{Store: r.db, Settings: settings.Defaults(), Clock: r.clock})
	t.Cleanup(e.Close)
	e.Quit() // `pingwise quit` as the app starts: the socket answers first
	ui := &fakeUI{}
	e.Open(ui)
	if p := ui.takePrompts(); len(p) != 1 || p[0].Kind != QuitPrompt {
		t.Errorf("prompts at Open: %+v", p)
	}
}

// The control socket answers before Open: a session started then is
// quiet only once the notifications it holds can be counted.
func TestDoNotDisturbWaitsForOpen(t *testing.T) {
	r := newRig(t, nil)
	desk := &fakeDesk{dnd: &fakeDND{}}
	e := New(Config{Store: r.db, Desktop: &platform.Desktop{Quiet: desk}, Settings: settings.Defaults(), Clock: r.clock})
	t.Cleanup(e.Close)
	if _, err := e.Start(25*time.Minute, ""); err != nil {
		t.Fatal(err)
	}
	if on, _ := desk.dnd.On(); on {
		t.Fatal("Do Not Disturb went on before notifications were counted")
	}
	e.Open(&fakeUI{})
	if on, _ := desk.dnd.On(); !on || desk.seen == nil {
		t.Errorf("after Open: DND %v, monitoring %v", on, desk.seen != nil)
	}
}

func TestWatchSendsNowAndOnEveryChange(t *testing.T) {
	r := newRig(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	got := make(chan focus.Status, 16)
	done := make(chan error, 1)
	go func() {
		done <- r.e.Watch(ctx, func(st focus.Status) error { got <- st; return nil })
	}()
	next := func() focus.Status {
		select {
		case st := <-got:
			return st
		case <-time.After(5 * time.Second):
			t.Fatal("no status sent")
			return focus.Status{}
		}
	}
	if st := next(); st.State != focus.Idle {
		t.Fatalf("first: %s", st.State)
	}
	if err := r.e.StartFocus(25*time.Minute, "plan"); err != nil {
		t.Fatal(err)
	}
	for st := next(); st.State != focus.Focusing; st = next() {
	}
	r.clock.Advance(time.Minute)
	for st := next(); st.Remaining != 24*time.Minute; st = next() {
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Watch after cancel: %v", err)
	}
	// A failing send ends the watch with its error.
	boom := errors.New("the status bar went away")
	if err := r.e.Watch(context.Background(), func(focus.Status) error { return boom }); !errors.Is(err, boom) {
		t.Errorf("Watch = %v, want %v", err, boom)
	}
}

type fakeBlocks struct{ done chan string }

func (f *fakeBlocks) Started(_ context.Context, s focus.Session) error {
	f.done <- "start " + s.Intent
	return nil
}

func (f *fakeBlocks) Ended(_ context.Context, s focus.Session) error {
	f.done <- "end " + string(s.Result)
	return nil
}

func TestFocusBlocksFollowSessions(t *testing.T) {
	r := newRig(t, nil)
	fb := &fakeBlocks{done: make(chan string, 4)}
	e := New(Config{Store: r.db, Settings: settings.Defaults(), Clock: r.clock, FocusBlocks: fb})
	t.Cleanup(e.Close)
	e.Open(&fakeUI{})
	if err := e.StartFocus(25*time.Minute, "write"); err != nil {
		t.Fatal(err)
	}
	if err := e.StopFocus(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for range 2 {
		select {
		case s := <-fb.done:
			got = append(got, s)
		case <-time.After(5 * time.Second):
			t.Fatalf("blocks written: %q", got)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{"end abandoned", "start write"}) {
		t.Errorf("blocks written: %q", got)
	}
}
