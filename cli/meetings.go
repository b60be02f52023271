package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/settings"
)

func init() {
	register(&command{
		name: "meetings", args: "[--week 2026-W50] [--json]",
		summary: "Price a week's meetings in people's time, from your calendars' last sync:\n" +
			"meetings, person-hours, the focus time left between them, and the meetings\n" +
			"that could be async, with the advisor's reasons.",
		setup: func(fs *flag.FlagSet) runner {
			week := fs.String("week", "", "the ISO week, e.g. 2026-W50 (default this week)")
			asJSON := fs.Bool("json", false, "print one JSON object")
			return func(e *Env, args []string) error { return runMeetings(e, *week, *asJSON, args) }
		},
	})
}

func runMeetings(e *Env, weekName string, asJSON bool, args []string) error {
	if err := maxArgs(args, 0); err != nil {
		return err
	}
	s, err := e.Settings()
	if err != nil {
		return err
	}
	w, err := e.week(s, weekName)
	if err != nil {
		return err
	}
	if len(s.Calendars) == 0 {
		return usagef("meetings: no calendars yet: add one with pingwise calendar add SOURCE")
	}
	week, err := loadWeek(e, s, w)
	if err != nil {
		return err
	}
	if asJSON {
		return json.NewEncoder(e.Stdout).Encode(week)
	}
	return writeMeetings(e.Stdout, week, w.Loc)
}

// loadWeek reads every calendar's last good copy (no network) and prices
// the week; a calendar that cannot be read gets one line, the rest count.
func loadWeek(e *Env, s settings.Settings, w focus.Week) (calendar.Week, error) {
	all, me, problems := e.syncer().LoadAll(s.Calendars)
	for _, p := range problems {
		fmt.Fprintf(e.Stderr, "pingwise: %v\n", p.Err)
	}
	if len(problems) == len(s.Calendars) {
		return calendar.Week{}, errors.New("no calendar could be read: run pingwise calendar sync")
	}
	start, end, _ := s.Hours() // validated with the settings
	week, notes := all.Summarize(w, calendar.Options{Me: me, WorkStart: start, WorkEnd: end,
		MinFocusBlock: time.Duration(s.MinFocusBlock) * time.Minute, RefocusMinutes: s.RefocusMinutes})
	for _, n := range notes {
		fmt.Fprintf(e.Stderr, "pingwise: %s\n", n)
	}
	return week, nil
}

func writeMeetings(out io.Writer, w calendar.Week, loc *time.Location) error {
	fmt.Fprintf(out, "Week %s: %s, %s in meetings, %s of people's time", w.Week, plural(w.Meetings, "meeting"),
		inMinutes(float64(w.MeetingMinutes)), inMinutes(float64(w.PersonMinutes)))
	if w.RecurringPersonMinutes > 0 {
		fmt.Fprintf(out, " (%s recurring)", inMinutes(float64(w.RecurringPersonMinutes)))
	}
	fmt.Fprintf(out, ".\nFocus time left in working hours: %s.\n", inMinutes(float64(w.FocusMinutesAvailable)))
	if len(w.List) > 0 {
		fmt.Fprintln(out)
	}
	for _, m := range w.List {
		var tags []string
		if m.Recurring {
			tags = append(tags, "recurring")
		}
		if m.CouldBeAsync {
			tags = append(tags, "could be async")
		}
		line := fmt.Sprintf("  %s  %-8s %-10s %s", m.Start.In(loc).Format("Mon 02 15:04"), inMinutes(float64(m.Minutes)),
			fmt.Sprintf("%d people", m.People), m.Title)
		if len(tags) > 0 {
			line += "  [" + strings.Join(tags, ", ") + "]"
		}
		fmt.Fprintln(out, line)
	}
	if len(w.CouldBeAsync) > 0 {
		fmt.Fprintln(out, "\nCould be async:")
	}
	for _, c := range w.CouldBeAsync {
		fmt.Fprintf(out, "  %s (%s, %s of people's time", c.Title, c.Start.In(loc).Format("Mon 02 15:04"), inMinutes(float64(c.PersonMinutes)))
		if c.YearlyPersonHours > 0 {
			fmt.Fprintf(out, "; %g person-hours over the coming year", c.YearlyPersonHours)
		}
		fmt.Fprintln(out, ")")
		for _, r := range c.Reasons {
			fmt.Fprintf(out, "    - %s\n", r)
		}
	}
	return nil
}

// writeMeetingsLine is the week's meetings in the stats summary.
func writeMeetingsLine(out io.Writer, w calendar.Week) error {
	_, err := fmt.Fprintf(out, "Meetings: %s, %s of people's time; %s could be async; %s of focus time left between them.\n",
		plural(w.Meetings, "meeting"), inMinutes(float64(w.PersonMinutes)), plural(len(w.CouldBeAsync), "meeting"),
		inMinutes(float64(w.FocusMinutesAvailable)))
	return err
}
