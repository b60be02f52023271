package popup

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// frame outlines a field with four thin lines, in the theme's input border
// colour or its primary colour while the field has the focus, in place of
// the box and border Fyne's entry paints.
//
// Why: the popup's first frame is what the hotkey waits for, and an entry
// paints its box and its border as two rounded rectangles, each a shader
// run over every pixel of the field. Without a GPU (XWayland on a headless
// or virtual machine, software GL) the draft's two were a third of that
// frame: 560 by 150 pixels, twice. Four lines are a few hundred pixels.
type frame struct {
	widget.BaseWidget
	field   fyne.CanvasObject // the entry, in the flat theme
	focused bool
}

// newFrame outlines field, which it draws in the flat theme: no box, no
// border of its own.
func newFrame(field fyne.CanvasObject) *frame {
	f := &frame{field: container.NewThemeOverride(field, flat{})}
	f.ExtendBaseWidget(f)
	return f
}

// setFocused draws the outline for the field having the focus or not.
func (f *frame) setFocused(on bool) {
	if f.focused != on {
		f.focused = on
		f.Refresh()
	}
}

func (f *frame) CreateRenderer() fyne.WidgetRenderer {
	r := &frameRenderer{f: f}
	for i := range r.lines {
		r.lines[i] = canvas.NewRectangle(color.Transparent)
	}
	r.objects = []fyne.CanvasObject{f.field, r.lines[0], r.lines[1], r.lines[2], r.lines[3]}
	r.colour()
	return r
}

type frameRenderer struct {
	f       *frame
	lines   [4]*canvas.Rectangle // top, bottom, left, right
	objects []fyne.CanvasObject
}

// width is the outline's thickness: the theme's input border.
func (r *frameRenderer) width() float32 {
	return r.f.Theme().Size(theme.SizeNameInputBorder)
}

func (r *frameRenderer) colour() {
	name := theme.ColorNameInputBorder
	if r.f.focused {
		name = theme.ColorNamePrimary
	}
	c := r.f.Theme().Color(name, fyne.CurrentApp().Settings().ThemeVariant())
	for _, l := range r.lines {
		l.FillColor = c
	}
}

func (r *frameRenderer) Layout(size fyne.Size) {
	r.f.field.Resize(size)
	w := r.width()
	r.lines[0].Move(fyne.NewPos(0, 0))
	r.lines[0].Resize(fyne.NewSize(size.Width, w))
	r.lines[1].Move(fyne.NewPos(0, size.Height-w))
	r.lines[1].Resize(fyne.NewSize(size.Width, w))
	r.lines[2].Move(fyne.NewPos(0, 0))
	r.lines[2].Resize(fyne.NewSize(w, size.Height))
	r.lines[3].Move(fyne.NewPos(size.Width-w, 0))
	r.lines[3].Resize(fyne.NewSize(w, size.Height))
}

func (r *frameRenderer) MinSize() fyne.Size { return r.f.field.MinSize() }

// Refresh recolours the lines only: the field refreshes itself, and
// refreshing it here would drop its textures on every focus change.
func (r *frameRenderer) Refresh() {
	r.colour()
	for _, l := range r.lines {
		l.Refresh()
	}
}

func (r *frameRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *frameRenderer) Destroy() {}
