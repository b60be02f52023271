package engine

import (
	"fmt"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
	"github.com/pingwise/pingwise/platform"
)

// TestTextsInEachLanguage runs a session to its end and a break after it on
// the fake clock, in each UI language: the notifications, the notice of a
// logged interruption, the tray's heading and line speak it.
func TestTextsInEachLanguage(t *testing.T) {
	for _, c := range []struct {
		lang                      string
		heading, line, paused     string
		doneTitle, doneBody, over string
		notice, idle              string
	}{
		{"en", "Focusing - write report", "Focusing: 25 min left - write report", "Paused: 25 min left - write report",
			"Focus session complete", "write report: 25 min of focus. While you focused: Chat 1. Now is a good time to answer.",
			"Break over", "Logged: Chat, deferred.", "Not focusing"},
		{"de", "Fokus – write report", "Fokus: noch 25 min – write report", "Angehalten: noch 25 min – write report",
			"Fokussitzung beendet", "write report: 25 min Fokus. Während du fokussiert warst: Chat 1. Jetzt ist ein guter Moment zum Antworten.",
			"Pause vorbei", "Erfasst: Chat, zurückgestellt.", "Keine Sitzung"},
		{"fr", "Concentration – write report", "Concentration : encore 25 min – write report", "Suspendue : encore 25 min – write report",
			"Session de concentration terminée", "write report : 25 min de concentration. Pendant votre concentration : Messagerie 1. C’est le bon moment pour répondre.",
			"Fin de la pause", "Noté : Messagerie, reportée.", "Aucune session"},
		{"es", "Concentración – write report", "Concentración: quedan 25 min – write report", "En pausa: quedan 25 min – write report",
			"Sesión de concentración completada", "write report: 25 min de concentración. Mientras te concentrabas: Chat 1. Es buen momento para responder.",
			"Fin del descanso", "Registrado: Chat, aplazada.", "Sin sesión"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			r := newRigIn(t, c.lang, nil)
			tr := l10n.For(c.lang)
			if got := Line(tr, r.ui.last(t).Status); got != c.idle {
				t.Errorf("idle line %q, want %q", got, c.idle)
			}
			if err := r.e.StartFocus(25*time.Minute, "write report"); err != nil {
				t.Fatal(err)
			}
			st := r.ui.last(t).Status
			if got := Heading(tr, st); got != c.heading {
				t.Errorf("heading %q, want %q", got, c.heading)
			}
			if got := Line(tr, st); got != c.line {
				t.Errorf("line %q, want %q", got, c.line)
			}
			if err := r.e.LogIncoming(focus.Chat, focus.Deferred); err != nil {
				t.Fatal(err)
			}
			if got := r.ui.last(t).Notice; got != c.notice {
				t.Errorf("notice %q, want %q", got, c.notice)
			}
			if err := r.e.PauseResume(); err != nil {
				t.Fatal(err)
			}
			if got := Line(tr, r.ui.last(t).Status); got != c.paused {
				t.Errorf("paused line %q, want %q", got, c.paused)
			}
			if err := r.e.PauseResume(); err != nil {
				t.Fatal(err)
			}
			r.clock.Advance(25 * time.Minute)
			notes := r.desk.waitNotes(t, 1)
			if want := c.doneTitle + ": " + c.doneBody; len(notes) != 1 || notes[0] != want {
				t.Errorf("notifications = %q\nwant %q", notes, want)
			}
			r.clock.Advance(5 * time.Minute)
			if notes := r.desk.waitNotes(t, 2); len(notes) != 2 || notes[1] != c.over+": "+l10n.For(c.lang).S("notify.breakOver.body") {
				t.Errorf("notifications = %q", notes)
			}
		})
	}
}

// TestHotkeyTakenIsSaidInTheLanguage: what is kept in view speaks the UI's
// language; doctor's row keeps its English How for the command line and
// carries the message for the UI.
func TestHotkeyTakenIsSaidInTheLanguage(t *testing.T) {
	r := newRigIn(t, "de", nil)
	r.desk.bindErr = fmt.Errorf("x11: Ctrl+Shift+Space is %w", platform.ErrKeyTaken)
	r.e.mu.Lock()
	r.e.bindHotkey()
	r.e.mu.Unlock()
	r.e.Refresh()
	kept := r.ui.last(t).Kept
	want := "Ctrl+Shift+Space ist von einer anderen Anwendung belegt: wähle in den Einstellungen eine andere Taste, oder binde „pingwise ask“ in den Tastatureinstellungen des Desktops."
	if len(kept) != 1 || kept[0] != want {
		t.Errorf("kept %q\nwant %q", kept, want)
	}
	row := r.e.Doctor().Services[1]
	if row.Service != platform.HotkeyService || row.How != "Ctrl+Shift+Space is taken by another application: choose another key in Settings, or bind \"pingwise ask\" in your desktop's keyboard settings" {
		t.Errorf("doctor's row: %+v", row)
	}
	if got := How(l10n.For("fr"), row.Status); got != "Ctrl+Shift+Space est pris par une autre application : choisissez une autre touche dans les Réglages, ou associez « pingwise ask » dans les réglages clavier du bureau" {
		t.Errorf("in French: %q", got)
	}
	if got := How(l10n.For("de"), platform.Missing("no such thing")); got != "no such thing" {
		t.Errorf("a status without a message: %q", got)
	}
}
