package app

import (
	"github.com/pingwise/pingwise/focus"
)

// The shell's answers to the tray menu and the main window's buttons. They
// run on the UI goroutine.

func (s *shell) pauseResume() {
	s.do(func(t *focus.Tracker) (focus.Status, error) {
		st, err := t.Status()
		if err == nil && st.State == focus.Paused {
			return t.Resume()
		}
		return t.Pause()
	})
}

func (s *shell) stop() {
	s.do(func(t *focus.Tracker) (focus.Status, error) { return t.Stop(0) })
}

func (s *shell) logInterruption(c focus.Channel, o focus.Outcome) {
	_, err := s.track().LogInterruption(focus.Interruption{Direction: focus.Incoming, Channel: c, Outcome: o})
	if err != nil {
		s.main.notice(err.Error())
		return
	}
	s.main.notice("Logged: " + channelLabel(c) + ", " + string(o) + ".")
	s.refresh()
}

func (s *shell) markHandled(id string) {
	var err error
	if id == "" {
		err = s.track().MarkHandled()
	} else {
		err = s.track().MarkHandled(id)
	}
	if err != nil {
		s.main.notice(err.Error())
	}
	s.refresh()
}

func (s *shell) showStatsNow() {
	if err := s.showStats(""); err != nil {
		s.main.notice(err.Error())
		s.main.present()
	}
}
