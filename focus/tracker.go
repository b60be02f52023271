package focus

import (
	"fmt"
	"time"
)

// Store keeps sessions, breaks, interruptions and decisions. Update runs a
// transition atomically, even against other processes: it loads the current
// state, runs fn, and saves what fn changed, or nothing if fn fails.
type Store interface {
	Current() (Current, error)
	Update(fn func(*Current) error) error
	AddInterruption(*Interruption) error
	AddDecision(*Decision) error
	SessionAt(t time.Time) (bool, error)
	Log(from, to time.Time) (Log, error)
	EachCompletedEnd(before time.Time, fn func(end time.Time) bool) error
	Deferred(limit int) ([]Interruption, int, error)
	MarkHandled(at time.Time, ids ...string) error
}

// Policy holds the settings the tracker applies.
type Policy struct {
	Break   time.Duration // break after a completed session; 0 for none
	Refocus float64       // minutes to regain focus after an interruption
}

// Tracker runs focus sessions and logs what interrupts them. The tray app and
// the command line both act through it, so they always agree.
type Tracker struct {
	store  Store
	clock  Clock
	policy Policy
}

// NewTracker returns a tracker over store.
func NewTracker(store Store, clock Clock, policy Policy) *Tracker {
	if policy.Refocus <= 0 {
		policy.Refocus = DefaultRefocus
	}
	return &Tracker{store: store, clock: clock, policy: policy}
}

// Policy returns the settings the tracker applies.
func (t *Tracker) Policy() Policy { return t.policy }

// Status is the state at a moment, as the tray and `pingwise status` show it.
type Status struct {
	State     State         `json:"state"`
	Intent    string        `json:"intent"`
	Planned   time.Duration `json:"-"`
	Remaining time.Duration `json:"-"`
	Started   time.Time     `json:"-"` // the session's or break's start; zero when idle
	Ended     *Session      `json:"-"` // a session this call ended, if any
	BreakOver bool          `json:"-"` // a break ran its full length during this call

	PlannedMinutes   int     `json:"planned_minutes"`
	RemainingSeconds int     `json:"remaining_seconds"`
	StartedAt        *string `json:"started_at"` // RFC 3339, null when idle

	// Quiet focus: whether Pingwise has the desktop's Do Not Disturb on
	// ("on", "off", "unavailable"), and the notifications it held during
	// the session.
	DND  string `json:"dnd"`
	Held int    `json:"held"`
}

// Keys of the quiet-focus record in a store's state.
const (
	StateDND            = "dnd"             // what Pingwise changed, to put back
	StateDNDUnavailable = "dnd_unavailable" // the notification server has no switch Pingwise knows
)

// quietStore is the part of a store that keeps the quiet-focus record.
type quietStore interface {
	State(key string) (string, bool, error)
	HeldSince(t time.Time) (int, error)
}

// quiet fills in the quiet-focus part of st.
func (t *Tracker) quiet(st *Status) error {
	st.DND = "off"
	q, ok := t.store.(quietStore)
	if !ok {
		return nil
	}
	if _, on, err := q.State(StateDND); err != nil {
		return err
	} else if on {
		st.DND = "on"
	} else if _, no, err := q.State(StateDNDUnavailable); err != nil {
		return err
	} else if no {
		st.DND = "unavailable"
	}
	if st.State == Focusing || st.State == Paused {
		n, err := q.HeldSince(st.Started)
		st.Held = n
		return err
	}
	return nil
}

func statusOf(c *Current, now time.Time) Status {
	st := Status{State: c.State()}
	switch {
	case c.Session != nil:
		s := c.Session
		st.Intent, st.Planned, st.Remaining, st.Started = s.Intent, s.Planned, s.Remaining(now), s.Start
	case c.Break != nil:
		b := c.Break
		st.Planned, st.Remaining, st.Started = b.Planned, b.Remaining(now), b.Start
	}
	st.PlannedMinutes = int(st.Planned / time.Minute)
	st.RemainingSeconds = int((st.Remaining + time.Second - 1) / time.Second)
	if !st.Started.IsZero() {
		at := st.Started.Format(time.RFC3339)
		st.StartedAt = &at
	}
	return st
}

// Status returns the state now, first settling a session or break that has
// run its length.
func (t *Tracker) Status() (Status, error) {
	now := t.clock.Now()
	c, err := t.store.Current()
	if err != nil {
		return Status{}, err
	}
	st := statusOf(&c, now)
	if c.Settle(now, t.policy.Break) {
		// Save the settled state, so that what ended is logged with the
		// time it ended even if nobody asks again for a week.
		if st, err = t.update(func(*Current) error { return nil }); err != nil {
			return st, err
		}
	}
	return st, t.quiet(&st)
}

// update settles the state, applies fn and returns the resulting status.
func (t *Tracker) update(fn func(*Current) error) (Status, error) {
	now := t.clock.Now()
	var st Status
	err := t.store.Update(func(c *Current) error {
		c.Settle(now, t.policy.Break)
		if err := fn(c); err != nil {
			return err
		}
		st = statusOf(c, now)
		st.Ended = c.Ended
		if b := c.EndedBreak; b != nil && !b.End.Before(b.Start.Add(b.Planned)) {
			st.BreakOver = true
		}
		return nil
	})
	return st, err
}

// Start begins a focus session of the planned length.
func (t *Tracker) Start(planned time.Duration, intent string) (Status, error) {
	return t.update(func(c *Current) error { return c.StartSession(t.clock.Now(), planned, intent) })
}

// Pause pauses the running session.
func (t *Tracker) Pause() (Status, error) {
	return t.update(func(c *Current) error { return c.Pause(t.clock.Now()) })
}

// Resume resumes the paused session.
func (t *Tracker) Resume() (Status, error) {
	return t.update(func(c *Current) error { return c.Resume(t.clock.Now()) })
}

// Stop ends the session or break. A session stopped with a break length
// above zero is followed by a break that long.
func (t *Tracker) Stop(breakAfter time.Duration) (Status, error) {
	return t.update(func(c *Current) error { return c.Stop(t.clock.Now(), breakAfter) })
}

// Break starts a break now.
func (t *Tracker) Break(length time.Duration) (Status, error) {
	return t.update(func(c *Current) error { return c.StartBreak(t.clock.Now(), length) })
}

// Slept takes a span the computer spent asleep out of the running session.
// What was due before the lid shut ends then; only after the span is
// folded in may the rest settle, or the session would complete asleep.
func (t *Tracker) Slept(from, to time.Time) error {
	now := t.clock.Now()
	return t.store.Update(func(c *Current) error {
		c.Settle(from, t.policy.Break)
		c.Slept(from, to)
		c.Settle(now, t.policy.Break)
		return nil
	})
}

// PauseSince pauses the running session as of since, a moment already past:
// when the person left the keyboard. The session is settled at that moment,
// so time away can neither count as focus nor complete it.
func (t *Tracker) PauseSince(since time.Time) (Status, error) {
	now := t.clock.Now()
	var st Status
	err := t.store.Update(func(c *Current) error {
		c.Settle(since, t.policy.Break)
		s := c.Session
		if s == nil || s.IsPaused() {
			return ErrNotRunning
		}
		// A pause cannot begin before the focus it takes away.
		if earliest := s.Start.Add(s.Paused); since.Before(earliest) {
			since = earliest
		}
		if since.After(now) {
			since = now
		}
		if err := c.Pause(since); err != nil {
			return err
		}
		st = statusOf(c, now)
		st.Ended = c.Ended
		return nil
	})
	return st, err
}

// LogInterruption validates and stores an interruption. A zero At means now;
// ID and InSession are filled in.
func (t *Tracker) LogInterruption(i Interruption) (Interruption, error) {
	now := t.clock.Now()
	if i.At.IsZero() {
		i.At = now
	}
	if i.People == 0 {
		i.People = 1
	}
	if i.Count == 0 {
		i.Count = 1
	}
	if err := i.Validate(); err != nil {
		return i, err
	}
	if i.At.After(now.Add(time.Minute)) {
		return i, fmt.Errorf("time %s is in the future", i.At.Format(time.RFC3339))
	}
	in, err := t.store.SessionAt(i.At)
	if err != nil {
		return i, err
	}
	i.ID, i.InSession = NewID(), in
	return i, t.store.AddInterruption(&i)
}

// LogDecision validates and stores a sync-or-async decision made now.
func (t *Tracker) LogDecision(d Decision) (Decision, error) {
	d.At = t.clock.Now()
	if d.People == 0 {
		d.People = 1
	}
	if err := d.Validate(); err != nil {
		return d, err
	}
	in, err := t.store.SessionAt(d.At)
	if err != nil {
		return d, err
	}
	d.ID, d.InSession = NewID(), in
	return d, t.store.AddDecision(&d)
}

// Week returns the stats of week w.
func (t *Tracker) Week(w Week) (Stats, error) {
	now := t.clock.Now()
	this, err := t.store.Log(w.Start(), w.End())
	if err != nil {
		return Stats{}, err
	}
	prev, err := t.store.Log(w.Prev().Start(), w.Start())
	if err != nil {
		return Stats{}, err
	}
	streak, err := t.streak(w, now)
	if err != nil {
		return Stats{}, err
	}
	st := Summarize(w, now, this, prev, t.policy.Refocus, streak)
	if n, ok := t.store.(deviceNamer); ok && len(st.Devices) > 0 {
		names, err := n.DeviceNames()
		if err != nil {
			return st, err
		}
		for i := range st.Devices {
			st.Devices[i].Name = names[st.Devices[i].Device]
		}
	}
	return st, nil
}

// deviceNamer is a store that knows the names of the devices it syncs with.
type deviceNamer interface {
	DeviceNames() (map[string]string, error)
}

// streak counts back from the week's last day, or from today in the
// current week. A week still to come has none.
func (t *Tracker) streak(w Week, now time.Time) (int, error) {
	now = now.In(w.Loc)
	if now.Before(w.Start()) {
		return 0, nil
	}
	// A past week's streak is the one that stood when its Sunday was over.
	// Anchoring on the Monday after, whose sessions are not fed, keeps the
	// grace for a day without a session yet, which is for today only, from
	// applying to that Sunday.
	anchor, before := w.End(), w.End()
	if now.Before(w.End()) {
		y, m, d := now.Date()
		anchor, before = now, time.Date(y, m, d+1, 0, 0, 0, 0, w.Loc)
	}
	s := NewStreak(anchor)
	err := t.store.EachCompletedEnd(before, s.See)
	return s.Days, err
}

// Deferred returns the interruptions deferred during focus sessions and not
// answered yet, latest first and at most limit, and how many there are: the
// break is when they get answered.
func (t *Tracker) Deferred(limit int) ([]Interruption, int, error) {
	return t.store.Deferred(limit)
}

// MarkHandled marks deferred interruptions answered; with no ids, all of
// them.
func (t *Tracker) MarkHandled(ids ...string) error {
	return t.store.MarkHandled(t.clock.Now(), ids...)
}
