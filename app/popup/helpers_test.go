package popup

import (
	"errors"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/focus"
)

// rec is a Config that records what the popup did. Its After keeps the
// confirmation's auto-close for the test to run.
type rec struct {
	decided []focus.Decision
	copied  []string
	chosen  []Prefill
	modes   []advisor.Mode
	pending []func()
	waits   []time.Duration
	fail    error // what Decide returns
}

func (r *rec) config() Config {
	return Config{
		Base: func() advisor.Situation { return advisor.Situation{RefocusMinutes: 23} },
		Decide: func(d focus.Decision) error {
			r.decided = append(r.decided, d)
			return r.fail
		},
		Copy: func(s string) { r.copied = append(r.copied, s) },
		Chosen: func(m advisor.Mode, p Prefill) {
			r.modes = append(r.modes, m)
			r.chosen = append(r.chosen, p)
		},
		After: func(d time.Duration, f func()) {
			r.waits = append(r.waits, d)
			r.pending = append(r.pending, f)
		},
	}
}

// fire runs the scheduled callbacks, as the timer would.
func (r *rec) fire() {
	fs := r.pending
	r.pending = nil
	for _, f := range fs {
		f()
	}
}

var errLocked = errors.New("database is locked")

// newTestPopup builds a popup in a fresh test app and shows it with pre.
func newTestPopup(t testing.TB, pre Prefill) (*Popup, *rec) {
	t.Helper()
	return newTestPopupIn(t, "", pre)
}

// newTestPopupIn is newTestPopup in a UI language.
func newTestPopupIn(t testing.TB, lang string, pre Prefill) (*Popup, *rec) {
	t.Helper()
	a := test.NewTempApp(t)
	r := &rec{}
	cfg := r.config()
	cfg.Language = lang
	p := New(a.NewWindow("popup"), cfg)
	t.Cleanup(p.Window().Close)
	p.Show(pre)
	return p, r
}

// The driver's dispatch, as Fyne's desktop driver does it: keys and runes
// to the focused widget, else to the canvas; shortcuts to a focused widget
// that takes shortcuts, else to the canvas.

func typeRunes(p *Popup, s string) {
	c := p.Window().Canvas()
	for _, r := range s {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
		} else {
			c.OnTypedRune()(r)
		}
	}
}

func pressKey(p *Popup, k fyne.KeyName) {
	c := p.Window().Canvas()
	ev := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else {
		c.OnTypedKey()(ev)
	}
}

// pressShiftKey presses k with the Shift key shift held, as the driver
// sends it: Shift's KeyDown, then k (no shortcut: Shift alone makes none),
// then Shift's KeyUp, each to the focused widget that follows keys.
func pressShiftKey(p *Popup, shift, k fyne.KeyName) {
	keyable, _ := p.Window().Canvas().Focused().(desktop.Keyable)
	if keyable != nil {
		keyable.KeyDown(&fyne.KeyEvent{Name: shift})
	}
	pressKey(p, k)
	if keyable != nil {
		keyable.KeyUp(&fyne.KeyEvent{Name: shift})
	}
}

func pressShortcut(p *Popup, s fyne.Shortcut) {
	c := p.Window().Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

// toggleFor returns the toggle of criterion c.
func toggleFor(t testing.TB, p *Popup, c advisor.Criterion) *toggle {
	t.Helper()
	for _, tg := range p.toggles {
		if tg.info.Criterion == c {
			return tg
		}
	}
	t.Fatalf("no toggle for %v", c)
	return nil
}

// reasonsText is the reasons as the popup writes them.
func reasonsText(p *Popup) string {
	var s string
	for _, seg := range p.reasons.Segments {
		s += seg.Textual()
		if !seg.Inline() {
			s += "\n"
		}
	}
	return s
}

func headlineText(p *Popup) string { return p.headline.Segments[0].Textual() }

// variant is Fyne's default theme held to one variant.
type variant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

var (
	light = variant{theme.DefaultTheme(), theme.VariantLight}
	dark  = variant{theme.DefaultTheme(), theme.VariantDark}
)
