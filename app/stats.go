package app

import (
	"time"

	"github.com/pingwise/pingwise/app/stats"
	"github.com/pingwise/pingwise/focus"
)

// showStats opens the Weekly focus window on week (2026-W48), or on this
// week when week is empty. The window is built on first use: most days in
// the tray never need it.
func (s *shell) showStats(week string) error {
	loc, err := s.settings.Location()
	if err != nil {
		return err
	}
	w := focus.WeekOf(time.Now().In(loc))
	if week != "" {
		if w, err = focus.ParseWeek(week, loc); err != nil {
			return err
		}
	}
	if s.statsWin == nil {
		s.statsWin = stats.New(s.app,
			func(w focus.Week) (focus.Stats, error) { return s.track().Week(w) },
			func() time.Time { return time.Now().In(loc) })
	}
	s.statsWin.Show(w)
	return nil
}
