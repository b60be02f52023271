package focus

import (
	"errors"
	"fmt"
	"time"
)

// Session lengths a person may plan.
const (
	MinPlanned = time.Minute
	MaxPlanned = 8 * time.Hour
)

// Result is how a focus session ended.
type Result string

// A session that ran its planned length is completed; one stopped early is
// abandoned.
const (
	Completed Result = "completed"
	Abandoned Result = "abandoned"
)

// State is what a person is doing right now, as the tray shows it.
type State string

// The states a person can be in.
const (
	Idle     State = "idle"
	Focusing State = "focusing"
	Paused   State = "paused"
	OnBreak  State = "break"
)

// Errors for transitions that do not apply to the current state. They are
// written to be shown to a person as they are.
var (
	ErrActive     = errors.New("a focus session is already running; stop it first")
	ErrNotRunning = errors.New("no focus session is running")
	ErrNotPaused  = errors.New("the focus session is not paused")
	ErrNothing    = errors.New("nothing to stop: no focus session or break is running")
)

// Session is one focus session. Time paused, or spent with the computer
// asleep, is not focus time: it is folded into Paused.
type Session struct {
	ID       string
	Start    time.Time
	Planned  time.Duration
	Intent   string
	Paused   time.Duration // paused or asleep, not counting a pause in progress
	PausedAt time.Time     // start of the pause in progress; zero when running
	End      time.Time     // zero while the session is active
	Result   Result        // empty while the session is active
	Device   string        // the device that logged it, by id; empty for this one
}

// Active reports whether the session has not ended yet.
func (s *Session) Active() bool { return s.End.IsZero() }

// IsPaused reports whether the session is active and paused.
func (s *Session) IsPaused() bool { return s.Active() && !s.PausedAt.IsZero() }

// Focused returns the focus time the session has had by now.
func (s *Session) Focused(now time.Time) time.Duration {
	end := now
	if !s.End.IsZero() {
		end = s.End
	}
	if !s.PausedAt.IsZero() && s.PausedAt.Before(end) {
		end = s.PausedAt
	}
	d := end.Sub(s.Start) - s.Paused
	return max(d, 0)
}

// Remaining returns the focus time left before the session completes.
func (s *Session) Remaining(now time.Time) time.Duration {
	return max(s.Planned-s.Focused(now), 0)
}

// due is when a running session reaches its planned length.
func (s *Session) due() time.Time { return s.Start.Add(s.Paused + s.Planned) }

// Break is a rest after a focus session.
type Break struct {
	ID      string
	Start   time.Time
	Planned time.Duration
	End     time.Time // zero while the break runs
}

// Remaining returns the time left in the break.
func (b *Break) Remaining(now time.Time) time.Duration {
	return max(b.Start.Add(b.Planned).Sub(now), 0)
}

// Current is the state a person is in: at most one active session, or a
// break. Transitions change it in place; a Store saves what changed.
type Current struct {
	Session *Session // the active session, nil when none
	Break   *Break   // the running break, nil when none

	// What ended during a transition, for the Store to save.
	Ended      *Session
	EndedBreak *Break
}

// State reports the person's state.
func (c *Current) State() State {
	switch {
	case c.Session != nil && c.Session.IsPaused():
		return Paused
	case c.Session != nil:
		return Focusing
	case c.Break != nil:
		return OnBreak
	}
	return Idle
}

// Settle brings the state up to now: a running session whose planned length
// has passed completes at the moment it did, and starts a break of
// breakLength (none when zero); a break that has run its length ends.
// It reports whether anything changed.
func (c *Current) Settle(now time.Time, breakLength time.Duration) bool {
	changed := false
	if s := c.Session; s != nil && s.PausedAt.IsZero() && !now.Before(s.due()) {
		s.End, s.Result = s.due(), Completed
		c.Ended, c.Session = s, nil
		changed = true
		if breakLength > 0 {
			c.Break = &Break{ID: NewID(), Start: s.End, Planned: breakLength}
		}
	}
	if b := c.Break; b != nil && !now.Before(b.Start.Add(b.Planned)) {
		c.endBreak(now)
		changed = true
	}
	return changed
}

// StartSession begins a focus session, ending a break in progress.
func (c *Current) StartSession(now time.Time, planned time.Duration, intent string) error {
	if err := CheckPlanned(planned); err != nil {
		return err
	}
	if err := CheckText("intent", intent, MaxIntent); err != nil {
		return err
	}
	if c.Session != nil {
		return ErrActive
	}
	c.endBreak(now)
	c.Session = &Session{ID: NewID(), Start: now, Planned: planned, Intent: intent}
	return nil
}

// Pause pauses the running session.
func (c *Current) Pause(now time.Time) error {
	s := c.Session
	if s == nil {
		return ErrNotRunning
	}
	if s.IsPaused() {
		return errors.New("the focus session is already paused")
	}
	s.PausedAt = now
	return nil
}

// Resume resumes the paused session.
func (c *Current) Resume(now time.Time) error {
	s := c.Session
	if s == nil {
		return ErrNotRunning
	}
	if !s.IsPaused() {
		return ErrNotPaused
	}
	s.Paused += now.Sub(s.PausedAt)
	s.PausedAt = time.Time{}
	return nil
}

// Stop ends the active session (completed if it ran its planned length,
// else abandoned) or the running break. A breakLength above zero starts a
// break after a stopped session.
func (c *Current) Stop(now time.Time, breakLength time.Duration) error {
	s := c.Session
	if s == nil {
		if c.Break == nil {
			return ErrNothing
		}
		c.endBreak(now)
		return nil
	}
	if s.IsPaused() {
		s.Paused += now.Sub(s.PausedAt)
		s.PausedAt = time.Time{}
	}
	s.End, s.Result = now, Abandoned
	if s.Focused(now) >= s.Planned {
		s.Result = Completed
	}
	c.Ended, c.Session = s, nil
	if breakLength > 0 {
		c.Break = &Break{ID: NewID(), Start: now, Planned: breakLength}
	}
	return nil
}

// StartBreak starts a break now, replacing a running one.
func (c *Current) StartBreak(now time.Time, length time.Duration) error {
	if c.Session != nil {
		return errors.New("a focus session is running; stop it before a break")
	}
	if err := CheckBreak(length); err != nil {
		return err
	}
	c.endBreak(now)
	c.Break = &Break{ID: NewID(), Start: now, Planned: length}
	return nil
}

// Slept folds a span the computer spent asleep into the running session's
// paused time, so that a shut lid is not counted as focus.
func (c *Current) Slept(from, to time.Time) {
	s := c.Session
	if s == nil || s.IsPaused() || !to.After(from) {
		return
	}
	if from.Before(s.Start) {
		from = s.Start
	}
	if to.After(from) {
		s.Paused += to.Sub(from)
	}
}

// endBreak ends the running break now, or when it was due if that was
// earlier.
func (c *Current) endBreak(now time.Time) {
	b := c.Break
	if b == nil {
		return
	}
	b.End = now
	if due := b.Start.Add(b.Planned); due.Before(now) {
		b.End = due
	}
	c.EndedBreak, c.Break = b, nil
}

// CheckPlanned reports whether d is a session length a person may plan.
func CheckPlanned(d time.Duration) error {
	return checkRange("session length", d, MinPlanned, MaxPlanned)
}

// MaxBreak is the longest break: past two hours it is not a break but the
// end of the working day. The CLI, the settings and the tray share it.
const MaxBreak = 2 * time.Hour

// CheckBreak reports whether d is a break length a person may take.
func CheckBreak(d time.Duration) error {
	return checkRange("break", d, time.Minute, MaxBreak)
}

func checkRange(what string, d, lo, hi time.Duration) error {
	if d < lo || d > hi {
		return fmt.Errorf("%s %s is out of range: use %s to %s", what, FormatDuration(d), FormatDuration(lo), FormatDuration(hi))
	}
	return nil
}
