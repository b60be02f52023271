package engine

import (
	"time"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
)

// The control socket's answers: `pingwise` commands while the app runs. The
// tracker does the work on the socket's goroutine, and the change is
// published like any other.

var _ control.Handler = (*Engine)(nil)

func (e *Engine) after(action func(*focus.Tracker) (focus.Status, error)) (focus.Status, error) {
	e.mu.Lock()
	st, err := action(e.tracker)
	if err != nil {
		e.mu.Unlock()
		return st, err
	}
	e.actedLocked(st)
	return st, nil
}

// Status settles the state (a session may have ended meanwhile) and
// returns it.
func (e *Engine) Status() (focus.Status, error) {
	return e.after(func(t *focus.Tracker) (focus.Status, error) { return t.Status() })
}

// Start starts a session.
func (e *Engine) Start(planned time.Duration, intent string) (focus.Status, error) {
	return e.after(func(t *focus.Tracker) (focus.Status, error) { return t.Start(planned, intent) })
}

// Pause pauses the session.
func (e *Engine) Pause() (focus.Status, error) {
	return e.after(func(t *focus.Tracker) (focus.Status, error) { return t.Pause() })
}

// Resume resumes the session.
func (e *Engine) Resume() (focus.Status, error) {
	return e.after(func(t *focus.Tracker) (focus.Status, error) { return t.Resume() })
}

// Stop stops the session or the break, with a break after when given.
func (e *Engine) Stop(breakAfter time.Duration) (focus.Status, error) {
	return e.after(func(t *focus.Tracker) (focus.Status, error) { return t.Stop(breakAfter) })
}

// Break starts a break now.
func (e *Engine) Break(length time.Duration) (focus.Status, error) {
	return e.after(func(t *focus.Tracker) (focus.Status, error) { return t.Break(length) })
}

// LogInterruption logs an interruption from the command line.
func (e *Engine) LogInterruption(i focus.Interruption) (focus.Interruption, error) {
	e.mu.Lock()
	i, err := e.tracker.LogInterruption(i)
	if err != nil {
		e.mu.Unlock()
		return i, err
	}
	e.actedLocked(e.statusLocked())
	return i, nil
}

// LogDecision logs a decision from the command line.
func (e *Engine) LogDecision(d focus.Decision) (focus.Decision, error) {
	e.mu.Lock()
	d, err := e.tracker.LogDecision(d)
	if err != nil {
		e.mu.Unlock()
		return d, err
	}
	e.actedLocked(e.statusLocked())
	return d, nil
}

// Show brings the main window to the front.
func (e *Engine) Show() { e.prompt(Prompt{Kind: WindowPrompt}) }

// Quit quits the app.
func (e *Engine) Quit() { e.prompt(Prompt{Kind: QuitPrompt}) }

// ShowStats opens the Weekly focus window on week (2026-W48), or this week
// when week is empty.
func (e *Engine) ShowStats(week string) error {
	loc := e.Location()
	w := focus.WeekOf(e.clock.Now().In(loc))
	if week != "" {
		var err error
		if w, err = focus.ParseWeek(week, loc); err != nil {
			return err
		}
	}
	e.prompt(Prompt{Kind: StatsPrompt, Week: w})
	return nil
}
