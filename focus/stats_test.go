package focus_test

import (
	"maps"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
)

func incoming(at time.Time, ch focus.Channel, o focus.Outcome) focus.Interruption {
	return focus.Interruption{At: at, Direction: focus.Incoming, Channel: ch, Outcome: o, People: 1}
}

func outgoing(at time.Time, o focus.Outcome, people int) focus.Interruption {
	return focus.Interruption{At: at, Direction: focus.Outgoing, Channel: focus.Meeting, Outcome: o, People: people}
}

func decision(at time.Time, chosen focus.Mode, people, minutes int) focus.Decision {
	return focus.Decision{At: at, Recommended: focus.Async, Chosen: chosen, People: people, Minutes: minutes}
}

// The refocus model, worked by hand for one week:
//
//	incoming taken:     2 (Mon)                    -> lost  = r x 2
//	incoming deferred:  1 each Mon, Tue, Wed       -> saved = r x 3
//	outgoing deferred:  4 people (Thu), async      -> saved = r x 4
//	outgoing taken:     2 people (Thu), sync       -> nothing
//	decisions (Fri):    async 3 people x 30 min, async 1 x 15, sync 5 x 60
//	                                               -> saved = r x (3 + 1)
//	                                               -> avoided = 3x30 + 1x15 = 105
//
// so saved = r x 11 and lost = r x 2. The week before had one incoming
// taken interruption.
func TestRefocusModel(t *testing.T) {
	w := mustWeek(t, "2026-W48", time.UTC)
	day := func(i int) time.Time { return w.Day(i).Add(10 * time.Hour) }
	this := focus.Log{
		Interruptions: []focus.Interruption{
			incoming(day(0), focus.Call, focus.Taken),
			incoming(day(0).Add(time.Hour), focus.Call, focus.Taken),
			incoming(day(0).Add(2*time.Hour), focus.Chat, focus.Deferred),
			incoming(day(1), focus.Chat, focus.Deferred),
			incoming(day(2), focus.Email, focus.Deferred),
			outgoing(day(3), focus.Deferred, 4),
			outgoing(day(3), focus.Taken, 2),
		},
		Decisions: []focus.Decision{
			decision(day(4), focus.Async, 3, 30),
			decision(day(4), focus.Async, 1, 15),
			decision(day(4), focus.Sync, 5, 60),
		},
	}
	prev := focus.Log{Interruptions: []focus.Interruption{incoming(w.Day(-3), focus.Call, focus.Taken)}}

	tests := []struct {
		refocus                 float64
		saved, lost             float64
		changeSaved, changeLost float64
		mondaySaved, mondayLost float64
	}{
		// 23.25 x 11 = 255.75 and 23.25 x 2 = 46.5. Each day alone rounds
		// 23.25 up to 23.3, so adding rounded days would give 255.9.
		{23.25, 255.8, 46.5, 255.8, 23.3, 23.3, 46.5},
		{23, 253, 46, 253, 23, 23, 46},
		{10, 110, 20, 110, 10, 10, 20},
	}
	for _, tt := range tests {
		s := focus.Summarize(w, w.End(), this, prev, tt.refocus, 0)
		if s.RefocusMinutes != tt.refocus {
			t.Errorf("refocus %g: the stats report %g per interruption", tt.refocus, s.RefocusMinutes)
		}
		if s.RefocusMinutesSaved != tt.saved || s.RefocusMinutesLost != tt.lost {
			t.Errorf("refocus %g: saved %g lost %g, want %g and %g", tt.refocus, s.RefocusMinutesSaved, s.RefocusMinutesLost, tt.saved, tt.lost)
		}
		if s.Change.RefocusMinutesSaved != tt.changeSaved || s.Change.RefocusMinutesLost != tt.changeLost {
			t.Errorf("refocus %g: change saved %g lost %g, want %g and %g", tt.refocus,
				s.Change.RefocusMinutesSaved, s.Change.RefocusMinutesLost, tt.changeSaved, tt.changeLost)
		}
		if m := s.Days[0]; m.RefocusMinutesSaved != tt.mondaySaved || m.RefocusMinutesLost != tt.mondayLost {
			t.Errorf("refocus %g: Monday saved %g lost %g, want %g and %g", tt.refocus, m.RefocusMinutesSaved, m.RefocusMinutesLost, tt.mondaySaved, tt.mondayLost)
		}
		if s.MeetingPersonMinutesAvoided != 105 || s.Days[4].MeetingPersonMinutesAvoided != 105 {
			t.Errorf("meeting person-minutes avoided %d (Friday %d), want 105", s.MeetingPersonMinutesAvoided, s.Days[4].MeetingPersonMinutesAvoided)
		}
	}

	s := focus.Summarize(w, w.End(), this, prev, 23.25, 0)
	for name, c := range map[string][2]int{
		"interruptions": {s.Interruptions, 5}, "taken": {s.InterruptionsTaken, 2}, "deferred": {s.InterruptionsDeferred, 3},
		"async": {s.DecisionsAsync, 3}, "sync": {s.DecisionsSync, 2},
		"change in interruptions": {s.Change.Interruptions, 4}, "change in taken": {s.Change.InterruptionsTaken, 1},
		"Thursday async": {s.Days[3].DecisionsAsync, 1}, "Thursday sync": {s.Days[3].DecisionsSync, 1},
		"Thursday interruptions": {s.Days[3].Interruptions, 0},
	} {
		if c[0] != c[1] {
			t.Errorf("%s: %d, want %d", name, c[0], c[1])
		}
	}
	wantChannels := map[focus.Channel]focus.ChannelCount{
		focus.Call: {Taken: 2}, focus.Chat: {Deferred: 2}, focus.Email: {Deferred: 1},
	}
	if !maps.Equal(s.ByChannel, wantChannels) {
		t.Errorf("by channel %v, want %v (outgoing ones are not interruptions of you)", s.ByChannel, wantChannels)
	}
}

// Every day of these weeks gets a 30-minute session starting on the stroke
// of midnight and an interruption in its last millisecond; the day of the
// clock change also gets an hour-long session from 01:30. Events a
// millisecond outside the week must not count.
func TestWeekAcrossClockChanges(t *testing.T) {
	tests := []struct {
		zone, week string
		from, to   string
		hours      time.Duration // the week's length
		oddDay     int           // the day that is not 24 hours, -1 for none
	}{
		{"Europe/Berlin", "2026-W13", "2026-03-23", "2026-03-29", 167, 6},
		{"Europe/Berlin", "2026-W43", "2026-10-19", "2026-10-25", 169, 6},
		{"Europe/Berlin", "2026-W44", "2026-10-26", "2026-11-01", 168, -1}, // the week before has the change
		{"America/New_York", "2026-W10", "2026-03-02", "2026-03-08", 167, 6},
		{"America/New_York", "2026-W44", "2026-10-26", "2026-11-01", 169, 6},
		{"Europe/Berlin", "2026-W01", "2025-12-29", "2026-01-04", 168, -1},
		{"UTC", "2026-W53", "2026-12-28", "2027-01-03", 168, -1},
		{"Asia/Tokyo", "2027-W01", "2027-01-04", "2027-01-10", 168, -1},
	}
	for _, tt := range tests {
		t.Run(tt.zone+" "+tt.week, func(t *testing.T) {
			loc := mustLoad(t, tt.zone)
			w := mustWeek(t, tt.week, loc)
			if got := w.End().Sub(w.Start()); got != tt.hours*time.Hour {
				t.Fatalf("the week lasts %s, want %dh", got, tt.hours)
			}
			var this, prev focus.Log
			session := func(start time.Time, length time.Duration) focus.Session {
				return focus.Session{ID: focus.NewID(), Start: start, Planned: length, End: start.Add(length), Result: focus.Completed}
			}
			for i := range 7 {
				d, next := w.Day(i), w.Day(i+1)
				if d.Hour() != 0 || d.Minute() != 0 || next.YearDay() == d.YearDay() {
					t.Fatalf("day %d starts %s, next %s", i, d, next)
				}
				if long := next.Sub(d) != 24*time.Hour; long != (i == tt.oddDay) {
					t.Fatalf("day %d lasts %s", i, next.Sub(d))
				}
				this.Sessions = append(this.Sessions, session(d, 30*time.Minute))
				this.Interruptions = append(this.Interruptions, incoming(next.Add(-time.Millisecond), focus.Chat, focus.Taken))
			}
			if tt.oddDay >= 0 {
				y, m, d := w.Day(tt.oddDay).Date()
				this.Sessions = append(this.Sessions, session(time.Date(y, m, d, 1, 30, 0, 0, loc), time.Hour))
			}
			// Just outside, on either side.
			before := w.Start().Add(-time.Millisecond)
			this.Sessions = append(this.Sessions, session(before, 30*time.Minute))
			this.Interruptions = append(this.Interruptions, incoming(w.End(), focus.Chat, focus.Taken))
			prev.Sessions = append(prev.Sessions, session(before, 40*time.Minute))

			s := focus.Summarize(w, w.End().Add(time.Hour), this, prev, 23, 0)
			if s.Week != tt.week || s.From != tt.from || s.To != tt.to || len(s.Days) != 7 {
				t.Fatalf("week %s from %s to %s with %d days", s.Week, s.From, s.To, len(s.Days))
			}
			for i, d := range s.Days {
				wantFocus, wantSessions := 30, 1
				if i == tt.oddDay {
					wantFocus, wantSessions = 90, 2 // an hour of focus, however far the clock moved
				}
				if d.Date != w.Day(i).Format(time.DateOnly) || d.FocusMinutes != wantFocus ||
					d.SessionsCompleted != wantSessions || d.Interruptions != 1 {
					t.Errorf("day %d: %+v, want %s with %d focus minutes and one interruption", i, d, w.Day(i).Format(time.DateOnly), wantFocus)
				}
			}
			wantFocus := 7 * 30
			if tt.oddDay >= 0 {
				wantFocus += 60
			}
			if s.FocusMinutes != wantFocus || s.Interruptions != 7 || s.Change.FocusMinutes != wantFocus-40 {
				t.Errorf("week: focus %d, interruptions %d, change in focus %d; want %d, 7, %d",
					s.FocusMinutes, s.Interruptions, s.Change.FocusMinutes, wantFocus, wantFocus-40)
			}
		})
	}
}

func TestFocusPerDay(t *testing.T) {
	w := mustWeek(t, "2026-W48", time.UTC)
	mon := w.Day(0)
	now := w.Day(2).Add(10 * time.Hour) // Wednesday 10:00
	log := focus.Log{Sessions: []focus.Session{
		// Monday 23:50 to Tuesday 00:40: all 50 minutes count on Monday.
		{Start: mon.Add(23*time.Hour + 50*time.Minute), Planned: 50 * time.Minute,
			End: mon.Add(24*time.Hour + 40*time.Minute), Result: focus.Completed},
		// Tuesday: 40 minutes with a 15-minute pause, stopped early.
		{Start: w.Day(1).Add(9 * time.Hour), Planned: time.Hour, Paused: 15 * time.Minute,
			End: w.Day(1).Add(9*time.Hour + 40*time.Minute), Result: focus.Abandoned},
		// Wednesday: running since 09:30, paused since 09:50.
		{Start: w.Day(2).Add(9*time.Hour + 30*time.Minute), Planned: time.Hour,
			PausedAt: w.Day(2).Add(9*time.Hour + 50*time.Minute)},
	}}
	s := focus.Summarize(w, now, log, focus.Log{}, 23, 0)
	want := []int{50, 25, 20, 0, 0, 0, 0}
	for i, d := range s.Days {
		if d.FocusMinutes != want[i] {
			t.Errorf("day %d: %d focus minutes, want %d", i, d.FocusMinutes, want[i])
		}
	}
	if s.SessionsCompleted != 1 || s.SessionsAbandoned != 1 || s.FocusMinutes != 95 {
		t.Errorf("completed %d abandoned %d focus %d; want 1, 1, 95", s.SessionsCompleted, s.SessionsAbandoned, s.FocusMinutes)
	}
	if s.Empty() {
		t.Error("a week with sessions is Empty")
	}
	// Handed as the week before, this log is outside that week: it must
	// not count there either.
	if e := focus.Summarize(w, now, focus.Log{}, log, 23, 0); !e.Empty() || e.Change != (focus.Tally{}) {
		t.Errorf("an empty week: %+v, change %+v", e.Tally, e.Change)
	}
}

func TestStreakCounter(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	anchor := at(t, berlin, "2026-11-25 12:00:00")
	s := focus.NewStreak(anchor)
	feed := []struct {
		end  string
		more bool
	}{
		{"2026-11-26 09:00:00", true}, // after the anchor: skipped
		{"2026-11-24 17:00:00", true}, // today has none yet: yesterday continues
		{"2026-11-24 09:00:00", true}, // a second one the same day
		{"2026-11-23 23:59:59", true},
		{"2026-11-21 10:00:00", false}, // the 22nd is missing
	}
	for _, f := range feed {
		if got := s.See(at(t, berlin, f.end)); got != f.more {
			t.Fatalf("See(%s) = %v, want %v", f.end, got, f.more)
		}
	}
	if s.Days != 2 {
		t.Fatalf("streak %d, want 2", s.Days)
	}

	// The grace is for the anchor day only: with neither it nor the day
	// before, an older day does not start a streak.
	s = focus.NewStreak(anchor)
	if s.See(at(t, berlin, "2026-11-23 10:00:00")) || s.Days != 0 {
		t.Fatalf("a streak of %d started two days back", s.Days)
	}
}

// TestOverlappingSessions checks the rule for sessions on two devices at
// once: together they count at most the wall-clock time they cover, while
// each device's own figures keep its sessions in full.
func TestOverlappingSessions(t *testing.T) {
	loc := mustLoad(t, "Europe/Berlin")
	w := mustWeek(t, "2026-W48", loc)
	session := func(device, start, end string, paused time.Duration) focus.Session {
		s, e := at(t, loc, start), at(t, loc, end)
		return focus.Session{ID: focus.NewID(), Device: device, Start: s, End: e, Paused: paused,
			Planned: e.Sub(s), Result: focus.Completed}
	}
	tests := []struct {
		name     string
		sessions []focus.Session
		focus    int            // the week's, and Monday's, minutes
		devices  map[string]int // each device's own focus minutes
	}{
		{"apart", []focus.Session{
			session("laptop", "2026-11-23 09:00:00", "2026-11-23 10:00:00", 0),
			session("desk", "2026-11-23 10:00:00", "2026-11-23 10:30:00", 0),
		}, 90, map[string]int{"laptop": 60, "desk": 30}},
		{"the same hour on both", []focus.Session{
			session("laptop", "2026-11-23 09:00:00", "2026-11-23 10:00:00", 0),
			session("desk", "2026-11-23 09:00:00", "2026-11-23 10:00:00", 0),
		}, 60, map[string]int{"laptop": 60, "desk": 60}},
		{"left running on the laptop, paused by the away timer", []focus.Session{
			session("laptop", "2026-11-23 09:00:00", "2026-11-23 10:00:00", 20*time.Minute),
			session("desk", "2026-11-23 09:30:00", "2026-11-23 10:30:00", 0),
		}, 90, map[string]int{"laptop": 40, "desk": 60}},
		{"paused on both: less than the span", []focus.Session{
			session("laptop", "2026-11-23 09:00:00", "2026-11-23 10:00:00", 30*time.Minute),
			session("desk", "2026-11-23 09:30:00", "2026-11-23 10:30:00", 30*time.Minute),
		}, 60, map[string]int{"laptop": 30, "desk": 30}},
		{"a chain of three", []focus.Session{
			session("desk", "2026-11-23 09:40:00", "2026-11-23 11:00:00", 0),
			session("laptop", "2026-11-23 09:00:00", "2026-11-23 10:00:00", 0),
			session("laptop", "2026-11-23 10:50:00", "2026-11-23 11:30:00", 0),
		}, 150, map[string]int{"laptop": 100, "desk": 80}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := focus.Summarize(w, w.End(), focus.Log{Sessions: tt.sessions}, focus.Log{}, 23, 0)
			if s.FocusMinutes != tt.focus || s.Days[0].FocusMinutes != tt.focus {
				t.Errorf("focus %d, Monday %d; want %d", s.FocusMinutes, s.Days[0].FocusMinutes, tt.focus)
			}
			got := map[string]int{}
			for _, d := range s.Devices {
				got[d.Device] = d.FocusMinutes
			}
			if !maps.Equal(got, tt.devices) {
				t.Errorf("by device %v, want %v", got, tt.devices)
			}
		})
	}
}

func TestNoDevicesWhenNotSynced(t *testing.T) {
	loc := mustLoad(t, "Europe/Berlin")
	w := mustWeek(t, "2026-W48", loc)
	log := focus.Log{Interruptions: []focus.Interruption{incoming(at(t, loc, "2026-11-23 10:00:00"), focus.Chat, focus.Taken)}}
	if s := focus.Summarize(w, w.End(), log, focus.Log{}, 23, 0); s.Devices != nil {
		t.Errorf("devices %+v for a week no device is named in", s.Devices)
	}
	log.Interruptions[0].Device = "laptop1"
	if s := focus.Summarize(w, w.End(), log, focus.Log{}, 23, 0); len(s.Devices) != 1 || s.Devices[0].Interruptions != 1 {
		t.Errorf("devices %+v, want laptop1's one interruption", s.Devices)
	}
}
