package popup

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// draft2K is a realistic long draft, about 2 KB: a status update with a
// question in it, the kind people paste.
var draft2K = strings.Repeat("Quick update on the checkout migration: the new payment flow is live for 10% of "+
	"traffic and error rates look normal so far. We still need a decision on the rollback plan before Friday, "+
	"and the recap from Tuesday's review is in the doc. Could you have a look when you get a chance?\n", 7)

// BenchmarkShow is what the hotkey pays: Show on a built, hidden popup
// (reset, prefill, verdict, focus), then Hide.
func BenchmarkShow(b *testing.B) {
	a := test.NewTempApp(b)
	p := New(a.NewWindow(""), Config{})
	pre := Prefill{People: 3, Channel: "call", Target: "+1 555 1234", Text: "can we talk about the launch?"}
	b.ReportAllocs()
	for b.Loop() {
		p.Show(pre)
		p.Hide()
	}
}

// BenchmarkShowPainted adds painting the window, with the test driver's
// software painter (far slower than the GL one): an upper bound.
func BenchmarkShowPainted(b *testing.B) {
	a := test.NewTempApp(b)
	p := New(a.NewWindow(""), Config{})
	pre := Prefill{People: 3, Channel: "call", Target: "+1 555 1234", Text: "can we talk about the launch?"}
	for b.Loop() {
		p.Show(pre)
		p.Window().Canvas().Capture()
		p.Hide()
	}
}

// BenchmarkTyping is one keystroke at the end of a 2 KB draft: the entry
// takes the rune, then the live verdict (advisor and the widgets it
// touches). verdict-ns/op is the verdict's part alone.
func BenchmarkTyping(b *testing.B) {
	a := test.NewTempApp(b)
	p := New(a.NewWindow(""), Config{})
	p.Show(Prefill{People: 4, Text: draft2K})
	const keys = "and the site is down? "
	var verdict time.Duration
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%200 == 199 { // keep the draft near 2 KB
			b.StopTimer()
			p.draft.SetText(draft2K)
			p.draft.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
			b.StartTimer()
		}
		p.quiet = true
		p.draft.TypedRune(rune(keys[i%len(keys)]))
		p.quiet = false
		t := time.Now()
		p.changed()
		verdict += time.Since(t)
		i++
	}
	b.ReportMetric(float64(verdict.Nanoseconds())/float64(b.N), "verdict-ns/op")
	if len(p.draft.Text) < len(draft2K) {
		b.Fatal("the keystrokes did not reach the draft")
	}
}
