package stats

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// MeetingsSource returns a week's meetings from the calendars' last good
// copies; the app passes one when the person has calendars.
type MeetingsSource func(focus.Week) (calendar.Week, error)

// maxAsyncShown is how many could-be-async meetings the section lists.
const maxAsyncShown = 3

// meetingsSection is the window's Meetings part: the week's meetings in
// person-hours, its timeline of meetings against focus time, and the
// meetings that could be async with the advisor's reasons.
type meetingsSection struct {
	tr       *l10n.T
	box      *fyne.Container
	summary  *widget.Label
	timeline *timeline
	async    *fyne.Container
}

func newMeetingsSection(tr *l10n.T) *meetingsSection {
	m := &meetingsSection{tr: tr, summary: widget.NewLabel(""), timeline: newTimeline(tr), async: container.NewVBox()}
	m.summary.Wrapping = fyne.TextWrapWord
	m.box = container.NewVBox(
		widget.NewLabelWithStyle(tr.S("stats.meetings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		m.summary, m.timeline, m.async)
	m.box.Hide()
	return m
}

// show fills the section for week w; err says why the calendars could not
// be read, in one line.
func (m *meetingsSection) show(w focus.Week, cw *calendar.Week, err error) {
	m.async.Objects = nil
	if err != nil {
		m.summary.SetText(m.tr.S("stats.calendarsErr", l10n.Args{"Err": err.Error()}))
		m.timeline.set(w, nil)
		m.async.Refresh()
		m.box.Show()
		return
	}
	m.summary.SetText(meetingsLine(m.tr, cw))
	m.timeline.set(w, cw)
	if len(cw.CouldBeAsync) > 0 {
		m.async.Add(widget.NewLabelWithStyle(m.tr.S("stats.couldBeAsync"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	// The costliest first, and few enough to leave room for the chart.
	list := slices.Clone(cw.CouldBeAsync)
	slices.SortStableFunc(list, func(a, b calendar.Candidate) int { return b.PersonMinutes - a.PersonMinutes })
	for _, c := range list[:min(len(list), maxAsyncShown)] {
		l := widget.NewLabel(asyncLine(m.tr, c, w))
		l.Wrapping = fyne.TextWrapWord
		m.async.Add(l)
	}
	if n := len(list) - maxAsyncShown; n > 0 {
		m.async.Add(widget.NewLabel(m.tr.S("stats.moreMeetings", l10n.Args{"N": n})))
	}
	m.async.Refresh()
	m.box.Show()
}

// meetingsLine sums up the week's meetings in one sentence.
func meetingsLine(tr *l10n.T, cw *calendar.Week) string {
	s := tr.S("stats.meetingsLine", l10n.Args{"Meetings": tr.N("stats.nMeetings", cw.Meetings),
		"Time": minutes(cw.MeetingMinutes), "People": minutes(cw.PersonMinutes)})
	if cw.RecurringPersonMinutes > 0 {
		s = tr.S("stats.recurring", l10n.Args{"Line": s, "Time": minutes(cw.RecurringPersonMinutes)})
	}
	return tr.S("stats.focusLeft", l10n.Args{"Line": s, "Time": minutes(cw.FocusMinutesAvailable)})
}

// asyncLine says what a could-be-async meeting costs and why. The reasons
// are the calendar's, in English: it keeps the advisor's text, not its
// messages.
func asyncLine(tr *l10n.T, c calendar.Candidate, w focus.Week) string {
	s := tr.S("stats.asyncLine", l10n.Args{"Title": c.Title, "When": tr.WeekdayTime(c.Start.In(w.Loc)),
		"People": tr.N("popup.people", c.People), "Time": minutes(c.PersonMinutes)})
	if c.YearlyPersonHours > 0 {
		s = tr.S("stats.yearly", l10n.Args{"Line": s, "Hours": tr.Number(c.YearlyPersonHours)})
	}
	return s + ". " + strings.Join(c.Reasons, " ")
}

// addMeetings extends an export of the week's stats with its meetings: a
// "meetings" key in JSON, a second table after a blank line in CSV.
func addMeetings(ext string, write func(io.Writer, *focus.Stats) error, cw *calendar.Week) func(io.Writer, *focus.Stats) error {
	if ext == ".json" {
		return func(out io.Writer, st *focus.Stats) error {
			b, err := json.Marshal(st)
			if err != nil {
				return err
			}
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(b, &obj); err != nil {
				return err
			}
			if obj["meetings"], err = json.Marshal(cw); err != nil {
				return err
			}
			return json.NewEncoder(out).Encode(obj)
		}
	}
	return func(out io.Writer, st *focus.Stats) error {
		if err := write(out, st); err != nil {
			return err
		}
		if _, err := io.WriteString(out, "\n"); err != nil {
			return err
		}
		c := csv.NewWriter(out)
		c.Write([]string{"meeting", "start", "end", "minutes", "people", "person_minutes", "recurring", "could_be_async"})
		for _, m := range cw.List {
			c.Write([]string{m.Title, m.Start.Format(time.RFC3339), m.End.Format(time.RFC3339), strconv.Itoa(m.Minutes),
				strconv.Itoa(m.People), strconv.Itoa(m.PersonMinutes), strconv.FormatBool(m.Recurring), strconv.FormatBool(m.CouldBeAsync)})
		}
		c.Flush()
		return c.Error()
	}
}
