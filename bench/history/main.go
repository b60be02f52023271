// Command history writes a made-up Pingwise history as JSON Lines in the
// format `pingwise import` reads, for benchmarks: years of heavy use, about
// 8 focus sessions, 20 interruptions and 6 sync-or-async decisions per
// working day, at plausible local times. The same flags and seed always
// give the same bytes.
//
//	go run ./bench/history -years 5 -seed 1 > history.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"time"

	"github.com/pingwise/pingwise/focus"
)

func main() {
	var (
		seed          = flag.Uint64("seed", 1, "random seed; the same seed gives the same history")
		years         = flag.Int("years", 5, "years of history, ending on -end")
		end           = flag.String("end", "2026-11-20", "last day of the history (YYYY-MM-DD); fixed so runs compare")
		tz            = flag.String("tz", "Europe/Berlin", "time zone of the person's working day")
		sessions      = flag.Int("sessions", 8, "focus sessions per working day, on average")
		interruptions = flag.Int("interruptions", 20, "interruptions per working day, on average")
		decisions     = flag.Int("decisions", 6, "sync-or-async decisions per working day, on average")
	)
	flag.Parse()
	loc, err := time.LoadLocation(*tz)
	if err != nil {
		fail(err)
	}
	last, err := time.ParseInLocation(time.DateOnly, *end, loc)
	if err != nil {
		fail(fmt.Errorf("-end: %w", err))
	}
	g := &gen{r: rand.New(rand.NewPCG(*seed, 0x9e3779b97f4a7c15)), loc: loc,
		sessions: *sessions, interruptions: *interruptions, decisions: *decisions}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	enc := json.NewEncoder(w)
	var counts [3]int
	first := last.AddDate(-*years, 0, 1)
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		for _, ev := range g.day(d) {
			if err := enc.Encode(focus.RecordOf(ev)); err != nil {
				fail(err)
			}
			switch ev.(type) {
			case *focus.Session:
				counts[0]++
			case *focus.Interruption:
				counts[1]++
			default:
				counts[2]++
			}
		}
	}
	if err := w.Flush(); err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "history: %s to %s, %d events: %d sessions, %d interruptions, %d decisions\n",
		first.Format(time.DateOnly), last.Format(time.DateOnly),
		counts[0]+counts[1]+counts[2], counts[0], counts[1], counts[2])
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "history:", err)
	os.Exit(1)
}

type gen struct {
	r                                  *rand.Rand
	loc                                *time.Location
	sessions, interruptions, decisions int
	n                                  int // events so far, for ids
}

func (g *gen) id() string {
	g.n++
	return fmt.Sprintf("bench-%08d", g.n)
}

// around returns mean plus or minus spread, never below zero, so that days
// differ while the average stays mean.
func (g *gen) around(mean, spread int) int {
	return max(0, mean-spread+g.r.IntN(2*spread+1))
}

// pick returns one of choices, weighted.
func pick[T any](r *rand.Rand, choices []T, weights []int) T {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return choices[i]
		}
		n -= w
	}
	return choices[len(choices)-1]
}

var (
	channels     = []focus.Channel{focus.Call, focus.Chat, focus.Email, focus.Meeting, focus.InPerson, focus.Other}
	channelShare = []int{10, 45, 20, 10, 12, 3}
	names        = []string{"", "", "", "Ana", "Ben", "Chen", "Dana", "Eli", "Farah", "Gus", "the team"}
	notes        = []string{"", "", "", "", "quick question", "build is red", "review please", "lunch?", "customer call, urgent", "re: Q3 plan"}
	intents      = []string{"", "", "write report", "review PRs", "fix flaky test", "plan sprint", "read paper", "refactor store"}
	reasons      = []string{"no decision needed today", "needs back-and-forth", "recipient is outside working hours",
		"more than 3 people", "written record wanted", "urgent"}
	advisorChans = []string{"chat", "email", "video call", "call", "meeting"}
)

// day returns one day's events in time order: nothing on weekends and on
// about one working day in ten (holidays, sick days).
func (g *gen) day(d time.Time) []focus.Event {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || g.r.IntN(10) == 0 {
		return nil
	}
	y, m, dd := d.Date()
	at := func(min int) time.Time { return time.Date(y, m, dd, 0, min, g.r.IntN(60), 0, g.loc) }
	start := 8*60 + g.r.IntN(75) // 08:00 to 09:15

	var evs []focus.Event
	var spans [][2]time.Time
	t := at(start)
	n := g.around(g.sessions, 2)
	for i := 0; i < n; i++ {
		planned := pick(g.r, []int{25, 50, 90}, []int{50, 35, 15})
		s := &focus.Session{ID: g.id(), Start: t, Planned: time.Duration(planned) * time.Minute,
			Intent: intents[g.r.IntN(len(intents))], Result: focus.Completed}
		if g.r.IntN(5) == 0 {
			s.Paused = time.Duration(60+g.r.IntN(540)) * time.Second
		}
		focused := s.Planned
		if g.r.IntN(8) == 0 { // abandoned after 20% to 90% of the plan
			s.Result = focus.Abandoned
			focused = s.Planned * time.Duration(20+g.r.IntN(71)) / 100
		}
		s.End = s.Start.Add(focused + s.Paused).Truncate(time.Millisecond)
		evs = append(evs, s)
		spans = append(spans, [2]time.Time{s.Start, s.End})
		gap := 5 + g.r.IntN(11) // a break
		if i == n/2 {
			gap += 40 // lunch
		}
		t = s.End.Add(time.Duration(gap) * time.Minute)
	}
	dayEnd := at(start + 8*60) // interruptions come all day, sessions or not
	if t.After(dayEnd) {
		dayEnd = t
	}
	span := int(dayEnd.Sub(at(start)) / time.Minute)
	inSession := func(x time.Time) bool {
		for _, s := range spans {
			if !x.Before(s[0]) && x.Before(s[1]) {
				return true
			}
		}
		return false
	}

	for range g.around(g.interruptions, 6) {
		x := at(start + g.r.IntN(span))
		i := &focus.Interruption{ID: g.id(), At: x, Direction: focus.Incoming,
			Channel: pick(g.r, channels, channelShare), Outcome: focus.Taken, People: 1,
			Who: names[g.r.IntN(len(names))], Note: notes[g.r.IntN(len(notes))], InSession: inSession(x)}
		if g.r.IntN(4) == 0 {
			i.Direction = focus.Outgoing
		}
		if g.r.IntN(5) < 2 {
			i.Outcome = focus.Deferred
			if g.r.IntN(3) > 0 {
				i.Handled = x.Add(time.Duration(20+g.r.IntN(160)) * time.Minute)
			}
		}
		if i.Channel == focus.Meeting {
			i.People = 2 + g.r.IntN(7)
		}
		evs = append(evs, i)
	}

	for range g.around(g.decisions, 2) {
		x := at(start + g.r.IntN(span))
		rec := pick(g.r, []focus.Mode{focus.Async, focus.Sync}, []int{7, 3})
		chosen := rec
		if g.r.IntN(5) == 0 {
			chosen = map[focus.Mode]focus.Mode{focus.Async: focus.Sync, focus.Sync: focus.Async}[rec]
		}
		dec := &focus.Decision{ID: g.id(), At: x, Recommended: rec, Chosen: chosen,
			Channel: advisorChans[g.r.IntN(len(advisorChans))], People: 1 + g.r.IntN(6),
			Minutes: pick(g.r, []int{15, 30, 60}, []int{5, 4, 1}), InSession: inSession(x)}
		for range 1 + g.r.IntN(2) {
			dec.Reasons = append(dec.Reasons, reasons[g.r.IntN(len(reasons))])
		}
		evs = append(evs, dec)
	}

	sort.SliceStable(evs, func(i, j int) bool { return focus.Time(evs[i]).Before(focus.Time(evs[j])) })
	return evs
}
