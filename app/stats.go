package app

import (
	"time"

	"github.com/pingwise/pingwise/app/stats"
	"github.com/pingwise/pingwise/focus"
)

// showStats opens the Weekly focus window on week w. The window is built on
// first use: most days in the tray never need it.
func (s *shell) showStats(w focus.Week) {
	if s.statsWin == nil {
		s.statsWin = stats.New(s.app, s.eng.Week, func() time.Time { return time.Now().In(s.eng.Location()) }, s.tr.Lang())
		if len(s.eng.Settings().Calendars) > 0 {
			s.statsWin.SetMeetings(s.eng.Meetings)
		}
	}
	s.statsWin.Show(w)
}
