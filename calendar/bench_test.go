package calendar

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// bigCalendar is three busy years (2025 to 2027) in Berlin: 4,800 single
// events and 200 recurring series (weekly, daily, monthly, some ending by
// COUNT or UNTIL, with EXDATEs and moved instances), 5,000 masters in all,
// each with two to eight people.
func bigCalendar() string {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n")
	start := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	attendees := func(n int) {
		b.WriteString("ORGANIZER;CN=Lee:mailto:lee@example.com\r\n")
		for i := range n {
			fmt.Fprintf(&b, "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Person %d:mailto:p%d@example.com\r\n", i, i)
		}
	}
	titles := []string{"Weekly status update", "1:1", "Design review", "Sprint demo", "Planning", "Customer call", "Brainstorm", "FYI: numbers readout"}
	for i := range 4800 {
		day := start.AddDate(0, 0, (i*7/5)%1090)
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			day = day.AddDate(0, 0, 2)
		}
		t := day.Add(time.Duration(9+i%8) * time.Hour)
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:single-%d@bench\r\nDTSTAMP:20250101T000000Z\r\n", i)
		fmt.Fprintf(&b, "DTSTART;TZID=Europe/Berlin:%s\r\nDTEND;TZID=Europe/Berlin:%s\r\n", t.Format("20060102T150405"), t.Add(time.Duration(30+30*(i%3))*time.Minute).Format("20060102T150405"))
		fmt.Fprintf(&b, "SUMMARY:%s %d\r\nDESCRIPTION:Agenda for the meeting\\nJoin: https://meet.example.com/%d\r\n", titles[i%len(titles)], i, i)
		attendees(1 + i%7)
		b.WriteString("END:VEVENT\r\n")
	}
	rules := []string{"FREQ=WEEKLY;BYDAY=MO", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "FREQ=MONTHLY;BYDAY=2TU",
		"FREQ=WEEKLY;COUNT=52", "FREQ=WEEKLY;UNTIL=20261231T230000Z;BYDAY=WE"}
	for i := range 200 {
		t := start.AddDate(0, 0, i%5).Add(time.Duration(8+i%9) * time.Hour)
		uid := fmt.Sprintf("series-%d@bench", i)
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20250101T000000Z\r\n", uid)
		fmt.Fprintf(&b, "DTSTART;TZID=Europe/Berlin:%s\r\nDTEND;TZID=Europe/Berlin:%s\r\n", t.Format("20060102T150405"), t.Add(30*time.Minute).Format("20060102T150405"))
		fmt.Fprintf(&b, "RRULE:%s\r\nEXDATE;TZID=Europe/Berlin:%s\r\n", rules[i%len(rules)], t.AddDate(0, 0, 28).Format("20060102T150405"))
		fmt.Fprintf(&b, "SUMMARY:%s (series %d)\r\n", titles[i%len(titles)], i)
		attendees(2 + i%6)
		b.WriteString("END:VEVENT\r\n")
		moved := t.AddDate(0, 0, 56)
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%s\r\nRECURRENCE-ID;TZID=Europe/Berlin:%s\r\n", uid, moved.Format("20060102T150405"))
		fmt.Fprintf(&b, "DTSTART;TZID=Europe/Berlin:%s\r\nDTEND;TZID=Europe/Berlin:%s\r\nSUMMARY:moved\r\n", moved.Add(time.Hour).Format("20060102T150405"), moved.Add(90*time.Minute).Format("20060102T150405"))
		attendees(2)
		b.WriteString("END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.String()
}

// BenchmarkExpandThreeYears parses the three-year calendar and expands
// every occurrence in it (goal: under 200 ms).
func BenchmarkExpandThreeYears(b *testing.B) {
	data := bigCalendar()
	from := time.Date(2025, 1, 1, 0, 0, 0, 0, berlin)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	n := 0
	for b.Loop() {
		c, err := Parse(strings.NewReader(data))
		if err != nil || len(c.Skipped) > 0 {
			b.Fatal(err, c.Skipped)
		}
		occ, _ := c.Expand(from, from.AddDate(3, 0, 0), berlin)
		n = len(occ)
	}
	b.ReportMetric(float64(n), "occurrences")
}

// BenchmarkWeekMeetings is `pingwise meetings` once synced: read the last
// good copy from disk, parse it, price one week (goal: under 20 ms). It
// reports the heap the parsed calendar holds.
func BenchmarkWeekMeetings(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "big.ics")
	if err := os.WriteFile(path, []byte(bigCalendar()), 0o600); err != nil {
		b.Fatal(err)
	}
	s := &Syncer{Dir: filepath.Join(dir, "calendars"), Clock: fixedClock{syncedAt}}
	src := Source{Name: "big", URL: path, Kind: KindFile}
	if _, err := s.Sync(context.Background(), src); err != nil {
		b.Fatal(err)
	}
	w := week(&testing.T{}, "2026-W24", berlin)
	opt := Options{Me: []string{"p0@example.com"}, WorkStart: 9 * time.Hour, WorkEnd: 17 * time.Hour}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cal, _, err := s.Load(src)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(cal)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-held")
	b.ReportAllocs()
	meetings := 0
	for b.Loop() {
		cal, _, err := s.Load(src)
		if err != nil {
			b.Fatal(err)
		}
		r, _ := cal.Summarize(w, opt)
		meetings = r.Meetings
	}
	b.ReportMetric(float64(meetings), "meetings")
}
