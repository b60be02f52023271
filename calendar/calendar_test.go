package calendar

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/teambition/rrule-go"
)

var (
	berlin  = mustZone("Europe/Berlin")
	newYork = mustZone("America/New_York")
)

func mustZone(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

func mustParse(t *testing.T, s string) *Calendar {
	t.Helper()
	c, err := Parse(strings.NewReader(s))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if len(c.Skipped) > 0 {
		t.Fatalf("skipped: %v", c.Skipped)
	}
	return c
}

func week(t *testing.T, s string, loc *time.Location) focus.Week {
	t.Helper()
	w, err := focus.ParseWeek(s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// line describes a meeting as the tests expect it: its title, its start in
// the week's zone and its people.
func line(m Meeting, loc *time.Location) string {
	return fmt.Sprintf("%s %s %dp", m.Start.In(loc).Format("Mon 15:04"), m.Title, m.People)
}

func TestMeetingsInRealShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, cal, week string
		loc             *time.Location
		me              []string
		want            []string
		async           []string // titles the advisor would hold in writing
	}{
		{"google: the moved instance, not the original", googleCalendar, "2026-W50", berlin, []string{"dana@example.com"},
			[]string{"Tue 14:00 Weekly status update (moved) 8p"}, []string{"Weekly status update (moved)"}},
		{"google: EXDATE removes an instance", googleCalendar, "2026-W49", berlin, []string{"dana@example.com"}, nil, nil},
		{"google: a cancelled instance is gone", googleCalendar, "2026-W51", berlin, []string{"dana@example.com"}, nil, nil},
		{"google: the series; declined, tentative and rooms counted right", googleCalendar, "2026-W48", berlin, []string{"DANA@example.com"},
			[]string{"Mon 10:00 Weekly status update 8p"}, []string{"Weekly status update"}},
		{"outlook: Windows zone names, 1:1 stays sync", outlookCalendar, "2026-W50", berlin, []string{"dana@corp.example"},
			[]string{"Wed 16:00 1:1 Sam / Dana 2p", "Fri 11:00 All-hands readout: FYI on the quarter's numbers 3p"},
			[]string{"All-hands readout: FYI on the quarter's numbers"}},
		{"outlook: UNTIL in UTC with EXDATE", outlookCalendar, "2026-W51", berlin, []string{"dana@corp.example"}, nil, nil},
		{"thunderbird: 2nd Thursday and an RDATE", thunderbirdCalendar, "2026-W50", berlin, []string{"dana@example.com"},
			[]string{"Thu 15:00 Brainstorm: onboarding ideas 3p", "Fri 15:00 Brainstorm: onboarding ideas 3p"}, nil},
		{"thunderbird: COUNT ends the series", thunderbirdCalendar, "2027-W06", berlin, []string{"dana@example.com"}, nil, nil},
		{"apple: 09:00 New York before DST ends", appleCalendar, "2026-W44", newYork, []string{"dana@icloud.example"},
			[]string{"Mon 09:00 Standup 2p"}, []string{"Standup"}},
		// A standup is a status round, which the async guides write down;
		// lunch with a colleague is rapport, and stays.
		{"apple: 09:00 New York after DST ends; floating lunch at noon", appleCalendar, "2026-W50", newYork, []string{"dana@icloud.example"},
			[]string{"Mon 09:00 Standup 2p", "Tue 12:00 Lunch with Max 2p"}, []string{"Standup"}},
		{"apple: floating lunch at noon in Berlin too", appleCalendar, "2026-W50", berlin, []string{"dana@icloud.example"},
			[]string{"Mon 15:00 Standup 2p", "Tue 12:00 Lunch with Max 2p"}, []string{"Standup"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := mustParse(t, tc.cal)
			w, notes := c.Summarize(week(t, tc.week, tc.loc), Options{Me: tc.me, WorkStart: 9 * time.Hour, WorkEnd: 17 * time.Hour})
			if len(notes) > 0 {
				t.Errorf("notes: %v", notes)
			}
			var got []string
			for _, m := range w.List {
				got = append(got, line(m, tc.loc))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("meetings:\n got %q\nwant %q", got, tc.want)
			}
			var async []string
			for _, a := range w.CouldBeAsync {
				async = append(async, a.Title)
				if len(a.Reasons) == 0 {
					t.Errorf("%q: no reasons", a.Title)
				}
			}
			if strings.Join(async, "\n") != strings.Join(tc.async, "\n") {
				t.Errorf("could be async: got %q, want %q", async, tc.async)
			}
			if w.Meetings != len(tc.want) {
				t.Errorf("meetings = %d, want %d", w.Meetings, len(tc.want))
			}
		})
	}
}

func TestWeekTotals(t *testing.T) {
	t.Parallel()
	c := mustParse(t, outlookCalendar)
	w, _ := c.Summarize(week(t, "2026-W50", berlin), Options{Me: []string{"dana@corp.example"}, WorkStart: 9 * time.Hour, WorkEnd: 17 * time.Hour})
	// 1:1 30 min × 2, readout 60 min × 3 (recurring).
	if w.MeetingMinutes != 90 || w.PersonMinutes != 240 || w.RecurringPersonMinutes != 180 {
		t.Errorf("minutes %d, person %d, recurring %d; want 90, 240, 180", w.MeetingMinutes, w.PersonMinutes, w.RecurringPersonMinutes)
	}
	// Working hours 9-17 on five days is 2400 minutes; Wednesday loses
	// 16:00-16:30, and 16:30-17:00 is too short to count; Friday loses
	// 11:00-12:00 (9-11 and 12-17 both count).
	if want := 2400 - 60 - 60; w.FocusMinutesAvailable != want {
		t.Errorf("focus minutes = %d, want %d", w.FocusMinutesAvailable, want)
	}
	if len(w.CouldBeAsync) != 1 {
		t.Fatalf("could be async: %+v", w.CouldBeAsync)
	}
	// Left this year after 7 December: 11 and 25 December (18th excluded):
	// 2 × 60 min × 3 people.
	if a := w.CouldBeAsync[0]; a.YearlyPersonHours != 6 || !a.Recurring || a.PersonMinutes != 180 {
		t.Errorf("readout: %+v", a)
	}
}

// Declined events and free ones are not busy; a meeting of one is busy but
// not a meeting.
func TestFocusBlocksAroundBusyTime(t *testing.T) {
	t.Parallel()
	cal := ics("BEGIN:VCALENDAR", "VERSION:2.0",
		"BEGIN:VEVENT", "UID:dentist", "SUMMARY:Dentist", "DTSTART;TZID=Europe/Berlin:20261207T110000", "DTEND;TZID=Europe/Berlin:20261207T120000", "END:VEVENT",
		"BEGIN:VEVENT", "UID:declined", "SUMMARY:Pitch", "DTSTART;TZID=Europe/Berlin:20261207T140000", "DTEND;TZID=Europe/Berlin:20261207T150000",
		"ATTENDEE;PARTSTAT=DECLINED:mailto:me@x.example", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:you@x.example", "END:VEVENT",
		"END:VCALENDAR")
	c := mustParse(t, cal)
	w, _ := c.Summarize(week(t, "2026-W50", berlin), Options{Me: []string{"me@x.example"}, WorkStart: 9 * time.Hour, WorkEnd: 17 * time.Hour, MinFocusBlock: 90 * time.Minute})
	// Monday: 9-11 (120) and 12-17 (300); the rest of the week 4 × 480.
	if want := 120 + 300 + 4*480; w.FocusMinutesAvailable != want || w.Meetings != 0 {
		t.Errorf("focus %d (want %d), meetings %d (want 0)", w.FocusMinutesAvailable, want, w.Meetings)
	}
	if len(w.FocusBlocks) != 6 || w.FocusBlocks[0].End.In(berlin).Format("15:04") != "11:00" ||
		w.FocusBlocks[1].Start.In(berlin).Format("Mon 15:04") != "Mon 12:00" {
		t.Errorf("focus blocks: %v", w.FocusBlocks)
	}
}

// Hourly series run on real time: across the end of DST in Berlin, four
// hourly instances are an hour apart each, 01:00 and 02:00 summer time,
// then 02:00 and 03:00 winter time. rrule-go alone gets this wrong (#63).
func TestHourlyAcrossDST(t *testing.T) {
	t.Parallel()
	c := mustParse(t, ics("BEGIN:VCALENDAR",
		"BEGIN:VEVENT", "UID:h", "SUMMARY:Pager", "DTSTART;TZID=Europe/Berlin:20261025T010000", "DURATION:PT15M",
		"RRULE:FREQ=HOURLY;COUNT=4", "END:VEVENT", "END:VCALENDAR"))
	from := time.Date(2026, 10, 24, 0, 0, 0, 0, time.UTC)
	occ, _ := c.Expand(from, from.AddDate(0, 0, 3), berlin)
	var got []string
	for _, o := range occ {
		got = append(got, o.Start.UTC().Format("15:04Z"))
	}
	if want := "23:00Z 00:00Z 01:00Z 02:00Z"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// A daily series keeps its wall-clock time across DST, in the event's zone.
func TestDailyKeepsWallClockAcrossDST(t *testing.T) {
	t.Parallel()
	c := mustParse(t, ics("BEGIN:VCALENDAR",
		"BEGIN:VEVENT", "UID:d", "SUMMARY:Check-in", "DTSTART;TZID=W. Europe Standard Time:20261023T090000", "DURATION:PT15M",
		"RRULE:FREQ=DAILY", "END:VEVENT", "END:VCALENDAR"))
	from := time.Date(2026, 10, 24, 0, 0, 0, 0, berlin)
	occ, _ := c.Expand(from, from.AddDate(0, 0, 3), time.UTC)
	var got []string
	for _, o := range occ {
		got = append(got, o.Start.In(berlin).Format("02 15:04 MST"))
	}
	if want := "24 09:00 CEST 25 09:00 CET 26 09:00 CET"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestBoundedExpansion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, rule, start string
		want              int
		note              bool
	}{
		{"RRULE without an end: bounded by the window", "FREQ=DAILY", "20200101T090000Z", 7, false},
		{"COUNT=100000 starting in the window: bounded by the window", "FREQ=HOURLY;COUNT=100000", "20261207T000000Z", 7 * 24, false},
		{"COUNT=100000 starting years before: cut short, said so", "FREQ=HOURLY;COUNT=100000", "20200101T000000Z", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := mustParse(t, ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:x", "SUMMARY:Busy", "DTSTART:"+tc.start,
				"DURATION:PT1M", "RRULE:"+tc.rule, "END:VEVENT", "END:VCALENDAR"))
			from := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
			occ, notes := c.Expand(from, from.AddDate(0, 0, 7), time.UTC)
			if len(occ) != tc.want {
				t.Errorf("%d occurrences, want %d", len(occ), tc.want)
			}
			if (len(notes) > 0) != tc.note {
				t.Errorf("notes %q, want a note: %v", notes, tc.note)
			}
		})
	}
}

func TestMalformed(t *testing.T) {
	t.Parallel()
	ev := func(lines ...string) string {
		return ics(append(append([]string{"BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:1", "SUMMARY:X"}, lines...), "END:VEVENT", "END:VCALENDAR")...)
	}
	tests := []struct {
		name, in string
		err      string // the whole file is refused with this
		skipped  string // or the event is left out with this
	}{
		{"broken folding", ev("DTSTART:20261207T090000Z", "DESCRIPTION:a long line that was", "folded without its space"), "line 7: \"folded without its space\" is not a property", ""},
		{"broken folding with a colon", ev("DTSTART:20261207T090000Z", "DESCRIPTION:agenda", "next steps: decide"), "is not a property name", ""},
		{"a continuation first", " BEGIN:VCALENDAR\r\n", "line 1: a folded continuation line", ""},
		{"missing END", ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:1", "DTSTART:20261207T090000Z", "END:VCALENDAR"), "END:VCALENDAR where END:VEVENT (begun on line 2) was due", ""},
		{"missing END at the end", ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20261207T090000Z"), "the file ends inside VEVENT (begun on line 2): END:VEVENT is missing", ""},
		{"not a calendar", "<html>Sign in</html>\n", "is not a property", ""},
		{"empty", "", "not an iCalendar file", ""},
		{"unterminated quote", ev(`DTSTART;TZID="Europe/Berlin:20261207T090000`), "unterminated quote", ""},
		{"unknown TZID", ev("DTSTART;TZID=Mars/Olympus_Mons:20261207T090000"), "", `event "X": line 5: unknown time zone "Mars/Olympus_Mons"`},
		{"unknown Windows-style TZID with DST rules", ics("BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "TZID:Customized Time Zone",
			"BEGIN:STANDARD", "TZOFFSETTO:+0100", "END:STANDARD", "BEGIN:DAYLIGHT", "TZOFFSETTO:+0200", "END:DAYLIGHT", "END:VTIMEZONE",
			"BEGIN:VEVENT", "UID:1", "SUMMARY:X", "DTSTART;TZID=Customized Time Zone:20261207T090000", "END:VEVENT", "END:VCALENDAR"), "", `unknown time zone "Customized Time Zone"`},
		{"bad date", ev("DTSTART:2026-12-07"), "", `DTSTART "2026-12-07" is not a date-time`},
		{"bad RRULE", ev("DTSTART:20261207T090000Z", "RRULE:FREQ=SOMETIMES"), "", "RRULE"},
		{"no DTSTART", ev(), "", "no DTSTART"},
		{"every second", ev("DTSTART:20261207T090000Z", "RRULE:FREQ=SECONDLY;COUNT=100000"), "", "repeats every minute or second"},
		{"hourly by date", ev("DTSTART:20261207T090000Z", "RRULE:FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30"), "", "an hourly rule filtered by date"},
		{"30 February", ev("DTSTART:20261207T090000Z", "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"), "", "never happens"},
		{"31 April and June", ev("DTSTART:20261207T090000Z", "RRULE:FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31"), "", "never happens"},
		{"the sixth Monday", ev("DTSTART:20261207T090000Z", "RRULE:FREQ=MONTHLY;BYDAY=6MO"), "", "never happens"},
		{"ends before it starts", ev("DTSTART:20261207T090000Z", "DTEND:20261207T080000Z"), "", "ends before it starts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := Parse(strings.NewReader(tc.in))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("error %v, want one line with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Events) != 0 || len(c.Skipped) != 1 || !strings.Contains(c.Skipped[0], tc.skipped) {
				t.Errorf("events %d, skipped %q; want the event skipped with %q", len(c.Events), c.Skipped, tc.skipped)
			}
		})
	}
}

// endless is an endless calendar-looking stream.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

func TestSizeLimit(t *testing.T) {
	t.Parallel()
	_, err := Parse(io.LimitReader(endless{}, 50<<20))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("a 50 MB file: %v, want ErrTooLarge", err)
	}
}

// Starting the walk near the window (skipAhead) must give exactly the
// instances a walk from DTSTART gives, for every kind of rule, in windows
// across years.
func TestSkipAheadKeepsInstances(t *testing.T) {
	t.Parallel()
	rules := []string{
		"FREQ=DAILY", "FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;BYDAY=MO,WE,FR",
		"FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH", "FREQ=WEEKLY;INTERVAL=3;WKST=SU;BYDAY=SU,MO",
		"FREQ=MONTHLY", "FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
		"FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=YEARLY", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=YEARLY;INTERVAL=2",
		"FREQ=WEEKLY;UNTIL=20290101T000000Z;BYDAY=WE",
	}
	starts := []string{"20240131T093000", "20240229T170000", "20231105T080000"}
	for _, rule := range rules {
		for _, start := range starts {
			c := mustParse(t, ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:s", "SUMMARY:S",
				"DTSTART;TZID=Europe/Berlin:"+start, "DURATION:PT30M", "RRULE:"+rule, "END:VEVENT", "END:VCALENDAR"))
			e := c.Events[0]
			ref, err := rruleFrom(e)
			if err != nil {
				t.Fatal(err)
			}
			for _, from := range []time.Time{time.Date(2024, 6, 3, 0, 0, 0, 0, berlin), time.Date(2026, 2, 23, 0, 0, 0, 0, berlin), time.Date(2028, 12, 25, 0, 0, 0, 0, berlin)} {
				to := from.AddDate(0, 0, 35)
				occ, _ := c.Expand(from, to, berlin)
				var got, want []string
				for _, o := range occ {
					got = append(got, o.Start.Format("2006-01-02 15:04 MST"))
				}
				for _, w := range ref.Between(wallOf(from.Add(-time.Hour)), wallOf(to), true) {
					s := stamp{wall: w, loc: berlin}.in(berlin)
					if !s.Before(from) && s.Before(to) {
						want = append(want, s.Format("2006-01-02 15:04 MST"))
					}
				}
				if strings.Join(got, ",") != strings.Join(want, ",") {
					t.Errorf("%s from %s, window %s:\n got %v\nwant %v", rule, start, from.Format("2006-01-02"), got, want)
				}
			}
		}
	}
}

func wallOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// rruleFrom is the rule walked from DTSTART, as the library does alone.
func rruleFrom(e *Event) (*rrule.RRule, error) {
	o := *e.rule
	if !o.Until.IsZero() {
		u := o.Until.In(e.start.loc)
		o.Until = wallOf(u)
	}
	return rrule.NewRRule(o)
}

// The gaps between what exporters write and what the library does, each on
// its own: the instants in the week 2026-W50, in Berlin.
func TestRecurrenceGaps(t *testing.T) {
	t.Parallel()
	series := func(lines ...string) string {
		return ics(append(append([]string{"BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:s", "SUMMARY:S"}, lines...), "END:VCALENDAR")...)
	}
	tests := []struct {
		name, cal string
		want      string
	}{
		{"RECURRENCE-ID in UTC for a zoned series", series(
			"DTSTART;TZID=Europe/Berlin:20261130T100000", "DURATION:PT30M", "RRULE:FREQ=DAILY;COUNT=10", "END:VEVENT",
			"BEGIN:VEVENT", "UID:s", "SUMMARY:S moved", "RECURRENCE-ID:20261208T090000Z", "DTSTART;TZID=Europe/Berlin:20261208T150000", "DURATION:PT30M", "END:VEVENT"),
			"Mon 10:00 S|Tue 15:00 S moved|Wed 10:00 S"},
		{"a date EXDATE on a timed series removes that day", series(
			"DTSTART;TZID=Europe/Berlin:20261207T100000", "DURATION:PT30M", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE;VALUE=DATE:20261208", "END:VEVENT"),
			"Mon 10:00 S|Wed 10:00 S"},
		{"DTSTART that the rule does not match is still the first", series(
			"DTSTART;TZID=Europe/Berlin:20261207T100000", "DURATION:PT30M", "RRULE:FREQ=WEEKLY;BYDAY=WE,FR;COUNT=2", "END:VEVENT"),
			"Mon 10:00 S|Wed 10:00 S|Fri 10:00 S"},
		{"an all-day series with a date EXDATE", series(
			"DTSTART;VALUE=DATE:20261207", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE;VALUE=DATE:20261208", "END:VEVENT"),
			"Mon 00:00 S|Wed 00:00 S"},
		{"RDATE periods and lists", series(
			"DTSTART;TZID=Europe/Berlin:20261207T100000", "DURATION:PT30M", "RDATE;VALUE=PERIOD:20261209T120000Z/PT1H,20261210T120000Z/PT1H", "END:VEVENT"),
			"Mon 10:00 S|Wed 13:00 S|Thu 13:00 S"},
		{"a cancelled series, with its moved instance", series(
			"DTSTART;TZID=Europe/Berlin:20261207T100000", "DURATION:PT30M", "RRULE:FREQ=DAILY", "STATUS:CANCELLED", "END:VEVENT",
			"BEGIN:VEVENT", "UID:s", "SUMMARY:S moved", "RECURRENCE-ID:20261208T090000Z", "DTSTART:20261208T140000Z", "DURATION:PT30M", "END:VEVENT"), ""},
		{"an override without its series (Google shares single instances so)", ics("BEGIN:VCALENDAR",
			"BEGIN:VEVENT", "UID:orphan", "SUMMARY:O", "RECURRENCE-ID:20261209T090000Z", "DTSTART:20261209T090000Z", "DURATION:PT1H", "END:VEVENT", "END:VCALENDAR"),
			"Wed 10:00 O"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := mustParse(t, tc.cal)
			w := week(t, "2026-W50", berlin)
			occ, notes := c.Expand(w.Start(), w.End(), berlin)
			var got []string
			for _, o := range occ {
				got = append(got, o.Start.In(berlin).Format("Mon 15:04")+" "+o.Title)
			}
			if strings.Join(got, "|") != tc.want || len(notes) > 0 {
				t.Errorf("got %q (notes %q), want %q", strings.Join(got, "|"), notes, tc.want)
			}
		})
	}
}
