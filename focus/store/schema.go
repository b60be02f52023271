package store

import (
	"database/sql"
	"fmt"
)

// migrations bring the schema from version i to i+1. Never edit one that has
// shipped: add another. The README documents the resulting schema.
var migrations = []string{
	`CREATE TABLE sessions (
		id         INTEGER PRIMARY KEY,
		uid        TEXT NOT NULL UNIQUE,
		start_at   INTEGER NOT NULL,            -- Unix milliseconds
		planned_s  INTEGER NOT NULL,
		intent     TEXT NOT NULL DEFAULT '',
		paused_ms  INTEGER NOT NULL DEFAULT 0,  -- paused or asleep, closed pauses
		paused_at  INTEGER,                     -- set while paused
		end_at     INTEGER,                     -- NULL while active
		outcome    TEXT CHECK (outcome IN ('completed', 'abandoned'))
	);
	CREATE INDEX sessions_start ON sessions (start_at);
	CREATE INDEX sessions_active ON sessions (start_at) WHERE end_at IS NULL;
	CREATE INDEX sessions_completed ON sessions (end_at) WHERE outcome = 'completed';

	CREATE TABLE breaks (
		id         INTEGER PRIMARY KEY,
		uid        TEXT NOT NULL UNIQUE,
		start_at   INTEGER NOT NULL,
		planned_s  INTEGER NOT NULL,
		end_at     INTEGER
	);
	CREATE INDEX breaks_active ON breaks (start_at) WHERE end_at IS NULL;

	CREATE TABLE interruptions (
		id         INTEGER PRIMARY KEY,
		uid        TEXT NOT NULL UNIQUE,
		at         INTEGER NOT NULL,
		direction  TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
		channel    TEXT NOT NULL,
		outcome    TEXT NOT NULL CHECK (outcome IN ('taken', 'deferred')),
		people     INTEGER NOT NULL DEFAULT 1 CHECK (people >= 1),
		who        TEXT NOT NULL DEFAULT '',
		note       TEXT NOT NULL DEFAULT '',
		in_session INTEGER NOT NULL DEFAULT 0,
		handled_at INTEGER
	);
	CREATE INDEX interruptions_at ON interruptions (at);
	CREATE INDEX interruptions_pending ON interruptions (at)
		WHERE outcome = 'deferred' AND in_session = 1 AND handled_at IS NULL;

	CREATE TABLE decisions (
		id          INTEGER PRIMARY KEY,
		uid         TEXT NOT NULL UNIQUE,
		at          INTEGER NOT NULL,
		recommended TEXT NOT NULL CHECK (recommended IN ('sync', 'async')),
		chosen      TEXT NOT NULL CHECK (chosen IN ('sync', 'async')),
		channel     TEXT NOT NULL DEFAULT '',
		people      INTEGER NOT NULL DEFAULT 1 CHECK (people >= 1),
		minutes     INTEGER NOT NULL DEFAULT 0,
		reasons     TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
		in_session  INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX decisions_at ON decisions (at);`,

	// Quiet focus: notifications held during a session are interruptions
	// with the app they came from and how many were coalesced; state keeps
	// what Pingwise changed on the desktop (Do Not Disturb), to put back
	// even after a crash.
	`ALTER TABLE interruptions ADD COLUMN app TEXT NOT NULL DEFAULT '';
	ALTER TABLE interruptions ADD COLUMN count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1);
	CREATE TABLE state (
		key   TEXT PRIMARY KEY,
		value TEXT NOT NULL
	);`,

	// Several devices: each event keeps the device that logged it ('' for
	// this one); deleted keeps tombstones so that no journal brings a
	// deleted event back; journals keeps how far each file in the sync
	// folder has been read; outbox keeps journal lines not yet written
	// while the sync folder was out of reach.
	`ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
	ALTER TABLE interruptions ADD COLUMN device TEXT NOT NULL DEFAULT '';
	ALTER TABLE decisions ADD COLUMN device TEXT NOT NULL DEFAULT '';
	CREATE TABLE deleted (
		uid    TEXT PRIMARY KEY,
		at     INTEGER NOT NULL,
		device TEXT NOT NULL DEFAULT ''
	);
	CREATE TABLE devices (
		id     TEXT PRIMARY KEY,
		name   TEXT NOT NULL,
		format INTEGER NOT NULL
	);
	CREATE TABLE journals (
		path   TEXT PRIMARY KEY,
		offset INTEGER NOT NULL,
		format INTEGER NOT NULL DEFAULT 0,
		device TEXT NOT NULL DEFAULT '',
		said   TEXT NOT NULL DEFAULT ''   -- the problem last reported, said once
	);
	CREATE TABLE outbox (
		seq  INTEGER PRIMARY KEY,
		line TEXT NOT NULL
	);`,

	// The events' uids are unique through indexes of their own instead of
	// UNIQUE constraints, which SQLite cannot drop: a first merge into an
	// empty store drops every index of the events and builds them again
	// after the rows, by sorting, many times faster than row by row. The
	// tables are made again as they were, rows and ids kept.
	`CREATE TABLE sessions_new (
		id         INTEGER PRIMARY KEY,
		uid        TEXT NOT NULL,
		start_at   INTEGER NOT NULL,
		planned_s  INTEGER NOT NULL,
		intent     TEXT NOT NULL DEFAULT '',
		paused_ms  INTEGER NOT NULL DEFAULT 0,
		paused_at  INTEGER,
		end_at     INTEGER,
		outcome    TEXT CHECK (outcome IN ('completed', 'abandoned')),
		device     TEXT NOT NULL DEFAULT ''
	);
	INSERT INTO sessions_new SELECT id, uid, start_at, planned_s, intent, paused_ms, paused_at, end_at, outcome, device
		FROM sessions;
	DROP TABLE sessions;
	ALTER TABLE sessions_new RENAME TO sessions;
	CREATE UNIQUE INDEX sessions_uid ON sessions (uid);
	CREATE INDEX sessions_start ON sessions (start_at);
	CREATE INDEX sessions_active ON sessions (start_at) WHERE end_at IS NULL;
	CREATE INDEX sessions_completed ON sessions (end_at) WHERE outcome = 'completed';

	CREATE TABLE interruptions_new (
		id         INTEGER PRIMARY KEY,
		uid        TEXT NOT NULL,
		at         INTEGER NOT NULL,
		direction  TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
		channel    TEXT NOT NULL,
		outcome    TEXT NOT NULL CHECK (outcome IN ('taken', 'deferred')),
		people     INTEGER NOT NULL DEFAULT 1 CHECK (people >= 1),
		who        TEXT NOT NULL DEFAULT '',
		note       TEXT NOT NULL DEFAULT '',
		in_session INTEGER NOT NULL DEFAULT 0,
		handled_at INTEGER,
		app        TEXT NOT NULL DEFAULT '',
		count      INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
		device     TEXT NOT NULL DEFAULT ''
	);
	INSERT INTO interruptions_new SELECT id, uid, at, direction, channel, outcome, people, who, note, in_session,
		handled_at, app, count, device FROM interruptions;
	DROP TABLE interruptions;
	ALTER TABLE interruptions_new RENAME TO interruptions;
	CREATE UNIQUE INDEX interruptions_uid ON interruptions (uid);
	CREATE INDEX interruptions_at ON interruptions (at);
	CREATE INDEX interruptions_pending ON interruptions (at)
		WHERE outcome = 'deferred' AND in_session = 1 AND handled_at IS NULL;

	CREATE TABLE decisions_new (
		id          INTEGER PRIMARY KEY,
		uid         TEXT NOT NULL,
		at          INTEGER NOT NULL,
		recommended TEXT NOT NULL CHECK (recommended IN ('sync', 'async')),
		chosen      TEXT NOT NULL CHECK (chosen IN ('sync', 'async')),
		channel     TEXT NOT NULL DEFAULT '',
		people      INTEGER NOT NULL DEFAULT 1 CHECK (people >= 1),
		minutes     INTEGER NOT NULL DEFAULT 0,
		reasons     TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
		in_session  INTEGER NOT NULL DEFAULT 0,
		device      TEXT NOT NULL DEFAULT ''
	);
	INSERT INTO decisions_new SELECT id, uid, at, recommended, chosen, channel, people, minutes, reasons, in_session,
		device FROM decisions;
	DROP TABLE decisions;
	ALTER TABLE decisions_new RENAME TO decisions;
	CREATE UNIQUE INDEX decisions_uid ON decisions (uid);
	CREATE INDEX decisions_at ON decisions (at);`,
}

// SchemaVersion is the schema this build writes.
var SchemaVersion = len(migrations)

func (s *DB) migrate() error {
	var v int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return err
	}
	if v > SchemaVersion {
		return unusable(s.path, fmt.Sprintf("it was written by a newer Pingwise (schema %d, this one knows %d); upgrade Pingwise to use it", v, SchemaVersion))
	}
	var mode string
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
		return err
	}
	if mode == "wal" && v == SchemaVersion {
		// The everyday case: nothing to rewrite, so no full scan either
		// (it reads every page, 100+ ms on years of history). Damage in
		// a page a command reads still fails that command, unchanged.
		return nil
	}
	// Switching to WAL rewrites the header and migrating adds tables: a
	// damaged file must be found out before either touches it.
	if err := s.Check(); err != nil {
		return err
	}
	if mode != "wal" {
		if _, err := s.db.Exec(`PRAGMA journal_mode = WAL`); err != nil {
			return err
		}
	}
	if v == SchemaVersion {
		return nil
	}
	return s.tx(func(tx *sql.Tx) error {
		// Read again under the write lock: another process may have
		// migrated since.
		if err := tx.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
			return err
		}
		for ; v < SchemaVersion; v++ {
			if _, err := tx.Exec(migrations[v]); err != nil {
				return fmt.Errorf("migrate schema to version %d: %w", v+1, err)
			}
		}
		_, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, SchemaVersion))
		return err
	})
}
