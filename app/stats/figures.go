package stats

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// mood is how a change against the week before reads for someone guarding
// their focus.
type mood int

const (
	neutral mood = iota
	good
	bad
)

// better says which way a figure should move. More is not always better:
// fewer interruptions taken, less refocus time lost, fewer abandoned
// sessions.
type better int

const (
	higher better = iota
	lower
)

// figure is one headline figure as the window shows it.
type figure struct {
	Name   string // "Focus time"
	Value  string // "10 h 30 min"
	Change string // "+4 h 10 min vs last week"
	Mood   mood
}

// headline formats a week's headline figures, in the order the window lays
// them out.
func headline(tr *l10n.T, st *focus.Stats) []figure {
	t, c := &st.Tally, &st.Change
	count := func(key string, n, delta int, dir better) figure {
		return changed(tr, tr.S(key), strconv.Itoa(n), signedCount(delta), delta, dir)
	}
	return []figure{
		changed(tr, tr.S("stats.focusTime"), minutes(t.FocusMinutes), signedMinutes(c.FocusMinutes), c.FocusMinutes, higher),
		count("stats.completed", t.SessionsCompleted, c.SessionsCompleted, higher),
		count("stats.abandoned", t.SessionsAbandoned, c.SessionsAbandoned, lower),
		count("stats.taken", t.InterruptionsTaken, c.InterruptionsTaken, lower),
		count("stats.deferred", t.InterruptionsDeferred, c.InterruptionsDeferred, higher),
		count("stats.async", t.DecisionsAsync, c.DecisionsAsync, higher),
		changed(tr, tr.S("stats.saved"), hours(tr, t.RefocusMinutesSaved)+" h", signedHours(tr, c.RefocusMinutesSaved, " h"), c.RefocusMinutesSaved, higher),
		changed(tr, tr.S("stats.lost"), hours(tr, t.RefocusMinutesLost)+" h", signedHours(tr, c.RefocusMinutesLost, " h"), c.RefocusMinutesLost, lower),
		changed(tr, tr.S("stats.avoided"), hours(tr, float64(t.MeetingPersonMinutesAvoided)),
			signedHours(tr, float64(c.MeetingPersonMinutesAvoided), ""), c.MeetingPersonMinutesAvoided, higher),
		// The streak has no change in Stats, and the window works nothing out
		// for itself.
		{Name: tr.S("stats.streak"), Value: tr.N("stats.days", st.StreakDays), Change: tr.S("stats.inARow")},
	}
}

// changed fills in a figure's change, written as signed ("" when it rounds
// to nothing) and judged by the sign of delta.
func changed[N int | float64](tr *l10n.T, name, value, signed string, delta N, dir better) figure {
	f := figure{Name: name, Value: value, Change: tr.S("stats.same")}
	if signed == "" {
		return f
	}
	f.Change, f.Mood = tr.S("stats.vsLastWeek", l10n.Args{"Change": signed}), good
	if (delta > 0) != (dir == higher) {
		f.Mood = bad
	}
	return f
}

// refocusLine says what the refocus model makes of the week, so that the
// hours saved read as time a person got back.
func refocusLine(tr *l10n.T, st *focus.Stats) string {
	t := &st.Tally
	per := tr.Number(st.RefocusMinutes)
	if t.RefocusMinutesSaved == 0 && t.RefocusMinutesLost == 0 {
		return tr.S("stats.refocusNone", l10n.Args{"Per": per})
	}
	line := tr.S("stats.refocusSaved", l10n.Args{"Per": per, "Deferred": tr.N("stats.nInterruptions", t.InterruptionsDeferred),
		"Pings": tr.N("stats.nPings", t.DecisionsAsync), "Saved": hours(tr, t.RefocusMinutesSaved)})
	if t.InterruptionsTaken == 0 {
		return tr.S("stats.tookNone", l10n.Args{"Line": line})
	}
	return tr.S("stats.tookSome", l10n.Args{"Line": line, "Taken": t.InterruptionsTaken, "Lost": hours(tr, t.RefocusMinutesLost)})
}

// minutes writes whole minutes as people say them: "6 h 40 min".
func minutes(m int) string { return focus.Human(time.Duration(m) * time.Minute) }

// hours writes minutes as hours with one decimal: "7.7", "7,7".
func hours(tr *l10n.T, m float64) string { return tr.Decimal(m/60, 1) }

func signedMinutes(m int) string {
	switch {
	case m > 0:
		return "+" + minutes(m)
	case m < 0:
		return "-" + minutes(-m)
	}
	return ""
}

func signedCount(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%+d", n)
}

// signedHours writes a change in minutes as signed hours with one decimal,
// or "" when it rounds to 0.0: "-0.0 h" would be news of nothing.
func signedHours(tr *l10n.T, m float64, unit string) string {
	s := hours(tr, m)
	switch s {
	case "0.0", "-0.0", "0,0", "-0,0":
		return ""
	}
	if m > 0 {
		s = "+" + s
	}
	return s + unit
}

// figureCard shows one headline figure: its name, its value large, and its
// change in the theme's success or error colour.
type figureCard struct {
	widget.BaseWidget
	fig figure
}

func newFigureCard() *figureCard {
	f := &figureCard{}
	f.ExtendBaseWidget(f)
	return f
}

// set shows fig.
func (f *figureCard) set(fig figure) {
	f.fig = fig
	f.Refresh()
}

func (f *figureCard) CreateRenderer() fyne.WidgetRenderer {
	r := &figureRenderer{card: f, bg: canvas.NewRectangle(nil),
		name: canvas.NewText("", nil), value: canvas.NewText("", nil), change: canvas.NewText("", nil)}
	r.value.TextStyle.Bold = true
	r.objects = []fyne.CanvasObject{r.bg, r.name, r.value, r.change}
	r.apply()
	return r
}

type figureRenderer struct {
	card                *figureCard
	bg                  *canvas.Rectangle
	name, value, change *canvas.Text
	objects             []fyne.CanvasObject
	pad                 float32
}

// apply takes the figure and the theme, which may both have changed.
func (r *figureRenderer) apply() {
	th, v := r.card.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	fig := r.card.fig
	r.pad = th.Size(theme.SizeNameInnerPadding)
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.name.Text, r.value.Text, r.change.Text = fig.Name, fig.Value, fig.Change
	r.name.Color = th.Color(theme.ColorNamePlaceHolder, v)
	r.value.Color = th.Color(theme.ColorNameForeground, v)
	r.change.Color = th.Color(moodColour[fig.Mood], v)
	r.name.TextSize = th.Size(theme.SizeNameCaptionText)
	r.change.TextSize = th.Size(theme.SizeNameCaptionText)
	r.value.TextSize = th.Size(theme.SizeNameHeadingText)
}

var moodColour = map[mood]fyne.ThemeColorName{
	neutral: theme.ColorNamePlaceHolder,
	good:    theme.ColorNameSuccess,
	bad:     theme.ColorNameError,
}

func (r *figureRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	y := r.pad
	for _, t := range []*canvas.Text{r.name, r.value, r.change} {
		h := t.MinSize().Height
		t.Move(fyne.NewPos(r.pad, y))
		t.Resize(fyne.NewSize(size.Width-2*r.pad, h))
		y += h
	}
}

func (r *figureRenderer) MinSize() fyne.Size {
	w, h := float32(0), 2*r.pad
	for _, t := range []*canvas.Text{r.name, r.value, r.change} {
		m := t.MinSize()
		w = max(w, m.Width)
		h += m.Height
	}
	return fyne.NewSize(w+2*r.pad, h)
}

func (r *figureRenderer) Refresh() {
	r.apply()
	r.Layout(r.card.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

func (r *figureRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *figureRenderer) Destroy()                     {}
