package calendar

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/teambition/rrule-go"
)

// maxScan bounds how many occurrences of one series expansion walks
// through, from its first, to reach a window: a daily series from 1990 is
// 13,000; COUNT=100000 FREQ=MINUTELY would be a 100,000-step walk per query.
const maxScan = 50_000

// Calendar is what one or more iCalendar files hold.
type Calendar struct {
	Events []*Event
	// Skipped says, one line each, which events could not be read (an
	// unknown time zone, a broken RRULE) while the rest of the file could.
	Skipped []string
}

// Parse reads an iCalendar stream, at most MaxSize bytes. A broken file
// (folding, a missing END, no VCALENDAR) is an error; an event that cannot
// be read is left out and named in Skipped.
func Parse(r io.Reader) (*Calendar, error) {
	data, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	c := &Calendar{}
	return c, c.Add(data)
}

// Add parses one more iCalendar text into c (CalDAV holds one per event).
func (c *Calendar) Add(data []byte) error {
	top, err := parse(data)
	if err != nil {
		return err
	}
	for _, cal := range top {
		zones := newZoneResolver(cal)
		for _, comp := range cal.children {
			if comp.name != "VEVENT" {
				continue
			}
			e, err := eventFrom(comp, zones)
			if err != nil {
				title := ""
				if p := comp.get("SUMMARY"); p != nil {
					title = fmt.Sprintf(" %q", clipText(unescape(p.value)))
				}
				where := fmt.Sprintf(" on line %d", comp.line)
				if strings.HasPrefix(err.Error(), "line ") {
					where = "" // the error names its own line
				}
				c.Skipped = append(c.Skipped, fmt.Sprintf("event%s%s: %v", title, where, err))
				continue
			}
			c.Events = append(c.Events, e)
		}
	}
	return nil
}

// Occurrence is one event as it happens: a single event, or one instance of
// a series with its overrides applied.
type Occurrence struct {
	*Event
	Start, End time.Time
}

// Expand returns the occurrences that overlap [from, to), by start time,
// in the zone view (floating times and dates are taken there). Cancelled
// events and cancelled instances are left out; so are instances removed by
// EXDATE. Overrides (RECURRENCE-ID) replace the instance they name. A
// series is walked at most maxScan occurrences; one cut short is named in
// the returned notes.
func (c *Calendar) Expand(from, to time.Time, view *time.Location) ([]Occurrence, []string) {
	var (
		out   []Occurrence
		notes []string
	)
	// A cancelled series takes its moved instances with it.
	cancelled := map[string]bool{}
	for _, e := range c.Events {
		if e.recurID == nil && e.Status == "CANCELLED" {
			cancelled[e.UID] = true
		}
	}
	// Overrides by series and by the instant of the instance they replace.
	overrides := map[string]map[int64]bool{}
	for _, e := range c.Events {
		if e.recurID == nil || cancelled[e.UID] {
			continue
		}
		m := overrides[e.UID]
		if m == nil {
			m = map[int64]bool{}
			overrides[e.UID] = m
		}
		m[e.recurID.in(view).Unix()] = true
		if e.Status != "CANCELLED" {
			out = appendIf(out, e, e.start.in(view), from, to)
		}
	}
	for _, e := range c.Events {
		if e.recurID != nil || e.Status == "CANCELLED" {
			continue
		}
		if e.rule == nil && len(e.rdates) == 0 {
			out = appendIf(out, e, e.start.in(view), from, to)
			continue
		}
		var note string
		out, note = expandSeries(out, e, overrides[e.UID], from, to, view)
		if note != "" {
			notes = append(notes, note)
		}
	}
	slices.SortFunc(out, func(a, b Occurrence) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return cmpString(a.UID, b.UID)
	})
	return out, notes
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func appendIf(out []Occurrence, e *Event, start, from, to time.Time) []Occurrence {
	end := e.end(start)
	if start.Before(to) && (end.After(from) || end.Equal(start) && !start.Before(from)) {
		out = append(out, Occurrence{Event: e, Start: start, End: end})
	}
	return out
}

// end is when an occurrence starting at start ends: all-day events keep
// whole days across a DST change.
func (e *Event) end(start time.Time) time.Time {
	if e.AllDay {
		return start.AddDate(0, 0, int(e.duration/(24*time.Hour)))
	}
	return start.Add(e.duration)
}

// expandSeries appends the instances of a series within the window.
func expandSeries(out []Occurrence, e *Event, overridden map[int64]bool, from, to time.Time, view *time.Location) ([]Occurrence, string) {
	excluded := make(map[int64]bool, len(e.exdates))
	excludedDays := map[string]bool{}
	for _, x := range e.exdates {
		if x.date && !e.AllDay {
			excludedDays[x.wall.Format("20060102")] = true // a date EXDATE on a timed series: the whole day
			continue
		}
		excluded[x.in(view).Unix()] = true
	}
	emit := func(start time.Time, wall time.Time) {
		if excluded[start.Unix()] || overridden[start.Unix()] ||
			len(excludedDays) > 0 && excludedDays[wall.Format("20060102")] {
			return
		}
		out = appendIf(out, e, start, from, to)
	}
	for _, r := range e.rdates {
		emit(r.in(view), r.wall)
	}
	if e.rule == nil { // RDATEs only: DTSTART is the first instance
		emit(e.start.in(view), e.start.wall)
		return out, ""
	}
	next, wallClock, shifted, err := e.iterator(from, view)
	if err != nil {
		return out, fmt.Sprintf("event %q on line %d: %v", clipText(e.Title), e.Line, err)
	}
	// An instance that started before from can still overlap it.
	earliest := from.Add(-e.duration - 24*time.Hour)
	first := e.start.in(view)
	for n := 0; ; n++ {
		t, ok := next()
		if n == 0 && !shifted && (!ok || !t.Equal(first) && !wallClock || wallClock && !t.Equal(e.start.wall)) {
			// DTSTART is always the first instance (RFC 5545), even when
			// the rule does not match it; rrule-go leaves it out then.
			if !first.Before(earliest) {
				emit(first, e.start.wall)
			}
		}
		if !ok {
			return out, ""
		}
		if n >= maxScan {
			return out, fmt.Sprintf("event %q on line %d: a series of more than %d occurrences before this week; stopped there", clipText(e.Title), e.Line, maxScan)
		}
		start := t
		if wallClock {
			start = stamp{wall: t, loc: e.start.loc}.in(view)
		}
		if !start.Before(to) {
			return out, ""
		}
		if start.Before(earliest) {
			continue
		}
		emit(start, t)
	}
}

// iterator walks the series. Daily and slower rules run on the wall clock
// (a 09:00 meeting stays at 09:00 across DST, as RFC 5545 says); hourly and
// faster ones on real time, which the library gets wrong on the wall clock
// across a DST change (rrule-go #63). wallClock says which. A series
// without COUNT starts its walk a whole period before from, not at its
// first instance years ago (shifted says so).
func (e *Event) iterator(from time.Time, view *time.Location) (next func() (time.Time, bool), wallClock, shifted bool, err error) {
	o := *e.rule
	if o.Freq < rrule.HOURLY {
		if !o.Until.IsZero() && e.start.loc != nil && e.start.loc != time.UTC {
			// UNTIL on a zoned DTSTART is a UTC instant (RFC 5545 allows
			// nothing else); the walk is in the event's wall clock.
			u := o.Until.In(e.start.loc)
			o.Until = time.Date(u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute(), u.Second(), 0, time.UTC)
		}
		if o.Count == 0 {
			loc := e.start.loc
			if loc == nil {
				loc = view
			}
			f := from.In(loc)
			shifted = skipAhead(&o, time.Date(f.Year(), f.Month(), f.Day(), 0, 0, 0, 0, time.UTC))
		}
		r, err := rrule.NewRRule(o)
		if err != nil {
			return nil, false, false, fmt.Errorf("RRULE: %v", err)
		}
		return r.Iterator(), true, shifted, nil
	}
	o.Dtstart = e.start.in(view).UTC()
	r, err := rrule.NewRRule(o)
	if err != nil {
		return nil, false, false, fmt.Errorf("RRULE: %v", err)
	}
	it := r.Iterator()
	return func() (time.Time, bool) {
		t, ok := it()
		return t.In(view), ok
	}, false, false, nil
}

// skipAhead moves a rule's DTSTART forward by whole periods (INTERVAL
// days, weeks, months or years) to one period before fromWall, which
// leaves the instances from there on as they were: every BYxxx part is
// relative to the period. What the rule took from DTSTART by default (the
// day of the month, the month of the year) is made explicit first. It
// reports whether it moved anything.
func skipAhead(o *rrule.ROption, fromWall time.Time) bool {
	start := o.Dtstart
	n := max(o.Interval, 1)
	noBy := len(o.Byweekno) == 0 && len(o.Byyearday) == 0 && len(o.Bymonthday) == 0 && len(o.Byweekday) == 0
	h, mi, sec := start.Clock()
	switch o.Freq {
	case rrule.DAILY, rrule.WEEKLY:
		days := 1
		if o.Freq == rrule.WEEKLY {
			days = 7
			if len(o.Byweekday) == 0 {
				o.Byweekday = []rrule.Weekday{weekday(start.Weekday())}
			}
		}
		k := int(fromWall.Sub(start).Hours()/24)/(days*n) - 1
		if k <= 0 {
			return false
		}
		o.Dtstart = start.AddDate(0, 0, k*days*n)
	case rrule.MONTHLY:
		k := ((fromWall.Year()-start.Year())*12+int(fromWall.Month()-start.Month()))/n - 1
		if k <= 0 {
			return false
		}
		if noBy {
			o.Bymonthday = []int{start.Day()}
		}
		o.Dtstart = time.Date(start.Year(), start.Month()+time.Month(k*n), 1, h, mi, sec, 0, time.UTC)
	case rrule.YEARLY:
		k := (fromWall.Year()-start.Year())/n - 1
		if k <= 0 {
			return false
		}
		if noBy {
			o.Bymonthday = []int{start.Day()}
			if len(o.Bymonth) == 0 {
				o.Bymonth = []int{int(start.Month())}
			}
		}
		o.Dtstart = time.Date(start.Year()+k*n, start.Month(), 1, h, mi, sec, 0, time.UTC)
	default:
		return false
	}
	return true
}

func weekday(d time.Weekday) rrule.Weekday {
	return [...]rrule.Weekday{rrule.SU, rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA}[d]
}
