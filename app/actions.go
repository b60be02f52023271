package app

import (
	"time"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
)

// The shell's answers to the tray menu and the main window's buttons: each
// hands the person's intent to the engine, whose next snapshot shows the
// outcome (a failure as its notice). They run on Fyne's goroutine.

func (s *shell) startFocus(d time.Duration) { _ = s.eng.StartFocus(d, s.main.intent()) }
func (s *shell) pauseResume()               { _ = s.eng.PauseResume() }
func (s *shell) stop()                      { _ = s.eng.StopFocus() }
func (s *shell) ask()                       { s.askWith(control.Ask{}) }
func (s *shell) showStatsNow()              { _ = s.eng.ShowStats("") }

func (s *shell) logInterruption(c focus.Channel, o focus.Outcome) { _ = s.eng.LogIncoming(c, o) }

func (s *shell) markHandled(id string) {
	if id == "" {
		_ = s.eng.MarkHandled()
		return
	}
	_ = s.eng.MarkHandled(id)
}
