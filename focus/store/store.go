// Package store keeps Pingwise's sessions, breaks, interruptions and
// decisions in an embedded SQLite database, for the tray app and the command
// line at once.
//
// The database runs in WAL mode with synchronous=FULL, so a write is on disk
// when the call returns and a kill -9 loses nothing acknowledged; write
// transactions take the write lock up front (BEGIN IMMEDIATE) and wait for
// each other through busy_timeout, so many processes can log at once. A file
// that is not a Pingwise database, is damaged, or comes from a newer version
// is never changed: Open refuses it with an error that names the file.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	sqlite "modernc.org/sqlite"
)

// ErrUnusable marks a database Pingwise will not touch: damaged, not a
// database, or from a newer Pingwise.
var ErrUnusable = errors.New("database unusable")

// DB is the store. It is safe for concurrent use.
type DB struct {
	db   *sql.DB
	path string

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // reads prepared once: parsing SQL was most of a week's stats

	sync *syncer // set by Sync: the journals in a synced folder

	bg sync.WaitGroup // work left to finish in the background, waited for by Close
}

var sqliteHeader = []byte("SQLite format 3\x00")

// Open opens the database at path, creating it (0600, in a 0700 folder) and
// bringing its schema up to date.
func Open(path string) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	if err := prepareFile(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One connection: the app's goroutines queue for it instead of
	// fighting over SQLite's lock within one process.
	db.SetMaxOpenConns(1)
	s := &DB{db: db, path: path}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, s.explain(err)
	}
	return s, nil
}

// dsn names the database for the driver. The path is escaped: in an SQLite
// URI a ?, # or % in it would make SQLite open another file than the one
// prepareFile checked. WAL is set by migrate, once the file is known to be
// sound. A Windows path is written as SQLite's URIs want it, with forward
// slashes and a slash before the drive: file:///C:/Users/...; a file:
// URI holding backslashes and a bare C: is refused as an invalid authority.
func dsn(path string) string {
	p := filepath.ToSlash(path)
	if filepath.VolumeName(path) != "" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p,
		RawQuery: "_pragma=busy_timeout(10000)&_pragma=synchronous(FULL)&_txlock=immediate"}).String()
}

// prepareFile creates a missing database, and refuses an existing file that
// is not SQLite before SQLite sees it.
func prepareFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return create(path)
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF) {
		return nil // empty: SQLite sets it up
	}
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if !bytes.Equal(head[:n], sqliteHeader) {
		return unusable(path, "it is not an SQLite database")
	}
	return nil
}

// create makes an empty WAL database at path, owner-only. It is made under
// another name and linked into place, so that no process opens it before it
// is in WAL mode: connections in several processes taking the same new
// file out of rollback mode at once fail with SQLITE_BUSY or disk I/O
// errors. Where hard links are not supported, SQLite sets it up in place.
func create(path string) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".new-*")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp)
	db, err := sql.Open("sqlite", dsn(tmp))
	if err == nil {
		_, err = db.Exec(`PRAGMA journal_mode = WAL`)
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if err := os.Link(tmp, path); err == nil || errors.Is(err, fs.ErrExist) {
		return nil // made here, or by another process at the same moment
	}
	if f, err = os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600); err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	return f.Close()
}

func unusable(path, why string) error {
	return fmt.Errorf("%w: %s: %s. Pingwise has not changed it: move it aside (mv %q %q) to start afresh, or restore a backup",
		ErrUnusable, path, why, path, path+".bad")
}

// Check refuses a damaged file. quick_check reads every page, which is how
// damage in the middle of the file is found before anything is written; it
// costs a read of the whole file, so Open runs it only before rewriting the
// file, and the app once when it starts.
func (s *DB) Check() error {
	var msg string
	if err := s.db.QueryRow(`PRAGMA quick_check(1)`).Scan(&msg); err != nil {
		return err
	}
	if msg != "ok" {
		return unusable(s.path, "it is damaged ("+msg+")")
	}
	return nil
}

// explain turns SQLite's damaged-file errors into one that names the file
// and says what to do.
func (s *DB) explain(err error) error {
	var e *sqlite.Error
	if errors.As(err, &e) {
		switch e.Code() & 0xff {
		case 11: // SQLITE_CORRUPT
			return unusable(s.path, "it is damaged ("+e.Error()+")")
		case 26: // SQLITE_NOTADB
			return unusable(s.path, "it is not an SQLite database")
		}
	}
	return err
}

// Path returns the database file's path.
func (s *DB) Path() string { return s.path }

// Close closes the database, once the work left in the background is done.
func (s *DB) Close() error {
	s.bg.Wait()
	s.mu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.mu.Unlock()
	return s.db.Close()
}

// prepared returns the query prepared, preparing it on first use.
func (s *DB) prepared(query string) (*sql.Stmt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	st, err := s.db.Prepare(query)
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[query] = st
	return st, nil
}

// tx runs fn in a write transaction.
func (s *DB) tx(fn func(*sql.Tx) error) error {
	return s.connTx(func(_ *sql.Conn, tx *sql.Tx) error { return fn(tx) })
}

// connTx runs fn in a write transaction on conn, which fn may also reach
// through conn.Raw: a bulk merge binds its rows to the driver's statements
// directly, without database/sql's conversion of every argument.
func (s *DB) connTx(fn func(conn *sql.Conn, tx *sql.Tx) error) error {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.explain(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return s.explain(err)
	}
	if err := fn(conn, tx); err != nil {
		tx.Rollback()
		return s.explain(err)
	}
	return s.explain(tx.Commit())
}

// queryer is what reads need from *sql.DB and *sql.Tx alike.
type queryer interface {
	QueryRow(query string, args ...any) *sql.Row
	Query(query string, args ...any) (*sql.Rows, error)
}

func ms(t time.Time) int64 { return t.UnixMilli() }

// msOrNil is t in Unix milliseconds, or nil for the zero time: a value the
// driver takes as it is, unlike nullMS.
func msOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

func nullMS(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: true}
}

func fromMS(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMilli(v.Int64)
}
