package calendar

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/teambition/rrule-go"
)

// Event is one VEVENT: a single event, the master of a recurring series, or
// an override of one instance of a series (RecurrenceID set).
type Event struct {
	UID         string
	Title       string
	Description string
	Status      string // CONFIRMED, TENTATIVE, CANCELLED or empty
	Transparent bool   // TRANSP:TRANSPARENT: shown as free
	Private     bool   // CLASS:PRIVATE or CONFIDENTIAL
	Organizer   string // e-mail address, lower case
	Attendees   []Attendee
	AllDay      bool
	Floating    bool // local time wherever the person is: no TZID, no Z
	Line        int  // where its BEGIN:VEVENT is
	// Pingwise marks the focus blocks Pingwise wrote itself.
	Pingwise bool

	start    stamp
	duration time.Duration // for all-day events, whole days
	rule     *rrule.ROption
	rdates   []stamp
	exdates  []stamp
	recurID  *stamp
}

// Attendee is one ATTENDEE line.
type Attendee struct {
	Email    string // lower case, without mailto:
	Name     string
	PartStat string // ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION...
	Resource bool   // a room or a resource, not a person
}

// Recurring reports whether the event is a series or an instance of one.
func (e *Event) Recurring() bool {
	return e.rule != nil || len(e.rdates) > 0 || e.recurID != nil
}

// stamp is a date or date-time as written: a wall-clock time (held in UTC
// fields) and the zone it is in, nil for floating times and dates, which
// take the viewer's zone.
type stamp struct {
	wall time.Time
	loc  *time.Location
	date bool
}

// in returns the instant the stamp means for a viewer in view.
func (s stamp) in(view *time.Location) time.Time {
	loc := s.loc
	if loc == nil {
		loc = view
	}
	if loc == time.UTC {
		return s.wall
	}
	y, m, d := s.wall.Date()
	h, mi, sec := s.wall.Clock()
	return time.Date(y, m, d, h, mi, sec, 0, loc)
}

// parseStamp reads a DATE or DATE-TIME property value.
func parseStamp(p *prop, zones *zoneResolver) (stamp, error) {
	return parseStampValue(p.value, p, zones)
}

func parseStampValue(v string, p *prop, zones *zoneResolver) (stamp, error) {
	v = strings.TrimSpace(v)
	if len(v) == 8 || strings.EqualFold(p.param("VALUE"), "DATE") {
		t, err := time.Parse("20060102", v)
		if err != nil {
			return stamp{}, fmt.Errorf("%s %q is not a date (YYYYMMDD)", p.name, clipText(v))
		}
		return stamp{wall: t, date: true}, nil
	}
	utc := strings.HasSuffix(v, "Z") || strings.HasSuffix(v, "z")
	t, err := time.Parse("20060102T150405", strings.TrimRight(v, "Zz"))
	if err != nil {
		return stamp{}, fmt.Errorf("%s %q is not a date-time (YYYYMMDDTHHMMSS)", p.name, clipText(v))
	}
	s := stamp{wall: t}
	switch tzid := p.param("TZID"); {
	case utc:
		s.loc = time.UTC
	case tzid != "":
		if s.loc, err = zones.resolve(tzid); err != nil {
			return stamp{}, err
		}
	}
	return s, nil
}

// parseStampList reads EXDATE and RDATE, which may hold several values
// (and RDATE periods, of which the start counts).
func parseStampList(p *prop, zones *zoneResolver) ([]stamp, error) {
	var out []stamp
	for _, v := range strings.Split(p.value, ",") {
		if start, _, ok := strings.Cut(v, "/"); ok {
			v = start
		}
		s, err := parseStampValue(v, p, zones)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// eventFrom reads a VEVENT.
func eventFrom(c *component, zones *zoneResolver) (*Event, error) {
	e := &Event{Line: c.line}
	var end *stamp
	var dur *time.Duration
	for i := range c.props {
		p := &c.props[i]
		var err error
		switch p.name {
		case "UID":
			e.UID = p.value
		case "SUMMARY":
			e.Title = strings.TrimSpace(unescape(p.value))
		case "DESCRIPTION":
			e.Description = unescape(p.value)
		case "STATUS":
			e.Status = strings.ToUpper(strings.TrimSpace(p.value))
		case "TRANSP":
			e.Transparent = strings.EqualFold(strings.TrimSpace(p.value), "TRANSPARENT")
		case "CLASS":
			v := strings.ToUpper(strings.TrimSpace(p.value))
			e.Private = v == "PRIVATE" || v == "CONFIDENTIAL"
		case "X-PINGWISE-FOCUS":
			e.Pingwise = true
		case "ORGANIZER":
			e.Organizer = address(p.value)
		case "ATTENDEE":
			cu := strings.ToUpper(p.param("CUTYPE"))
			e.Attendees = append(e.Attendees, Attendee{
				Email:    address(p.value),
				Name:     p.param("CN"),
				PartStat: strings.ToUpper(p.param("PARTSTAT")),
				Resource: cu == "ROOM" || cu == "RESOURCE",
			})
		case "DTSTART":
			e.start, err = parseStamp(p, zones)
		case "DTEND":
			var s stamp
			s, err = parseStamp(p, zones)
			end = &s
		case "DURATION":
			var d time.Duration
			d, err = parseDuration(p.value)
			dur = &d
		case "RRULE":
			if e.rule != nil {
				return nil, errors.New("more than one RRULE")
			}
			e.rule, err = parseRule(p.value)
		case "RDATE":
			var l []stamp
			l, err = parseStampList(p, zones)
			e.rdates = append(e.rdates, l...)
		case "EXDATE":
			var l []stamp
			l, err = parseStampList(p, zones)
			e.exdates = append(e.exdates, l...)
		case "RECURRENCE-ID":
			var s stamp
			s, err = parseStamp(p, zones)
			e.recurID = &s
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", p.line, err)
		}
	}
	if e.start.wall.IsZero() {
		return nil, errors.New("no DTSTART")
	}
	e.AllDay = e.start.date
	e.Floating = e.start.loc == nil && !e.AllDay
	switch {
	case end != nil:
		if end.date != e.start.date {
			return nil, errors.New("DTSTART and DTEND differ in kind (one a date, one a date-time)")
		}
		e.duration = end.in(time.UTC).Sub(e.start.in(time.UTC))
		if end.loc != nil && e.start.loc != nil {
			// Each in its own zone: a flight from Berlin to New York.
			e.duration = end.in(end.loc).Sub(e.start.in(e.start.loc))
		}
	case dur != nil:
		e.duration = *dur
	case e.AllDay:
		e.duration = 24 * time.Hour
	}
	if e.duration < 0 {
		return nil, errors.New("it ends before it starts")
	}
	if e.UID == "" {
		e.UID = fmt.Sprintf("line-%d", c.line) // no UID: it cannot be overridden, so any key will do
	}
	if e.rule != nil && e.rule.Freq < rrule.HOURLY {
		e.rule.Dtstart = e.start.wall
	}
	return e, nil
}

// parseRule reads an RRULE value. UNTIL stays as written (a UTC instant or
// a wall time); expansion puts it in the event's zone.
func parseRule(v string) (*rrule.ROption, error) {
	o, err := rrule.StrToROptionInLocation(strings.TrimSpace(v), time.UTC)
	if err != nil {
		return nil, fmt.Errorf("RRULE %q: %v", clipText(v), err)
	}
	if o.Count < 0 || o.Interval < 0 {
		return nil, fmt.Errorf("RRULE %q: negative COUNT or INTERVAL", clipText(v))
	}
	// The library walks period by period until an instance matches, up to
	// the year 9999: a rule that can never match would take seconds, and
	// a file of them hours. No meeting repeats every minute or second, and
	// an hourly one does not filter by date.
	switch {
	case o.Freq == rrule.MINUTELY || o.Freq == rrule.SECONDLY:
		return nil, fmt.Errorf("RRULE %q repeats every minute or second: not a meeting", clipText(v))
	case o.Freq == rrule.HOURLY && (len(o.Bymonth) > 0 || len(o.Bymonthday) > 0 || len(o.Byyearday) > 0 ||
		len(o.Byweekno) > 0 || len(o.Byweekday) > 0 || len(o.Bysetpos) > 0):
		return nil, fmt.Errorf("RRULE %q: an hourly rule filtered by date is not supported", clipText(v))
	case never(o):
		return nil, fmt.Errorf("RRULE %q never happens", clipText(v))
	}
	return o, nil
}

// never reports the rules that can never match a day: days of the month
// that none of the months listed has (30 February), or an nth weekday past
// the fifth in a month.
func never(o *rrule.ROption) bool {
	if o.Freq == rrule.MONTHLY && len(o.Byweekno) == 0 {
		for _, d := range o.Byweekday {
			if d.N() > 5 || d.N() < -5 {
				return true
			}
		}
	}
	if len(o.Bymonthday) == 0 {
		return false
	}
	months := o.Bymonth
	if len(months) == 0 {
		months = []int{1}
	}
	for _, m := range months {
		days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[(m-1+12)%12]
		for _, d := range o.Bymonthday {
			if d < 0 || d <= days {
				return false
			}
		}
	}
	return true
}

// parseDuration reads an RFC 5545 duration: P1W, PT1H30M, -P1D, P1DT2H.
func parseDuration(v string) (time.Duration, error) {
	s := strings.ToUpper(strings.TrimSpace(v))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	if !strings.HasPrefix(s, "P") || len(s) < 3 {
		return 0, fmt.Errorf("DURATION %q: write it as PT1H30M", clipText(v))
	}
	var d time.Duration
	inTime := false
	n := 0
	digits := false
	for _, c := range s[1:] {
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			digits = true
			if n > 1e6 {
				return 0, fmt.Errorf("DURATION %q is too long", clipText(v))
			}
			continue
		case c == 'T':
			inTime = true
			continue
		}
		if !digits {
			return 0, fmt.Errorf("DURATION %q: write it as PT1H30M", clipText(v))
		}
		unit := map[rune]time.Duration{'W': 7 * 24 * time.Hour, 'D': 24 * time.Hour}
		if inTime {
			unit = map[rune]time.Duration{'H': time.Hour, 'M': time.Minute, 'S': time.Second}
		}
		u, ok := unit[c]
		if !ok {
			return 0, fmt.Errorf("DURATION %q: write it as PT1H30M", clipText(v))
		}
		d += time.Duration(n) * u
		n, digits = 0, false
	}
	if digits {
		return 0, fmt.Errorf("DURATION %q: a number without its unit", clipText(v))
	}
	if neg {
		d = -d
	}
	return d, nil
}

// address reads a mailto: URI as a lower-case e-mail address.
func address(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 7 && strings.EqualFold(v[:7], "mailto:") {
		v = v[7:]
	}
	return strings.ToLower(v)
}
