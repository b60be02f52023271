package stats

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/focus"
)

// meetingsWeek is W48's meetings: a recurring status update that could be
// async, a 1:1 that stays sync, and the focus blocks around them.
func meetingsWeek() calendar.Week {
	mon := at(w48, 0, 10, 0)
	return calendar.Week{
		Week: "2026-W48", Meetings: 2, MeetingMinutes: 90, PersonMinutes: 270, RecurringPersonMinutes: 150,
		FocusMinutesAvailable: 2220,
		List: []calendar.Meeting{
			{Title: "Weekly status update", Start: mon, End: mon.Add(30 * time.Minute), Minutes: 30, People: 5, PersonMinutes: 150, Recurring: true, CouldBeAsync: true},
			{Title: "1:1", Start: at(w48, 2, 15, 0), End: at(w48, 2, 16, 0), Minutes: 60, People: 2, PersonMinutes: 120},
		},
		CouldBeAsync: []calendar.Candidate{{Title: "Weekly status update", Start: mon, Minutes: 30, People: 5, PersonMinutes: 150,
			Recurring: true, YearlyPersonHours: 130, Reasons: []string{"It is context."}}},
		FocusBlocks: []calendar.Block{{Start: at(w48, 0, 10, 30), End: at(w48, 0, 17, 0)}, {Start: at(w48, 1, 9, 0), End: at(w48, 1, 17, 0)}},
	}
}

func TestMeetingsSection(t *testing.T) {
	w, _ := newTestWindow(t, w48)
	if w.meetings.box.Visible() {
		t.Fatal("the Meetings section shows without calendars")
	}
	asked := ""
	w.SetMeetings(func(week focus.Week) (calendar.Week, error) {
		asked = week.String()
		if week.String() == "2026-W48" {
			return meetingsWeek(), nil
		}
		return calendar.Week{}, errors.New("calendar work has not been synced yet: run pingwise calendar sync")
	})
	if asked != "2026-W48" || !w.meetings.box.Visible() {
		t.Fatalf("asked %q, visible %v", asked, w.meetings.box.Visible())
	}
	const summary = "2 meetings, 1 h 30 min in meetings: 4 h 30 min of people's time (2 h 30 min recurring). Focus time left in working hours: 37 h."
	if got := w.meetings.summary.Text; got != summary {
		t.Errorf("summary %q\nwant %q", got, summary)
	}
	r := test.TempWidgetRenderer(t, w.meetings.timeline).(*timelineRenderer)
	meetings, blocks := 0, 0
	for _, s := range r.spans {
		if s.isMeeting {
			meetings++
		} else {
			blocks++
		}
	}
	if meetings != 2 || blocks != 2 || len(r.bars) != 4 || r.first != 8 || r.last != 18 {
		t.Errorf("timeline: %d meetings, %d blocks, %d bars, %g to %g", meetings, blocks, len(r.bars), r.first, r.last)
	}
	var lines []string
	for _, o := range w.meetings.async.Objects {
		lines = append(lines, o.(*widget.Label).Text)
	}
	want := []string{"Could be async", "Weekly status update, Mon 10:00: 5 people, 2 h 30 min of people's time; 130 person-hours a year. It is context."}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("async list:\n%q\nwant\n%q", lines, want)
	}

	// The exports carry the meetings.
	var j, c bytes.Buffer
	if err := addMeetings(".json", writeJSON, w.mw)(&j, w.st); err != nil {
		t.Fatal(err)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(j.Bytes(), &obj); err != nil || obj["meetings"] == nil || obj["week"] == nil {
		t.Errorf("JSON export: %v\n%s", err, j.String())
	}
	if err := addMeetings(".csv", writeCSV, w.mw)(&c, w.st); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.String(), "\nmeeting,start,end,minutes,people,person_minutes,recurring,could_be_async\n"+
		"Weekly status update,2026-11-23T10:00:00Z,2026-11-23T10:30:00Z,30,5,150,true,true\n") {
		t.Errorf("CSV export:\n%s", c.String())
	}

	// Calendars that cannot be read: one line.
	w.load(w48.Next())
	if got := w.meetings.summary.Text; got != "Calendars: calendar work has not been synced yet: run pingwise calendar sync" || w.mw != nil {
		t.Errorf("failing calendars: %q", got)
	}
}
