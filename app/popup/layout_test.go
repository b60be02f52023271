package popup

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestReasonsPushTheCostDown: when a draft brings more reasons, the lines
// below them move down; nothing is drawn over them.
func TestReasonsPushTheCostDown(t *testing.T) {
	p, _ := newTestPopup(t, Prefill{})
	c := p.Window().Canvas()
	for _, draft := range []string{"The site is down, outage!", "The site is down, checkout fails for everyone, call me now"} {
		p.draft.SetText(draft)
		c.(test.WindowlessCanvas).Capture() // a frame: the canvas lays out what changed
		driver := fyne.CurrentApp().Driver()
		rPos, cPos := driver.AbsolutePositionForObject(p.reasons), driver.AbsolutePositionForObject(p.cost)
		if bottom := rPos.Y + p.reasons.MinSize().Height; bottom > cPos.Y+0.5 {
			t.Errorf("%q: the reasons end at %.0f (laid out %.0f high, need %.0f), the cost line starts at %.0f",
				draft, bottom, p.reasons.Size().Height, p.reasons.MinSize().Height, cPos.Y)
		}
	}
}
