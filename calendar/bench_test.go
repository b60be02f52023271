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
	cpu := cpuTime()
	for b.Loop() {
		c, err := Parse(strings.NewReader(data))
		if err != nil || len(c.Skipped) > 0 {
			b.Fatal(err, c.Skipped)
		}
		occ, _ := c.Expand(from, from.AddDate(3, 0, 0), berlin)
		n = len(occ)
	}
	b.ReportMetric(float64(n), "occurrences")
	reportCPU(b, cpu)
}

// syncedBig syncs the three-year calendar into a temporary data folder.
func syncedBig(b *testing.B) (*Syncer, Source) {
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
	return s, src
}

var benchOptions = Options{Me: []string{"p0@example.com"}, WorkStart: 9 * time.Hour, WorkEnd: 17 * time.Hour}

// BenchmarkWeekMeetings is a week's meetings in process once synced, as
// the app holds the calendar: expand the week, price it, ask the advisor
// of each meeting (goal: under 20 ms). Each run a different week, so no
// answer is reused. It reports the heap the parsed calendar holds.
func BenchmarkWeekMeetings(b *testing.B) {
	s, src := syncedBig(b)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cal, _, err := s.Load(src)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	held := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	cal.Summarize(week(&testing.T{}, "2026-W23", berlin), benchOptions) // the advisor's lexicon is built once per process
	b.ReportAllocs()
	meetings, i := 0, 0
	cpu := cpuTime()
	for b.Loop() {
		w, _ := cal.Summarize(week(&testing.T{}, fmt.Sprintf("2026-W%02d", 24+i%20), berlin), benchOptions)
		meetings += w.Meetings
		i++
	}
	b.ReportMetric(float64(meetings)/float64(i), "meetings/week")
	b.ReportMetric(held, "MB-held")
	reportCPU(b, cpu)
}

// BenchmarkWeekMeetingsFromDisk is `pingwise meetings` in a fresh process:
// read the last good copy, parse all of it, price one week.
func BenchmarkWeekMeetingsFromDisk(b *testing.B) {
	s, src := syncedBig(b)
	w := week(&testing.T{}, "2026-W24", berlin)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		cal, _, err := s.Load(src)
		if err != nil {
			b.Fatal(err)
		}
		cal.Summarize(w, benchOptions)
	}
	reportCPU(b, cpu)
}

// reportCPU reports the CPU time per run since start, garbage collection
// included.
func reportCPU(b *testing.B, start time.Duration) {
	if start > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}
