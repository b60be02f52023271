package popup

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

const siteDown = "The site is down and checkout fails for everyone, can you jump on a call asap?"

// The same situations in German, for the popup in German.
const (
	serverDown = "Der Server ist komplett ausgefallen, der Checkout geht bei niemandem, bitte sofort anrufen!"
	recapDE    = "Kurze Zusammenfassung vom Dienstag: die Entscheidungen stehen im Dokument. Schau es dir an, wenn du Zeit hast."
)

// TestGolden draws the popup for an async and a sync situation, in the
// default light and dark themes, in English and in German (the longest of
// the four languages).
func TestGolden(t *testing.T) {
	for _, c := range []struct {
		golden string
		theme  fyne.Theme
		pre    Prefill
		then   func(p *Popup)
		lang   string
	}{
		{"async_light.png", light, Prefill{People: 4, Channel: "chat", Target: "#design", Text: recap}, nil, ""},
		{"async_dark.png", dark, Prefill{People: 4, Channel: "chat", Target: "#design", Text: recap}, nil, ""},
		{"sync_light.png", light, Prefill{People: 1, Channel: "call", Target: "+1 555 1234", Text: siteDown}, nil, ""},
		{"sync_dark.png", dark, Prefill{People: 1, Channel: "call", Target: "+1 555 1234", Text: siteDown}, nil, ""},
		{"confirmed_dark.png", dark, Prefill{People: 4, Target: "#design", Text: recap}, func(p *Popup) { test.Tap(p.sendAsync) }, ""},
		{"invalid_light.png", light, Prefill{People: 4, Target: "#design", Text: recap}, func(p *Popup) { p.minutesF.entry.SetText("500") }, ""},
		{"de_sync_light.png", light, Prefill{People: 1, Channel: "call", Target: "+49 30 1234", Text: serverDown}, nil, "de"},
		{"de_async_dark.png", dark, Prefill{People: 4, Channel: "chat", Target: "#design", Text: recapDE}, nil, "de"},
		{"de_confirmed_light.png", light, Prefill{People: 4, Target: "#design", Text: recapDE}, func(p *Popup) { test.Tap(p.sendAsync) }, "de"},
	} {
		t.Run(c.golden, func(t *testing.T) {
			p, _ := newTestPopupIn(t, c.lang, c.pre)
			test.ApplyTheme(t, c.theme)
			if c.then != nil {
				c.then(p)
			}
			p.Window().Canvas().Unfocus() // no cursor blinking into the image
			test.AssertImageMatches(t, c.golden, p.Window().Canvas().Capture())
		})
	}
}
