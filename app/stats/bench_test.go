package stats

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
)

// Five years of heavy use: about 250,000 events on the working days from
// 2021-W48 to 2026-W47. The day's mix is 8 sessions to 20 interruptions to 6
// decisions, scaled up to reach 250,000.
const (
	historyWeeks        = 260
	sessionsPerDay      = 45
	interruptionsPerDay = 113
	decisionsPerDay     = 34
)

var (
	historyStart = focus.Week{Year: 2021, Number: 48, Loc: time.UTC}
	historyNow   = fixedClock(time.Date(2026, time.November, 25, 12, 0, 0, 0, time.UTC))
)

type fixedClock time.Time

func (c fixedClock) Now() time.Time { return time.Time(c) }

// history is the store of the benchmarks, built once for all of them.
var history struct {
	once sync.Once
	dir  string
	db   *store.DB
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if history.db != nil {
		history.db.Close()
		os.RemoveAll(history.dir)
	}
	os.Exit(code)
}

func heavyHistory(b *testing.B) *store.DB {
	history.once.Do(func() {
		if history.dir, history.err = os.MkdirTemp("", "pingwise-stats-bench"); history.err != nil {
			return
		}
		if history.db, history.err = store.Open(filepath.Join(history.dir, "pingwise.db")); history.err != nil {
			return
		}
		var evs []focus.Event
		w := historyStart
		for range historyWeeks {
			for day := range 5 {
				evs = appendDay(evs, w.Day(day))
			}
			w = w.Next()
		}
		var added int
		added, history.err = history.db.Import(evs)
		b.Logf("history: %d events from %s to %s", added, historyStart, w.Prev())
	})
	if history.err != nil {
		b.Fatal(history.err)
	}
	return history.db
}

// appendDay adds a working day's sessions, interruptions and decisions.
func appendDay(evs []focus.Event, day time.Time) []focus.Event {
	key := day.Format(time.DateOnly)
	six := day.Add(6 * time.Hour)
	for i := range sessionsPerDay {
		start := six.Add(time.Duration(i) * 20 * time.Minute)
		s := &focus.Session{ID: fmt.Sprintf("s%s-%d", key, i), Start: start, Planned: 15 * time.Minute,
			End: start.Add(15 * time.Minute), Result: focus.Completed}
		if i%7 == 6 {
			s.End, s.Result = start.Add(10*time.Minute), focus.Abandoned
		}
		evs = append(evs, s)
	}
	for i := range interruptionsPerDay {
		in := &focus.Interruption{ID: fmt.Sprintf("i%s-%d", key, i), At: six.Add(time.Duration(i) * 8 * time.Minute),
			Direction: focus.Incoming, Channel: focus.Channels[i%len(focus.Channels)], Outcome: focus.Deferred, People: 1}
		if i%3 == 0 {
			in.Outcome = focus.Taken
		}
		if i%10 == 9 {
			in.Direction, in.People = focus.Outgoing, 2
		}
		evs = append(evs, in)
	}
	for i := range decisionsPerDay {
		d := &focus.Decision{ID: fmt.Sprintf("d%s-%d", key, i), At: six.Add(5*time.Minute + time.Duration(i)*25*time.Minute),
			Recommended: focus.Async, Chosen: focus.Async, People: 1 + i%4, Minutes: 30}
		if i%4 == 0 {
			d.Chosen = focus.Sync
		}
		evs = append(evs, d)
	}
	return evs
}

// BenchmarkOpenWeek opens the window on a week in the middle of the
// history: reading it from the store, laying it out and painting it. Besides
// ns/op it reports the part before painting (show-ns/op: New, the source,
// layout) and the painting (paint-ns/op: the test driver's software painter,
// whose full-window capture alone costs tens of milliseconds).
func BenchmarkOpenWeek(b *testing.B) {
	src := focus.NewTracker(heavyHistory(b), historyNow, focus.Policy{}).Week
	a := test.NewTempApp(b)
	week := focus.Week{Year: 2024, Number: 20, Loc: time.UTC}
	var t timing
	b.ResetTimer()
	for range b.N {
		t.start()
		w := New(a, src, historyNow.Now, "")
		w.Show(week)
		t.shown()
		w.Window().Canvas().Capture()
		t.painted()
		b.StopTimer()
		if w.st == nil || w.st.Empty() {
			b.Fatalf("%s did not load: %s", week, w.problem.Text)
		}
		w.Window().Close()
		b.StartTimer()
	}
	t.report(b)
}

// BenchmarkSwitchWeek moves an open window between two weeks, painting each.
func BenchmarkSwitchWeek(b *testing.B) {
	src := focus.NewTracker(heavyHistory(b), historyNow, focus.Policy{}).Week
	a := test.NewTempApp(b)
	weeks := []focus.Week{{Year: 2024, Number: 20, Loc: time.UTC}, {Year: 2024, Number: 21, Loc: time.UTC}}
	w := New(a, src, historyNow.Now, "")
	w.Show(weeks[1])
	w.Window().Canvas().Capture()
	var t timing
	b.ResetTimer()
	for i := range b.N {
		t.start()
		w.Show(weeks[i%2])
		t.shown()
		w.Window().Canvas().Capture()
		t.painted()
	}
	b.StopTimer()
	if w.st == nil || w.st.Empty() {
		b.Fatalf("%s did not load: %s", w.week, w.problem.Text)
	}
	t.report(b)
}

// timing splits each run between showing a week and painting it.
type timing struct {
	from        time.Time
	show, paint time.Duration
}

func (t *timing) start()   { t.from = time.Now() }
func (t *timing) shown()   { t.show += time.Since(t.from); t.from = time.Now() }
func (t *timing) painted() { t.paint += time.Since(t.from) }

func (t *timing) report(b *testing.B) {
	b.ReportMetric(float64(t.show.Nanoseconds())/float64(b.N), "show-ns/op")
	b.ReportMetric(float64(t.paint.Nanoseconds())/float64(b.N), "paint-ns/op")
}
