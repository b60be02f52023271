package popup

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/l10n"
)

// label is what a toggle says: its accelerator, then its name in the
// popup's language, as in "[u] Urgent", "[u] Dringend". The accelerator
// is the advisor's letter in every language, so the keys stay put.
func label(tr *l10n.T, c advisor.CriterionInfo) string {
	return "[" + string(rune(c.Key)) + "] " + tr.S("toggle."+c.Name)
}

// toggle is one criterion a person sets. It shows whether the criterion
// holds; a person's tick or untick becomes a flag (see flip).
type toggle struct {
	widget.Check
	p    *Popup
	info advisor.CriterionInfo
}

func newToggle(p *Popup, c advisor.CriterionInfo) *toggle {
	t := &toggle{p: p, info: c}
	t.Text = label(p.tr, c)
	t.OnChanged = func(on bool) { p.set(c, on) }
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer is Check's, without the fill under the box: the window's
// background shows through instead, as in the outlined fields (see frame),
// and nine fewer images are drawn in every frame of the popup.
func (t *toggle) CreateRenderer() fyne.WidgetRenderer {
	r := t.Check.CreateRenderer()
	for _, o := range r.Objects() {
		if img, ok := o.(*canvas.Image); ok {
			img.Hide() // Check draws the fill first, then the box
			break
		}
	}
	return r
}

// show draws the toggle ticked or not, without calling OnChanged.
func (t *toggle) show(on bool) {
	if t.Checked != on {
		t.Checked = on
		t.Refresh()
	}
}

// TypedRune flips the toggle on Space, as a check does, and passes any
// other letter on, so accelerators work while a toggle has the focus.
func (t *toggle) TypedRune(r rune) {
	if r == ' ' {
		t.Check.TypedRune(r)
		return
	}
	t.p.typedRune(r)
}

// TypedKey passes Enter and Esc on to the popup.
func (t *toggle) TypedKey(ev *fyne.KeyEvent) { t.p.typedKey(ev) }

// set records a person's tick (on) or untick of c. A tick sets the flag.
// An untick of something the draft (or the clock) still suggests sets the
// flag to false, which wins over the text; otherwise it just unsets it, so
// "never mind" does not turn into "it is definitely not urgent".
func (p *Popup) set(c advisor.CriterionInfo, on bool) {
	if on {
		p.flags[c.Criterion] = true
	} else {
		delete(p.flags, c.Criterion)
		if v := advisor.Advise(p.situation()); reasonFor(&v, c) {
			p.flags[c.Criterion] = false
		}
	}
	p.changed()
}

// flip is an accelerator's tap on the toggle for c.
func (p *Popup) flip(c advisor.Criterion) {
	for _, t := range p.toggles {
		if t.info.Criterion == c {
			t.SetChecked(!t.Checked)
			return
		}
	}
}
