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
	"os"
	"path/filepath"
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
	dsn := "file:" + path +
		"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
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

// prepareFile creates a missing database file with owner-only permissions,
// and refuses an existing file that is not SQLite before SQLite sees it.
func prepareFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF) {
		return nil // new, empty file
	}
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if !bytes.Equal(head[:n], sqliteHeader) {
		return unusable(path, "it is not an SQLite database")
	}
	return nil
}

func unusable(path, why string) error {
	return fmt.Errorf("%w: %s: %s. Pingwise has not changed it: move it aside (mv %q %q) to start afresh, or restore a backup",
		ErrUnusable, path, why, path, path+".bad")
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

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// tx runs fn in a write transaction.
func (s *DB) tx(fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		return s.explain(err)
	}
	if err := fn(tx); err != nil {
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
