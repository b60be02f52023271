package calendar

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/focus"
)

// DefaultMinFocusBlock is the shortest free stretch counted as time to
// focus: shorter gaps between meetings are not deep work.
const DefaultMinFocusBlock = 60 * time.Minute

// maxAdviseText bounds what the advisor reads of a description: invitations
// carry pages of dial-in numbers and legal text after the agenda.
const maxAdviseText = 2000

// Options are the person's side of a week's meetings.
type Options struct {
	Me             []string // the person's e-mail addresses, any case
	WorkStart      time.Duration
	WorkEnd        time.Duration // working hours as offsets from midnight, Monday to Friday
	MinFocusBlock  time.Duration // 0 means DefaultMinFocusBlock
	RefocusMinutes float64
}

// Meeting is one meeting in the week.
type Meeting struct {
	Title         string    `json:"title"`
	Start         time.Time `json:"start"`
	End           time.Time `json:"end"`
	Minutes       int       `json:"minutes"`
	People        int       `json:"people"`
	PersonMinutes int       `json:"person_minutes"`
	Recurring     bool      `json:"recurring"`
	CouldBeAsync  bool      `json:"could_be_async"`
}

// Candidate is a meeting the advisor would hold in writing.
type Candidate struct {
	Title         string    `json:"title"`
	Start         time.Time `json:"start"`
	Minutes       int       `json:"minutes"`
	People        int       `json:"people"`
	PersonMinutes int       `json:"person_minutes"`
	Recurring     bool      `json:"recurring"`
	// YearlyPersonHours is what a recurring series costs over the coming
	// year: its instances from this week on, times its people and length.
	YearlyPersonHours float64  `json:"yearly_person_hours,omitempty"`
	Reasons           []string `json:"reasons"`
}

// Week is a week's meetings priced in people's time.
type Week struct {
	Week                   string      `json:"week"`
	Meetings               int         `json:"meetings"`
	MeetingMinutes         int         `json:"meeting_minutes"`
	PersonMinutes          int         `json:"person_minutes"`
	RecurringPersonMinutes int         `json:"recurring_person_minutes"`
	FocusMinutesAvailable  int         `json:"focus_minutes_available"`
	CouldBeAsync           []Candidate `json:"could_be_async"`
	List                   []Meeting   `json:"list"`
	FocusBlocks            []Block     `json:"focus_blocks"` // the free stretches counted in focus_minutes_available
}

// Block is a stretch of time.
type Block struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// People returns how many people an occurrence gathers, counting the
// person, and whether it is a meeting for them at all: a timed, busy,
// not cancelled event with at least one other attendee who has not
// declined, which the person has not declined either. Rooms and resources
// are not people; the organizer is one, listed or not.
func (o *Occurrence) People(me map[string]bool) (int, bool) {
	e := o.Event
	if e.AllDay || e.Transparent || e.Status == "CANCELLED" || e.Pingwise {
		return 0, false
	}
	seen := map[string]bool{}
	for _, a := range e.Attendees {
		if a.Resource {
			continue
		}
		if me[a.Email] {
			if a.PartStat == "DECLINED" {
				return 0, false
			}
			continue
		}
		if a.PartStat != "DECLINED" && a.Email != "" {
			seen[a.Email] = true
		}
	}
	if e.Organizer != "" && !me[e.Organizer] && !declined(e, e.Organizer) {
		seen[e.Organizer] = true
	}
	// The person counts once, whether the file lists them or not.
	if len(seen) == 0 {
		return 0, false
	}
	return len(seen) + 1, true
}

func declined(e *Event, email string) bool {
	for _, a := range e.Attendees {
		if a.Email == email {
			return a.PartStat == "DECLINED"
		}
	}
	return false
}

// busy reports whether an occurrence takes the person's time, meeting or
// not: a dentist's appointment is not time to focus either.
func (o *Occurrence) busy(me map[string]bool) bool {
	e := o.Event
	if e.AllDay || e.Transparent || e.Status == "CANCELLED" || e.Pingwise {
		return false
	}
	for _, a := range e.Attendees {
		if me[a.Email] && a.PartStat == "DECLINED" {
			return false
		}
	}
	return true
}

// Summarize prices week w's meetings and asks the advisor of each one.
func (c *Calendar) Summarize(w focus.Week, opt Options) (Week, []string) {
	from, to := w.Start(), w.End()
	occ, notes := c.Expand(from, to, w.Loc)
	me := make(map[string]bool, len(opt.Me))
	for _, m := range opt.Me {
		me[strings.ToLower(strings.TrimSpace(m))] = true
	}
	r := Week{Week: w.String(), CouldBeAsync: []Candidate{}, List: []Meeting{}, FocusBlocks: []Block{}}
	var busy [][2]time.Time
	yearly := map[string]float64{} // a series' yearly cost, counted once
	var series map[string][]*Event // events by UID, made when first needed
	for i := range occ {
		o := &occ[i]
		if o.busy(me) {
			busy = append(busy, [2]time.Time{o.Start, o.End})
		}
		people, ok := o.People(me)
		if !ok {
			continue
		}
		start, end := maxTime(o.Start, from), minTime(o.End, to)
		minutes := int(math.Round(end.Sub(start).Minutes()))
		m := Meeting{Title: o.Title, Start: o.Start, End: o.End, Minutes: minutes, People: people,
			PersonMinutes: minutes * people, Recurring: o.Recurring()}
		r.Meetings++
		r.MeetingMinutes += m.Minutes
		r.PersonMinutes += m.PersonMinutes
		if m.Recurring {
			r.RecurringPersonMinutes += m.PersonMinutes
		}
		if reasons := asyncReasons(o, people, minutes, opt); reasons != nil {
			m.CouldBeAsync = true
			cand := Candidate{Title: m.Title, Start: m.Start, Minutes: m.Minutes, People: people,
				PersonMinutes: m.PersonMinutes, Recurring: m.Recurring, Reasons: reasons}
			if m.Recurring {
				y, ok := yearly[o.UID]
				if !ok {
					if series == nil {
						series = make(map[string][]*Event, len(c.Events))
						for _, e := range c.Events {
							series[e.UID] = append(series[e.UID], e)
						}
					}
					y = yearlyHours(series[o.UID], from, w.Loc, me)
					yearly[o.UID] = y
				}
				cand.YearlyPersonHours = y
			}
			r.CouldBeAsync = append(r.CouldBeAsync, cand)
		}
		r.List = append(r.List, m)
	}
	r.FocusBlocks = focusBlocks(w, busy, opt)
	for _, b := range r.FocusBlocks {
		r.FocusMinutesAvailable += int(b.End.Sub(b.Start).Minutes())
	}
	return r, notes
}

// asyncReasons asks the advisor about a meeting; nil when it stays sync,
// or when nothing but the default speaks for async (a two-person meeting
// with a bare title is not evidence enough).
func asyncReasons(o *Occurrence, people, minutes int, opt Options) []string {
	text := o.Title
	if d := strings.TrimSpace(o.Description); d != "" {
		if len(d) > maxAdviseText {
			d = d[:maxAdviseText]
		}
		text += "\n" + d
	}
	v := advisor.Advise(advisor.Situation{People: people, Minutes: minutes, Text: text, RefocusMinutes: opt.RefocusMinutes})
	if v.Mode != advisor.Async {
		return nil
	}
	var reasons []string
	for _, r := range v.Reasons {
		if r.Leans != advisor.Async || r.Weight == 0 || r.Criterion == advisor.Default {
			continue // the default is no reason to drop a meeting someone called
		}
		t := r.Text
		if len(r.Words) > 0 {
			t += ` ("` + strings.Join(r.Words, `", "`) + `")`
		}
		reasons = append(reasons, t)
	}
	return reasons
}

// yearlyHours is the person-hours a series (its master and overrides)
// costs over the year from from.
func yearlyHours(events []*Event, from time.Time, view *time.Location, me map[string]bool) float64 {
	occ, _ := (&Calendar{Events: events}).Expand(from, from.AddDate(1, 0, 0), view)
	people := map[*Event]int{} // instances share their event's attendees
	var minutes float64
	for i := range occ {
		n, ok := people[occ[i].Event]
		if !ok {
			n, _ = occ[i].People(me)
			people[occ[i].Event] = n
		}
		minutes += occ[i].End.Sub(occ[i].Start).Minutes() * float64(n)
	}
	return math.Round(minutes/60*10) / 10
}

// focusBlocks finds the free stretches of at least the minimum block
// inside working hours, Monday to Friday.
func focusBlocks(w focus.Week, busy [][2]time.Time, opt Options) []Block {
	block := opt.MinFocusBlock
	if block <= 0 {
		block = DefaultMinFocusBlock
	}
	slices.SortFunc(busy, func(a, b [2]time.Time) int { return a[0].Compare(b[0]) })
	out := []Block{}
	for d := range 5 {
		day := w.Day(d)
		y, m, dd := day.Date()
		at := func(off time.Duration) time.Time { // on the wall clock: a DST day is 23 or 25 hours
			return time.Date(y, m, dd, int(off/time.Hour), int(off%time.Hour/time.Minute), 0, 0, w.Loc)
		}
		free, end := at(opt.WorkStart), at(opt.WorkEnd)
		for _, b := range busy {
			if !b[1].After(free) || !b[0].Before(end) {
				continue
			}
			if b[0].Sub(free) >= block {
				out = append(out, Block{free, b[0]})
			}
			free = maxTime(free, b[1])
		}
		if end.Sub(free) >= block {
			out = append(out, Block{free, end})
		}
	}
	return out
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
