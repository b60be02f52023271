package calendar

import (
	"strings"
	"testing"
	"time"
)

// FuzzParse feeds the parser and the expansion anything: no panic, errors
// and skipped events in one line each, and expansion bounded.
func FuzzParse(f *testing.F) {
	for _, s := range []string{googleCalendar, outlookCalendar, thunderbirdCalendar, appleCalendar,
		ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20261207T090000Z", "RRULE:FREQ=HOURLY;COUNT=100000", "END:VEVENT", "END:VCALENDAR")} {
		f.Add(s)
	}
	from := time.Date(2026, 12, 7, 0, 0, 0, 0, berlin)
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(strings.NewReader(s))
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error on more than one line: %q", err)
			}
			return
		}
		for _, sk := range c.Skipped {
			if strings.Contains(sk, "\n") {
				t.Fatalf("skipped on more than one line: %q", sk)
			}
		}
		c.Summarize(week(&testing.T{}, "2026-W50", berlin), Options{WorkStart: 9 * time.Hour, WorkEnd: 17 * time.Hour})
		c.Expand(from, from.AddDate(0, 0, 7), time.UTC)
	})
}
