package store

import (
	"database/sql"
	"sort"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// Events returns every ended session, interruption and decision, in time
// order, each with the device that logged it when synced. Sessions still
// running are left out: they are not history yet.
func (s *DB) Events() ([]focus.Event, error) {
	s.Refresh()
	devs := deviceNames{self: s.selfID()}
	var evs []focus.Event
	err := s.each(`SELECT `+sessionCols+` FROM sessions WHERE end_at IS NOT NULL ORDER BY start_at`, nil,
		func(r *sql.Rows) error {
			se, err := scanSession(r)
			se.Device = devs.of(se.Device)
			evs = append(evs, &se)
			return err
		})
	if err == nil {
		err = s.each(`SELECT `+interruptionCols+` FROM interruptions ORDER BY at`, nil, func(r *sql.Rows) error {
			i, err := scanInterruption(r)
			i.Device = devs.of(i.Device)
			evs = append(evs, &i)
			return err
		})
	}
	if err == nil {
		err = s.each(`SELECT `+decisionCols+` FROM decisions ORDER BY at`, nil, func(r *sql.Rows) error {
			d, err := scanDecision(r)
			d.Device = devs.of(d.Device)
			evs = append(evs, &d)
			return err
		})
	}
	sort.SliceStable(evs, func(i, j int) bool { return focus.Time(evs[i]).Before(focus.Time(evs[j])) })
	return evs, err
}

// Import adds events in one transaction, skipping those already stored (by
// id) or deleted. It returns how many it added; when synced, those go into
// this device's journal too.
func (s *DB) Import(evs []focus.Event) (int, error) {
	added := 0
	err := s.jtx(func(tx *sql.Tx, j *lines) error {
		for _, e := range evs {
			var gone bool
			if err := tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM deleted WHERE uid = ?)`, eventID(e)).Scan(&gone); err != nil {
				return err
			}
			if gone {
				continue // deleted for good: an old export does not bring it back
			}
			ok, err := insertEvent(tx, e, s.local(focus.DeviceOf(e)), skip)
			if err != nil {
				return err
			}
			if ok {
				added++
				if err := j.event(e); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		added = 0
	}
	return added, err
}

// insertEvent stores e as logged by device, and reports whether a row was
// added or changed.
func insertEvent(tx execer, e focus.Event, device string, dup onDup) (bool, error) {
	switch e := e.(type) {
	case *focus.Session:
		return insertSession(tx, e, device)
	case *focus.Interruption:
		return insertInterruption(tx, e, device, dup)
	case *focus.Decision:
		return insertDecision(tx, e, device, dup)
	}
	return false, nil
}

// insertSession stores an ended session. One already stored stays as it
// is, unless it is still running here: the line a crash kept from being
// committed says how it ended.
func insertSession(tx execer, se *focus.Session, device string) (bool, error) {
	r, err := tx.Exec(`INSERT INTO sessions (`+sessionCols+`) VALUES `+sessionValues+`
		ON CONFLICT (uid) DO UPDATE SET paused_ms = excluded.paused_ms, paused_at = NULL,
			end_at = excluded.end_at, outcome = excluded.outcome WHERE end_at IS NULL`,
		sessionArgs(nil, se, device)...)
	if err != nil {
		return false, err
	}
	n, err := r.RowsAffected()
	return n > 0, err
}

// sessionValues are the values of an ended session's row, bound to
// sessionArgs.
const sessionValues = `(?, ?, ?, ?, ?, NULL, ?, ?, ?)`

// sessionArgs appends the arguments of the ended session se's row, as
// logged by device.
func sessionArgs(args []any, se *focus.Session, device string) []any {
	return append(args, se.ID, ms(se.Start), int64(se.Planned/time.Second), se.Intent, se.Paused.Milliseconds(),
		ms(se.End), string(se.Result), device)
}

func eventID(e focus.Event) string {
	switch e := e.(type) {
	case *focus.Session:
		return e.ID
	case *focus.Interruption:
		return e.ID
	case *focus.Decision:
		return e.ID
	}
	return ""
}
