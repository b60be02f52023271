package popup

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// lineColour is the colour of f's four lines, failing when they differ.
func lineColour(t *testing.T, f *frame) color.Color {
	t.Helper()
	r := test.TempWidgetRenderer(t, f).(*frameRenderer)
	c := r.lines[0].FillColor
	for _, l := range r.lines[1:] {
		if l.FillColor != c {
			t.Fatalf("frame lines in %v and %v", c, l.FillColor)
		}
	}
	return c
}

func TestFramesOutlineTheFocus(t *testing.T) {
	p, _ := newTestPopup(t, Prefill{})
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := p.draft.frame.Theme()
	focused, idle := th.Color(theme.ColorNamePrimary, v), th.Color(theme.ColorNameInputBorder, v)
	if focused == idle {
		t.Fatal("the theme's primary and input border colours are the same: nothing to tell apart")
	}
	c := p.Window().Canvas()
	for _, step := range []struct {
		name  string
		focus fyne.Focusable
		want  map[*frame]color.Color
	}{
		{"the draft", p.draft, map[*frame]color.Color{p.draft.frame: focused, p.peopleF.entry.frame: idle, p.minutesF.entry.frame: idle}},
		{"people", p.peopleF.entry, map[*frame]color.Color{p.draft.frame: idle, p.peopleF.entry.frame: focused, p.minutesF.entry.frame: idle}},
		{"a toggle", p.toggles[0], map[*frame]color.Color{p.draft.frame: idle, p.peopleF.entry.frame: idle, p.minutesF.entry.frame: idle}},
		{"minutes", p.minutesF.entry, map[*frame]color.Color{p.draft.frame: idle, p.peopleF.entry.frame: idle, p.minutesF.entry.frame: focused}},
	} {
		c.Focus(step.focus)
		for f, want := range step.want {
			if got := lineColour(t, f); got != want {
				t.Errorf("focus on %s: a frame is outlined in %v, want %v", step.name, got, want)
			}
		}
	}
}

// TestFieldsPaintNoBoxOfTheirOwn checks what the frames are for: the
// entries inside them draw no box or border over their whole area (each
// would be a shader run over every pixel of the field in software GL).
func TestFieldsPaintNoBoxOfTheirOwn(t *testing.T) {
	p, _ := newTestPopup(t, Prefill{Text: "a draft"})
	for _, e := range []fyne.Widget{p.draft, p.peopleF.entry, p.minutesF.entry} {
		size, n := e.Size(), 0
		for _, o := range test.TempWidgetRenderer(t, e).Objects() {
			r, ok := o.(*canvas.Rectangle)
			if !ok || r.Size().Width < size.Width/2 || r.Size().Height < size.Height/2 {
				continue // the cursor, the selection
			}
			n++
			if r.FillColor != color.Transparent || (r.StrokeWidth != 0 && r.StrokeColor != color.Transparent) {
				t.Errorf("%T draws a %v box: fill %v, stroke %v wide in %v", e, r.Size(), r.FillColor, r.StrokeWidth, r.StrokeColor)
			}
		}
		if n == 0 {
			t.Errorf("%T: no field-sized rectangle found; has Fyne's entry changed how it draws its box?", e)
		}
	}
}

func TestTogglesDrawOneImage(t *testing.T) {
	p, _ := newTestPopup(t, Prefill{})
	for _, tg := range p.toggles {
		var shown []string
		for _, o := range test.TempWidgetRenderer(t, tg).Objects() {
			if img, ok := o.(*canvas.Image); ok && img.Visible() {
				shown = append(shown, img.Resource.Name())
			}
		}
		if len(shown) != 1 {
			t.Errorf("toggle %q draws images %q, want the box alone", tg.Text, shown)
		}
	}
}
