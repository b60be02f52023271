package popup

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/l10n"
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
// flips a toggle, Ctrl+Enter (Cmd+Enter) takes the recommended action (as
// Enter does; kept for the hands that learnt it). It reports whether s was
// one of them.
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

// draftEntry is the draft: multi-line, and letters are text. Enter sends,
// as in the chat apps people type drafts in (Slack, Teams, Discord), and
// Shift+Enter makes a new line. Tab leaves it, Esc closes the popup, and
// the popup's shortcuts work in it.
type draftEntry struct {
	widget.Entry
	p     *Popup
	frame *frame // what the popup lays out: the draft outlined
	shift bool   // a Shift key is down; Fyne sends Shift+Enter as a plain Enter
}

func newDraftEntry(p *Popup) *draftEntry {
	e := &draftEntry{p: p}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	e.PlaceHolder = p.tr.S("popup.draft")
	e.OnChanged = func(string) { p.changed() }
	e.ExtendBaseWidget(e)
	e.frame = newFrame(e)
	return e
}

// AcceptsTab is false: Tab moves on, as everywhere else in the popup.
func (e *draftEntry) AcceptsTab() bool { return false }

// TypedKey takes the recommended action on Enter, and leaves Shift+Enter
// to the entry, which makes it a new line (it would submit only with an
// OnSubmitted, which the draft has not).
func (e *draftEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		e.p.Hide()
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.shift {
			e.p.choose(e.p.v.Mode)
			return
		}
	}
	e.Entry.TypedKey(ev)
}

// KeyDown and KeyUp follow the Shift keys, which the driver sends to the
// focused widget before the key they modify.
func (e *draftEntry) KeyDown(ev *fyne.KeyEvent) {
	if isShift(ev.Name) {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

func (e *draftEntry) KeyUp(ev *fyne.KeyEvent) {
	if isShift(ev.Name) {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

func isShift(k fyne.KeyName) bool { return k == desktop.KeyShiftLeft || k == desktop.KeyShiftRight }

// FocusGained and FocusLost move the hint line; a Shift released while
// the focus was elsewhere is not held any more.
func (e *draftEntry) FocusGained() {
	e.Entry.FocusGained()
	e.frame.setFocused(true)
	e.p.focusOn(e)
}

func (e *draftEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
	e.frame.setFocused(false)
	e.p.focusOn(nil)
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
	p    *Popup
	name string // what pressing it does, in the hint line
}

func newKeyButton(p *Popup, name, text string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{p: p, name: name}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *keyButton) TypedRune(r rune) { b.p.typedRune(r) }

func (b *keyButton) FocusGained() {
	b.Button.FocusGained()
	b.p.focusOn(b)
}

func (b *keyButton) FocusLost() {
	b.Button.FocusLost()
	b.p.focusOn(nil)
}

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

// focusOn records which of the popup's widgets has the focus (nil: none,
// or a toggle) and brings the hint line up to date: the widgets report
// their own focus, as Fyne's canvas says nothing when it moves.
func (p *Popup) focusOn(f fyne.Focusable) {
	p.focused = f
	p.showHint()
}

// showHint writes hintText into the hint line, when it changed.
func (p *Popup) showHint() {
	seg := p.hint.Segments[0].(*widget.TextSegment)
	if s := p.hintText(); seg.Text != s {
		seg.Text = s
		p.hint.Refresh()
	}
}

// hintText says what the keys do where the focus is now, and nothing that
// is not so there: in the draft a letter is text, so the toggles take
// Alt+letter; elsewhere a plain letter; a focused button takes Enter for
// itself rather than for the highlighted action.
func (p *Popup) hintText() string {
	act := p.tr.S("popup.act.async")
	if p.v.Mode == advisor.Sync {
		act = p.tr.S("popup.act.sync")
	}
	switch f := p.focused.(type) {
	case *draftEntry:
		return p.tr.S("popup.hint.draft", l10n.Args{"Act": act})
	case *numEntry:
		return p.tr.S("popup.hint.number", l10n.Args{"Act": act})
	case *keyButton:
		return p.tr.S("popup.hint.button", l10n.Args{"Act": f.name})
	}
	return p.tr.S("popup.hint.other", l10n.Args{"Act": act})
}
