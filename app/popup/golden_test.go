package popup

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestGolden draws the popup for an async and a sync situation, in the
// default light and dark themes.
func TestGolden(t *testing.T) {
	for _, c := range []struct {
		golden string
		theme  fyne.Theme
		pre    Prefill
	}{
		{"async_light.png", light, Prefill{People: 4, Channel: "chat", Target: "#design",
			Text: "Here is the recap of the launch review. Can you check the numbers by Friday? No rush."}},
		{"async_dark.png", dark, Prefill{People: 4, Channel: "chat", Target: "#design",
			Text: "Here is the recap of the launch review. Can you check the numbers by Friday? No rush."}},
		{"sync_light.png", light, Prefill{People: 1, Channel: "call", Target: "+1 555 1234",
			Text: "The site is down and checkout fails for everyone, can you jump on a call asap?"}},
		{"sync_dark.png", dark, Prefill{People: 1, Channel: "call", Target: "+1 555 1234",
			Text: "The site is down and checkout fails for everyone, can you jump on a call asap?"}},
	} {
		t.Run(c.golden, func(t *testing.T) {
			p, _ := newTestPopup(t, c.pre)
			test.ApplyTheme(t, c.theme)
			p.Window().Canvas().Unfocus() // no cursor blinking into the image
			test.AssertImageMatches(t, c.golden, p.Window().Canvas().Capture())
		})
	}
}
