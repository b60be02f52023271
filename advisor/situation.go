package advisor

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
)

// Defaults applied when a Situation leaves a field at its zero value.
const (
	// DefaultCallMinutes is the assumed length of a call with one or two people.
	DefaultCallMinutes = 15
	// DefaultMeetingMinutes is the assumed length of a group meeting: the
	// seed's own example is a 30-minute meeting.
	DefaultMeetingMinutes = 30
	// DefaultRefocusMinutes is the seed's "average of 23 minutes to regain
	// your focus after a distraction".
	DefaultRefocusMinutes = 23
	// DefaultStart and DefaultEnd are the working hours assumed when none are set.
	DefaultStart = 9 * time.Hour
	DefaultEnd   = 17 * time.Hour
)

// groupSize is where a set of recipients becomes a group that is hard to get
// together; below it, one more person is just a three-way call.
const groupSize = 3

// Situation is what the person knows before they ping or call.
type Situation struct {
	// Flags holds the criteria a person set explicitly: true or false. A
	// criterion missing from the map is "not set", and then the draft text
	// and the recipient context decide. A set flag always wins over them.
	// Only toggle criteria (see Criteria) are read.
	Flags map[Criterion]bool

	// People is how many people receive it, at least 1.
	People int
	// Minutes is how long the sync version would take; 0 means
	// DefaultCallMinutes for one or two people, DefaultMeetingMinutes for a group.
	Minutes int
	// Text is the draft, optional.
	Text string

	// TheirZone is the recipients' time zone; nil when unknown. With Now,
	// it tells whether the message lands outside their working hours.
	TheirZone *time.Location
	// Now is the moment of sending. The package never reads the clock, so
	// a zero Now means "unknown" and the recipient context is skipped.
	Now time.Time
	// WorkingHours are the recipients' hours in their zone, Monday to Friday;
	// the zero value means 09:00-17:00.
	WorkingHours WorkingHours

	// RefocusMinutes is what one interruption costs a person; 0 means
	// DefaultRefocusMinutes.
	RefocusMinutes float64
}

// WorkingHours are clock times as offsets from midnight, as settings.Hours
// returns them.
type WorkingHours struct {
	Start, End time.Duration
}

// Set records an explicit choice, creating the map on first use.
func (s *Situation) Set(c Criterion, v bool) {
	if s.Flags == nil {
		s.Flags = make(map[Criterion]bool)
	}
	s.Flags[c] = v
}

// Validate reports input that cannot describe a real situation. Advise does
// not require it: it reads such input with the defaults instead, so a caller
// that wants an answer no matter what still gets one.
func (s *Situation) Validate() error {
	var errs []error
	if s.People < 1 {
		errs = append(errs, fmt.Errorf("people must be at least 1, got %d", s.People))
	}
	if s.Minutes < 0 {
		errs = append(errs, fmt.Errorf("minutes must not be negative, got %d", s.Minutes))
	}
	if s.RefocusMinutes < 0 || math.IsNaN(s.RefocusMinutes) || math.IsInf(s.RefocusMinutes, 0) {
		errs = append(errs, fmt.Errorf("refocus minutes must be a non-negative number, got %g", s.RefocusMinutes))
	}
	if s.WorkingHours != (WorkingHours{}) && !s.WorkingHours.valid() {
		errs = append(errs, fmt.Errorf("working hours %v-%v: the start must come before the end, within one day",
			s.WorkingHours.Start, s.WorkingHours.End))
	}
	for c := range s.Flags {
		if c >= numCriteria || table[c].key == 0 {
			errs = append(errs, fmt.Errorf("criterion %v cannot be set by hand", c))
		}
	}
	return errors.Join(errs...)
}

func (h WorkingHours) valid() bool {
	return 0 <= h.Start && h.Start < h.End && h.End <= 24*time.Hour
}

// situation is a Situation with every default applied.
type situation struct {
	Situation
	people  int
	minutes int
	refocus float64
	hours   WorkingHours
}

func normalize(s Situation) situation {
	n := situation{Situation: s, people: s.People, minutes: s.Minutes, refocus: s.RefocusMinutes, hours: s.WorkingHours}
	if n.people < 1 {
		n.people = 1
	}
	if n.minutes <= 0 {
		n.minutes = defaultMinutes(n.people)
	}
	if !(n.refocus > 0) || math.IsInf(n.refocus, 0) {
		n.refocus = DefaultRefocusMinutes
	}
	if !n.hours.valid() {
		n.hours = WorkingHours{DefaultStart, DefaultEnd}
	}
	return n
}

func defaultMinutes(people int) int {
	if people >= groupSize {
		return DefaultMeetingMinutes
	}
	return DefaultCallMinutes
}

// offHours tells whether Now falls outside the recipients' working hours,
// and gives their local time for the reason: the clock, the weekday's
// number and their working hours.
func (n *situation) offHours() (bool, reasonArgs) {
	if n.TheirZone == nil || n.Now.IsZero() {
		return false, reasonArgs{}
	}
	t := n.Now.In(n.TheirZone)
	clock := time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute
	weekend := t.Weekday() == time.Saturday || t.Weekday() == time.Sunday
	if !weekend && n.hours.Start <= clock && clock < n.hours.End {
		return false, reasonArgs{}
	}
	return true, reasonArgs{t.Format("15:04"), strconv.Itoa(int(t.Weekday())), hhmm(n.hours.Start) + "-" + hhmm(n.hours.End)}
}

func hhmm(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60)
}
