package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/settings"
)

func init() {
	register(&command{
		name: "stats", args: "[--week 2026-W48] [--json [--by-device]|--csv] [--show]",
		summary: "Show a week's focus stats: focus time, sessions, interruptions, decisions,\n" +
			"refocus time saved and lost, meeting person-minutes avoided, streak.",
		setup: func(fs *flag.FlagSet) runner {
			var f statsFlags
			fs.StringVar(&f.week, "week", "", "the ISO week, e.g. 2026-W48 (default this week)")
			fs.BoolVar(&f.json, "json", false, "print one JSON object")
			fs.BoolVar(&f.byDevice, "by-device", false, "with --json: break the week down by device (see sync_folder)")
			fs.BoolVar(&f.csv, "csv", false, "print CSV: a row per day and a total row")
			fs.BoolVar(&f.show, "show", false, "open the Weekly focus window")
			return func(e *Env, args []string) error { return runStats(e, f, args) }
		},
		values: map[string][]string{"week": {weekWord}},
	})
}

type statsFlags struct {
	week                      string
	json, byDevice, csv, show bool
}

func runStats(e *Env, f statsFlags, args []string) error {
	if err := maxArgs(args, 0); err != nil {
		return err
	}
	asJSON, asCSV, show := f.json, f.csv, f.show
	if asJSON && asCSV {
		return usagef("stats: --json and --csv exclude each other")
	}
	byDevice := f.byDevice
	if byDevice && !asJSON {
		return usagef("stats: --by-device goes with --json")
	}
	s, err := e.Settings()
	if err != nil {
		return err
	}
	w, err := e.week(s, f.week)
	if err != nil {
		return err
	}
	if show {
		c, err := e.launchApp()
		if err != nil {
			return err
		}
		_, err = c.Do(control.Request{Op: control.OpStats, Week: w.String()})
		return err
	}
	t, err := e.Tracker()
	if err != nil {
		return err
	}
	st, err := t.Week(w)
	if err != nil {
		return err
	}
	switch {
	case asJSON:
		if !byDevice {
			st.Devices = nil
		}
		return json.NewEncoder(e.Stdout).Encode(st)
	case asCSV:
		return st.WriteCSV(e.Stdout)
	}
	if err := writeStatsText(e.Stdout, st); err != nil {
		return err
	}
	if len(s.Calendars) == 0 {
		return nil
	}
	// The calendars' meetings, from their last sync: a calendar that cannot
	// be read gets one line and the summary stands without it.
	cw, err := loadWeek(e, s, w)
	if err != nil {
		fmt.Fprintf(e.Stderr, "pingwise: %v\n", err)
		return nil
	}
	return writeMeetingsLine(e.Stdout, cw)
}

func writeStatsText(w io.Writer, st focus.Stats) error {
	from, _ := time.Parse(time.DateOnly, st.From)
	to, _ := time.Parse(time.DateOnly, st.To)
	fmt.Fprintf(w, "Week %s (%s to %s)\n", st.Week, from.Format("Mon 2 Jan"), to.Format("Mon 2 Jan 2006"))
	if st.Empty() {
		_, err := fmt.Fprintln(w, "\nNothing logged this week yet. Start a session with: pingwise start 25m --intent \"...\"")
		return err
	}
	t, c := st.Tally, st.Change
	line := func(label, value, change string) {
		if change != "" {
			value += "   (" + change + " on the week before)"
		}
		fmt.Fprintf(w, "  %-18s %s\n", label, value)
	}
	fmt.Fprintln(w)
	line("Focus", inMinutes(float64(t.FocusMinutes)), signedMinutes(float64(c.FocusMinutes)))
	line("Sessions", fmt.Sprintf("%d completed, %d abandoned", t.SessionsCompleted, t.SessionsAbandoned), signed(c.SessionsCompleted, "completed"))
	line("Interruptions", fmt.Sprintf("%d taken, %d deferred", t.InterruptionsTaken, t.InterruptionsDeferred), signed(c.Interruptions, ""))
	line("Pings", fmt.Sprintf("%d turned async, %d sync", t.DecisionsAsync, t.DecisionsSync), signed(c.DecisionsAsync, "async"))
	line("Refocus saved", inMinutes(t.RefocusMinutesSaved), signedMinutes(c.RefocusMinutesSaved))
	line("Refocus lost", inMinutes(t.RefocusMinutesLost), signedMinutes(c.RefocusMinutesLost))
	line("Meetings avoided", inMinutes(float64(t.MeetingPersonMinutesAvoided))+" of people's time", signedMinutes(float64(c.MeetingPersonMinutesAvoided)))
	line("Streak", plural(st.StreakDays, "day"), "")
	fmt.Fprintln(w)
	most := 1
	for _, d := range st.Days {
		most = max(most, d.FocusMinutes)
	}
	for _, d := range st.Days {
		day, _ := time.Parse(time.DateOnly, d.Date)
		n := d.FocusMinutes * 20 / most
		bar := strings.Repeat("█", n) + strings.Repeat("·", 20-n)
		fmt.Fprintf(w, "  %s  %s  %-12s", day.Format("Mon 02"), bar, inMinutes(float64(d.FocusMinutes)))
		if d.Interruptions > 0 {
			fmt.Fprintf(w, " %s", plural(d.Interruptions, "interruption"))
		}
		fmt.Fprintln(w)
	}
	_, err := fmt.Fprintf(w, "\nRefocus model: %g min per interruption (see the README).\n", st.RefocusMinutes)
	return err
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func signed(n int, what string) string {
	if n == 0 {
		return ""
	}
	s := fmt.Sprintf("%+d", n)
	if what != "" {
		s += " " + what
	}
	return s
}

func signedMinutes(m float64) string {
	switch {
	case m > 0:
		return "+" + inMinutes(m)
	case m < 0:
		return "-" + inMinutes(-m)
	}
	return ""
}

// week is the ISO week named (2026-W48) in the settings' time zone, or this
// week when name is empty; a bad name is the person's mistake.
func (e *Env) week(s settings.Settings, name string) (focus.Week, error) {
	loc, err := s.Location()
	if err != nil {
		return focus.Week{}, err
	}
	if name == "" {
		return focus.WeekOf(e.Clock.Now().In(loc)), nil
	}
	w, err := focus.ParseWeek(name, loc)
	return w, invalid(err)
}
