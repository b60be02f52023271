package popup

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/l10n"
)

// numField is a whole number a person types, or steps with the buttons or
// Up and Down: the people count, the sync version's minutes.
type numField struct {
	tr           *l10n.T
	name         string
	lo, hi, step int
	last         *int // the last valid value, which the verdict uses
	entry        *numEntry
	minus, plus  *keyButton
	row          *fyne.Container
}

func newNumField(p *Popup, name, placeholder string, last *int, lo, hi, step int) *numField {
	f := &numField{tr: p.tr, name: name, lo: lo, hi: hi, step: step, last: last}
	f.entry = newNumEntry(p, f, placeholder)
	step1 := func(sign string) string {
		return p.tr.S("popup.step", l10n.Args{"Field": strings.ToLower(name), "Sign": sign, "Step": step})
	}
	down, up := step1("-"), step1("+")
	f.minus = newKeyButton(p, down, "", theme.ContentRemoveIcon(), func() { f.add(p, -f.step) })
	f.plus = newKeyButton(p, up, "", theme.ContentAddIcon(), func() { f.add(p, f.step) })
	label := widget.NewLabel(name)
	f.row = container.NewHBox(label, container.NewGridWrap(fyne.NewSize(76, f.entry.frame.MinSize().Height), f.entry.frame), f.minus, f.plus)
	return f
}

// value reads the field: empty is lo (for minutes, 0: the advisor's
// default length). It says what is wrong in words for a person.
func (f *numField) value() (int, string) {
	s := strings.TrimSpace(f.entry.Text)
	if s == "" && f.lo == 0 {
		return 0, ""
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < f.lo || n > f.hi || strings.ContainsAny(s, "+-") {
		return 0, f.tr.S("popup.range", l10n.Args{"Field": f.name, "Lo": f.lo, "Hi": f.hi})
	}
	return n, ""
}

// add steps the field by d within its range, from the last valid value.
// Empty minutes step from the default length the advisor assumes.
func (f *numField) add(p *Popup, d int) {
	n := *f.last
	if f == p.minutesF && n == 0 {
		n = p.syncMinutes()
	}
	n = min(max(n+d, f.lo), f.hi)
	if f.lo == 0 && n == 0 {
		f.entry.SetText("")
		return
	}
	f.entry.SetText(strconv.Itoa(n))
}

// readNumbers keeps the last valid people and minutes, and says in one
// place what is wrong with the others. The buttons wait until it is fixed.
func (p *Popup) readNumbers() {
	var bad []string
	for _, f := range []*numField{p.peopleF, p.minutesF} {
		if n, msg := f.value(); msg == "" {
			*f.last = n
		} else {
			bad = append(bad, msg)
		}
	}
	was := p.bad
	p.bad = strings.Join(bad, " ")
	switch {
	case p.bad == was:
	case p.bad == "":
		p.setProblem("")
		p.goSync.Enable()
		p.sendAsync.Enable()
	default:
		p.setProblem(p.bad)
		p.goSync.Disable()
		p.sendAsync.Disable()
	}
}

// setProblem shows msg instead of the hint above the buttons; "" brings
// the hint back.
func (p *Popup) setProblem(msg string) {
	if msg == "" {
		p.problem.Hide()
		p.hint.Show()
		return
	}
	p.problem.SetText(msg)
	p.problem.Show()
	p.hint.Hide()
}

// numEntry takes digits; any other letter is an accelerator, since it
// could not be typed into a number anyway.
type numEntry struct {
	widget.Entry
	p     *Popup
	f     *numField
	frame *frame // what the row lays out: the entry outlined
}

func newNumEntry(p *Popup, f *numField, placeholder string) *numEntry {
	e := &numEntry{p: p, f: f}
	e.OnChanged = func(string) { p.changed() }
	// Before the frame: its theme override makes the entry's renderer,
	// which reads the placeholder once.
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	e.frame = newFrame(e)
	return e
}

// FocusGained selects the number, so typing replaces it.
func (e *numEntry) FocusGained() {
	e.Entry.FocusGained()
	e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.frame.setFocused(true)
	e.p.focusOn(e)
}

func (e *numEntry) FocusLost() {
	e.Entry.FocusLost()
	e.frame.setFocused(false)
	e.p.focusOn(nil)
}

func (e *numEntry) TypedRune(r rune) {
	if r >= '0' && r <= '9' {
		e.Entry.TypedRune(r)
		return
	}
	e.p.typedRune(r)
}

// TypedKey steps with Up and Down, and passes Enter and Esc on.
func (e *numEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		e.f.add(e.p, e.f.step)
	case fyne.KeyDown:
		e.f.add(e.p, -e.f.step)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		e.p.typedKey(ev)
	default:
		e.Entry.TypedKey(ev)
	}
}

// TypedShortcut lets the popup's shortcuts (Alt+letter, Ctrl+Enter) through.
func (e *numEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.p.shortcut(s) {
		e.Entry.TypedShortcut(s)
	}
}
