package focus_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
)

var t0 = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

func TestStartSessionChecks(t *testing.T) {
	tests := []struct {
		name    string
		planned time.Duration
		intent  string
		wantErr string // empty when the session must start
	}{
		{"shortest", time.Minute, "", ""},
		{"longest", 8 * time.Hour, "", ""},
		{"too short", 59 * time.Second, "", "out of range"},
		{"zero", 0, "", "out of range"},
		{"too long", 8*time.Hour + time.Second, "", "out of range"},
		{"intent at limit in runes", 25 * time.Minute, strings.Repeat("é", focus.MaxIntent), ""},
		{"intent too long", 25 * time.Minute, strings.Repeat("é", focus.MaxIntent+1), "too long"},
		{"intent with a tab", 25 * time.Minute, "a\tb", "control character"},
		{"intent with an escape", 25 * time.Minute, "\x1b[31mred", "control character"},
		{"intent not UTF-8", 25 * time.Minute, "caf\xe9", "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c focus.Current
			err := c.StartSession(t0, tt.planned, tt.intent)
			if tt.wantErr == "" {
				if err != nil || c.Session == nil || c.Session.Planned != tt.planned || c.Session.Intent != tt.intent {
					t.Fatalf("StartSession = %v, session %+v", err, c.Session)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("StartSession error = %v, want one containing %q", err, tt.wantErr)
			}
			if c.Session != nil {
				t.Fatalf("a refused start left a session: %+v", c.Session)
			}
		})
	}
}

func TestOneActiveSession(t *testing.T) {
	var c focus.Current
	if err := c.StartSession(t0, 25*time.Minute, "first"); err != nil {
		t.Fatal(err)
	}
	first := c.Session
	if err := c.StartSession(t0.Add(time.Minute), 50*time.Minute, "second"); !errors.Is(err, focus.ErrActive) {
		t.Fatalf("second start: %v, want ErrActive", err)
	}
	if c.Session != first || c.Session.Intent != "first" || c.Session.Planned != 25*time.Minute {
		t.Fatalf("the running session was replaced: %+v", c.Session)
	}
}

func TestStopOutcome(t *testing.T) {
	const planned = 25 * time.Minute
	type pause struct{ at, length time.Duration }
	tests := []struct {
		name        string
		pauses      []pause
		pausedAtEnd time.Duration // a pause still running when stopped; 0 for none
		stopAt      time.Duration
		want        focus.Result
		wantFocused time.Duration
	}{
		{"ran its length", nil, 0, planned, focus.Completed, planned},
		{"a second short", nil, 0, planned - time.Second, focus.Abandoned, planned - time.Second},
		{"pause made up for", []pause{{5 * time.Minute, 10 * time.Minute}}, 0, 35 * time.Minute, focus.Completed, planned},
		{"pause not made up for", []pause{{5 * time.Minute, 10 * time.Minute}}, 0, 34 * time.Minute, focus.Abandoned, 24 * time.Minute},
		{"two pauses", []pause{{time.Minute, time.Minute}, {10 * time.Minute, 3 * time.Minute}}, 0, 29 * time.Minute, focus.Completed, planned},
		{"stopped while paused", nil, 20 * time.Minute, 40 * time.Minute, focus.Abandoned, 20 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c focus.Current
			if err := c.StartSession(t0, planned, ""); err != nil {
				t.Fatal(err)
			}
			for _, p := range tt.pauses {
				if err := c.Pause(t0.Add(p.at)); err != nil {
					t.Fatal(err)
				}
				if c.State() != focus.Paused {
					t.Fatalf("state %s after Pause", c.State())
				}
				if err := c.Resume(t0.Add(p.at + p.length)); err != nil {
					t.Fatal(err)
				}
			}
			if tt.pausedAtEnd > 0 {
				if err := c.Pause(t0.Add(tt.pausedAtEnd)); err != nil {
					t.Fatal(err)
				}
			}
			end := t0.Add(tt.stopAt)
			if err := c.Stop(end, 0); err != nil {
				t.Fatal(err)
			}
			s := c.Ended
			if c.Session != nil || s == nil || c.State() != focus.Idle {
				t.Fatalf("after Stop: session %+v, ended %+v, state %s", c.Session, s, c.State())
			}
			if s.Result != tt.want || !s.End.Equal(end) || s.Focused(end.Add(time.Hour)) != tt.wantFocused {
				t.Fatalf("ended %s at %s with %s focus; want %s at %s with %s",
					s.Result, s.End, s.Focused(end.Add(time.Hour)), tt.want, end, tt.wantFocused)
			}
			if !s.PausedAt.IsZero() || s.Paused != tt.stopAt-tt.wantFocused {
				t.Fatalf("paused %s (pause open: %v), want %s", s.Paused, !s.PausedAt.IsZero(), tt.stopAt-tt.wantFocused)
			}
		})
	}
}

func TestTransitionsThatDoNotApply(t *testing.T) {
	idle := func(*focus.Current) {}
	running := func(c *focus.Current) { c.StartSession(t0, 25*time.Minute, "") }
	paused := func(c *focus.Current) { running(c); c.Pause(t0.Add(time.Minute)) }
	now := t0.Add(2 * time.Minute)
	tests := []struct {
		name    string
		state   func(*focus.Current)
		do      func(*focus.Current) error
		want    error  // a sentinel, or nil to match wantMsg
		wantMsg string // for errors without a sentinel
	}{
		{"pause when idle", idle, func(c *focus.Current) error { return c.Pause(now) }, focus.ErrNotRunning, ""},
		{"resume when idle", idle, func(c *focus.Current) error { return c.Resume(now) }, focus.ErrNotRunning, ""},
		{"stop when idle", idle, func(c *focus.Current) error { return c.Stop(now, 0) }, focus.ErrNothing, ""},
		{"resume when running", running, func(c *focus.Current) error { return c.Resume(now) }, focus.ErrNotPaused, ""},
		{"pause when paused", paused, func(c *focus.Current) error { return c.Pause(now) }, nil, "already paused"},
		{"break when running", running, func(c *focus.Current) error { return c.StartBreak(now, 5*time.Minute) }, nil, "stop it before a break"},
		{"break too short", idle, func(c *focus.Current) error { return c.StartBreak(now, 30*time.Second) }, nil, "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c focus.Current
			tt.state(&c)
			before := c.State()
			err := tt.do(&c)
			switch {
			case err == nil:
				t.Fatal("no error")
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Fatalf("error %v, want %v", err, tt.want)
			case tt.want == nil && !strings.Contains(err.Error(), tt.wantMsg):
				t.Fatalf("error %v, want one containing %q", err, tt.wantMsg)
			}
			if c.State() != before || c.Ended != nil {
				t.Fatalf("a refused transition changed the state from %s to %s", before, c.State())
			}
		})
	}
}

func TestBreaks(t *testing.T) {
	var c focus.Current
	c.StartSession(t0, 25*time.Minute, "")
	stop := t0.Add(10 * time.Minute)
	if err := c.Stop(stop, 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	if c.State() != focus.OnBreak || !c.Break.Start.Equal(stop) || c.Break.Planned != 5*time.Minute {
		t.Fatalf("after Stop with a break: state %s, break %+v", c.State(), c.Break)
	}
	if got := c.Break.Remaining(stop.Add(2 * time.Minute)); got != 3*time.Minute {
		t.Fatalf("break remaining %s, want 3m", got)
	}

	// Starting a session cuts the break short at that moment.
	next := stop.Add(2 * time.Minute)
	if err := c.StartSession(next, 25*time.Minute, ""); err != nil {
		t.Fatal(err)
	}
	if c.Break != nil || c.EndedBreak == nil || !c.EndedBreak.End.Equal(next) {
		t.Fatalf("break not ended by the next session: %+v", c.EndedBreak)
	}

	// Stopping a break long after it was due ends it when it was due.
	var d focus.Current
	d.StartBreak(t0, 10*time.Minute)
	if err := d.Stop(t0.Add(time.Hour), 0); err != nil {
		t.Fatal(err)
	}
	if d.Break != nil || !d.EndedBreak.End.Equal(t0.Add(10*time.Minute)) {
		t.Fatalf("late-stopped break ended at %s, want when it was due", d.EndedBreak.End)
	}
}

func TestSettleCompletesAtPlannedLength(t *testing.T) {
	var c focus.Current
	c.StartSession(t0, 25*time.Minute, "")
	c.Pause(t0.Add(10 * time.Minute))
	c.Resume(t0.Add(15 * time.Minute))
	due := t0.Add(30 * time.Minute) // 25 minutes of focus and a 5-minute pause

	if c.Settle(due.Add(-time.Millisecond), 5*time.Minute) || c.Session == nil {
		t.Fatal("settled before the planned length was reached")
	}
	if !c.Settle(due, 5*time.Minute) {
		t.Fatal("not settled at the planned length")
	}
	s := c.Ended
	if c.Session != nil || s.Result != focus.Completed || !s.End.Equal(due) || s.Focused(due) != 25*time.Minute {
		t.Fatalf("settled session: %+v", s)
	}
	if c.Break == nil || !c.Break.Start.Equal(due) || c.Break.Planned != 5*time.Minute {
		t.Fatalf("no break of the policy's length at the end: %+v", c.Break)
	}
	if c.Settle(due, 5*time.Minute) {
		t.Fatal("settling again changed something")
	}
}

func TestSettleLongAfter(t *testing.T) {
	// Nobody looked for two hours: the session ended when it was due, and so
	// did the break after it, not when someone finally asked.
	var c focus.Current
	c.StartSession(t0, 25*time.Minute, "")
	if !c.Settle(t0.Add(2*time.Hour), 5*time.Minute) {
		t.Fatal("nothing settled")
	}
	if !c.Ended.End.Equal(t0.Add(25*time.Minute)) || c.Ended.Result != focus.Completed {
		t.Fatalf("session ended %s %s, want completed at 09:25", c.Ended.Result, c.Ended.End)
	}
	if c.Break != nil || c.EndedBreak == nil || !c.EndedBreak.End.Equal(t0.Add(30*time.Minute)) {
		t.Fatalf("break %+v, ended %+v; want it ended at 09:30", c.Break, c.EndedBreak)
	}
	if c.State() != focus.Idle {
		t.Fatalf("state %s, want idle", c.State())
	}
}

func TestSettleLeavesPausedSessionAndNoBreak(t *testing.T) {
	var c focus.Current
	c.StartSession(t0, 25*time.Minute, "")
	c.Pause(t0.Add(5 * time.Minute))
	if c.Settle(t0.Add(3*time.Hour), 5*time.Minute) || c.State() != focus.Paused {
		t.Fatalf("a paused session settled: state %s", c.State())
	}
	c.Resume(t0.Add(3 * time.Hour))
	// 5 minutes of focus before the pause, 20 after it.
	if !c.Settle(t0.Add(3*time.Hour+20*time.Minute), 0) || c.Break != nil || c.State() != focus.Idle {
		t.Fatalf("with no break policy: settled state %s, break %+v", c.State(), c.Break)
	}
}

func TestSlept(t *testing.T) {
	start := t0
	tests := []struct {
		name        string
		paused      bool
		from, to    time.Duration // from the session's start
		wantAsleep  time.Duration
		wantFocused time.Duration // at start+45m
	}{
		{"inside the session", false, 10 * time.Minute, 40 * time.Minute, 30 * time.Minute, 15 * time.Minute},
		{"began before the session", false, -10 * time.Minute, 5 * time.Minute, 5 * time.Minute, 40 * time.Minute},
		{"entirely before the session", false, -30 * time.Minute, -10 * time.Minute, 0, 45 * time.Minute},
		{"empty span", false, 10 * time.Minute, 10 * time.Minute, 0, 45 * time.Minute},
		{"backwards span", false, 20 * time.Minute, 10 * time.Minute, 0, 45 * time.Minute},
		{"while paused the pause already covers it", true, 10 * time.Minute, 40 * time.Minute, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c focus.Current
			c.StartSession(start, time.Hour, "")
			if tt.paused {
				c.Pause(start)
			}
			c.Slept(start.Add(tt.from), start.Add(tt.to))
			if c.Session.Paused != tt.wantAsleep {
				t.Fatalf("paused %s, want %s", c.Session.Paused, tt.wantAsleep)
			}
			if got := c.Session.Focused(start.Add(45 * time.Minute)); got != tt.wantFocused {
				t.Fatalf("focused %s, want %s", got, tt.wantFocused)
			}
		})
	}

	var idle focus.Current
	idle.Slept(start, start.Add(time.Hour)) // must not panic with no session
	if idle.State() != focus.Idle {
		t.Fatalf("sleeping while idle changed the state to %s", idle.State())
	}
}

func TestSleepMovesCompletion(t *testing.T) {
	var c focus.Current
	c.StartSession(t0, 25*time.Minute, "")
	c.Slept(t0.Add(10*time.Minute), t0.Add(40*time.Minute))
	if got := c.Session.Remaining(t0.Add(45 * time.Minute)); got != 10*time.Minute {
		t.Fatalf("remaining %s after a 30-minute sleep, want 10m", got)
	}
	if c.Settle(t0.Add(55*time.Minute-time.Millisecond), 0) {
		t.Fatal("completed before 25 minutes of focus")
	}
	if !c.Settle(t0.Add(55*time.Minute), 0) || !c.Ended.End.Equal(t0.Add(55*time.Minute)) {
		t.Fatalf("not completed at 09:55: %+v", c.Ended)
	}
}

func TestAsleep(t *testing.T) {
	tests := []struct {
		wall, mono, want time.Duration
	}{
		{time.Second, time.Second, 0},
		{time.Minute, time.Second, 0}, // 59 s apart: a clock adjustment
		{time.Minute + time.Second, time.Second, time.Minute},
		{2*time.Hour + 5*time.Second, 5 * time.Second, 2 * time.Hour},
		{time.Second, 2 * time.Hour, 0}, // the wall clock was set back
	}
	for _, tt := range tests {
		if got := focus.Asleep(tt.wall, tt.mono); got != tt.want {
			t.Errorf("Asleep(%s, %s) = %s, want %s", tt.wall, tt.mono, got, tt.want)
		}
	}
}

func TestFocusedIsNeverNegative(t *testing.T) {
	s := focus.Session{Start: t0, Planned: 25 * time.Minute}
	if got := s.Focused(t0.Add(-time.Minute)); got != 0 {
		t.Fatalf("focused %s before the start", got)
	}
	if got := s.Remaining(t0.Add(time.Hour)); got != 0 {
		t.Fatalf("remaining %s long after the end", got)
	}
}
