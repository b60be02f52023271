package popup

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

const siteDown = "The site is down and checkout fails for everyone, can you jump on a call asap?"

// TestGolden draws the popup for an async and a sync situation, in the
// default light and dark themes.
func TestGolden(t *testing.T) {
	for _, c := range []struct {
		golden string
		theme  fyne.Theme
		pre    Prefill
		then   func(p *Popup)
	}{
		{"async_light.png", light, Prefill{People: 4, Channel: "chat", Target: "#design", Text: recap}, nil},
		{"async_dark.png", dark, Prefill{People: 4, Channel: "chat", Target: "#design", Text: recap}, nil},
		{"sync_light.png", light, Prefill{People: 1, Channel: "call", Target: "+1 555 1234", Text: siteDown}, nil},
		{"sync_dark.png", dark, Prefill{People: 1, Channel: "call", Target: "+1 555 1234", Text: siteDown}, nil},
		{"confirmed_dark.png", dark, Prefill{People: 4, Target: "#design", Text: recap}, func(p *Popup) { test.Tap(p.sendAsync) }},
		{"invalid_light.png", light, Prefill{People: 4, Target: "#design", Text: recap}, func(p *Popup) { p.minutesF.entry.SetText("500") }},
	} {
		t.Run(c.golden, func(t *testing.T) {
			p, _ := newTestPopup(t, c.pre)
			test.ApplyTheme(t, c.theme)
			if c.then != nil {
				c.then(p)
			}
			p.Window().Canvas().Unfocus() // no cursor blinking into the image
			test.AssertImageMatches(t, c.golden, p.Window().Canvas().Capture())
		})
	}
}
