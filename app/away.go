package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/focus"
)

// The away watch: no input for away_minutes during a session pauses it
// from the moment input stopped; the first input after that asks, in one
// click, what it was.

const (
	awayCheck   = 20 * time.Second // how often idle time is read during a session
	returnCheck = 2 * time.Second  // how often while away, to ask soon after the return
	backIdle    = 5 * time.Second  // idle less than this after being away: back
)

type away struct {
	timer *time.Timer
	since time.Time // when input stopped; zero when not away
	win   fyne.Window
}

// watchAway starts the away watch when X11 can tell idle time.
func (s *shell) watchAway() {
	if s.x == nil {
		return
	}
	s.away.timer = time.AfterFunc(awayCheck, func() { fyne.Do(s.checkAway) })
}

func (s *shell) checkAway() {
	next := awayCheck
	defer func() { s.away.timer.Reset(next) }()
	limit := time.Duration(s.settings.AwayMinutes * float64(time.Minute))
	if limit == 0 {
		return
	}
	idle, err := s.x.Idle()
	if err != nil {
		return
	}
	now := time.Now()
	if !s.away.since.IsZero() {
		next = returnCheck
		if idle < backIdle {
			s.askAway(now.Sub(s.away.since) - idle)
		}
		return
	}
	if idle < limit {
		return
	}
	st, err := s.track().Status()
	if err != nil || st.State != focus.Focusing {
		return
	}
	since := now.Add(-idle)
	if _, err := s.track().PauseSince(since); err != nil {
		s.main.notice(err.Error())
		return
	}
	s.away.since = since
	next = returnCheck
	s.refresh()
}

// askAway asks, on return, what the time away was: an interruption (and
// which channel) or a planned break. One click answers and resumes.
func (s *shell) askAway(gone time.Duration) {
	since := s.away.since
	if s.away.win == nil {
		s.away.win = s.app.NewWindow("Welcome back")
		s.away.win.SetCloseIntercept(func() { s.answerAway(since, "") })
	}
	answer := func(ch focus.Channel) func() { return func() { s.answerAway(since, ch) } }
	buttons := container.NewGridWithColumns(3)
	for _, c := range []focus.Channel{focus.InPerson, focus.Call, focus.Chat, focus.Meeting, focus.Email, focus.Other} {
		buttons.Add(widget.NewButton(channelLabel(c), answer(c)))
	}
	brk := widget.NewButton("A planned break", answer(""))
	brk.Importance = widget.HighImportance
	s.away.win.SetContent(container.NewVBox(
		widget.NewLabelWithStyle(fmt.Sprintf("You were away for %s. Your session is paused.", focus.Human(gone.Round(time.Minute))),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("Was it an interruption? Pick how it came; or a break you meant to take."),
		buttons, brk,
	))
	s.away.win.Show()
	s.away.win.RequestFocus()
	s.away.since = time.Time{} // asked: a second return is not asked again
}

// answerAway logs the answer, an interruption taken on channel ch (none for
// a planned break), and resumes the session.
func (s *shell) answerAway(since time.Time, ch focus.Channel) {
	s.away.win.Hide()
	if ch != "" {
		if _, err := s.track().LogInterruption(focus.Interruption{At: since, Direction: focus.Incoming,
			Channel: ch, Outcome: focus.Taken, Note: "away from the keyboard"}); err != nil {
			s.main.notice(err.Error())
		}
	}
	if st, err := s.track().Status(); err == nil && st.State == focus.Paused {
		s.do(func(t *focus.Tracker) (focus.Status, error) { return t.Resume() })
		return
	}
	s.refresh()
}
