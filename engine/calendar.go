package engine

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform"
)

// FocusBlocks writes focus sessions into a calendar as busy time
// (calendar.FocusBlocks): network calls, so the engine makes them off its
// lock, one goroutine each, and says a failure on standard error.
type FocusBlocks interface {
	Started(ctx context.Context, s focus.Session) error
	Ended(ctx context.Context, s focus.Session) error
}

const blockTimeout = time.Minute

// followCalendar writes a session that started or ended to the focus
// blocks calendar, where the person asked for one.
func (e *Engine) followCalendar(st focus.Status) {
	if e.blocks == nil {
		return
	}
	write := func(what string, f func(context.Context, focus.Session) error, s focus.Session) {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), blockTimeout)
			defer cancel()
			if err := f(ctx, s); err != nil {
				fmt.Fprintf(e.stderr, "pingwise: focus block (%s): %v\n", what, err)
			}
		}()
	}
	if s := st.Ended; s != nil {
		write("end", e.blocks.Ended, *s)
	}
	if st.State == focus.Focusing && !st.Started.Equal(e.blockStart) {
		e.blockStart = st.Started
		cur, err := e.db.Current()
		if err != nil || cur.Session == nil {
			return
		}
		write("start", e.blocks.Started, *cur.Session)
	}
}

// Meetings is the week's meetings from the calendars, priced with the
// settings' working hours and refocus minutes.
func (e *Engine) Meetings(w focus.Week) (calendar.Week, error) {
	if e.calendars == nil {
		return calendar.Week{}, nil
	}
	cfg := e.Settings()
	opt := calendar.Options{MinFocusBlock: time.Duration(cfg.MinFocusBlock) * time.Minute, RefocusMinutes: cfg.RefocusMinutes}
	var err error
	if opt.WorkStart, opt.WorkEnd, err = cfg.Hours(); err != nil {
		return calendar.Week{}, err
	}
	// The calendars that failed are doctor's and the window's to say
	// (calendarStatus); the week counts the ones that read.
	week, _ := e.calendars.Week(w, opt)
	return week, nil
}

// calendarStatus is doctor's row for the calendars: how many, and one line
// for each that fails.
func (e *Engine) calendarStatus() (platform.Status, bool) {
	if e.calendars == nil || len(e.cfg.Calendars) == 0 {
		return platform.Status{}, false
	}
	if p := e.calendars.Problems(); len(p) > 0 {
		return platform.Missing(strings.Join(p, "; ")), true
	}
	n := len(e.cfg.Calendars)
	return platform.Works(fmt.Sprintf("%d calendar(s), synced in the background", n)).Said("calendars", strconv.Itoa(n)), true
}
