package stats

import (
	"errors"
	"fmt"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/pingwise/pingwise/focus"
)

// The fixed week of the tests, 2026-W48 (Mon 23 to Sun 29 November), and a
// now in the week after it.
var (
	w48 = focus.Week{Year: 2026, Number: 48, Loc: time.UTC}
	now = time.Date(2026, time.December, 1, 10, 0, 0, 0, time.UTC) // Tuesday of 2026-W49
)

// at is hour:minute on day i of week w.
func at(w focus.Week, day, hour, minute int) time.Time {
	return w.Day(day).Add(time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute)
}

// logBuilder writes a hand-made focus.Log.
type logBuilder struct {
	log focus.Log
	n   int
}

func (b *logBuilder) id() string { b.n++; return fmt.Sprint(b.n) }

// sessions adds n back-to-back sessions of mins minutes from hour:00.
func (b *logBuilder) sessions(w focus.Week, day, hour, n, mins int, r focus.Result) {
	for i := range n {
		start := at(w, day, hour, i*(mins+10))
		d := time.Duration(mins) * time.Minute
		b.log.Sessions = append(b.log.Sessions, focus.Session{ID: b.id(), Start: start, Planned: d,
			End: start.Add(d), Result: r})
	}
}

// interruptions adds n interruptions at 14:00 onwards.
func (b *logBuilder) interruptions(w focus.Week, day, n int, dir focus.Direction, c focus.Channel, o focus.Outcome, people int) {
	for i := range n {
		b.log.Interruptions = append(b.log.Interruptions, focus.Interruption{ID: b.id(), At: at(w, day, 14, i),
			Direction: dir, Channel: c, Outcome: o, People: people})
	}
}

func (b *logBuilder) decision(w focus.Week, day int, chosen focus.Mode, people, mins int) {
	b.log.Decisions = append(b.log.Decisions, focus.Decision{ID: b.id(), At: at(w, day, 16, 0),
		Recommended: focus.Async, Chosen: chosen, People: people, Minutes: mins})
}

// fixture is 2026-W48 against 2026-W47, with a 3-day streak:
//
//	               W48                          W47
//	focus          630 min (10 h 30 min)        400 min (6 h 40 min)
//	completed      12                           6
//	abandoned      2                            2
//	taken          6 (138 min lost)             10 (230 min lost)
//	deferred       11                           12
//	async          3: a ping to 3 people and    1: a decision for 2
//	               decisions for 4 and 2
//	sync           1                            2
//	saved          (11+3+4+2)*23 = 460 min      (12+2)*23 = 322 min
//	meetings       4*30 + 2*60 = 240 min        2*30 = 60 min
func fixture() focus.Stats {
	var this, prev logBuilder
	t := &this
	t.sessions(w48, 0, 9, 3, 50, focus.Completed) // Mon 150
	t.sessions(w48, 1, 9, 2, 50, focus.Completed) // Tue 120
	t.sessions(w48, 1, 14, 1, 20, focus.Abandoned)
	t.sessions(w48, 2, 9, 1, 90, focus.Completed) // Wed 90
	t.sessions(w48, 3, 9, 4, 45, focus.Completed) // Thu 180
	t.sessions(w48, 4, 9, 1, 25, focus.Abandoned) // Fri 60
	t.sessions(w48, 4, 11, 1, 35, focus.Completed)
	t.sessions(w48, 6, 9, 1, 30, focus.Completed) // Sun 30
	in, out := focus.Incoming, focus.Outgoing
	t.interruptions(w48, 0, 2, in, focus.Chat, focus.Taken, 1)
	t.interruptions(w48, 0, 3, in, focus.Chat, focus.Deferred, 1)
	t.interruptions(w48, 1, 1, in, focus.Call, focus.Taken, 1)
	t.interruptions(w48, 1, 2, in, focus.Email, focus.Deferred, 1)
	t.interruptions(w48, 1, 1, out, focus.Chat, focus.Deferred, 3)
	t.interruptions(w48, 2, 4, in, focus.Chat, focus.Deferred, 1)
	t.interruptions(w48, 2, 1, in, focus.InPerson, focus.Taken, 1)
	t.interruptions(w48, 4, 2, in, focus.Meeting, focus.Taken, 1)
	t.interruptions(w48, 4, 1, in, focus.Chat, focus.Deferred, 1)
	t.interruptions(w48, 6, 1, in, focus.Email, focus.Deferred, 1)
	t.decision(w48, 2, focus.Async, 4, 30)
	t.decision(w48, 3, focus.Sync, 3, 30)
	t.decision(w48, 4, focus.Async, 2, 60)

	w47, p := w48.Prev(), &prev
	p.sessions(w47, 0, 9, 3, 60, focus.Completed)
	p.sessions(w47, 1, 9, 2, 60, focus.Completed)
	p.sessions(w47, 2, 9, 1, 60, focus.Completed)
	p.sessions(w47, 2, 14, 1, 20, focus.Abandoned)
	p.sessions(w47, 3, 9, 1, 20, focus.Abandoned)
	p.interruptions(w47, 0, 4, in, focus.Chat, focus.Taken, 1)
	p.interruptions(w47, 1, 6, in, focus.Call, focus.Taken, 1)
	p.interruptions(w47, 2, 12, in, focus.Chat, focus.Deferred, 1)
	p.decision(w47, 3, focus.Async, 2, 30)
	p.decision(w47, 3, focus.Sync, 2, 30)
	p.decision(w47, 4, focus.Sync, 2, 30)

	return focus.Summarize(w48, now, this.log, prev.log, focus.DefaultRefocus, 3)
}

var errDisk = errors.New("database is locked")

// fakeSource serves the fixture for 2026-W48, an error for 2026-W46, and an
// empty week otherwise, and records the weeks asked for.
type fakeSource struct{ asked []string }

func (f *fakeSource) week(w focus.Week) (focus.Stats, error) {
	f.asked = append(f.asked, w.String())
	switch w.String() {
	case "2026-W48":
		return fixture(), nil
	case "2026-W46":
		return focus.Stats{}, errDisk
	}
	return focus.Summarize(w, now, focus.Log{}, focus.Log{}, focus.DefaultRefocus, 0), nil
}

// newTestWindow opens the window on week in a fresh test app.
func newTestWindow(t *testing.T, week focus.Week) (*Window, *fakeSource) {
	t.Helper()
	return newTestWindowIn(t, "", week)
}

// newTestWindowIn is newTestWindow in a UI language.
func newTestWindowIn(t *testing.T, lang string, week focus.Week) (*Window, *fakeSource) {
	t.Helper()
	test.NewTempApp(t)
	src := &fakeSource{}
	w := New(fyne.CurrentApp(), src.week, func() time.Time { return now }, lang)
	t.Cleanup(w.Window().Close)
	w.Show(week)
	return w, src
}

// variant is Fyne's default theme held to one variant: the test app has no
// preference of its own.
type variant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

var (
	light = variant{theme.DefaultTheme(), theme.VariantLight}
	dark  = variant{theme.DefaultTheme(), theme.VariantDark}
)
