package focus

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// DefaultRefocus is the minutes it takes to regain focus after an
// interruption: Gloria Mark measured 23 min 15 s on average.
const DefaultRefocus = 23.0

// Log is what happened in a span of time: the sessions that started in it,
// and the interruptions and decisions logged in it.
type Log struct {
	Sessions      []Session
	Interruptions []Interruption
	Decisions     []Decision
}

// Tally holds the figures of a week or a day.
type Tally struct {
	FocusMinutes                int     `json:"focus_minutes"`
	SessionsCompleted           int     `json:"sessions_completed"`
	SessionsAbandoned           int     `json:"sessions_abandoned"`
	Interruptions               int     `json:"interruptions"` // incoming, taken or deferred
	InterruptionsTaken          int     `json:"interruptions_taken"`
	InterruptionsDeferred       int     `json:"interruptions_deferred"`
	DecisionsSync               int     `json:"decisions_sync"`
	DecisionsAsync              int     `json:"decisions_async"`
	RefocusMinutesSaved         float64 `json:"refocus_minutes_saved"`
	RefocusMinutesLost          float64 `json:"refocus_minutes_lost"`
	MeetingPersonMinutesAvoided int     `json:"meeting_person_minutes_avoided"`
}

// ChannelCount splits a channel's incoming interruptions by outcome.
type ChannelCount struct {
	Taken    int `json:"taken"`
	Deferred int `json:"deferred"`
}

// Day is one day of a week.
type Day struct {
	Date string `json:"date"` // 2026-11-23
	Tally
}

// Stats are a week's figures: its totals, its days, its interruptions by
// channel, and the change against the week before.
type Stats struct {
	Week string `json:"week"` // 2026-W48
	From string `json:"from"` // the Monday
	To   string `json:"to"`   // the Sunday
	Tally
	ByChannel      map[Channel]ChannelCount `json:"by_channel"`
	StreakDays     int                      `json:"streak_days"`
	RefocusMinutes float64                  `json:"refocus_minutes"` // the model's minutes per interruption
	Change         Tally                    `json:"change"`          // this week minus the week before
	Days           []Day                    `json:"days"`

	// Devices breaks the week down by the device that logged each event,
	// for a week synced across devices (see the README's "Several devices").
	// Each device's focus is its own sessions in full, so the devices' focus
	// adds up to more than the week's when sessions overlapped.
	Devices []DeviceTally `json:"devices,omitempty"`
}

// DeviceTally is one device's part of a week.
type DeviceTally struct {
	Device string `json:"device"` // its id; empty for events logged here before sync was set up
	Name   string `json:"name"`
	Tally
}

// Empty reports whether nothing at all happened in the week.
func (s *Stats) Empty() bool {
	t := s.Tally
	return t.FocusMinutes == 0 && t.SessionsCompleted+t.SessionsAbandoned == 0 &&
		t.Interruptions == 0 && t.DecisionsSync+t.DecisionsAsync == 0
}

// Summarize computes a week's stats from its log and the log of the week
// before, with refocus minutes per interruption and a streak counted by the
// caller. Session focus time counts on the day the session started; a session
// still running counts what it has had by now.
func Summarize(w Week, now time.Time, this, prev Log, refocus float64, streak int) Stats {
	s := Stats{
		Week:           w.String(),
		From:           w.Start().Format(time.DateOnly),
		To:             w.Day(6).Format(time.DateOnly),
		ByChannel:      map[Channel]ChannelCount{},
		StreakDays:     streak,
		RefocusMinutes: refocus,
	}
	// Refocus minutes are rounded once, where shown: summing days already
	// rounded would drift from refocus x count (7 x 23.25 is 162.75, but
	// 7 x 23.3 is 163.1).
	days := tallyDays(w, now, this, refocus, s.ByChannel)
	s.Days = make([]Day, 7)
	for i := range days {
		s.Days[i] = Day{Date: w.Day(i).Format(time.DateOnly), Tally: days[i].rounded()}
		s.Tally.add(days[i])
	}
	var before Tally
	for _, d := range tallyDays(w.Prev(), now, prev, refocus, nil) {
		before.add(d)
	}
	s.Change = s.Tally.minus(before).rounded()
	s.Tally = s.Tally.rounded()
	s.Devices = byDevice(w, now, this, refocus)
	return s
}

// byDevice tallies each device's part of a week's log, in the order the
// devices first appear in it; nil when no event names a device.
func byDevice(w Week, now time.Time, log Log, refocus float64) []DeviceTally {
	parts := map[string]*Log{}
	var order []string
	part := func(dev string) *Log {
		l, ok := parts[dev]
		if !ok {
			l = &Log{}
			parts[dev] = l
			order = append(order, dev)
		}
		return l
	}
	for _, se := range log.Sessions {
		l := part(se.Device)
		l.Sessions = append(l.Sessions, se)
	}
	for _, in := range log.Interruptions {
		l := part(in.Device)
		l.Interruptions = append(l.Interruptions, in)
	}
	for _, d := range log.Decisions {
		l := part(d.Device)
		l.Decisions = append(l.Decisions, d)
	}
	if len(order) == 1 && order[0] == "" {
		return nil // not synced: one device, the week itself
	}
	out := make([]DeviceTally, 0, len(order))
	for _, dev := range order {
		var t Tally
		for _, d := range tallyDays(w, now, *parts[dev], refocus, nil) {
			t.add(d)
		}
		out = append(out, DeviceTally{Device: dev, Tally: t.rounded()})
	}
	return out
}

// tallyDays counts a week's log day by day, and its incoming interruptions
// by channel into byChannel when that is not nil.
func tallyDays(w Week, now time.Time, log Log, refocus float64, byChannel map[Channel]ChannelCount) [7]Tally {
	var days [7]Tally
	var focus [7]time.Duration
	var bounds [8]int64 // each day's first nanosecond, and the next Monday's
	for i := range bounds {
		bounds[i] = w.Day(i).UnixNano()
	}
	dayOf := func(t time.Time) int {
		n := t.UnixNano()
		for i := 6; i >= 0; i-- {
			if n >= bounds[i] {
				if n < bounds[i+1] {
					return i
				}
				break
			}
		}
		return -1
	}
	in := make([]Session, 0, len(log.Sessions))
	for i := range log.Sessions {
		se := &log.Sessions[i]
		d := dayOf(se.Start)
		if d < 0 {
			continue
		}
		in = append(in, *se)
		switch se.Result {
		case Completed:
			days[d].SessionsCompleted++
		case Abandoned:
			days[d].SessionsAbandoned++
		}
	}
	for _, st := range stretches(in, now) {
		focus[dayOf(st.start)] += st.focus
	}
	for i := range log.Interruptions {
		in := &log.Interruptions[i]
		d := dayOf(in.At)
		if d < 0 {
			continue
		}
		t := &days[d]
		switch {
		case in.Direction == Incoming && in.Outcome == Taken:
			t.Interruptions++
			t.InterruptionsTaken++
			t.RefocusMinutesLost += refocus
		case in.Direction == Incoming:
			t.Interruptions++
			t.InterruptionsDeferred++
			t.RefocusMinutesSaved += refocus
		case in.Outcome == Taken: // an outgoing ping sent at once is a sync choice
			t.DecisionsSync++
		default:
			t.DecisionsAsync++
			t.RefocusMinutesSaved += refocus * float64(in.People)
		}
		if byChannel != nil && in.Direction == Incoming {
			c := byChannel[in.Channel]
			if in.Outcome == Taken {
				c.Taken++
			} else {
				c.Deferred++
			}
			byChannel[in.Channel] = c
		}
	}
	for i := range log.Decisions {
		de := &log.Decisions[i]
		d := dayOf(de.At)
		if d < 0 {
			continue
		}
		t := &days[d]
		if de.Chosen == Sync {
			t.DecisionsSync++
			continue
		}
		t.DecisionsAsync++
		t.RefocusMinutesSaved += refocus * float64(de.People)
		t.MeetingPersonMinutesAvoided += de.Minutes * de.People
	}
	for i := range days {
		days[i].FocusMinutes = int(math.Round(focus[i].Minutes()))
	}
	return days
}

// stretch is a run of sessions that overlap in time, and the focus time
// they count together.
type stretch struct {
	start time.Time
	focus time.Duration
}

// stretches groups sessions that overlap in time into stretches. One person
// cannot focus twice at once, so sessions that overlap (one started on the
// laptop, another on the desktop before the first was stopped) count their
// focus time together but never more than the wall-clock time from the
// stretch's first start to its last end. Where in a session its pauses fell
// is not kept, so the cap is the fairest bound: a session left running on
// one device while the person works on another was most likely paused, by
// hand or by the away timer, for the overlap. A session alone is its own
// stretch and counts its focus time in full.
func stretches(sessions []Session, now time.Time) []stretch {
	type span struct {
		start, end time.Time
		focus      time.Duration
	}
	spans := make([]span, len(sessions))
	for i := range sessions {
		se := &sessions[i]
		end := se.End
		if end.IsZero() {
			end = now
		}
		spans[i] = span{se.Start, end, se.Focused(now)}
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start.UnixNano(), b.start.UnixNano()) })
	var out []stretch
	var last time.Time // the current stretch's end
	var sum time.Duration
	flush := func() {
		if n := len(out); n > 0 {
			out[n-1].focus = min(sum, last.Sub(out[n-1].start))
		}
	}
	for _, sp := range spans {
		if len(out) == 0 || !sp.start.Before(last) {
			flush()
			out = append(out, stretch{start: sp.start})
			last, sum = sp.end, 0
		}
		sum += sp.focus
		if sp.end.After(last) {
			last = sp.end
		}
	}
	flush()
	return out
}

func (t *Tally) add(o Tally) {
	t.FocusMinutes += o.FocusMinutes
	t.SessionsCompleted += o.SessionsCompleted
	t.SessionsAbandoned += o.SessionsAbandoned
	t.Interruptions += o.Interruptions
	t.InterruptionsTaken += o.InterruptionsTaken
	t.InterruptionsDeferred += o.InterruptionsDeferred
	t.DecisionsSync += o.DecisionsSync
	t.DecisionsAsync += o.DecisionsAsync
	t.RefocusMinutesSaved += o.RefocusMinutesSaved
	t.RefocusMinutesLost += o.RefocusMinutesLost
	t.MeetingPersonMinutesAvoided += o.MeetingPersonMinutesAvoided
}

func (t Tally) minus(o Tally) Tally {
	return Tally{
		FocusMinutes:                t.FocusMinutes - o.FocusMinutes,
		SessionsCompleted:           t.SessionsCompleted - o.SessionsCompleted,
		SessionsAbandoned:           t.SessionsAbandoned - o.SessionsAbandoned,
		Interruptions:               t.Interruptions - o.Interruptions,
		InterruptionsTaken:          t.InterruptionsTaken - o.InterruptionsTaken,
		InterruptionsDeferred:       t.InterruptionsDeferred - o.InterruptionsDeferred,
		DecisionsSync:               t.DecisionsSync - o.DecisionsSync,
		DecisionsAsync:              t.DecisionsAsync - o.DecisionsAsync,
		RefocusMinutesSaved:         t.RefocusMinutesSaved - o.RefocusMinutesSaved,
		RefocusMinutesLost:          t.RefocusMinutesLost - o.RefocusMinutesLost,
		MeetingPersonMinutesAvoided: t.MeetingPersonMinutesAvoided - o.MeetingPersonMinutesAvoided,
	}
}

// rounded returns t with its refocus minutes to one decimal, as shown.
func (t Tally) rounded() Tally {
	t.RefocusMinutesSaved = round1(t.RefocusMinutesSaved)
	t.RefocusMinutesLost = round1(t.RefocusMinutesLost)
	return t
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// Streak counts consecutive days with at least one completed session. It is
// fed the end times of completed sessions, latest first, and counts back from
// the anchor day; when the anchor day has none yet (today, before the first
// session is done), the streak still runs from the day before.
type Streak struct {
	Days   int
	anchor time.Time // midnight UTC of the anchor's calendar day
	want   time.Time // the day that continues the streak
	loc    *time.Location
}

// NewStreak starts counting back from the calendar day of anchor.
func NewStreak(anchor time.Time) *Streak {
	d := civil(anchor, anchor.Location())
	return &Streak{anchor: d, want: d, loc: anchor.Location()}
}

// See takes the next completed session's end, and reports whether the
// streak may continue further back.
func (s *Streak) See(end time.Time) bool {
	d := civil(end, s.loc)
	switch {
	case d.After(s.want):
		return true // later than the anchor, or a second session on a counted day
	case d.Equal(s.want):
		s.Days++
		s.want = d.AddDate(0, 0, -1)
		return true
	case s.Days == 0 && s.want.Equal(s.anchor) && d.Equal(s.anchor.AddDate(0, 0, -1)):
		s.Days = 1
		s.want = d.AddDate(0, 0, -1)
		return true
	}
	return false
}

// civil returns t's calendar day in loc as midnight UTC, so that stepping
// days is never thrown off by a DST change.
func civil(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
