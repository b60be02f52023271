package focus

import (
	"encoding/csv"
	"io"
	"strconv"
)

// statsColumns are the CSV columns after the date, in Tally's order.
var statsColumns = []string{"focus_minutes", "sessions_completed", "sessions_abandoned",
	"interruptions", "interruptions_taken", "interruptions_deferred", "decisions_sync", "decisions_async",
	"refocus_minutes_saved", "refocus_minutes_lost", "meeting_person_minutes_avoided"}

// WriteCSV writes a week's stats as CSV: a row per day, then a row for
// the week with the week's name in the date column.
func (st *Stats) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(append([]string{"date"}, statsColumns...))
	row := func(date string, t Tally) {
		f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
		cw.Write([]string{date, strconv.Itoa(t.FocusMinutes), strconv.Itoa(t.SessionsCompleted),
			strconv.Itoa(t.SessionsAbandoned), strconv.Itoa(t.Interruptions), strconv.Itoa(t.InterruptionsTaken),
			strconv.Itoa(t.InterruptionsDeferred), strconv.Itoa(t.DecisionsSync), strconv.Itoa(t.DecisionsAsync),
			f(t.RefocusMinutesSaved), f(t.RefocusMinutesLost), strconv.Itoa(t.MeetingPersonMinutesAvoided)})
	}
	for _, d := range st.Days {
		row(d.Date, d.Tally)
	}
	row(st.Week, st.Tally)
	cw.Flush()
	return cw.Error()
}
