package popup

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Fyne sends keys to the focused widget, and to the canvas only when
// nothing has the focus; shortcuts go to a focused widget that takes
// shortcuts (an entry), else to the canvas. So the canvas handles the keys
// when nothing is focused, and every focusable widget of the popup passes
// on what it does not use itself: letters (accelerators), Enter, Esc, and
// the popup's shortcuts.

// bindKeys sets the canvas's handlers and shortcuts.
func (p *Popup) bindKeys() {
	c := p.win.Canvas()
	c.SetOnTypedRune(p.typedRune)
	c.SetOnTypedKey(p.typedKey)
	for _, t := range p.toggles {
		alt := &desktop.CustomShortcut{KeyName: letterKey(t.info.Key), Modifier: fyne.KeyModifierAlt}
		c.AddShortcut(alt, func(s fyne.Shortcut) { p.shortcut(s) })
	}
	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter} {
		for _, m := range []fyne.KeyModifier{fyne.KeyModifierControl, fyne.KeyModifierSuper} {
			c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: m}, func(s fyne.Shortcut) { p.shortcut(s) })
		}
	}
}

// letterKey is the key name of an ASCII letter: 'u' is fyne.KeyU.
func letterKey(b byte) fyne.KeyName { return fyne.KeyName(unicode.ToUpper(rune(b))) }

// typedRune flips the toggle whose accelerator r is, in either case.
func (p *Popup) typedRune(r rune) {
	r = unicode.ToLower(r)
	for _, t := range p.toggles {
		if rune(t.info.Key) == r {
			p.flip(t.info.Criterion)
			return
		}
	}
}

// typedKey takes the recommended action on Enter and closes on Esc.
func (p *Popup) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		p.choose(p.v.Mode)
	case fyne.KeyEscape:
		p.Hide()
	}
}

// shortcut handles the popup's shortcuts, wherever the focus is: Alt+letter
// flips a toggle, Ctrl+Enter (Cmd+Enter) takes the recommended action. It
// reports whether s was one of them.
func (p *Popup) shortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return false
	}
	switch cs.Modifier {
	case fyne.KeyModifierAlt:
		for _, t := range p.toggles {
			if letterKey(t.info.Key) == cs.KeyName {
				p.flip(t.info.Criterion)
				return true
			}
		}
	case fyne.KeyModifierControl, fyne.KeyModifierSuper:
		if cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter {
			p.choose(p.v.Mode)
			return true
		}
	}
	return false
}

// draftEntry is the draft: multi-line, so Enter is a new line there and
// letters are text. Tab leaves it, Esc closes the popup, and the popup's
// shortcuts work in it.
type draftEntry struct {
	widget.Entry
	p *Popup
}

func newDraftEntry(p *Popup) *draftEntry {
	e := &draftEntry{p: p}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	e.PlaceHolder = "Paste or type the message. Alt+letter flips a toggle; Ctrl+Enter takes the highlighted action."
	e.OnChanged = func(string) { p.changed() }
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false: Tab moves on, as everywhere else in the popup.
func (e *draftEntry) AcceptsTab() bool { return false }

func (e *draftEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.p.Hide()
		return
	}
	e.Entry.TypedKey(ev)
}

func (e *draftEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.p.shortcut(s) {
		e.Entry.TypedShortcut(s)
	}
}

// keyButton is a button that passes the popup's keys on. Enter, like
// Space, presses the focused button: a person who tabbed to it meant it.
type keyButton struct {
	widget.Button
	p *Popup
}

func newKeyButton(p *Popup, text string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{p: p}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *keyButton) TypedRune(r rune) { b.p.typedRune(r) }

func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() {
			b.OnTapped()
		}
	case fyne.KeySpace:
		b.Button.TypedKey(ev)
	default:
		b.p.typedKey(ev)
	}
}
