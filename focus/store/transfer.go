package store

import (
	"database/sql"
	"sort"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// Events returns every ended session, interruption and decision, in time
// order. Sessions still running are left out: they are not history yet.
func (s *DB) Events() ([]focus.Event, error) {
	var evs []focus.Event
	err := s.each(`SELECT `+sessionCols+` FROM sessions WHERE end_at IS NOT NULL ORDER BY start_at`, nil,
		func(r *sql.Rows) error {
			se, err := scanSession(r)
			evs = append(evs, &se)
			return err
		})
	if err == nil {
		err = s.each(`SELECT `+interruptionCols+` FROM interruptions ORDER BY at`, nil, func(r *sql.Rows) error {
			i, err := scanInterruption(r)
			evs = append(evs, &i)
			return err
		})
	}
	if err == nil {
		err = s.each(`SELECT `+decisionCols+` FROM decisions ORDER BY at`, nil, func(r *sql.Rows) error {
			d, err := scanDecision(r)
			evs = append(evs, &d)
			return err
		})
	}
	sort.SliceStable(evs, func(i, j int) bool { return focus.Time(evs[i]).Before(focus.Time(evs[j])) })
	return evs, err
}

// Import adds events in one transaction, skipping those already stored (by
// id). It returns how many it added.
func (s *DB) Import(evs []focus.Event) (int, error) {
	added := 0
	err := s.tx(func(tx *sql.Tx) error {
		for _, e := range evs {
			var (
				ok  bool
				err error
			)
			switch e := e.(type) {
			case *focus.Session:
				ok, err = insertSession(tx, e)
			case *focus.Interruption:
				ok, err = insertInterruption(tx, e, true)
			case *focus.Decision:
				ok, err = insertDecision(tx, e, true)
			}
			if err != nil {
				return err
			}
			if ok {
				added++
			}
		}
		return nil
	})
	if err != nil {
		added = 0
	}
	return added, err
}

func insertSession(tx execer, se *focus.Session) (bool, error) {
	r, err := tx.Exec(`INSERT INTO sessions (`+sessionCols+`) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)
		ON CONFLICT (uid) DO NOTHING`,
		se.ID, ms(se.Start), int64(se.Planned/time.Second), se.Intent, se.Paused.Milliseconds(), ms(se.End), string(se.Result))
	if err != nil {
		return false, err
	}
	n, err := r.RowsAffected()
	return n > 0, err
}
