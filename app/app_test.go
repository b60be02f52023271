package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/engine"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
	"github.com/pingwise/pingwise/home"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/xdg"
	"github.com/pingwise/pingwise/settings"
)

// newTestShell starts the app's shell on Fyne's test driver, over a store
// in a temporary home, as if there were no session bus (no tray).
func newTestShell(t *testing.T) *shell {
	t.Helper()
	return newTestShellIn(t, "", platform.Missing("No D-Bus session bus: no tray icon or notifications."))
}

// newTestShellIn is newTestShell with the UI in a language, and the tray's
// status given.
func newTestShellIn(t *testing.T, lang string, tray platform.Status) *shell {
	t.Helper()
	dirs, err := home.Resolve(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(dirs.DB())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	desk := &platform.Desktop{}
	desk.Say(platform.Tray, tray)
	xdg.Open(desk, dirs, "/usr/bin/pingwise")
	eng := engine.New(engine.Config{Store: db, Desktop: desk, Settings: settings.Defaults(), Language: lang,
		Save: func(c settings.Settings) error { return settings.Save(dirs.Settings(), c) }})
	t.Cleanup(eng.Close)
	s := newShell(dirs, test.NewTempApp(t), eng, desk)
	s.start()
	return s
}

// widgets lists the widgets of type W in a window, in reading order.
func widgets[W fyne.CanvasObject](w fyne.Window) []W {
	var found []W
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if x, ok := o.(W); ok {
			found = append(found, x)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, child := range c.Objects {
				walk(child)
			}
		case *widget.Form:
			for _, it := range c.Items {
				walk(it.Widget)
			}
		}
	}
	walk(w.Content())
	return found
}

func button(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	for _, b := range widgets[*widget.Button](w) {
		if b.Text == label {
			return b
		}
	}
	t.Fatalf("no button %q", label)
	return nil
}

func TestMainWindowDrivesTheTracker(t *testing.T) {
	s := newTestShell(t)
	w := s.main.win
	if !strings.Contains(s.main.lasting.Text, "No D-Bus session bus") {
		t.Errorf("the missing bus is not said: %q", s.main.lasting.Text)
	}
	if !button(t, w, "Pause").Disabled() || !button(t, w, "Stop").Disabled() {
		t.Error("Pause and Stop are enabled while idle")
	}
	test.Type(s.main.intentIn, "draft the talk")
	test.Tap(button(t, w, "50 min"))
	st, err := s.eng.Tracker().Status()
	if err != nil || st.State != focus.Focusing || st.Planned.Minutes() != 50 || st.Intent != "draft the talk" {
		t.Fatalf("after tapping 50 min: %+v, %v", st, err)
	}
	if got := s.main.state.Text; got != "Focusing: 50 min left - draft the talk" {
		t.Errorf("state line = %q", got)
	}
	if !button(t, w, "25 min").Disabled() {
		t.Error("a start button is enabled during a session")
	}
	test.Tap(button(t, w, "Pause"))
	if st, _ := s.eng.Tracker().Status(); st.State != focus.Paused {
		t.Fatalf("after Pause: %s", st.State)
	}
	if button(t, w, "Resume") == nil {
		t.Fatal("no Resume while paused")
	}

	s.main.channel.SetSelected("Chat")
	test.Tap(button(t, w, "Deferred"))
	if got := s.main.deferred.Text; got != "Deferred to answer: 1" {
		t.Errorf("deferred label = %q", got)
	}
	test.Tap(button(t, w, "Mark all handled"))
	if got := s.main.deferred.Text; got != "Deferred to answer: 0" {
		t.Errorf("after Mark all handled: %q", got)
	}
	test.Tap(button(t, w, "Stop"))
	if st, _ := s.eng.Tracker().Status(); st.State != focus.Idle {
		t.Fatalf("after Stop: %s", st.State)
	}
	if s.main.message.Text == "" || !strings.Contains(s.main.lasting.Text, "No D-Bus session bus") {
		t.Errorf("a later notice hid what is missing: %q / %q", s.main.message.Text, s.main.lasting.Text)
	}
}

func TestSettingsWindowWritesTheFile(t *testing.T) {
	s := newTestShell(t)
	s.showSettings()
	w := s.prefs
	entries := widgets[*widget.Entry](w)
	// session, presets, break, refocus, hotkey, hours, zone, away, coalesce,
	// sync folder, device name
	if len(entries) != 11 {
		t.Fatalf("%d entries in the settings window", len(entries))
	}
	set := func(e *widget.Entry, v string) { e.SetText(v) }
	set(entries[0], "40")
	set(entries[1], "20, 40, 120")
	set(entries[2], "10")
	set(entries[3], "23.25")
	set(entries[6], "Europe/Berlin")
	set(entries[7], "0")
	set(entries[8], "10")
	set(entries[10], "desk")
	selects := widgets[*widget.Select](w)
	if len(selects) != 2 || selects[0].Selected != "As the system (English)" {
		t.Fatalf("the language select shows %q", selects[0].Selected)
	}
	selects[0].SetSelected("Deutsch")
	selects[1].SetSelected("Nothing")
	for _, c := range widgets[*widget.Check](w) {
		if strings.HasPrefix(c.Text, "Do Not Disturb") {
			c.SetChecked(false)
		}
	}
	form := widgets[*widget.Form](w)[0]
	form.OnSubmit()

	got, err := settings.Load(s.dirs.Settings())
	if err != nil {
		t.Fatal(err)
	}
	if got.SessionMinutes != 40 || got.BreakMinutes != 10 || got.RefocusMinutes != 23.25 ||
		got.TimeZone != "Europe/Berlin" || len(got.Presets) != 3 || got.Presets[2] != 120 ||
		got.AwayMinutes != 0 || got.CoalesceMinutes != 10 || got.Intercept != "off" || got.QuietFocus || got.DeviceName != "desk" || got.Language != "de" {
		t.Errorf("saved settings = %+v", got)
	}
	if p := s.eng.Tracker().Policy(); p.Refocus != 23.25 || p.Break.Minutes() != 10 {
		t.Errorf("the tracker still applies %+v", p)
	}
	if button(t, s.main.win, "120 min") == nil {
		t.Error("the main window did not take the new presets")
	}

	// A bad value is said in the window, and the file keeps the last good one.
	set(entries[0], "0")
	form.OnSubmit()
	if again, _ := settings.Load(s.dirs.Settings()); again.SessionMinutes != 40 {
		t.Errorf("a bad value was saved: %d", again.SessionMinutes)
	}
	if labels := widgets[*widget.Label](w); !strings.Contains(labels[len(labels)-1].Text, "session_minutes") {
		t.Errorf("the problem is not shown: %q", labels[len(labels)-1].Text)
	}
}

func TestStartAtLogin(t *testing.T) {
	s := newTestShell(t)
	cfg := s.eng.Settings()
	cfg.StartAtLogin = true
	if err := s.applySettings(cfg); err != nil {
		t.Fatal(err)
	}
	entry := filepath.Join(s.dirs.Autostart, xdg.ID+".desktop")
	b, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "Exec=") || !strings.Contains(string(b), "--home") {
		t.Errorf("autostart entry:\n%s", b)
	}
	cfg.StartAtLogin = false
	if err := s.applySettings(cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(entry); !os.IsNotExist(err) {
		t.Errorf("the autostart entry is still there: %v", err)
	}
}

func TestMainWindowSaysWhatWorksOnThisDesktop(t *testing.T) {
	s := newTestShell(t)
	text := s.main.desktop.Text
	for _, want := range []string{"✗ Tray icon, unavailable: No D-Bus session bus", "✓ Start at login: an XDG autostart entry",
		"✗ Call links, unavailable: call and message links are not Pingwise's yet"} {
		if !strings.Contains(text, want) {
			t.Errorf("the window's desktop section lacks %q:\n%s", want, text)
		}
	}
}
