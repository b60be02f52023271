package stats

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/engine"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// channelRows lays out the week's incoming interruptions by channel, in the
// order menus list channels: a name, a bar of taken and deferred, and the
// counts. Bars share one scale, the busiest channel, so they compare.
func channelRows(tr *l10n.T, st *focus.Stats) []fyne.CanvasObject {
	scale := 0
	for _, c := range st.ByChannel {
		scale = max(scale, c.Taken+c.Deferred)
	}
	var rows []fyne.CanvasObject
	for _, ch := range focus.Channels {
		c, ok := st.ByChannel[ch]
		if !ok {
			continue
		}
		rows = append(rows, widget.NewLabel(engine.ChannelLabel(tr, ch)),
			splitRow(c.Taken, c.Deferred, theme.ColorNameError, theme.ColorNameSuccess, scale,
				tr.S("stats.takenDeferred", l10n.Args{"Taken": c.Taken, "Deferred": c.Deferred})))
	}
	if rows == nil {
		return []fyne.CanvasObject{widget.NewLabel(tr.S("stats.noInterruptions")), layout.NewSpacer()}
	}
	return rows
}

// decisionRows lays out the week's sync-or-async decisions as one bar.
func decisionRows(tr *l10n.T, st *focus.Stats) []fyne.CanvasObject {
	t := &st.Tally
	if t.DecisionsAsync+t.DecisionsSync == 0 {
		return []fyne.CanvasObject{widget.NewLabel(tr.S("stats.noPings")), layout.NewSpacer()}
	}
	return []fyne.CanvasObject{widget.NewLabel(tr.S("stats.pings")),
		splitRow(t.DecisionsAsync, t.DecisionsSync, theme.ColorNameSuccess, theme.ColorNamePlaceHolder,
			t.DecisionsAsync+t.DecisionsSync, tr.S("stats.asyncSync", l10n.Args{"Async": t.DecisionsAsync, "Sync": t.DecisionsSync}))}
}

func splitRow(a, b int, colourA, colourB fyne.ThemeColorName, scale int, counts string) fyne.CanvasObject {
	bar := &splitBar{a: a, b: b, colourA: colourA, colourB: colourB, scale: scale}
	bar.ExtendBaseWidget(bar)
	return container.NewBorder(nil, nil, nil, widget.NewLabel(counts), bar)
}

// splitBar draws two counts end to end as one bar, on a track that stands
// for scale.
type splitBar struct {
	widget.BaseWidget
	a, b             int
	colourA, colourB fyne.ThemeColorName
	scale            int
}

func (s *splitBar) CreateRenderer() fyne.WidgetRenderer {
	r := &splitRenderer{bar: s, track: canvas.NewRectangle(nil), a: canvas.NewRectangle(nil), b: canvas.NewRectangle(nil)}
	r.apply()
	return r
}

type splitRenderer struct {
	bar         *splitBar
	track, a, b *canvas.Rectangle
}

func (r *splitRenderer) apply() {
	th, v := r.bar.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.track.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.a.FillColor = th.Color(r.bar.colourA, v)
	r.b.FillColor = th.Color(r.bar.colourB, v)
}

func (r *splitRenderer) Layout(size fyne.Size) {
	h := min(size.Height, 12)
	y := (size.Height - h) / 2
	wa, wb := float32(0), float32(0)
	if r.bar.scale > 0 {
		wa = size.Width * float32(r.bar.a) / float32(r.bar.scale)
		wb = size.Width * float32(r.bar.b) / float32(r.bar.scale)
	}
	for _, p := range []struct {
		rect *canvas.Rectangle
		x, w float32
	}{{r.track, 0, size.Width}, {r.a, 0, wa}, {r.b, wa, wb}} {
		p.rect.Move(fyne.NewPos(p.x, y))
		p.rect.Resize(fyne.NewSize(p.w, h))
	}
}

func (r *splitRenderer) MinSize() fyne.Size { return fyne.NewSize(60, 12) }

func (r *splitRenderer) Refresh() {
	r.apply()
	r.Layout(r.bar.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *splitRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.a, r.b}
}

func (r *splitRenderer) Destroy() {}
