package popup

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/focus"
)

func hintShown(p *Popup) string { return p.hint.Segments[0].Textual() }

// The hint line says what the keys do where the focus is, and each thing
// it says is then checked by doing it: the letter it names flips a toggle,
// Enter does what it names.
func TestHintFollowsTheFocusAndIsTrue(t *testing.T) {
	altC := func(p *Popup) {
		pressShortcut(p, &desktop.CustomShortcut{KeyName: fyne.KeyC, Modifier: fyne.KeyModifierAlt})
	}
	plainC := func(p *Popup) { typeRunes(p, "c") }
	for _, c := range []struct {
		name   string
		text   string
		focus  func(p *Popup) fyne.Focusable // nil: nothing focused
		hint   string
		letter func(p *Popup) // flips the crisis toggle, as the hint says
		button focus.Mode     // a focused button: what Enter logs
	}{
		{"draft, async", recap, func(p *Popup) fyne.Focusable { return p.draft },
			"Enter: send async · Shift+Enter: new line · Alt+[letter]: its toggle · Esc: close", altC, ""},
		{"draft, sync", siteDown, func(p *Popup) fyne.Focusable { return p.draft },
			"Enter: go sync · Shift+Enter: new line · Alt+[letter]: its toggle · Esc: close", altC, ""},
		{"nothing", recap, nil,
			"Enter: send async · [letter]: its toggle · Esc: close", plainC, ""},
		{"a toggle", recap, func(p *Popup) fyne.Focusable { return toggleFor(t, p, advisor.Rapport) },
			"Enter: send async · [letter]: its toggle · Esc: close", plainC, ""},
		{"people", siteDown, func(p *Popup) fyne.Focusable { return p.peopleF.entry },
			"Enter: go sync · Up, Down: step · [letter]: its toggle · Esc: close", plainC, ""},
		{"Send async", siteDown, func(p *Popup) fyne.Focusable { return p.sendAsync },
			"Enter or Space: send async · [letter]: its toggle · Esc: close", plainC, focus.Async},
		{"Go sync", recap, func(p *Popup) fyne.Focusable { return p.goSync },
			"Enter or Space: go sync · [letter]: its toggle · Esc: close", plainC, focus.Sync},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, r := newTestPopup(t, Prefill{People: 4, Text: c.text})
			cv := p.Window().Canvas()
			cv.Unfocus()
			if c.focus != nil {
				cv.Focus(c.focus(p))
			}
			if got := hintShown(p); got != c.hint {
				t.Fatalf("hint %q\nwant %q", got, c.hint)
			}

			crisis := toggleFor(t, p, advisor.Crisis)
			was := crisis.Checked
			c.letter(p)
			if crisis.Checked == was || p.draft.Text != c.text {
				t.Fatalf("the letter the hint names: crisis %v, still %v; draft %q", crisis.Checked, was, p.draft.Text)
			}
			mode := p.v.Mode
			if c.button == "" {
				name := map[advisor.Mode]string{advisor.Sync: "Enter: go sync ", advisor.Async: "Enter: send async "}[mode]
				if !strings.HasPrefix(hintShown(p), name) {
					t.Errorf("verdict %s, but the hint says %q", mode, hintShown(p))
				}
			}

			pressKey(p, fyne.KeyReturn)
			want := focus.Mode(mode)
			if c.button != "" {
				want = c.button
			}
			if len(r.decided) != 1 || r.decided[0].Chosen != want {
				t.Fatalf("Enter: logged %+v, want one %s", r.decided, want)
			}
			if p.draft.Text != c.text {
				t.Errorf("Enter changed the draft to %q", p.draft.Text)
			}
		})
	}
}

// Enter on a step button steps: the hint names it so.
func TestHintOnAStepButton(t *testing.T) {
	p, r := newTestPopup(t, Prefill{People: 4})
	p.Window().Canvas().Focus(p.peopleF.plus)
	if want := "Enter or Space: people + 1 · [letter]: its toggle · Esc: close"; hintShown(p) != want {
		t.Fatalf("hint %q, want %q", hintShown(p), want)
	}
	pressKey(p, fyne.KeyReturn)
	if len(r.decided) != 0 || p.peopleF.entry.Text != "5" {
		t.Errorf("Enter on people +: %d decisions, people %q", len(r.decided), p.peopleF.entry.Text)
	}
	p.Window().Canvas().Focus(p.draft)
	if !strings.Contains(hintShown(p), "Shift+Enter") {
		t.Errorf("back in the draft, the hint says %q", hintShown(p))
	}
}

// Every hint fits its line whole: a hint cut off by the ellipsis would
// hide what is true.
func TestHintFitsItsLine(t *testing.T) {
	p, _ := newTestPopup(t, Prefill{})
	width := p.hint.Size().Width - 2*theme.InnerPadding()
	if width <= 0 {
		t.Fatalf("the hint line has no width: %v", p.hint.Size())
	}
	places := []fyne.Focusable{nil, p.draft, p.peopleF.entry, p.minutesF.plus, p.goSync, p.sendAsync}
	for _, mode := range []advisor.Mode{advisor.Async, advisor.Sync} {
		for _, f := range places {
			p.v.Mode, p.focused = mode, f
			s := p.hintText()
			size := fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{})
			if size.Width > width {
				t.Errorf("hint %q is %.0f wide, its line %.0f", s, size.Width, width)
			}
		}
	}
}
