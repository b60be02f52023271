package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/journal"
)

// syncer ties the store to a synced folder (see package journal): every
// event written here is appended to this device's journal in the same
// write transaction, and the other devices' journals are merged in when
// they change.
type syncer struct {
	folder string
	self   string // this device's id
	name   string
	own    string // this device's journal
	note   func(string)

	mu    sync.Mutex
	seen  map[string]stamp // each journal's size and time at the last merge
	said  string           // the last folder problem said, so it is said once
	owing bool             // lines wait in the outbox
}

type stamp struct {
	size int64
	mod  time.Time
}

// Sync ties the store to folder, a folder a sync engine keeps the same on
// every device, as device self (its id, from journal.LocalID) named name:
// from now on every event written is appended to this device's journal
// there, and reads merge the other devices' journals in as they change.
// The first time, this device's history so far goes into its journal.
// note is told, once each, what a person should know: a journal from a
// newer Pingwise, a damaged line, a folder out of reach.
//
// A folder out of reach is told to note, not returned: the store still
// works, and what is written meanwhile waits in it until the folder is
// back. An error is the store's own.
func (s *DB) Sync(folder, self, name string, note func(string)) error {
	if err := focus.CheckDevice(self); err != nil || self == "" {
		return fmt.Errorf("sync: device id %q is not usable", self)
	}
	y := &syncer{folder: folder, self: self, name: name, own: filepath.Join(folder, journal.FileName(self)),
		note: note, seen: map[string]stamp{}}
	// Owing: this device's journal is to be started, its name recorded,
	// or lines wait in the outbox. Most starts owe nothing, and then a
	// command takes no write lock to sync.
	if _, err := os.Stat(y.own); err != nil {
		y.owing = true
	} else if err := s.db.QueryRow(`SELECT EXISTS (SELECT 1 FROM outbox)
		OR NOT EXISTS (SELECT 1 FROM devices WHERE id = ? AND name = ?)`, self, name).Scan(&y.owing); err != nil {
		return s.explain(err)
	}
	s.sync = y
	return s.merge()
}

// Refresh merges in what the other devices' journals gained since the last
// read. Reads call it; it costs a look at the folder when nothing changed.
// What goes wrong is told to the note given to Sync, once: a read goes on
// with what the store has.
func (s *DB) Refresh() {
	if s.sync != nil {
		if err := s.merge(); err != nil {
			s.sync.say(err.Error())
		}
	}
}

// unreachable says that the folder cannot be used now, and has the next
// merge check this device's journal, which may have come back empty.
func (y *syncer) unreachable(err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is the folder or in it: said once, below
	}
	y.setOwing(true)
	y.say(fmt.Sprintf("sync folder %s: %v; what you log waits in this device's store until it is back", y.folder, err))
}

func (y *syncer) isOwing() bool {
	y.mu.Lock()
	defer y.mu.Unlock()
	return y.owing
}

func (y *syncer) setOwing(v bool) {
	y.mu.Lock()
	defer y.mu.Unlock()
	y.owing = v
}

// say tells the note msg, unless it was the last thing said.
func (y *syncer) say(msg string) {
	y.mu.Lock()
	defer y.mu.Unlock()
	if msg != y.said && y.note != nil {
		y.note(msg)
	}
	y.said = msg
}

// selfID is this device's id, empty when the store is not synced.
func (s *DB) selfID() string {
	if s.sync == nil {
		return ""
	}
	return s.sync.self
}

// local returns how the store keeps an event's device: empty for this one.
func (s *DB) local(device string) string {
	if s.sync != nil && device == s.sync.self {
		return ""
	}
	return device
}

// DeviceNames returns the name of each device seen in the journals, by id,
// this one's included.
func (s *DB) DeviceNames() (map[string]string, error) {
	names := map[string]string{}
	err := s.each(`SELECT id, name FROM devices`, nil, func(r *sql.Rows) error {
		var id, name string
		err := r.Scan(&id, &name)
		names[id] = name
		return err
	})
	if s.sync != nil {
		names[s.sync.self] = s.sync.name
	}
	return names, err
}

// lines gathers the journal lines of a write transaction.
type lines struct {
	s   *DB
	buf []byte
}

// on reports whether the store keeps a journal.
func (j *lines) on() bool { return j.s.sync != nil }

func (j *lines) add(line []byte, err error) error {
	j.buf = append(j.buf, line...)
	return err
}

// event adds e, as this device or the device that logged it.
func (j *lines) event(e focus.Event) error {
	if !j.on() {
		return nil
	}
	dev := focus.DeviceOf(e)
	if dev == "" {
		dev = j.s.sync.self
	}
	return j.add(journal.EventLine(e, dev))
}

// edited adds the interruption id as it now stands: an edit is the event
// written again.
func (j *lines) edited(tx *sql.Tx, id string) error {
	if !j.on() {
		return nil
	}
	rows, err := tx.Query(`SELECT `+interruptionCols+` FROM interruptions WHERE uid = ?`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		i, err := scanInterruption(rows)
		if err != nil {
			return err
		}
		if err := j.event(&i); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (j *lines) deleted(id, device string, at time.Time) error {
	if !j.on() {
		return nil
	}
	if device == "" {
		device = j.s.sync.self
	}
	return j.add(journal.DeletedLine(id, device, at))
}

// jtx runs fn in a write transaction and appends the journal lines it
// gathered to this device's journal before committing. Appends happen
// under the database's write lock, so the app and commands on one device
// never append at once. If the process dies between the append and the
// commit, the next merge reads the lines back from the journal; if the
// folder is out of reach, the lines wait in the outbox and the write still
// succeeds.
func (s *DB) jtx(fn func(*sql.Tx, *lines) error) error {
	return s.tx(func(tx *sql.Tx) error {
		j := lines{s: s}
		if err := fn(tx, &j); err != nil {
			return err
		}
		if !j.on() || len(j.buf) == 0 {
			return nil
		}
		return s.flush(tx, j.buf)
	})
}

// flush appends what waits in the outbox, then data, to this device's
// journal; when that fails, data joins the outbox.
func (s *DB) flush(tx *sql.Tx, data []byte) error {
	y := s.sync
	var owed []byte
	var last int64
	if y.isOwing() {
		rows, err := tx.Query(`SELECT seq, line FROM outbox ORDER BY seq`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var line []byte
			if err := rows.Scan(&last, &line); err != nil {
				rows.Close()
				return err
			}
			owed = append(owed, line...)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	err := s.appendOwn(tx, append(owed, data...))
	if err != nil {
		y.unreachable(err)
		if len(data) > 0 {
			_, err = tx.Exec(`INSERT INTO outbox (line) VALUES (?)`, data)
		}
		return err
	}
	y.setOwing(false)
	if len(owed) > 0 {
		_, err = tx.Exec(`DELETE FROM outbox WHERE seq <= ?`, last)
	}
	return err
}

// appendOwn appends data to this device's journal. A journal not there yet
// is started with this device's record and its whole history; lines the
// store has not read back yet (a crash between append and commit) are
// merged in first, so that nothing appended is ever skipped.
func (s *DB) appendOwn(tx *sql.Tx, data []byte) error {
	y := s.sync
	if st, err := os.Stat(y.folder); err != nil {
		return err
	} else if !st.IsDir() {
		return errors.New("it is not a folder")
	}
	pos, said, err := position(tx, y.own)
	if err != nil {
		return err
	}
	info, err := os.Stat(y.own)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// New, or lost: start it with everything this device logged, which
		// includes data's events, already in the store.
		if data, err = s.history(tx); err != nil {
			return err
		}
		pos = journal.Position{}
	case err != nil:
		return err
	case info.Size() != pos.Offset:
		if info.Size() < pos.Offset {
			pos = journal.Position{} // replaced by an older copy: read it again
		}
		m := newMerger(s, tx) // never a bulk one: no begin
		pos, err = s.readJournal(m, y.own, pos, said)
		m.close()
		if err != nil {
			return err
		}
		if err := purgeDeleted(tx); err != nil {
			return err
		}
	}
	if len(data) == 0 {
		return nil // only the outbox was checked, and it was empty
	}
	end, err := journal.Append(y.own, pos.Offset, data)
	if err != nil {
		return err
	}
	pos.Offset, pos.Device, pos.Format = end, y.self, journal.Format
	return setPosition(tx, y.own, pos, said)
}

// history returns this device's journal from scratch: its record, then
// every event it logged and every tombstone it wrote.
func (s *DB) history(tx *sql.Tx) ([]byte, error) {
	y := s.sync
	var buf bytes.Buffer
	line, err := journal.DeviceLine(y.self, y.name, time.Now())
	if err != nil {
		return nil, err
	}
	buf.Write(line)
	add := func(e focus.Event) error {
		line, err := journal.EventLine(e, y.self)
		buf.Write(line)
		return err
	}
	queries := []struct {
		q    string
		scan func(*sql.Rows) error
	}{
		{`SELECT ` + sessionCols + ` FROM sessions WHERE end_at IS NOT NULL AND device = '' ORDER BY start_at`,
			func(r *sql.Rows) error {
				se, err := scanSession(r)
				if err != nil {
					return err
				}
				return add(&se)
			}},
		{`SELECT ` + interruptionCols + ` FROM interruptions WHERE device = '' ORDER BY at`,
			func(r *sql.Rows) error {
				i, err := scanInterruption(r)
				if err != nil {
					return err
				}
				return add(&i)
			}},
		{`SELECT ` + decisionCols + ` FROM decisions WHERE device = '' ORDER BY at`,
			func(r *sql.Rows) error {
				d, err := scanDecision(r)
				if err != nil {
					return err
				}
				return add(&d)
			}},
		{`SELECT uid, at FROM deleted WHERE device = ''`,
			func(r *sql.Rows) error {
				var (
					id string
					at int64
				)
				if err := r.Scan(&id, &at); err != nil {
					return err
				}
				line, err := journal.DeletedLine(id, y.self, time.UnixMilli(at))
				buf.Write(line)
				return err
			}},
	}
	for _, q := range queries {
		if err := eachIn(tx, q.q, q.scan); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}

func eachIn(tx *sql.Tx, query string, fn func(*sql.Rows) error) error {
	rows, err := tx.Query(query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// position returns how far the journal at path has been read, and the
// problem last said about it.
func position(q queryer, path string) (journal.Position, string, error) {
	var (
		pos  journal.Position
		said string
	)
	err := q.QueryRow(`SELECT offset, format, device, said FROM journals WHERE path = ?`, path).
		Scan(&pos.Offset, &pos.Format, &pos.Device, &said)
	if err == sql.ErrNoRows {
		err = nil
	}
	return pos, said, err
}

func setPosition(tx *sql.Tx, path string, pos journal.Position, said string) error {
	_, err := tx.Exec(`INSERT INTO journals (path, offset, format, device, said) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (path) DO UPDATE SET offset = excluded.offset, format = excluded.format,
			device = excluded.device, said = excluded.said`,
		path, pos.Offset, pos.Format, pos.Device, said)
	return err
}

// merge reads what every journal in the folder gained since it was last
// read, and appends what waits in the outbox. Journals that have not
// changed since the last merge cost a stat each, and no transaction.
func (s *DB) merge() error {
	y := s.sync
	entries, err := os.ReadDir(y.folder)
	if err != nil {
		y.unreachable(err)
		return nil
	}
	type file struct {
		path string
		stamp
	}
	var changed []file
	for _, de := range entries {
		if de.IsDir() || !journal.IsJournal(de.Name()) {
			continue
		}
		info, err := de.Info()
		if err != nil {
			continue // gone since the listing: a sync engine's rename
		}
		f := file{filepath.Join(y.folder, de.Name()), stamp{info.Size(), info.ModTime()}}
		y.mu.Lock()
		same := y.seen[f.path] == f.stamp
		y.mu.Unlock()
		if !same {
			changed = append(changed, f)
		}
	}
	owing := y.isOwing()
	if len(changed) == 0 && !owing {
		return nil
	}
	// Most changes are this device's own appends, already read: find out
	// without taking the write lock.
	var todo []string
	for _, f := range changed {
		pos, _, err := position(s.db, f.path)
		if err != nil {
			return s.explain(err)
		}
		if pos.Offset != f.size {
			todo = append(todo, f.path)
		}
	}
	if len(todo) > 0 || owing {
		var bulk bool
		err := s.bigCache(func() error {
			return s.connTx(func(conn *sql.Conn, tx *sql.Tx) error {
				if _, err := os.Stat(y.own); owing && errors.Is(err, fs.ErrNotExist) {
					// This device's journal starts with its history: written
					// before the others' journals are merged, finding it is not
					// a search through their years of rows.
					if err := s.owed(tx); err != nil {
						return err
					}
					owing = false
				}
				if len(todo) > 0 {
					var err error
					// A bulk merge that fails has its checkpoints back too.
					if bulk, err = s.mergeFiles(conn, tx, todo); err != nil {
						return err
					}
				}
				if owing {
					return s.owed(tx)
				}
				return nil
			})
		})
		if bulk {
			err = errors.Join(err, s.checkpointLater())
		}
		if err != nil {
			return err
		}
	}
	y.mu.Lock()
	for _, f := range changed {
		y.seen[f.path] = f.stamp
	}
	y.mu.Unlock()
	return nil
}

// bigCache runs fn with a page cache bigger than SQLite's 2 MB: a first
// merge brings years of history, and the indexes' pages then do not spill.
// The cache is given back after. (The store has one connection, so the
// pragma is the transaction's.)
func (s *DB) bigCache(fn func() error) (err error) {
	if _, err := s.db.Exec(`PRAGMA cache_size = -65536`); err != nil {
		return s.explain(err)
	}
	defer func() {
		if _, rerr := s.db.Exec(`PRAGMA cache_size = -2000`); rerr != nil && err == nil {
			err = s.explain(rerr)
		}
	}()
	return fn()
}

// checkpointLater has the pages a bulk merge wrote to the WAL copied into
// the database file on a connection of its own, in the background, and
// gives the store's connection its automatic checkpoints back. The merge
// turned them off for its commit: copying tens of megabytes there was a
// sixth of a first start, which the person waits for, while reads and
// writes go on during a checkpoint. Close waits for it. A checkpoint
// interrupted, by a kill or a power cut, is taken up by the next one.
func (s *DB) checkpointLater() error {
	if _, err := s.db.Exec(`PRAGMA wal_autocheckpoint = ` + strconv.Itoa(autocheckpoint)); err != nil {
		return s.explain(err)
	}
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		if err := s.checkpoint(); err != nil {
			s.sync.say(fmt.Sprintf("store %s: checkpoint after merging the journals: %v", s.path, err))
		}
	}()
	return nil
}

// autocheckpoint is SQLite's default: a checkpoint once the WAL holds this
// many pages.
const autocheckpoint = 1000

func (s *DB) checkpoint() error {
	db, err := sql.Open("sqlite", dsn(s.path))
	if err != nil {
		return err
	}
	_, err = db.Exec(`PRAGMA wal_checkpoint(PASSIVE)`)
	return errors.Join(err, db.Close())
}

// owed records this device's name and appends what waits in the outbox.
func (s *DB) owed(tx *sql.Tx) error {
	if err := s.nameSelf(tx); err != nil {
		return err
	}
	return s.flush(tx, nil)
}

// mergeFiles merges in what the journals at paths gained, in the
// transaction tx on conn. It reports whether the merge was a bulk one,
// which turns the connection's automatic checkpoints off (see
// checkpointLater).
func (s *DB) mergeFiles(conn *sql.Conn, tx *sql.Tx, paths []string) (bulk bool, err error) {
	m := newMerger(s, tx)
	m.conn = conn
	defer m.close()
	indexes, err := m.begin(paths)
	if err != nil {
		return false, err
	}
	if indexes != nil {
		if _, err := tx.Exec(`PRAGMA wal_autocheckpoint = 0`); err != nil {
			return false, err
		}
		bulk = true
	}
	for _, path := range paths {
		pos, said, err := position(tx, path)
		if err != nil {
			return bulk, err
		}
		if info, err := os.Stat(path); err == nil && info.Size() < pos.Offset {
			pos = journal.Position{} // replaced by an older copy: read it again
		}
		if _, err := s.readJournal(m, path, pos, said); err != nil {
			return bulk, err
		}
	}
	if err := m.end(indexes); err != nil {
		return bulk, err
	}
	return bulk, purgeDeleted(tx)
}

// bulkLines is how many new lines make a merge a bulk one, if they are more
// than the events the store holds. Tests lower it.
var bulkLines int64 = 10000

// begin sets up the merge of the journals at paths. One that brings more
// events than the store holds is a bulk merge: it drops the events'
// indexes and builds them again after the rows, by sorting, a fraction of
// the cost of keeping them up to date row by row (in random order, each
// row touches pages all over each index). Into a store that holds events,
// the uid indexes stay, for the upserts; into one that holds none, they go
// too, and the merge loads its rows plain (see load). begin returns the
// statements that make the dropped indexes again, as the schema has them:
// within the merge's transaction, a merge that fails or is killed leaves
// them as they were.
func (m *merger) begin(paths []string) ([]string, error) {
	var unread int64
	for _, path := range paths {
		pos, _, err := position(m.tx, path)
		if err != nil {
			return nil, err
		}
		if info, err := os.Stat(path); err == nil {
			unread += max(info.Size()-pos.Offset, 0)
		}
	}
	const lineSize = 256 // about what an event's line takes
	lines := unread / lineSize
	if lines < bulkLines {
		return nil, nil
	}
	// Counted from the highest ids, at a glance.
	var rows int64
	if err := m.tx.QueryRow(`SELECT (SELECT coalesce(max(id), 0) FROM sessions)
		+ (SELECT coalesce(max(id), 0) FROM interruptions) + (SELECT coalesce(max(id), 0) FROM decisions)`).Scan(&rows); err != nil {
		return nil, err
	}
	if lines <= rows {
		return nil, nil
	}
	var empty bool
	if err := m.tx.QueryRow(`SELECT NOT EXISTS (SELECT 1 FROM sessions) AND NOT EXISTS (SELECT 1 FROM interruptions)
		AND NOT EXISTS (SELECT 1 FROM decisions)`).Scan(&empty); err != nil {
		return nil, err
	}
	rs, err := m.tx.Query(`SELECT m.name, m.sql, i."unique" FROM sqlite_master m JOIN pragma_index_list(m.tbl_name) i USING (name)
		WHERE m.type = 'index' AND m.sql IS NOT NULL AND m.tbl_name IN ('sessions', 'interruptions', 'decisions')
		ORDER BY m.name`)
	if err != nil {
		return nil, err
	}
	var names, create []string
	for rs.Next() {
		var (
			name, q string
			unique  bool
		)
		if err := rs.Scan(&name, &q, &unique); err != nil {
			rs.Close()
			return nil, err
		}
		if !unique || empty {
			names, create = append(names, name), append(create, q)
		}
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := m.tx.Exec(`DROP INDEX "` + name + `"`); err != nil {
			return nil, err
		}
	}
	if empty {
		m.load = &load{seed: maphash.MakeSeed(), seen: make(map[uint64]struct{}, lines), ins: startInserter(m.conn)}
	}
	return create, nil
}

// end finishes a merge: the rows waiting go in, the indexes dropped are
// built again, and the events whose id came twice in a load merge in.
func (m *merger) end(indexes []string) error {
	l := m.load
	if l != nil {
		for k := range l.rows {
			m.insertRows(k)
		}
		if err := l.ins.wait(); err != nil {
			return err
		}
	}
	for _, q := range indexes {
		if _, err := m.tx.Exec(q); err != nil {
			return fmt.Errorf("build index again: %w", err)
		}
	}
	m.load = nil
	if l != nil {
		for i := range l.again {
			if err := m.apply(&l.again[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// nameSelf records this device's name, and appends its device record when
// the name changed since the last one.
func (s *DB) nameSelf(tx *sql.Tx) error {
	y := s.sync
	var name string
	err := tx.QueryRow(`SELECT name FROM devices WHERE id = ?`, y.self).Scan(&name)
	if err == nil && name == y.name {
		return nil
	}
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO devices (id, name, format) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name`, y.self, y.name, journal.Format); err != nil {
		return err
	}
	if _, err := os.Stat(y.own); err != nil {
		return nil // a new journal starts with the device record anyway
	}
	line, err := journal.DeviceLine(y.self, y.name, time.Now())
	if err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO outbox (line) VALUES (?)`, line)
	return err
}

// readJournal merges in the complete lines of the journal at path after
// pos through m, saves how far it read, and says once what it could not
// read.
func (s *DB) readJournal(m *merger, path string, pos journal.Position, said string) (journal.Position, error) {
	pos, probs, err := journal.Read(path, pos, m.apply)
	if err != nil {
		return pos, err
	}
	if msg := problem(path, pos, probs); msg != "" && msg != said {
		s.sync.say(msg)
		said = msg
	}
	return pos, setPosition(m.tx, path, pos, said)
}

// problem puts what a read could not take in into words, or "".
func problem(path string, pos journal.Position, p journal.Problems) string {
	switch {
	case p.Newer > 0 && pos.Format > journal.Format:
		return fmt.Sprintf("journal %s was written by a newer Pingwise (format %d, this one reads %d): read as far as it is understood; upgrade Pingwise to see the rest",
			path, pos.Format, journal.Format)
	case p.Newer > 0:
		return fmt.Sprintf("journal %s has records this Pingwise does not know: skipped; upgrade Pingwise to see them", path)
	case p.Damaged > 0:
		return fmt.Sprintf("journal %s: %d damaged lines skipped, the first at byte %d; the rest was read", path, p.Damaged, p.FirstDamaged)
	}
	return ""
}

// merger applies journal entries within a transaction, its statements
// prepared once: a first merge can bring years of history.
type merger struct {
	s     *DB
	tx    *sql.Tx
	conn  *sql.Conn // tx's connection, for a load's rows
	stmts map[string]*sql.Stmt
	load  *load // a bulk merge into a store without events, until its end
}

// load is a bulk merge into a store that holds no events, while the events'
// tables have no index: with no uid index to upsert on, rows go in plain,
// many to a statement, and an event whose id came before waits for the end
// of the merge, when the indexes are back, to merge into the first as it
// would have then. Tombstones purge at the end too.
type load struct {
	// The hashes of the ids loaded: not the ids themselves, which made the
	// set a fifth of the inserting goroutine's time, and each collection
	// scan it. A collision only sends an event the way of those whose id
	// came before: it goes in after the indexes, as row by row.
	seed  maphash.Seed
	seen  map[uint64]struct{}
	again []journal.Entry
	rows  [len(loadTables)][]any // arguments of the rows waiting, by table
	ins   *inserter              // puts them in
}

// loadTables are the tables a load fills, and the values of a row of each.
var loadTables = [...]struct{ table, cols, values string }{
	{"sessions", sessionCols, sessionValues},
	{"interruptions", interruptionCols, interruptionValues},
	{"decisions", decisionCols, decisionValues},
}

// loadRows is how many rows one statement of a load inserts.
const loadRows = 50

func newMerger(s *DB, tx *sql.Tx) *merger {
	return &merger{s: s, tx: tx, stmts: map[string]*sql.Stmt{}}
}

// Exec makes merger an execer over prepared statements.
func (m *merger) Exec(query string, args ...any) (sql.Result, error) {
	st, ok := m.stmts[query]
	if !ok {
		var err error
		if st, err = m.tx.Prepare(query); err != nil {
			return nil, err
		}
		m.stmts[query] = st
	}
	return st.Exec(args...)
}

func (m *merger) close() {
	for _, st := range m.stmts {
		st.Close()
	}
	if m.load != nil {
		m.load.ins.wait() // a failed merge: its error is the one to tell
	}
}

func (m *merger) apply(e *journal.Entry) error {
	dev := m.s.local(e.Device)
	switch e.Type {
	case journal.TypeDevice:
		_, err := m.Exec(`INSERT INTO devices (id, name, format) VALUES (?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, format = max(format, excluded.format)`,
			e.Device, e.Name, e.Format)
		return err
	case journal.TypeDeleted:
		if m.load != nil {
			return keepTombstone(m, e.ID, dev, e.At) // purged at the end
		}
		return deleteEvent(m, e.ID, dev, e.At)
	}
	if m.load != nil {
		return m.loadEvent(e, dev)
	}
	_, err := insertEvent(m, e.Event, dev, merge)
	return err
}

// idHash is how a load hashes an event's id. Tests make it collide.
var idHash = maphash.String

// loadEvent adds an event to a load.
func (m *merger) loadEvent(e *journal.Entry, dev string) error {
	l := m.load
	n := len(l.seen)
	if l.seen[idHash(l.seed, eventID(e.Event))] = struct{}{}; len(l.seen) == n {
		l.again = append(l.again, *e)
		return nil
	}
	var k int
	switch ev := e.Event.(type) {
	case *focus.Session:
		k, l.rows[0] = 0, sessionArgs(l.rows[0], ev, dev)
	case *focus.Interruption:
		k, l.rows[1] = 1, interruptionArgs(l.rows[1], ev, dev)
	case *focus.Decision:
		var err error
		if l.rows[2], err = decisionArgs(l.rows[2], ev, dev); err != nil {
			return err
		}
		k = 2
	}
	if len(l.rows[k]) == loadRows*strings.Count(loadTables[k].values, "?") {
		m.insertRows(k)
	}
	return nil
}

// insertRows hands the rows of a load waiting for table k to its inserter.
func (m *merger) insertRows(k int) {
	l := m.load
	if len(l.rows[k]) > 0 {
		l.rows[k] = l.ins.send(k, l.rows[k])
	}
}
