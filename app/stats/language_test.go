package stats

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// TestHeadlineInEachLanguage: the figures, the refocus line and the week's
// dates in the UI's language, with its plurals and decimal mark.
func TestHeadlineInEachLanguage(t *testing.T) {
	for _, c := range []struct {
		lang, title, saved, streak, change, refocus, day string
	}{
		{"de", "2026-W48 · Mo. 23. Nov. – So. 29. Nov. 2026", "7,7 h", "3 Tage", "+3 h 50 min ggü. Vorwoche",
			"Jede Unterbrechung kostet etwa 23 min Wiedereinstieg. 11 Unterbrechungen zurückgestellt und 3 Pings schriftlich gelöst: " +
				"Das hat dir diese Woche 7,7 h gespart; die 6 angenommenen kosteten 2,3 h.", "Mo. 23."},
		{"fr", "2026-W48 · lun. 23 nov. – dim. 29 nov. 2026", "7,7 h", "3 jours", "+3 h 50 min par rapport à la semaine dernière",
			"Chaque interruption coûte environ 23 min de reconcentration. Reporter 11 interruptions et passer 3 pings en async " +
				"vous a épargné 7,7 h cette semaine ; les 6 prises ont coûté 2,3 h.", "lun. 23"},
		{"es", "2026-W48 · lun 23 nov – dom 29 nov 2026", "7,7 h", "3 días", "+3 h 50 min frente a la semana pasada",
			"Cada interrupción cuesta unos 23 min de reconcentración. Aplazar 11 interrupciones y pasar 3 pings a async " +
				"te ahorró 7,7 h esta semana; las 6 atendidas costaron 2,3 h.", "lun 23"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			w, _ := newTestWindowIn(t, c.lang, w48)
			if w.title.Text != c.title {
				t.Errorf("title %q, want %q", w.title.Text, c.title)
			}
			figs := headline(l10n.For(c.lang), w.st)
			if figs[0].Change != c.change || figs[6].Value != c.saved || figs[9].Value != c.streak {
				t.Errorf("figures %+v", figs)
			}
			if w.refocus.Text != c.refocus {
				t.Errorf("refocus line %q\nwant %q", w.refocus.Text, c.refocus)
			}
			if got := dayLabel(l10n.For(c.lang), "2026-11-23"); got != c.day {
				t.Errorf("chart day %q, want %q", got, c.day)
			}
			if w.Window().Title() == "Weekly focus" {
				t.Error("the window's title is English")
			}
		})
	}
}

// TestOneOfEachInGerman: the singular, where German has one.
func TestOneOfEachInGerman(t *testing.T) {
	tr := l10n.For("de")
	cw := &calendar.Week{Meetings: 1, MeetingMinutes: 30, PersonMinutes: 120, FocusMinutesAvailable: 600}
	if got, want := meetingsLine(tr, cw), "1 Besprechung, 30 min in Besprechungen: 2 h Personenzeit. Freie Fokuszeit in der Arbeitszeit: 10 h."; got != want {
		t.Errorf("%q\nwant %q", got, want)
	}
	c := calendar.Candidate{Title: "Weekly", Start: time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC), People: 1, PersonMinutes: 30, YearlyPersonHours: 21.5}
	if got, want := asyncLine(tr, c, w48), "Weekly, Mi. 14:00: 1 Person, 30 min Personenzeit; 21,5 Personenstunden im Jahr. "; got != want {
		t.Errorf("%q\nwant %q", got, want)
	}
	test.NewTempApp(t)
	st := focus.Stats{ByChannel: map[focus.Channel]focus.ChannelCount{focus.Call: {Taken: 1}}}
	rows := channelRows(tr, &st)
	name, counts := rows[0].(*widget.Label), rows[1].(*fyne.Container).Objects[1].(*widget.Label) // the bar, then its counts
	if name.Text != "Anruf" || counts.Text != "1 angenommen · 0 zurückgestellt" {
		t.Errorf("channel rows: %q, %q", name.Text, counts.Text)
	}
	if got := decisionRows(tr, &focus.Stats{})[0].(*widget.Label).Text; got != "Keine Pings erfasst" {
		t.Errorf("no decisions: %q", got)
	}
}
