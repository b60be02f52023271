package stats

import (
	"encoding/json"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// Source returns a week's stats; the app passes a tracker's Week.
type Source func(focus.Week) (focus.Stats, error)

// Window is the Weekly focus window. The app keeps one: closing it only
// hides it, and Show brings it back on any week.
type Window struct {
	tr   *l10n.T // the UI's language
	win  fyne.Window
	src  Source
	now  func() time.Time
	week focus.Week
	st   *focus.Stats // the week shown; nil when it failed to load

	title                 *widget.Label
	prev, next, thisWeek  *widget.Button
	exportCSV, exportJSON *widget.Button
	problem               *widget.Label // why the week failed to load, in one line

	report    *fyne.Container // the week's figures, chart and breakdowns
	figures   []*figureCard
	refocus   *widget.Label
	chart     *chart
	channels  *fyne.Container
	decisions *fyne.Container
	empty     fyne.CanvasObject // shown instead of the report for a week with nothing in it

	meetingsSrc MeetingsSource // nil without calendars
	meetings    *meetingsSection
	mw          *calendar.Week // the week's meetings shown; nil when none
}

// New builds the window, hidden, in app a, speaking language ("en", "de",
// "fr", "es"; "" is English). now gives the current time, in the location
// weeks are counted in, for "This week".
func New(a fyne.App, src Source, now func() time.Time, language string) *Window {
	tr := l10n.For(language)
	w := &Window{tr: tr, win: a.NewWindow(tr.S("stats.title")), src: src, now: now}

	w.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { w.load(w.week.Prev()) })
	w.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { w.load(w.week.Next()) })
	w.thisWeek = widget.NewButton(tr.S("stats.thisWeek"), func() { w.load(focus.WeekOf(w.now())) })
	w.exportCSV = widget.NewButtonWithIcon(tr.S("stats.exportCSV"), theme.DocumentSaveIcon(), func() { w.export(".csv", writeCSV) })
	w.exportJSON = widget.NewButtonWithIcon(tr.S("stats.exportJSON"), theme.DocumentSaveIcon(), func() { w.export(".json", writeJSON) })
	header := container.NewBorder(nil, nil,
		container.NewHBox(w.prev, w.next, w.thisWeek, w.title),
		container.NewHBox(w.exportCSV, w.exportJSON))

	w.problem = widget.NewLabel("")
	w.problem.Importance = widget.DangerImportance
	w.problem.Truncation = fyne.TextTruncateEllipsis
	w.problem.Hide()

	grid := container.NewGridWithColumns(5)
	for range 10 {
		f := newFigureCard()
		w.figures = append(w.figures, f)
		grid.Add(f)
	}
	w.refocus = widget.NewLabel("")
	w.refocus.Wrapping = fyne.TextWrapWord
	w.chart = newChart(tr)
	w.channels = container.New(layout.NewFormLayout())
	w.decisions = container.New(layout.NewFormLayout())
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	side := container.NewVBox(heading(tr.S("stats.byChannel")), w.channels, heading(tr.S("stats.syncOrAsync")), w.decisions)
	w.meetings = newMeetingsSection(tr)
	w.report = container.NewBorder(container.NewVBox(grid, w.refocus), nil, nil, nil,
		container.NewBorder(nil, nil, nil, side, container.NewBorder(heading(tr.S("stats.perDay")), w.meetings.box, nil, nil, w.chart)))

	w.empty = emptyState(tr)
	w.win.SetContent(container.NewBorder(container.NewVBox(header, w.problem), nil, nil, nil,
		container.NewStack(w.report, w.empty)))
	w.win.Resize(fyne.NewSize(1000, 720))
	w.win.SetCloseIntercept(w.win.Hide) // the tray app lives on
	w.win.Canvas().SetOnTypedKey(w.typedKey)
	return w
}

// emptyState invites a person to start, for a week with nothing logged.
func emptyState(tr *l10n.T) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(tr.S("stats.empty"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	// Each line's first segment sets its alignment; a segment that is not
	// inline ends its line.
	seg := func(text string, style widget.RichTextStyle, inline bool) widget.RichTextSegment {
		style.Alignment, style.Inline = fyne.TextAlignCenter, inline
		return &widget.TextSegment{Text: text, Style: style}
	}
	how := widget.NewRichText(
		seg(tr.S("stats.empty.start"), widget.RichTextStyleInline, true),
		seg(tr.S("menu.startFocus"), widget.RichTextStyleStrong, true),
		seg(tr.S("stats.empty.tray"), widget.RichTextStyleInline, true),
		seg("pingwise start", widget.RichTextStyleCodeInline, true),
		seg(tr.S("stats.empty.terminal"), widget.RichTextStyleInline, false),
		seg(tr.S("stats.empty.then"), widget.RichTextStyleParagraph, false))
	return container.NewCenter(container.NewVBox(heading, how))
}

// SetMeetings adds the Meetings section, read from src for each week
// shown; the week shown now is read again.
func (w *Window) SetMeetings(src MeetingsSource) {
	w.meetingsSrc = src
	if w.week.Loc != nil {
		w.load(w.week)
	}
}

// Window returns the Fyne window, for the app to place or close.
func (w *Window) Window() fyne.Window { return w.win }

// Show shows week and brings the window to the front.
func (w *Window) Show(week focus.Week) {
	w.load(week)
	w.win.Show()
	w.win.RequestFocus()
}

// load fetches week from the source and shows it, or why it could not.
func (w *Window) load(week focus.Week) {
	w.week = week
	w.title.SetText(week.String() + " · " + w.tr.Date(week.Start(), false) + " – " + w.tr.Date(week.Day(6), true))
	// Weeks to come hold nothing yet.
	current := focus.WeekOf(w.now())
	if week.Start().Before(current.Start()) {
		w.next.Enable()
	} else {
		w.next.Disable()
	}
	if week.String() == current.String() {
		w.thisWeek.Disable()
	} else {
		w.thisWeek.Enable()
	}

	st, err := w.src(week)
	if err != nil {
		w.st = nil
		w.problem.SetText(w.tr.S("stats.cannotLoad", l10n.Args{"Week": week.String(), "Err": err.Error()}))
		w.problem.Show()
		w.report.Hide()
		w.empty.Hide()
		w.exportCSV.Disable()
		w.exportJSON.Disable()
		return
	}
	w.st = &st
	w.problem.Hide()
	w.exportCSV.Enable()
	w.exportJSON.Enable()
	w.mw = nil
	if w.meetingsSrc != nil {
		cw, err := w.meetingsSrc(week)
		if err == nil {
			w.mw = &cw
		}
		w.meetings.show(week, w.mw, err)
	}
	if st.Empty() && (w.mw == nil || w.mw.Meetings == 0) {
		w.report.Hide()
		w.empty.Show()
		return
	}
	w.empty.Hide()
	for i, f := range headline(w.tr, &st) {
		w.figures[i].set(f)
	}
	w.refocus.SetText(refocusLine(w.tr, &st))
	w.chart.setDays(st.Days)
	w.channels.Objects = channelRows(w.tr, &st)
	w.channels.Refresh()
	w.decisions.Objects = decisionRows(w.tr, &st)
	w.decisions.Refresh()
	w.report.Show()
}

// typedKey steps through weeks with the arrow keys, as the buttons do.
func (w *Window) typedKey(ev *fyne.KeyEvent) {
	var b *widget.Button
	switch ev.Name {
	case fyne.KeyLeft:
		b = w.prev
	case fyne.KeyRight:
		b = w.next
	default:
		return
	}
	if !b.Disabled() {
		b.OnTapped()
	}
}

// export asks where to save the week shown, then writes it there.
func (w *Window) export(ext string, write func(io.Writer, *focus.Stats) error) {
	st := w.st // the week shown now, even if the window moves on meanwhile
	if st == nil {
		return
	}
	if w.mw != nil {
		write = addMeetings(ext, write, w.mw)
	}
	d := dialog.NewFileSave(func(out fyne.URIWriteCloser, err error) {
		if out == nil && err == nil {
			return // cancelled
		}
		if err == nil {
			err = save(out, st, write)
		}
		if err != nil {
			dialog.ShowError(err, w.win)
		}
	}, w.win)
	d.SetFileName("pingwise-" + st.Week + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Show()
}

// save writes st to out and closes it: what the save dialog calls.
func save(out io.WriteCloser, st *focus.Stats, write func(io.Writer, *focus.Stats) error) error {
	err := write(out, st)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeCSV writes what `pingwise stats --csv` prints.
func writeCSV(out io.Writer, st *focus.Stats) error { return st.WriteCSV(out) }

// writeJSON writes what `pingwise stats --json` prints.
func writeJSON(out io.Writer, st *focus.Stats) error { return json.NewEncoder(out).Encode(*st) }
