package store_test

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// Density is how much a person logs on a working day.
type Density struct{ Sessions, Interruptions, Decisions int }

// HeavyUse is a person who logs everything: eight sessions a day, an
// interruption every four minutes and a sync-or-async question every
// quarter of an hour. Five years of it, Monday to Friday, is about 250,000
// events.
var HeavyUse = Density{Sessions: 8, Interruptions: 140, Decisions: 44}

var (
	channels = []focus.Channel{focus.Call, focus.Chat, focus.Chat, focus.Chat, focus.Email, focus.Meeting, focus.InPerson, focus.Other}
	names    = []string{"", "", "Ana", "Bob", "Chen", "Dana", "the build", "support"}
	reasons  = []string{"more than three people", "needs a decision today", "can wait a day", "long explanation"}
)

// History returns years of working days of events from the Monday from, in
// from's zone, at density d. It is deterministic, so that benchmark runs
// compare the same data.
func History(from time.Time, years int, d Density) []focus.Event {
	rng := rand.New(rand.NewPCG(uint64(years), 1))
	id := func() string { return fmt.Sprintf("%016x%016x", rng.Uint64(), rng.Uint64()) }
	minutes := func(lo, hi int) time.Duration { return time.Duration(lo+rng.IntN(hi-lo+1)) * time.Minute }
	var evs []focus.Event
	for day := from; day.Before(from.AddDate(years, 0, 0)); day = day.AddDate(0, 0, 1) {
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		type span struct{ from, to time.Time }
		var spans []span
		t := day.Add(8*time.Hour + minutes(30, 90))
		for range d.Sessions {
			planned := []time.Duration{25 * time.Minute, 45 * time.Minute, 50 * time.Minute, 90 * time.Minute}[rng.IntN(4)]
			s := &focus.Session{ID: id(), Start: t, Planned: planned, Result: focus.Completed}
			if rng.IntN(4) == 0 {
				s.Paused = minutes(1, 10)
			}
			s.End = t.Add(planned + s.Paused)
			if rng.IntN(7) == 0 {
				s.Result, s.End = focus.Abandoned, t.Add(s.Paused+planned*time.Duration(1+rng.IntN(8))/10)
			}
			evs = append(evs, s)
			spans = append(spans, span{s.Start, s.End})
			t = s.End.Add(minutes(5, 20))
		}
		inSession := func(at time.Time) bool {
			for _, s := range spans {
				if !at.Before(s.from) && at.Before(s.to) {
					return true
				}
			}
			return false
		}
		workday := func() time.Time { return day.Add(8*time.Hour + time.Duration(rng.Int64N(int64(10*time.Hour)))) }
		for range d.Interruptions {
			at := workday()
			i := &focus.Interruption{ID: id(), At: at, Direction: focus.Incoming, Channel: channels[rng.IntN(len(channels))],
				Outcome: focus.Taken, People: 1, Who: names[rng.IntN(len(names))], InSession: inSession(at)}
			if rng.IntN(5) == 0 {
				i.Direction, i.People = focus.Outgoing, 1+rng.IntN(6)
			}
			if rng.IntN(5) < 2 {
				i.Outcome, i.Handled = focus.Deferred, at.Add(minutes(10, 180))
			}
			if rng.IntN(3) == 0 {
				i.Note = "about the " + reasons[rng.IntN(len(reasons))]
			}
			evs = append(evs, i)
		}
		for range d.Decisions {
			at := workday()
			rec := []focus.Mode{focus.Sync, focus.Async}[rng.IntN(2)]
			chosen := rec
			if rng.IntN(10) < 3 {
				chosen = []focus.Mode{focus.Sync, focus.Async}[rng.IntN(2)]
			}
			evs = append(evs, &focus.Decision{ID: id(), At: at, Recommended: rec, Chosen: chosen,
				Channel: "video call", People: 1 + rng.IntN(8), Minutes: 15 * (1 + rng.IntN(4)),
				Reasons: reasons[:1+rng.IntN(2)], InSession: inSession(at)})
		}
	}
	return evs
}
