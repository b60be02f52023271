package app

import (
	"fyne.io/systray"

	"github.com/pingwise/pingwise/focus"
)

// setTrayText puts the time left next to the icon and in its tooltip.
// Fyne does not wrap these, so they go to systray directly.
func setTrayText(st focus.Status) {
	title := "Pingwise"
	if st.State != focus.Idle {
		title = focus.Human(focus.Countdown(st.Remaining))
	}
	systray.SetTitle(title)
	systray.SetTooltip("Pingwise: " + st.Line())
}
