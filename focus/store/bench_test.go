package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
)

// Importing five years of heavy use takes seconds, so each history is built
// once per test binary and shared by the benchmarks; TestMain removes them.
var histories struct {
	sync.Mutex
	dir   string
	paths map[int]string // by years
}

func historyStart(b *testing.B) time.Time {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		b.Fatal(err)
	}
	return time.Date(2021, 1, 4, 0, 0, 0, 0, berlin) // a Monday
}

// history returns a database holding years of heavy use.
func history(b *testing.B, years int) string {
	histories.Lock()
	defer histories.Unlock()
	if p, ok := histories.paths[years]; ok {
		return p
	}
	if histories.dir == "" {
		dir, err := os.MkdirTemp("", "pingwise-bench-")
		if err != nil {
			b.Fatal(err)
		}
		histories.dir, histories.paths = dir, map[int]string{}
	}
	path := filepath.Join(histories.dir, fmt.Sprintf("%dy.db", years))
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	evs := History(historyStart(b), years, HeavyUse)
	if n, err := db.Import(evs); err != nil || n != len(evs) {
		b.Fatalf("import of %d events: %d, %v", len(evs), n, err)
	}
	b.Logf("%d years of heavy use: %d events", years, len(evs))
	histories.paths[years] = path
	return path
}

func dropHistories() {
	if histories.dir != "" {
		os.RemoveAll(histories.dir)
	}
}

// tracker returns a tracker over years of heavy use, its clock just after
// the history ends, and the week in the middle of the history.
func tracker(b *testing.B, years int) (*focus.Tracker, focus.Week) {
	path := history(b, years)
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	start := historyStart(b)
	end := start.AddDate(years, 0, 0)
	tr := focus.NewTracker(db, &fakeClock{now: end}, focus.Policy{Break: 5 * time.Minute})
	return tr, focus.WeekOf(start.Add(end.Sub(start) / 2))
}

func BenchmarkWeekStats(b *testing.B) {
	tr, week := tracker(b, 5)
	for b.Loop() {
		if _, err := tr.Week(week); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLogDurable logs into the shared five-year history: the rows it
// adds are dated after the history's end, away from the weeks measured.
func BenchmarkLogDurable(b *testing.B) {
	tr, _ := tracker(b, 5)
	in := focus.Interruption{Direction: focus.Incoming, Channel: focus.Chat, Outcome: focus.Deferred, Who: "Ana"}
	for b.Loop() {
		if _, err := tr.LogInterruption(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWeekStatsHistory shows that a week's stats cost what the week
// holds, not what the history holds: both histories have the same density.
func BenchmarkWeekStatsHistory(b *testing.B) {
	for _, years := range []int{1, 5} {
		b.Run(fmt.Sprintf("years=%d", years), func(b *testing.B) {
			tr, week := tracker(b, years)
			var events int
			for b.Loop() {
				s, err := tr.Week(week)
				if err != nil {
					b.Fatal(err)
				}
				// Outgoing interruptions are counted among the decisions.
				events = s.SessionsCompleted + s.SessionsAbandoned + s.Interruptions + s.DecisionsSync + s.DecisionsAsync
			}
			b.ReportMetric(float64(events), "events/week")
		})
	}
}

// BenchmarkOpen prices Open on five years of heavy use: it reads every page
// (quick_check) so as to refuse a damaged file, and the command line opens
// the database on every run.
func BenchmarkOpen(b *testing.B) {
	path := history(b, 5)
	for b.Loop() {
		db, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
