package focus_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
)

func newTracker(t *testing.T, start time.Time, p focus.Policy) (*focus.Tracker, *memStore, *fakeClock) {
	t.Helper()
	st, clk := &memStore{}, &fakeClock{now: start}
	return focus.NewTracker(st, clk, p), st, clk
}

func status(t *testing.T, tr *focus.Tracker) focus.Status {
	t.Helper()
	st, err := tr.Status()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestTrackerSessionLifecycle(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	start := at(t, berlin, "2026-11-24 09:00:00")
	tr, st, clk := newTracker(t, start, focus.Policy{Break: 5 * time.Minute})

	s, err := tr.Start(25*time.Minute, "write report")
	if err != nil {
		t.Fatal(err)
	}
	if s.State != focus.Focusing || s.Intent != "write report" || s.PlannedMinutes != 25 ||
		s.RemainingSeconds != 1500 || s.StartedAt == nil || *s.StartedAt != "2026-11-24T09:00:00+01:00" {
		t.Fatalf("after Start: %+v", s)
	}

	clk.advance(10 * time.Minute)
	if s, err = tr.Pause(); err != nil || s.State != focus.Paused {
		t.Fatalf("Pause: %v, %+v", err, s)
	}
	clk.advance(7 * time.Minute)
	if s = status(t, tr); s.State != focus.Paused || s.Remaining != 15*time.Minute {
		t.Fatalf("a pause did not stop the countdown: %+v", s)
	}
	if s, err = tr.Resume(); err != nil || s.State != focus.Focusing {
		t.Fatalf("Resume: %v, %+v", err, s)
	}

	clk.advance(15*time.Minute - time.Second)
	if s = status(t, tr); s.State != focus.Focusing || s.RemainingSeconds != 1 {
		t.Fatalf("a second before the end: %+v", s)
	}

	clk.advance(time.Second) // 25 minutes of focus, 7 paused: 09:32
	s = status(t, tr)
	end := at(t, berlin, "2026-11-24 09:32:00")
	if s.State != focus.OnBreak || !s.Started.Equal(end) || s.Remaining != 5*time.Minute {
		t.Fatalf("at the planned length: %+v, want a 5-minute break from 09:32", s)
	}
	if s.Ended == nil || s.Ended.Result != focus.Completed || !s.Ended.End.Equal(end) || s.Ended.Paused != 7*time.Minute {
		t.Fatalf("ended session: %+v", s.Ended)
	}
	if len(st.sessions) != 1 || st.sessions[0].Result != focus.Completed || len(st.breaks) != 1 {
		t.Fatalf("stored: sessions %+v, breaks %+v", st.sessions, st.breaks)
	}

	clk.advance(6 * time.Minute)
	if s = status(t, tr); s.State != focus.Idle || s.StartedAt != nil {
		t.Fatalf("after the break: %+v", s)
	}
	if b := st.breaks[0]; !b.End.Equal(end.Add(5 * time.Minute)) {
		t.Fatalf("break ended %s, want when it was due", b.End)
	}
}

func TestTrackerStopEarly(t *testing.T) {
	tr, st, clk := newTracker(t, t0, focus.Policy{Break: 5 * time.Minute})
	tr.Start(50*time.Minute, "")
	clk.advance(20 * time.Minute)
	s, err := tr.Stop(10 * time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if s.Ended == nil || s.Ended.Result != focus.Abandoned || s.State != focus.OnBreak || s.Remaining != 10*time.Minute {
		t.Fatalf("Stop: %+v, ended %+v", s, s.Ended)
	}
	if _, err := tr.Start(25*time.Minute, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Start(25*time.Minute, ""); !errors.Is(err, focus.ErrActive) {
		t.Fatalf("second Start: %v, want ErrActive", err)
	}
	if len(st.sessions) != 2 || len(st.breaks) != 1 || !st.breaks[0].End.Equal(clk.now) {
		t.Fatalf("stored %d sessions and breaks %+v; want 2 sessions and the break cut short now", len(st.sessions), st.breaks)
	}
}

// A shut lid is no focus: the tray learns of it on waking (focus.Asleep) and
// calls Slept, and the session must carry on for the focus time it lacks.
func TestTrackerSleptIsNotFocus(t *testing.T) {
	tr, st, clk := newTracker(t, t0, focus.Policy{Break: 5 * time.Minute})
	tr.Start(25*time.Minute, "")
	clk.advance(10 * time.Minute)
	shut := clk.now
	clk.advance(50 * time.Minute) // the wall clock moves on, the monotonic one does not
	asleep := focus.Asleep(50*time.Minute, 0)
	if !clk.now.Add(-asleep).Equal(shut) {
		t.Fatalf("Asleep measured %s", asleep)
	}
	if err := tr.Slept(clk.now.Add(-asleep), clk.now); err != nil {
		t.Fatal(err)
	}
	if s := status(t, tr); s.State != focus.Focusing || s.Remaining != 15*time.Minute {
		t.Fatalf("after 10 minutes of focus and 50 asleep: %+v, want 15 minutes left", s)
	}
	clk.advance(15 * time.Minute)
	s := status(t, tr)
	if s.Ended == nil || s.Ended.Result != focus.Completed || !s.Ended.End.Equal(clk.now) || s.Ended.Paused != 50*time.Minute {
		t.Fatalf("ended %+v, want completed now with 50 minutes asleep", s.Ended)
	}
	if got := st.sessions[0].Focused(clk.now); got != 25*time.Minute {
		t.Fatalf("stored focus %s, want 25m", got)
	}
}

func TestTrackerSleptAfterDue(t *testing.T) {
	// The session was due at 09:25 but the lid shut at 09:30 before anyone
	// settled it: it ends at 09:25 all the same, and its break at 09:30.
	tr, st, clk := newTracker(t, t0, focus.Policy{Break: 5 * time.Minute})
	tr.Start(25*time.Minute, "")
	clk.advance(time.Hour)
	if err := tr.Slept(t0.Add(30*time.Minute), clk.now); err != nil {
		t.Fatal(err)
	}
	se := st.sessions[0]
	if se.Result != focus.Completed || !se.End.Equal(t0.Add(25*time.Minute)) || se.Paused != 0 {
		t.Fatalf("session %+v, want completed at 09:25 with nothing asleep", se)
	}
	if len(st.breaks) != 1 || !st.breaks[0].End.Equal(t0.Add(30*time.Minute)) {
		t.Fatalf("breaks %+v, want one ended at 09:30", st.breaks)
	}
}

func TestTrackerLogInterruption(t *testing.T) {
	tr, st, clk := newTracker(t, t0, focus.Policy{})
	hexID := regexp.MustCompile(`^[0-9a-f]{32}$`)

	i, err := tr.LogInterruption(focus.Interruption{Direction: focus.Incoming, Channel: focus.Chat, Outcome: focus.Taken})
	if err != nil {
		t.Fatal(err)
	}
	if !i.At.Equal(t0) || i.People != 1 || i.InSession || !hexID.MatchString(i.ID) {
		t.Fatalf("outside a session: %+v", i)
	}

	tr.Start(25*time.Minute, "")
	clk.advance(5 * time.Minute)
	i, err = tr.LogInterruption(focus.Interruption{Direction: focus.Incoming, Channel: "Chat", Outcome: focus.Deferred})
	if err != nil {
		t.Fatal(err)
	}
	if !i.InSession || i.Channel != focus.Chat {
		t.Fatalf("inside a session: %+v, want in_session and the channel written as %q", i, focus.Chat)
	}
	i, _ = tr.LogInterruption(focus.Interruption{At: t0.Add(-time.Minute), Direction: focus.Outgoing, Channel: focus.Email, Outcome: focus.Taken})
	if i.InSession {
		t.Fatal("an interruption before the session counted as in it")
	}
	if _, err := tr.LogInterruption(focus.Interruption{At: clk.now.Add(30 * time.Second), Direction: focus.Incoming, Channel: focus.Call, Outcome: focus.Taken}); err != nil {
		t.Fatalf("half a minute ahead (clock skew between processes): %v", err)
	}
	stored := len(st.interruptions)

	for _, bad := range []focus.Interruption{
		{At: clk.now.Add(2 * time.Minute), Direction: focus.Incoming, Channel: focus.Call, Outcome: focus.Taken},
		{Direction: focus.Incoming, Channel: focus.Call, Outcome: focus.Taken, People: focus.MaxPeople + 1},
		{Direction: focus.Incoming, Channel: "fax", Outcome: focus.Taken},
	} {
		if _, err := tr.LogInterruption(bad); err == nil {
			t.Errorf("logged %+v", bad)
		}
	}
	if len(st.interruptions) != stored || stored != 4 {
		t.Fatalf("stored %d interruptions, want the 4 valid ones", len(st.interruptions))
	}
}

func TestTrackerLogDecision(t *testing.T) {
	tr, st, clk := newTracker(t, t0, focus.Policy{})
	tr.Start(25*time.Minute, "")
	clk.advance(time.Minute)
	d, err := tr.LogDecision(focus.Decision{At: t0.Add(-time.Hour), Recommended: focus.Async, Chosen: focus.Sync, Minutes: 30})
	if err != nil {
		t.Fatal(err)
	}
	if !d.At.Equal(clk.now) || !d.InSession || d.People != 1 || len(st.decisions) != 1 {
		t.Fatalf("decision %+v: want it made now, in the session, for one person", d)
	}
	if _, err := tr.LogDecision(focus.Decision{Recommended: focus.Async, Chosen: "maybe"}); err == nil || len(st.decisions) != 1 {
		t.Fatalf("an unknown mode: %v, %d stored", err, len(st.decisions))
	}
}

func TestTrackerDefaultRefocus(t *testing.T) {
	tr, _, _ := newTracker(t, t0, focus.Policy{})
	if got := tr.Policy().Refocus; got != focus.DefaultRefocus {
		t.Fatalf("refocus %g, want the default %g", got, focus.DefaultRefocus)
	}
	tr, _, _ = newTracker(t, t0, focus.Policy{Refocus: 23.25})
	if got := tr.Policy().Refocus; got != 23.25 {
		t.Fatalf("refocus %g, want 23.25", got)
	}
}

func TestTrackerStreak(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	// Completed every day from Thu 19 to Wed 25 November, only abandoned on
	// Thu 26, completed again Fri 27 and Sat 28, nothing on Sun 29.
	november := []string{"2026-11-19 10:00:00", "2026-11-20 10:00:00", "2026-11-21 10:00:00",
		"2026-11-22 10:00:00", "2026-11-23 10:00:00", "2026-11-24 10:00:00", "2026-11-24 16:00:00",
		"2026-11-25 10:00:00", "2026-11-27 10:00:00", "2026-11-28 10:00:00"}
	// Across the start of summer time, ending late in the evening.
	spring := []string{"2026-03-26 23:30:00", "2026-03-27 23:30:00", "2026-03-28 23:30:00",
		"2026-03-29 23:30:00", "2026-03-30 23:30:00", "2026-03-31 23:30:00"}
	tests := []struct {
		name string
		ends []string
		utc  bool // ends are UTC, not Berlin time
		week string
		now  string
		want int
	}{
		{"today done", november, false, "2026-W48", "2026-11-25 15:00:00", 7},
		{"today not yet", november, false, "2026-W48", "2026-11-26 09:00:00", 7},
		{"after a day with only an abandoned session", november, false, "2026-W48", "2026-11-27 18:00:00", 1},
		{"two days on", november, false, "2026-W48", "2026-11-28 18:00:00", 2},
		{"past week ending on a day without one", november, false, "2026-W48", "2026-12-01 12:00:00", 0},
		{"past week ending on a day with one", november, false, "2026-W47", "2026-12-01 12:00:00", 4},
		{"Monday without one, Sunday without one", november, false, "2026-W49", "2026-11-30 09:00:00", 0},
		{"future week", november, false, "2026-W50", "2026-11-25 15:00:00", 0},
		{"across the DST change", spring, false, "2026-W14", "2026-03-31 23:45:00", 6},
		{"across the DST change, a past week", spring, false, "2026-W13", "2026-04-02 12:00:00", 4},
		// 23:30 UTC on the 23rd is 00:30 on the 24th in Berlin: the 23rd
		// has no session there, so only the 24th counts.
		{"days in the week's zone", []string{"2026-11-22 12:00:00", "2026-11-23 23:30:00"}, true, "2026-W48", "2026-11-24 12:00:00", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := berlin
			if tt.utc {
				loc = time.UTC
			}
			tr, st, _ := newTracker(t, at(t, berlin, tt.now), focus.Policy{})
			for _, e := range tt.ends {
				st.completed(at(t, loc, e), 25*time.Minute)
			}
			st.sessions = append(st.sessions, focus.Session{ID: "a", Start: at(t, berlin, "2026-11-26 10:00:00"),
				Planned: time.Hour, End: at(t, berlin, "2026-11-26 10:20:00"), Result: focus.Abandoned})
			s, err := tr.Week(mustWeek(t, tt.week, berlin))
			if err != nil {
				t.Fatal(err)
			}
			if s.StreakDays != tt.want {
				t.Fatalf("streak %d, want %d", s.StreakDays, tt.want)
			}
		})
	}
}

func TestTrackerWeek(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	tr, st, _ := newTracker(t, at(t, berlin, "2026-11-26 12:00:00"), focus.Policy{Refocus: 20})
	st.completed(at(t, berlin, "2026-11-23 10:00:00"), 25*time.Minute)
	st.completed(at(t, berlin, "2026-11-17 10:00:00"), 50*time.Minute)
	st.interruptions = []focus.Interruption{
		{At: at(t, berlin, "2026-11-23 00:00:00"), Direction: focus.Incoming, Channel: focus.Call, Outcome: focus.Taken, People: 1},
		{At: at(t, berlin, "2026-11-30 00:00:00"), Direction: focus.Incoming, Channel: focus.Call, Outcome: focus.Taken, People: 1},
	}
	s, err := tr.Week(mustWeek(t, "2026-W48", berlin))
	if err != nil {
		t.Fatal(err)
	}
	if s.Week != "2026-W48" || s.FocusMinutes != 25 || s.Interruptions != 1 || s.RefocusMinutesLost != 20 ||
		s.RefocusMinutes != 20 || s.Change.FocusMinutes != -25 || s.StreakDays != 0 {
		t.Fatalf("stats: %+v", s)
	}
	if !strings.HasPrefix(s.Days[0].Date, "2026-11-23") || s.Days[0].Interruptions != 1 {
		t.Fatalf("Monday: %+v", s.Days[0])
	}
}

// Away from the keyboard: the pause starts when the person left, and the
// time away neither counts as focus nor completes the session.
func TestPauseSince(t *testing.T) {
	p0 := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name         string
		awayAfter    time.Duration // from the start
		noticedAfter time.Duration
		wantState    focus.State
		wantFocused  time.Duration
	}{
		{"noticed mid-session", 10 * time.Minute, 16 * time.Minute, focus.Paused, 10 * time.Minute},
		{"away past the planned end", 20 * time.Minute, 40 * time.Minute, focus.Paused, 20 * time.Minute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock := &fakeClock{now: p0}
			tr := focus.NewTracker(&memStore{}, clock, focus.Policy{Break: 5 * time.Minute})
			if _, err := tr.Start(25*time.Minute, "write"); err != nil {
				t.Fatal(err)
			}
			clock.now = p0.Add(tc.noticedAfter)
			st, err := tr.PauseSince(p0.Add(tc.awayAfter))
			if err != nil {
				t.Fatal(err)
			}
			if st.State != tc.wantState || st.Remaining != 25*time.Minute-tc.wantFocused {
				t.Errorf("status = %s, %s left; want %s, %s left", st.State, st.Remaining, tc.wantState, 25*time.Minute-tc.wantFocused)
			}
			clock.now = clock.now.Add(time.Hour) // still paused an hour later
			if st, _ := tr.Status(); st.State != focus.Paused {
				t.Errorf("an hour later: %s", st.State)
			}
		})
	}
	tr := focus.NewTracker(&memStore{}, &fakeClock{now: p0}, focus.Policy{})
	if _, err := tr.PauseSince(p0); err == nil {
		t.Error("PauseSince with no session did not fail")
	}
}
