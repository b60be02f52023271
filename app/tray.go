package app

import (
	"fyne.io/systray"

	"github.com/pingwise/pingwise/engine"
	"github.com/pingwise/pingwise/focus"
)

// setTrayText puts the time left next to the icon and in its tooltip, each
// minute; the menu itself stays as it is. Fyne does not wrap these, so they
// go to systray directly, and only on change.
func (s *shell) setTrayText(st focus.Status) {
	title := "Pingwise"
	if st.State != focus.Idle {
		title = focus.Human(focus.Countdown(st.Remaining))
	}
	tip := "Pingwise: " + engine.Line(s.tr, st)
	if title+tip == s.title {
		return
	}
	s.title = title + tip
	systray.SetTitle(title)
	systray.SetTooltip(tip)
}
