package app

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/pingwise/pingwise/engine"
)

// bridge is the only way work from other goroutines (the engine, its
// timers and watches, the control socket) reaches the UI: always through
// fyne.Do, here and nowhere else.
type bridge struct{ s *shell }

func (b bridge) Show(snap engine.Snapshot) { fyne.Do(func() { b.s.render(snap) }) }

func (b bridge) Prompt(p engine.Prompt) { fyne.Do(func() { b.s.prompt(p) }) }

// after runs f on Fyne's goroutine after d.
func (b bridge) after(d time.Duration, f func()) {
	time.AfterFunc(d, func() { fyne.Do(f) })
}
