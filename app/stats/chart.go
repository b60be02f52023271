package stats

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// chart draws a week's focus minutes as a bar per day, Monday to Sunday,
// with each day's interruptions marked under its bar: those taken in the
// theme's error colour, those deferred in its success colour. Bars are
// scaled to the week's longest day, so the chart fills whatever size the
// window gives it.
type chart struct {
	widget.BaseWidget
	tr   *l10n.T
	days []focus.Day
}

func newChart(tr *l10n.T) *chart {
	c := &chart{tr: tr}
	c.ExtendBaseWidget(c)
	return c
}

// setDays shows the days of a week.
func (c *chart) setDays(days []focus.Day) {
	c.days = days
	c.Refresh()
}

func (c *chart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{chart: c, baseline: canvas.NewRectangle(nil)}
	tr := c.tr
	r.legendText = [3]*canvas.Text{canvas.NewText(tr.S("stats.legendFocus"), nil), canvas.NewText(tr.S("stats.legendTaken"), nil),
		canvas.NewText(tr.S("stats.legendDeferred"), nil)}
	for i := range r.legend {
		r.legend[i] = canvas.NewRectangle(nil)
		r.legend[i].CornerRadius = canvas.RadiusMaximum
		r.objects = append(r.objects, r.legend[i], r.legendText[i])
	}
	r.objects = append(r.objects, r.baseline)
	for i := range r.cols {
		col := &r.cols[i]
		col.bar, col.value, col.day = canvas.NewRectangle(nil), canvas.NewText("", nil), canvas.NewText("", nil)
		col.taken, col.deferred = newBadge(), newBadge()
		col.value.Alignment, col.day.Alignment = fyne.TextAlignCenter, fyne.TextAlignCenter
		r.objects = append(r.objects, col.bar, col.value, col.day,
			col.taken.pill, col.taken.count, col.deferred.pill, col.deferred.count)
	}
	r.apply()
	return r
}

// badge is a count on a pill: a day's interruptions taken or deferred.
type badge struct {
	pill  *canvas.Rectangle
	count *canvas.Text
}

func newBadge() badge {
	b := badge{pill: canvas.NewRectangle(nil), count: canvas.NewText("", nil)}
	b.pill.CornerRadius = canvas.RadiusMaximum
	b.count.Alignment = fyne.TextAlignCenter
	return b
}

// show sets the badge's count and colours, and hides it when there is
// nothing to count.
func (b badge) show(n int, fill, text fyne.ThemeColorName, th fyne.Theme, v fyne.ThemeVariant) {
	b.pill.FillColor, b.count.Color = th.Color(fill, v), th.Color(text, v)
	b.count.Text = strconv.Itoa(n)
	b.pill.Hidden, b.count.Hidden = n == 0, n == 0
}

// width is the pill's width for its count at height h.
func (b badge) width(h float32) float32 { return b.count.MinSize().Width + h*0.8 }

// place puts the pill at x, y with height h.
func (b badge) place(x, y, h float32) {
	w := b.width(h)
	b.pill.Move(fyne.NewPos(x, y))
	b.pill.Resize(fyne.NewSize(w, h))
	b.count.Move(fyne.NewPos(x, y))
	b.count.Resize(fyne.NewSize(w, h))
}

// column is the objects drawing one day.
type column struct {
	bar             *canvas.Rectangle
	value, day      *canvas.Text
	taken, deferred badge
}

type chartRenderer struct {
	chart      *chart
	legend     [3]*canvas.Rectangle // the colour keys of focus, taken and deferred
	legendText [3]*canvas.Text
	baseline   *canvas.Rectangle
	cols       [7]column
	objects    []fyne.CanvasObject

	// From the theme: padding, separator thickness, caption text size and
	// the height of a line of it.
	pad, line, caption, text float32
}

// apply takes the days and the theme, which may both have changed.
func (r *chartRenderer) apply() {
	th, v := r.chart.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	caption := th.Size(theme.SizeNameCaptionText)
	r.pad, r.line, r.caption = th.Size(theme.SizeNamePadding), th.Size(theme.SizeNameSeparatorThickness), caption
	r.text = fyne.MeasureText("Mg", caption, fyne.TextStyle{}).Height
	r.baseline.FillColor = th.Color(theme.ColorNameSeparator, v)

	keys := [3]fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameError, theme.ColorNameSuccess}
	for i, key := range r.legend {
		key.FillColor = th.Color(keys[i], v)
		r.legendText[i].Color, r.legendText[i].TextSize = th.Color(theme.ColorNamePlaceHolder, v), caption
	}

	for i := range r.cols {
		col := &r.cols[i]
		var d focus.Day
		if i < len(r.chart.days) {
			d = r.chart.days[i]
		}
		col.bar.FillColor = th.Color(theme.ColorNamePrimary, v)
		col.bar.Hidden = d.FocusMinutes == 0
		col.value.Text, col.value.Hidden = minutes(d.FocusMinutes), d.FocusMinutes == 0
		col.value.Color, col.value.TextSize = th.Color(theme.ColorNameForeground, v), caption
		col.day.Text, col.day.Color, col.day.TextSize = dayLabel(r.chart.tr, d.Date), th.Color(theme.ColorNamePlaceHolder, v), caption
		col.taken.show(d.InterruptionsTaken, theme.ColorNameError, theme.ColorNameForegroundOnError, th, v)
		col.deferred.show(d.InterruptionsDeferred, theme.ColorNameSuccess, theme.ColorNameForegroundOnSuccess, th, v)
		col.taken.count.TextSize, col.deferred.count.TextSize = caption, caption
	}
}

// dayLabel writes a day's date as "Mon 23", "Mo. 23.".
func dayLabel(tr *l10n.T, date string) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return ""
	}
	return tr.WeekdayDay(t)
}

// widestDay is the width of the widest day label tr writes, at size.
func widestDay(tr *l10n.T, size float32) float32 {
	var w float32
	for d := range 7 {
		day := time.Date(2026, time.November, 23+d, 0, 0, 0, 0, time.UTC) // each weekday, with two digits
		w = max(w, fyne.MeasureText(tr.WeekdayDay(day), size, fyne.TextStyle{}).Width)
	}
	return w
}

// Layout stacks, from the top: the legend, the bars with their focus time
// above them, the baseline, each day's interruption badges, the day names.
func (r *chartRenderer) Layout(size fyne.Size) {
	pad, text := r.pad, r.text
	badgeH := text + 2

	x := float32(0)
	for i, key := range r.legend {
		key.Move(fyne.NewPos(x, (text-badgeH/2)/2))
		key.Resize(fyne.NewSize(badgeH, badgeH/2))
		x += badgeH + pad
		t := r.legendText[i]
		t.Move(fyne.NewPos(x, 0))
		t.Resize(t.MinSize())
		x += t.MinSize().Width + 3*pad
	}

	top := text + pad + text + pad/2 // room for the legend and the tallest bar's label
	base := size.Height - text - pad - badgeH - pad
	r.baseline.Move(fyne.NewPos(0, base))
	r.baseline.Resize(fyne.NewSize(size.Width, r.line))

	most := 0
	for _, d := range r.chart.days {
		most = max(most, d.FocusMinutes)
	}
	slot := size.Width / float32(len(r.cols))
	barW := slot * 0.55
	for i := range r.cols {
		col := &r.cols[i]
		left := slot * float32(i)
		h := float32(0)
		if most > 0 && i < len(r.chart.days) {
			h = max(base-top, 0) * float32(r.chart.days[i].FocusMinutes) / float32(most)
		}
		col.bar.Move(fyne.NewPos(left+(slot-barW)/2, base-h))
		col.bar.Resize(fyne.NewSize(barW, h))
		col.bar.TopLeftCornerRadius = min(barW/6, h/2, 6)
		col.bar.TopRightCornerRadius = col.bar.TopLeftCornerRadius
		col.value.Move(fyne.NewPos(left, base-h-pad/2-text))
		col.value.Resize(fyne.NewSize(slot, text))

		badges := make([]badge, 0, 2)
		for _, b := range []badge{col.taken, col.deferred} {
			if !b.pill.Hidden {
				badges = append(badges, b)
			}
		}
		w := float32(len(badges)-1) * pad
		for _, b := range badges {
			w += b.width(badgeH)
		}
		bx := left + (slot-w)/2
		for _, b := range badges {
			b.place(bx, base+pad, badgeH)
			bx += b.width(badgeH) + pad
		}

		col.day.Move(fyne.NewPos(left, size.Height-text))
		col.day.Resize(fyne.NewSize(slot, text))
	}
}

// MinSize leaves each day room for its longest labels, and the bars 80
// points at least.
func (r *chartRenderer) MinSize() fyne.Size {
	day := widestDay(r.chart.tr, r.caption)
	value := fyne.MeasureText("10 h 30 min", r.caption, fyne.TextStyle{}).Width
	slot := max(day, value) + 2*r.pad
	return fyne.NewSize(slot*float32(len(r.cols)), 4*r.text+6*r.pad+2+80)
}

func (r *chartRenderer) Refresh() {
	r.apply()
	r.Layout(r.chart.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) Destroy()                     {}
