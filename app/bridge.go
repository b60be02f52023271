package app

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
)

// This file is the only place where work from other goroutines (the control
// socket, timers) reaches the UI: always through fyne.Do.

// handler answers the control socket. The tracker does the work on the
// socket's goroutine; the UI is refreshed on its own.
type handler struct{ s *shell }

func (h handler) after(st focus.Status, err error) (focus.Status, error) {
	if err == nil {
		fyne.Do(func() { h.s.acted(st) })
	}
	return st, err
}

func (h handler) Status() (focus.Status, error) { return h.after(h.s.track().Status()) }
func (h handler) Pause() (focus.Status, error)  { return h.after(h.s.track().Pause()) }
func (h handler) Resume() (focus.Status, error) { return h.after(h.s.track().Resume()) }

func (h handler) Start(planned time.Duration, intent string) (focus.Status, error) {
	return h.after(h.s.track().Start(planned, intent))
}

func (h handler) Stop(breakAfter time.Duration) (focus.Status, error) {
	return h.after(h.s.track().Stop(breakAfter))
}

func (h handler) Break(length time.Duration) (focus.Status, error) {
	return h.after(h.s.track().Break(length))
}

func (h handler) LogInterruption(i focus.Interruption) (focus.Interruption, error) {
	i, err := h.s.track().LogInterruption(i)
	if err == nil {
		fyne.Do(h.s.refresh)
	}
	return i, err
}

func (h handler) LogDecision(d focus.Decision) (focus.Decision, error) {
	d, err := h.s.track().LogDecision(d)
	if err == nil {
		fyne.Do(h.s.refresh)
	}
	return d, err
}

func (h handler) Show() { fyne.Do(h.s.main.present) }

func (h handler) Quit() { fyne.Do(h.s.quit) }

func (h handler) Ask(a control.Ask) {
	fyne.Do(func() { h.s.askWith(a) })
}

func (h handler) ShowStats(week string) error {
	errc := make(chan error, 1)
	fyne.Do(func() { errc <- h.s.showStats(week) })
	return <-errc
}

// ticker refreshes the UI when what it shows changes by itself: the minute
// a countdown reaches, a session or break ending. Between those it sleeps;
// at most a minute, so that the state line also catches changes made to
// the store by other processes, and so that a suspend is noticed.
type ticker struct {
	s     *shell
	timer *time.Timer
	last  time.Time // with its monotonic reading
}

const maxTick = time.Minute

func newTicker(s *shell) *ticker {
	t := &ticker{s: s, last: time.Now()}
	t.timer = time.AfterFunc(maxTick, func() { fyne.Do(t.tick) })
	return t
}

// schedule sets the next tick for what st shows.
func (t *ticker) schedule(st focus.Status) {
	next := maxTick
	if st.State == focus.Focusing || st.State == focus.OnBreak {
		// The countdown shows whole minutes, rounded up: it changes when
		// the time left crosses a minute.
		if d := st.Remaining % time.Minute; d > 0 && d < next {
			next = d
		}
		if st.Remaining < next {
			next = st.Remaining
		}
	}
	t.timer.Reset(max(next, 50*time.Millisecond))
}

func (t *ticker) tick() {
	now := time.Now()
	wall, mono := now.Round(0).Sub(t.last.Round(0)), now.Sub(t.last)
	if gap := focus.Asleep(wall, mono); gap > 0 {
		// The lid was shut: that was not focus.
		if err := t.s.track().Slept(now.Add(-gap), now); err != nil {
			t.s.main.notice(err.Error())
		}
	}
	t.last = now
	t.s.refresh()
}
