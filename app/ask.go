package app

import (
	"time"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/app/popup"
	"github.com/pingwise/pingwise/app/xdg"
	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
)

// newPopup builds the "Sync or async?" popup ahead of time, so that a key
// press only has to show it.
func (s *shell) newPopup() *popup.Popup {
	return popup.New(s.app.NewWindow(popup.Title), popup.Config{
		Base: func() advisor.Situation {
			sit := advisor.Situation{Now: time.Now(), RefocusMinutes: s.settings.RefocusMinutes}
			sit.WorkingHours.Start, sit.WorkingHours.End, _ = s.settings.Hours()
			return sit
		},
		Decide: func(d focus.Decision) error {
			if _, err := s.track().LogDecision(d); err != nil {
				return err
			}
			s.refresh()
			return nil
		},
		Copy:   func(text string) { s.app.Clipboard().SetContent(text) },
		Chosen: s.chosen,
	})
}

// chosen hands a call or message link on to the handler it had before
// Pingwise when the person goes sync; going async, the link is dropped and
// the popup has offered the async channel instead.
func (s *shell) chosen(mode advisor.Mode, p popup.Prefill) {
	if mode != advisor.Sync || p.Link == "" {
		return
	}
	l, err := xdg.ParseLink(p.Link)
	if err == nil {
		err = xdg.HandOff(s.dirs.Config, l, xdg.DataDirs())
	}
	if err != nil {
		s.sayOnce(err.Error())
	}
}

func (s *shell) ask() { s.askWith(control.Ask{}) }

// askWith opens the popup, prefilled; pressed again while it is open, it
// only brings it to the front.
func (s *shell) askWith(a control.Ask) {
	s.popup.Show(popup.Prefill{People: a.People, Channel: a.Channel, Target: a.Target, Text: a.Text, Link: a.Link})
}
