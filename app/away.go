package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/engine"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// askAway asks, on return, what the time away since was: an interruption
// (and which channel) or a planned break. One click answers and resumes.
func (s *shell) askAway(since time.Time, gone time.Duration) {
	if s.awayWin == nil {
		s.awayWin = s.app.NewWindow(s.tr.S("away.title"))
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
		buttons.Add(widget.NewButton(engine.ChannelLabel(s.tr, c), answer(c)))
	}
	brk := widget.NewButton(s.tr.S("away.break"), answer(""))
	brk.Importance = widget.HighImportance
	w.SetContent(container.NewVBox(
		widget.NewLabelWithStyle(s.tr.S("away.gone", l10n.Args{"Time": awayFor(s.tr, gone)}),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(s.tr.S("away.ask")),
		buttons, brk,
	))
	w.Show()
	w.RequestFocus()
}

// awayFor says how long a person was away: in words under an hour ("12
// minutes", "1 Minute"), as the tray writes durations from an hour on.
func awayFor(tr *l10n.T, gone time.Duration) string {
	gone = gone.Round(time.Minute)
	if gone < time.Hour {
		return tr.N("away.minutes", int(gone/time.Minute))
	}
	return focus.Human(gone)
}
