package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/pingwise/pingwise/focus"
)

const sessionCols = `uid, start_at, planned_s, intent, paused_ms, paused_at, end_at, outcome, device`

func scanSession(row interface{ Scan(...any) error }) (focus.Session, error) {
	var (
		s              focus.Session
		start, planned int64
		paused         int64
		pausedAt, end  sql.NullInt64
		outcome        sql.NullString
	)
	err := row.Scan(&s.ID, &start, &planned, &s.Intent, &paused, &pausedAt, &end, &outcome, &s.Device)
	s.Start = time.UnixMilli(start)
	s.Planned = time.Duration(planned) * time.Second
	s.Paused = time.Duration(paused) * time.Millisecond
	s.PausedAt, s.End, s.Result = fromMS(pausedAt), fromMS(end), focus.Result(outcome.String)
	return s, err
}

// Current loads the active session and the running break.
func (s *DB) Current() (focus.Current, error) {
	c, err := current(s.db)
	return c, s.explain(err)
}

func current(q queryer) (focus.Current, error) {
	var c focus.Current
	se, err := scanSession(q.QueryRow(`SELECT ` + sessionCols + ` FROM sessions WHERE end_at IS NULL ORDER BY start_at DESC LIMIT 1`))
	switch {
	case err == nil:
		c.Session = &se
	case err != sql.ErrNoRows:
		return c, err
	}
	var (
		b              focus.Break
		start, planned int64
	)
	err = q.QueryRow(`SELECT uid, start_at, planned_s FROM breaks WHERE end_at IS NULL ORDER BY start_at DESC LIMIT 1`).Scan(&b.ID, &start, &planned)
	switch {
	case err == nil:
		b.Start, b.Planned = time.UnixMilli(start), time.Duration(planned)*time.Second
		c.Break = &b
	case err != sql.ErrNoRows:
		return c, err
	}
	return c, nil
}

// Update runs a transition atomically: see focus.Store.
func (s *DB) Update(fn func(*focus.Current) error) error {
	return s.jtx(func(tx *sql.Tx, j *lines) error {
		c, err := current(tx)
		if err != nil {
			return err
		}
		if err := fn(&c); err != nil {
			return err
		}
		for _, se := range []*focus.Session{c.Ended, c.Session} {
			if se != nil {
				if err := putSession(tx, se); err != nil {
					return err
				}
			}
		}
		for _, b := range []*focus.Break{c.EndedBreak, c.Break} {
			if b != nil {
				if err := putBreak(tx, b); err != nil {
					return err
				}
			}
		}
		if c.Ended != nil {
			return j.event(c.Ended) // a session is history, for the journal, once it ends
		}
		return nil
	})
}

type execer interface {
	Exec(query string, args ...any) (sql.Result, error)
}

func putSession(tx execer, se *focus.Session) error {
	var outcome sql.NullString
	if se.Result != "" {
		outcome = sql.NullString{String: string(se.Result), Valid: true}
	}
	_, err := tx.Exec(`INSERT INTO sessions (`+sessionCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')
		ON CONFLICT (uid) DO UPDATE SET planned_s = excluded.planned_s, intent = excluded.intent,
			paused_ms = excluded.paused_ms, paused_at = excluded.paused_at,
			end_at = excluded.end_at, outcome = excluded.outcome`,
		se.ID, ms(se.Start), int64(se.Planned/time.Second), se.Intent, se.Paused.Milliseconds(),
		nullMS(se.PausedAt), nullMS(se.End), outcome)
	return err
}

func putBreak(tx execer, b *focus.Break) error {
	_, err := tx.Exec(`INSERT INTO breaks (uid, start_at, planned_s, end_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (uid) DO UPDATE SET planned_s = excluded.planned_s, end_at = excluded.end_at`,
		b.ID, ms(b.Start), int64(b.Planned/time.Second), nullMS(b.End))
	return err
}

const interruptionCols = `uid, at, direction, channel, outcome, people, who, note, in_session, handled_at, app, count, device`

// AddInterruption stores an interruption.
func (s *DB) AddInterruption(i *focus.Interruption) error {
	return s.jtx(func(tx *sql.Tx, j *lines) error {
		if _, err := insertInterruption(tx, i, s.local(i.Device), plain); err != nil {
			return err
		}
		return j.event(i)
	})
}

// How an insert treats an event already stored under the same uid.
type onDup int

const (
	plain onDup = iota // fail: a new event's id is new
	skip               // keep the stored one: import
	merge              // merge the two (see mergeInterruption): a journal's edit
)

// mergeInterruption is how a journal's edit of an interruption meets the
// stored one: edits only ever mark it handled, or count more notifications
// into it, so the earliest handled time and the largest count win, in
// whatever order devices read them.
const mergeInterruption = ` ON CONFLICT (uid) DO UPDATE SET
	handled_at = coalesce(min(handled_at, excluded.handled_at), handled_at, excluded.handled_at),
	count = max(count, excluded.count)`

// purgeDeleted removes the events a tombstone names: imports and merges
// end with it, so that no journal or file brings a deleted event back. A
// check in each insert cost a fifth of a first merge; deletions are rare.
func purgeDeleted(tx execer) error {
	for _, table := range []string{"sessions", "interruptions", "decisions"} {
		if _, err := tx.Exec(`DELETE FROM ` + table + ` WHERE uid IN (SELECT uid FROM deleted)`); err != nil {
			return err
		}
	}
	return nil
}

// insertInterruption stores i as logged by device (empty for this one). It
// reports whether a row was added or changed.
func insertInterruption(tx execer, i *focus.Interruption, device string, dup onDup) (bool, error) {
	q := `INSERT INTO interruptions (` + interruptionCols + `) VALUES ` + interruptionValues
	switch dup {
	case skip:
		q += ` ON CONFLICT (uid) DO NOTHING`
	case merge:
		q += mergeInterruption
	}
	r, err := tx.Exec(q, interruptionArgs(nil, i, device)...)
	if err != nil {
		return false, err
	}
	n, err := r.RowsAffected()
	return n > 0, err
}

// interruptionValues are the values of an interruption's row, bound to
// interruptionArgs.
const interruptionValues = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// interruptionArgs appends the arguments of i's row, as logged by device.
func interruptionArgs(args []any, i *focus.Interruption, device string) []any {
	// Values the driver takes as they are (int64, not int, nil, not
	// sql.NullInt64): a first merge binds millions, straight to the driver.
	return append(args, i.ID, ms(i.At), string(i.Direction), string(i.Channel), string(i.Outcome),
		int64(i.People), i.Who, i.Note, i.InSession, msOrNil(i.Handled), i.App, int64(max(i.Count, 1)), device)
}

func scanInterruption(rows *sql.Rows) (focus.Interruption, error) {
	var (
		i                     focus.Interruption
		at                    int64
		dir, channel, outcome string
		handled               sql.NullInt64
	)
	err := rows.Scan(&i.ID, &at, &dir, &channel, &outcome, &i.People, &i.Who, &i.Note, &i.InSession, &handled, &i.App, &i.Count, &i.Device)
	i.At, i.Handled = time.UnixMilli(at), fromMS(handled)
	i.Direction, i.Channel, i.Outcome = focus.Direction(dir), focus.Channel(channel), focus.Outcome(outcome)
	return i, err
}

const decisionCols = `uid, at, recommended, chosen, channel, people, minutes, reasons, in_session, device`

// AddDecision stores a decision.
func (s *DB) AddDecision(d *focus.Decision) error {
	return s.jtx(func(tx *sql.Tx, j *lines) error {
		if _, err := insertDecision(tx, d, s.local(d.Device), plain); err != nil {
			return err
		}
		return j.event(d)
	})
}

// insertDecision stores d as logged by device. Decisions are never edited,
// so one already stored stays as it is.
func insertDecision(tx execer, d *focus.Decision, device string, dup onDup) (bool, error) {
	args, err := decisionArgs(nil, d, device)
	if err != nil {
		return false, err
	}
	q := `INSERT INTO decisions (` + decisionCols + `) VALUES ` + decisionValues
	if dup != plain {
		q += ` ON CONFLICT (uid) DO NOTHING`
	}
	r, err := tx.Exec(q, args...)
	if err != nil {
		return false, err
	}
	n, err := r.RowsAffected()
	return n > 0, err
}

// decisionValues are the values of a decision's row, bound to decisionArgs.
const decisionValues = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// decisionArgs appends the arguments of d's row, as logged by device.
func decisionArgs(args []any, d *focus.Decision, device string) ([]any, error) {
	reasons, err := json.Marshal(d.Reasons)
	if err != nil {
		return args, err
	}
	if d.Reasons == nil {
		reasons = []byte("[]")
	}
	return append(args, d.ID, ms(d.At), string(d.Recommended), string(d.Chosen), d.Channel,
		int64(d.People), int64(d.Minutes), string(reasons), d.InSession, device), nil
}

func scanDecision(rows *sql.Rows) (focus.Decision, error) {
	var (
		d                    focus.Decision
		at                   int64
		rec, chosen, reasons string
	)
	err := rows.Scan(&d.ID, &at, &rec, &chosen, &d.Channel, &d.People, &d.Minutes, &reasons, &d.InSession, &d.Device)
	if err != nil {
		return d, err
	}
	d.At, d.Recommended, d.Chosen = time.UnixMilli(at), focus.Mode(rec), focus.Mode(chosen)
	return d, json.Unmarshal([]byte(reasons), &d.Reasons)
}

// SessionAt reports whether a focus session was active at t.
func (s *DB) SessionAt(t time.Time) (bool, error) {
	var end sql.NullInt64
	st, err := s.prepared(`SELECT end_at FROM sessions WHERE start_at <= ? ORDER BY start_at DESC LIMIT 1`)
	if err == nil {
		err = st.QueryRow(ms(t)).Scan(&end)
	}
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, s.explain(err)
	}
	return !end.Valid || end.Int64 > ms(t), nil
}

// Log returns what the weekly stats count in [from, to): the sessions that
// started in it, and the interruptions and decisions logged in it, in time
// order. Interruptions and decisions carry only what is counted (time,
// direction, channel, outcome, people, choice, minutes): stats run on every
// week switch, and reading the rest was most of their cost.
func (s *DB) Log(from, to time.Time) (focus.Log, error) {
	s.Refresh()
	var l focus.Log
	span := []any{ms(from), ms(to)}
	devs := deviceNames{self: s.selfID()}
	err := s.each(`SELECT `+sessionCols+` FROM sessions WHERE start_at >= ? AND start_at < ? ORDER BY start_at`,
		span, func(r *sql.Rows) error {
			se, err := scanSession(r)
			se.Device = devs.of(se.Device)
			l.Sessions = append(l.Sessions, se)
			return err
		})
	if err == nil {
		err = s.each(`SELECT at, direction, channel, outcome, people, device FROM interruptions WHERE at >= ? AND at < ? ORDER BY at`,
			span, func(r *sql.Rows) error {
				var (
					i                     focus.Interruption
					at                    int64
					dir, channel, outcome sql.RawBytes
					dev                   sql.RawBytes
				)
				if err := r.Scan(&at, &dir, &channel, &outcome, &i.People, &dev); err != nil {
					return err
				}
				i.Device = devs.ofRaw(dev)
				i.At = time.UnixMilli(at)
				i.Direction, i.Outcome = focus.Incoming, focus.Taken
				if string(dir) == string(focus.Outgoing) {
					i.Direction = focus.Outgoing
				}
				if string(outcome) == string(focus.Deferred) {
					i.Outcome = focus.Deferred
				}
				i.Channel = channelOf(channel)
				l.Interruptions = append(l.Interruptions, i)
				return nil
			})
	}
	if err == nil {
		err = s.each(`SELECT at, chosen, people, minutes, device FROM decisions WHERE at >= ? AND at < ? ORDER BY at`,
			span, func(r *sql.Rows) error {
				var (
					d      focus.Decision
					at     int64
					chosen sql.RawBytes
					dev    sql.RawBytes
				)
				if err := r.Scan(&at, &chosen, &d.People, &d.Minutes, &dev); err != nil {
					return err
				}
				d.Device = devs.ofRaw(dev)
				d.At, d.Chosen = time.UnixMilli(at), focus.Async
				if string(chosen) == string(focus.Sync) {
					d.Chosen = focus.Sync
				}
				l.Decisions = append(l.Decisions, d)
				return nil
			})
	}
	return l, err
}

// deviceNames turns the stored device (empty for this one) into the device's
// id, allocating once per device rather than once per row.
type deviceNames struct {
	self string
	seen []string
}

func (d *deviceNames) ofRaw(b []byte) string {
	if len(b) == 0 {
		return d.self
	}
	for _, s := range d.seen {
		if string(b) == s {
			return s
		}
	}
	d.seen = append(d.seen, string(b))
	return d.seen[len(d.seen)-1]
}

func (d *deviceNames) of(s string) string {
	if s == "" {
		return d.self
	}
	return s
}

// channelOf returns the stored channel without allocating for the known
// ones.
func channelOf(b []byte) focus.Channel {
	for _, c := range focus.Channels {
		if string(b) == string(c) {
			return c
		}
	}
	return focus.Channel(b)
}

// EachCompletedEnd calls fn with the end of each completed session that
// ended before before, latest first, until fn returns false.
func (s *DB) EachCompletedEnd(before time.Time, fn func(time.Time) bool) error {
	errStop := sql.ErrNoRows // any sentinel: rows are closed either way
	err := s.each(`SELECT end_at FROM sessions WHERE outcome = 'completed' AND end_at < ? ORDER BY end_at DESC`,
		[]any{ms(before)}, func(r *sql.Rows) error {
			var end int64
			if err := r.Scan(&end); err != nil {
				return err
			}
			if !fn(time.UnixMilli(end)) {
				return errStop
			}
			return nil
		})
	if err == errStop {
		return nil
	}
	return err
}

// each runs a query and calls fn for every row.
func (s *DB) each(query string, args []any, fn func(*sql.Rows) error) error {
	st, err := s.prepared(query)
	if err != nil {
		return s.explain(err)
	}
	rows, err := st.Query(args...)
	if err != nil {
		return s.explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return s.explain(rows.Err())
}

const pending = `outcome = 'deferred' AND in_session = 1 AND handled_at IS NULL`

// Deferred returns the interruptions deferred during sessions and not
// handled yet, latest first and at most limit, and how many there are.
func (s *DB) Deferred(limit int) ([]focus.Interruption, int, error) {
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM interruptions WHERE ` + pending).Scan(&n); err != nil {
		return nil, 0, s.explain(err)
	}
	var list []focus.Interruption
	err := s.each(`SELECT `+interruptionCols+` FROM interruptions WHERE `+pending+` ORDER BY at DESC LIMIT ?`,
		[]any{limit}, func(r *sql.Rows) error {
			i, err := scanInterruption(r)
			list = append(list, i)
			return err
		})
	return list, n, err
}

// MarkHandled marks the deferred interruptions with the given ids handled
// at t; with no ids, every one still pending.
func (s *DB) MarkHandled(at time.Time, ids ...string) error {
	return s.jtx(func(tx *sql.Tx, j *lines) error {
		if len(ids) == 0 && !j.on() {
			_, err := tx.Exec(`UPDATE interruptions SET handled_at = ? WHERE `+pending, ms(at))
			return err
		}
		if len(ids) == 0 {
			var err error
			if ids, err = uids(tx, `SELECT uid FROM interruptions WHERE `+pending); err != nil {
				return err
			}
		}
		for _, id := range ids {
			r, err := tx.Exec(`UPDATE interruptions SET handled_at = ? WHERE uid = ? AND handled_at IS NULL`, ms(at), id)
			if err != nil {
				return err
			}
			if n, _ := r.RowsAffected(); n > 0 {
				if err := j.edited(tx, id); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func uids(tx *sql.Tx, query string) ([]string, error) {
	rows, err := tx.Query(query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Coalesce counts one more notification into the held interruption id.
func (s *DB) Coalesce(id string) error {
	return s.jtx(func(tx *sql.Tx, j *lines) error {
		r, err := tx.Exec(`UPDATE interruptions SET count = count + 1 WHERE uid = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return fmt.Errorf("no interruption %s", id)
		}
		return j.edited(tx, id)
	})
}

// Delete deletes the event id for good: its tombstone, in the store and,
// when synced, in the journal, keeps any device's journal from bringing it
// back.
func (s *DB) Delete(id string, at time.Time) error {
	return s.jtx(func(tx *sql.Tx, j *lines) error {
		var device string
		err := tx.QueryRow(`SELECT device FROM sessions WHERE uid = ?1 AND end_at IS NOT NULL
			UNION ALL SELECT device FROM interruptions WHERE uid = ?1
			UNION ALL SELECT device FROM decisions WHERE uid = ?1`, id).Scan(&device)
		if err == sql.ErrNoRows {
			return fmt.Errorf("no ended session, interruption or decision %s", id)
		}
		if err != nil {
			return err
		}
		if err := deleteEvent(tx, id, device, at); err != nil {
			return err
		}
		return j.deleted(id, device, at)
	})
}

// deleteEvent removes the event id, logged by device, and keeps its
// tombstone.
func deleteEvent(tx execer, id, device string, at time.Time) error {
	if err := keepTombstone(tx, id, device, at); err != nil {
		return err
	}
	for _, table := range []string{"sessions", "interruptions", "decisions"} {
		if _, err := tx.Exec(`DELETE FROM `+table+` WHERE uid = ?`, id); err != nil {
			return err
		}
	}
	return nil
}

// keepTombstone keeps the tombstone of the event id, logged by device and
// deleted at.
func keepTombstone(tx execer, id, device string, at time.Time) error {
	_, err := tx.Exec(`INSERT INTO deleted (uid, at, device) VALUES (?, ?, ?) ON CONFLICT (uid) DO NOTHING`,
		id, ms(at), device)
	return err
}

// HeldSince returns how many notifications were held since t.
func (s *DB) HeldSince(t time.Time) (int, error) {
	var n int
	st, err := s.prepared(`SELECT coalesce(sum(count), 0) FROM interruptions WHERE app != '' AND at >= ?`)
	if err == nil {
		err = st.QueryRow(ms(t)).Scan(&n)
	}
	return n, s.explain(err)
}

// State returns the value kept under key, and whether there is one.
func (s *DB) State(key string) (string, bool, error) {
	var v string
	st, err := s.prepared(`SELECT value FROM state WHERE key = ?`)
	if err == nil {
		err = st.QueryRow(key).Scan(&v)
	}
	if err == sql.ErrNoRows {
		return "", false, nil
	}
	return v, err == nil, s.explain(err)
}

// SetState keeps value under key, durably, before the caller acts on it.
func (s *DB) SetState(key, value string) error {
	return s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}

// DeleteState forgets key.
func (s *DB) DeleteState(key string) error {
	return s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`DELETE FROM state WHERE key = ?`, key)
		return err
	})
}
