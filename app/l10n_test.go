package app

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform"
)

// TestShellInGerman drives the main window, the away prompt, the popup and
// the stats window with the UI in German: every word the person reads.
func TestShellInGerman(t *testing.T) {
	s := newTestShellIn(t, "de", platform.Missing("No D-Bus session bus: no tray icon or notifications. Pingwise runs in its window instead.").Said("noBusTray"))
	w := s.main.win
	if got := s.main.state.Text; got != "Keine Sitzung" {
		t.Errorf("state line = %q", got)
	}
	if want := "Kein D-Bus-Sitzungsbus: kein Tray-Symbol und keine Benachrichtigungen. Pingwise läuft stattdessen in seinem Fenster."; s.main.lasting.Text != want {
		t.Errorf("what is kept in view: %q", s.main.lasting.Text)
	}
	for _, want := range []string{"✗ Tray-Symbol, nicht verfügbar: Kein D-Bus-Sitzungsbus", "✓ Start bei Anmeldung: ein XDG-Autostart-Eintrag in",
		"✗ Anruf-Links, nicht verfügbar: Anruf- und Nachrichten-Links gehen noch nicht an Pingwise"} {
		if !strings.Contains(s.main.desktop.Text, want) {
			t.Errorf("the desktop section lacks %q:\n%s", want, s.main.desktop.Text)
		}
	}
	test.Type(s.main.intentIn, "Vortrag entwerfen")
	test.Tap(button(t, w, "50 min"))
	if got := s.main.state.Text; got != "Fokus: noch 50 min – Vortrag entwerfen" {
		t.Errorf("state line = %q", got)
	}
	test.Tap(button(t, w, "Anhalten"))
	if button(t, w, "Fortsetzen") == nil || !button(t, w, "Stoppen").Visible() {
		t.Fatal("no Fortsetzen while paused")
	}
	s.main.channel.SetSelected("Persönlich")
	test.Tap(button(t, w, "Zurückgestellt"))
	if got := s.main.deferred.Text; got != "Zurückgestellt: 1" {
		t.Errorf("deferred label = %q", got)
	}
	if got := s.snap.Notice; got != "Erfasst: Persönlich, zurückgestellt." {
		t.Errorf("notice = %q", got)
	}

	for _, c := range []struct {
		gone time.Duration
		want string
	}{
		{time.Minute, "Du warst 1 Minute weg. Deine Sitzung ist angehalten."},
		{7 * time.Minute, "Du warst 7 Minuten weg. Deine Sitzung ist angehalten."},
		{75 * time.Minute, "Du warst 1 h 15 min weg. Deine Sitzung ist angehalten."},
	} {
		s.askAway(time.Now().Add(-c.gone), c.gone)
		if title := s.awayWin.Title(); title != "Willkommen zurück" {
			t.Errorf("away title %q", title)
		}
		if got := widgets[*widget.Label](s.awayWin)[0].Text; got != c.want {
			t.Errorf("away for %s: %q, want %q", c.gone, got, c.want)
		}
		button(t, s.awayWin, "Eine geplante Pause")
		s.awayWin.Hide()
	}

	s.ask()
	if got := s.popup.Window().Title(); got != "Sync oder async?" {
		t.Errorf("popup title %q", got)
	}
	s.showStats(focus.WeekOf(time.Now()))
	if got := s.statsWin.Window().Title(); got != "Fokus der Woche" {
		t.Errorf("stats title %q", got)
	}
	s.showSettings()
	if got := s.prefs.Title(); got != "Pingwise-Einstellungen" {
		t.Errorf("settings title %q", got)
	}
}

// TestUseLanguage: the setting wins over the locale, Fyne's own words follow
// it (its dialogs' "Cancel"), the catalogs are Fyne's too, and the
// environment the app's children get is put back as it was.
func TestUseLanguage(t *testing.T) {
	t.Setenv("LANG", "C")
	t.Setenv("LANGUAGE", "")
	os.Unsetenv("LANGUAGE")
	t.Setenv("LC_ALL", "")
	os.Unsetenv("LC_ALL")
	t.Cleanup(func() { useLanguage("en") })
	if got := useLanguage("de"); got != "de" {
		t.Fatalf("chose %q", got)
	}
	if got := lang.L("Cancel"); got != "Abbrechen" {
		t.Errorf("Fyne's Cancel = %q", got)
	}
	if got := lang.X("menu.quit", "?"); got != "Beenden" {
		t.Errorf("the catalog through Fyne: %q", got)
	}
	if os.Getenv("LANG") != "C" || os.Getenv("LANGUAGE") != "" {
		t.Errorf("the environment was not put back: LANG=%q LANGUAGE=%q", os.Getenv("LANG"), os.Getenv("LANGUAGE"))
	}
	if _, set := os.LookupEnv("LC_ALL"); set {
		t.Error("LC_ALL was left set")
	}
	if got := useLanguage(""); got != "en" {
		t.Errorf("a C locale and no setting chose %q", got)
	}
	t.Setenv("LANGUAGE", "fr_FR:en")
	t.Setenv("LANG", "fr_FR.UTF-8")
	if got := useLanguage(""); got != "fr" {
		t.Errorf("a French locale chose %q", got)
	}
}
