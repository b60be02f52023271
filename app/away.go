package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/focus"
)

// askAway asks, on return, what the time away since was: an interruption
// (and which channel) or a planned break. One click answers and resumes.
func (s *shell) askAway(since time.Time, gone time.Duration) {
	if s.awayWin == nil {
		s.awayWin = s.app.NewWindow("Welcome back")
	}
	w := s.awayWin
	answer := func(ch focus.Channel) func() {
		return func() {
			w.Hide()
			_ = s.eng.AnswerAway(since, ch) // a failure is the engine's notice
		}
	}
	w.SetCloseIntercept(answer(""))
	buttons := container.NewGridWithColumns(3)
	for _, c := range []focus.Channel{focus.InPerson, focus.Call, focus.Chat, focus.Meeting, focus.Email, focus.Other} {
		buttons.Add(widget.NewButton(c.Label(), answer(c)))
	}
	brk := widget.NewButton("A planned break", answer(""))
	brk.Importance = widget.HighImportance
	w.SetContent(container.NewVBox(
		widget.NewLabelWithStyle(fmt.Sprintf("You were away for %s. Your session is paused.", focus.Human(gone.Round(time.Minute))),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("Was it an interruption? Pick how it came; or a break you meant to take."),
		buttons, brk,
	))
	w.Show()
	w.RequestFocus()
}
