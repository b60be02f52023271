package stats

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// timeline draws the working week's meetings against its focus time: a
// row per day, Monday to Friday, from the earliest hour anything happens to
// the latest (at least 08:00 to 18:00); free focus blocks in the success
// colour, meetings in the primary colour, those that could be async in the
// warning colour.
type timeline struct {
	widget.BaseWidget
	tr       *l10n.T
	week     focus.Week
	meetings []calendar.Meeting
	blocks   []calendar.Block
}

func newTimeline(tr *l10n.T) *timeline {
	t := &timeline{tr: tr}
	t.ExtendBaseWidget(t)
	return t
}

// set shows a week's meetings and focus blocks.
func (t *timeline) set(w focus.Week, cw *calendar.Week) {
	t.week, t.meetings, t.blocks = w, nil, nil
	if cw != nil {
		t.meetings, t.blocks = cw.List, cw.FocusBlocks
	}
	t.Refresh()
}

// span is a bar to draw: its day and its hours as fractions of a day.
type span struct {
	day        int
	from, to   float64 // hours since midnight
	fill       fyne.ThemeColorName
	isMeeting  bool
	couldAsync bool
}

// spans places the week's blocks and meetings on the days, clipped to
// Monday to Friday, and returns the hour range to draw.
func (t *timeline) spans() (out []span, first, last float64) {
	first, last = 8, 18
	if t.week.Loc == nil {
		return nil, first, last
	}
	add := func(start, end time.Time, fill fyne.ThemeColorName, meeting, async bool) {
		for d := range 5 {
			day, next := t.week.Day(d), t.week.Day(d+1)
			if !start.Before(next) || !end.After(day) {
				continue
			}
			s, e := start.In(t.week.Loc), end.In(t.week.Loc)
			from, to := 0.0, 24.0
			if s.After(day) {
				from = float64(s.Hour()) + float64(s.Minute())/60
			}
			if e.Before(next) {
				to = float64(e.Hour()) + float64(e.Minute())/60
			}
			first, last = min(first, from), max(last, to)
			out = append(out, span{day: d, from: from, to: to, fill: fill, isMeeting: meeting, couldAsync: async})
		}
	}
	for _, b := range t.blocks {
		add(b.Start, b.End, theme.ColorNameSuccess, false, false)
	}
	for _, m := range t.meetings {
		fill := theme.ColorNamePrimary
		if m.CouldBeAsync {
			fill = theme.ColorNameWarning
		}
		add(m.Start, m.End, fill, true, m.CouldBeAsync)
	}
	return out, float64(int(first)), float64(int(last + 0.99))
}

func (t *timeline) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{t: t}
	for i := range r.days {
		r.days[i] = canvas.NewText("", nil)
		r.tracks[i] = canvas.NewRectangle(nil)
	}
	r.apply()
	return r
}

type timelineRenderer struct {
	t       *timeline
	days    [5]*canvas.Text
	tracks  [5]*canvas.Rectangle
	spans   []span
	bars    []*canvas.Rectangle // one per span
	first   float64
	last    float64
	objects []fyne.CanvasObject
	label   float32 // the width of the day names
	text    float32 // a caption line's height
}

// apply takes the week and the theme, which may both have changed.
func (r *timelineRenderer) apply() {
	th, v := r.t.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	caption := th.Size(theme.SizeNameCaptionText)
	r.text = fyne.MeasureText("Mg", caption, fyne.TextStyle{}).Height
	r.label = widestDay(r.t.tr, caption) + th.Size(theme.SizeNamePadding)
	r.spans, r.first, r.last = r.t.spans()
	r.objects = r.objects[:0]
	for i := range r.days {
		r.days[i].Text, r.days[i].TextSize = "", caption
		if r.t.week.Loc != nil {
			r.days[i].Text = r.t.tr.WeekdayDay(r.t.week.Day(i))
		}
		r.days[i].Color = th.Color(theme.ColorNamePlaceHolder, v)
		r.tracks[i].FillColor = th.Color(theme.ColorNameInputBackground, v)
		r.objects = append(r.objects, r.days[i], r.tracks[i])
	}
	for len(r.bars) < len(r.spans) {
		b := canvas.NewRectangle(nil)
		b.CornerRadius = 2
		r.bars = append(r.bars, b)
	}
	r.bars = r.bars[:len(r.spans)]
	for i, s := range r.spans {
		r.bars[i].FillColor = th.Color(s.fill, v)
		r.objects = append(r.objects, r.bars[i])
	}
}

func (r *timelineRenderer) Layout(size fyne.Size) {
	rowH := size.Height / 5
	barH := rowH * 0.7
	width := max(size.Width-r.label, 1)
	hour := float64(width) / max(r.last-r.first, 1)
	x := func(h float64) float32 { return r.label + float32((h-r.first)*hour) }
	for i := range r.days {
		y := float32(i) * rowH
		r.days[i].Move(fyne.NewPos(0, y+(rowH-r.text)/2))
		r.tracks[i].Move(fyne.NewPos(r.label, y+(rowH-barH)/2))
		r.tracks[i].Resize(fyne.NewSize(width, barH))
	}
	for i, s := range r.spans {
		y := float32(s.day)*rowH + (rowH-barH)/2
		h := barH
		if !s.isMeeting { // focus under the meetings, a little thinner
			y, h = y+barH*0.2, barH*0.6
		}
		r.bars[i].Move(fyne.NewPos(x(s.from), y))
		r.bars[i].Resize(fyne.NewSize(max(x(s.to)-x(s.from), 1), h))
	}
}

func (r *timelineRenderer) MinSize() fyne.Size { return fyne.NewSize(r.label+200, 5*(r.text+6)) }

func (r *timelineRenderer) Refresh() {
	r.apply()
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *timelineRenderer) Destroy() {}
