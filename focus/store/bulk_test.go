package store_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"hash/maphash"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
	"github.com/pingwise/pingwise/journal"
)

// tricky writes a folder whose journals hold what a merge must get right
// whichever way it takes: an interruption edited twice, the edits in
// either order across files; a session and a decision written twice with
// different content, the first standing; tombstones before and after the
// event they delete, one of them for another device's event; and a
// conflict copy of a journal. It returns the folder.
func tricky(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	pending := &focus.Interruption{ID: "edited", At: at, Direction: focus.Incoming, Channel: focus.Chat,
		Outcome: focus.Deferred, People: 1, InSession: true, Who: "first", Count: 1}
	later, earlier := *pending, *pending
	later.Handled, later.Count, later.Who = at.Add(2*time.Hour), 3, "second"
	earlier.Handled, earlier.Count = at.Add(time.Hour), 2
	session := &focus.Session{ID: "twice", Start: at, End: at.Add(25 * time.Minute), Planned: 25 * time.Minute,
		Result: focus.Completed}
	other := *session
	other.Result, other.End = focus.Abandoned, at.Add(5*time.Minute)
	decision := &focus.Decision{ID: "decided", At: at, Recommended: focus.Async, Chosen: focus.Async, People: 2,
		Reasons: []string{"can wait a day"}}
	redecided := *decision
	redecided.Chosen = focus.Sync
	write := func(name string, lines ...func() ([]byte, error)) {
		var b bytes.Buffer
		for _, l := range lines {
			line, err := l()
			if err != nil {
				t.Fatal(err)
			}
			b.Write(line)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ev := func(e focus.Event, dev string) func() ([]byte, error) {
		return func() ([]byte, error) { return journal.EventLine(e, dev) }
	}
	gone := func(id, dev string) func() ([]byte, error) {
		return func() ([]byte, error) { return journal.DeletedLine(id, dev, at.Add(3*time.Hour)) }
	}
	many := func(dev string, n int) []func() ([]byte, error) {
		var out []func() ([]byte, error)
		for k := range n {
			out = append(out, ev(&focus.Interruption{ID: fmt.Sprintf("%s-%d", dev, k), At: at.Add(time.Duration(k) * time.Minute),
				Direction: focus.Outgoing, Channel: focus.Email, Outcome: focus.Taken, People: 2, Count: 1}, dev))
		}
		return out
	}
	head := func(dev string) func() ([]byte, error) {
		return func() ([]byte, error) { return journal.DeviceLine(dev, "computer "+dev, at) }
	}
	laptop := append([]func() ([]byte, error){head("laptop"), gone("deleted-early", "laptop"), ev(pending, "laptop"),
		ev(session, "laptop"), ev(decision, "laptop"), ev(&later, "laptop"), ev(&other, "laptop"),
		ev(&focus.Decision{ID: "deleted-early", At: at, Recommended: focus.Sync, Chosen: focus.Sync, People: 1}, "laptop"),
		ev(&redecided, "laptop")}, many("laptop", 20)...)
	desk := append([]func() ([]byte, error){head("desk"), ev(&earlier, "desk"), gone("laptop-3", "desk"),
		ev(&focus.Interruption{ID: "deleted-late", At: at, Direction: focus.Incoming, Channel: focus.Call,
			Outcome: focus.Taken, People: 1, Count: 1}, "desk"),
		gone("deleted-late", "desk")}, many("desk", 20)...)
	write(journal.FileName("laptop"), laptop...)
	write(journal.FileName("desk"), desk...)
	write("pingwise-laptop.sync-conflict-20261124-101010-ABCDEFG.jsonl", laptop[:6]...)
	return dir
}

// indexes returns the indexes of a database, as its schema has them.
func indexes(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, q string
		if err := rows.Scan(&name, &q); err != nil {
			t.Fatal(err)
		}
		out[name] = q
	}
	return out
}

// merged returns what a store holds after merging folder, by
// way: "row by row" never takes a bulk merge; "bulk, empty store" loads
// the rows with every index dropped; "bulk, store with events" has an
// event of its own first, and keeps the uid indexes.
func merged(t *testing.T, folder, way string) ([]focus.Event, string) {
	t.Helper()
	store.SetBulkLines(t, 0)
	if way == "row by row" {
		store.SetBulkLines(t, 1<<40)
	}
	db := open(t, dbPath(t))
	if way == "bulk, store with events" {
		own := &focus.Interruption{ID: "own", At: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), Direction: focus.Incoming,
			Channel: focus.Chat, Outcome: focus.Taken, People: 1, Count: 1}
		if err := db.AddInterruption(own); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	copyDir(t, folder, dir)
	if err := db.Sync(dir, "thisdevice", "this", func(m string) { t.Errorf("said %q", m) }); err != nil {
		t.Fatal(err)
	}
	evs, err := db.Events()
	if err != nil {
		t.Fatal(err)
	}
	if way == "bulk, store with events" {
		evs = evs[1:] // its own, the earliest
	}
	return evs, db.Path()
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range entries {
		b, err := os.ReadFile(filepath.Join(from, de.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, de.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBulkMergeMeansWhatRowByRowMeans(t *testing.T) {
	folder := tricky(t)
	want, path := merged(t, folder, "row by row")
	schema := indexes(t, path)
	// What row by row makes of it, spelled out: the earliest handled time
	// and the largest count of the edits, the rest from the first line;
	// the first session and decision; nothing deleted, early or late.
	byID := map[string]focus.Event{}
	for _, e := range want {
		switch e := e.(type) {
		case *focus.Session:
			byID[e.ID] = e
		case *focus.Interruption:
			byID[e.ID] = e
		case *focus.Decision:
			byID[e.ID] = e
		}
	}
	i, _ := byID["edited"].(*focus.Interruption)
	s, _ := byID["twice"].(*focus.Session)
	d, _ := byID["decided"].(*focus.Decision)
	if len(want) != 3+39 || i == nil || i.Count != 3 || i.Who != "first" || i.Handled.Hour() != 10 ||
		s == nil || s.Result != focus.Completed || d == nil || d.Chosen != focus.Async ||
		byID["deleted-early"] != nil || byID["deleted-late"] != nil || byID["laptop-3"] != nil {
		t.Fatalf("row by row: %d events, edited %+v, twice %+v, decided %+v", len(want), i, s, d)
	}
	for _, way := range []string{"bulk, empty store", "bulk, store with events", "bulk, every id hashed alike"} {
		t.Run(way, func(t *testing.T) {
			if way == "bulk, every id hashed alike" {
				// Every event but the first is taken for one whose id came
				// before: all go in after the indexes, and mean the same.
				store.SetIDHash(t, func(maphash.Seed, string) uint64 { return 1 })
				way = "bulk, empty store"
			}
			got, path := merged(t, folder, way)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%d events, want %d as row by row:\n%v\n%v", len(got), len(want), got, want)
			}
			if idx := indexes(t, path); !reflect.DeepEqual(idx, schema) {
				t.Errorf("indexes after the merge:\n%v\nwant\n%v", idx, schema)
			}
			if ok := pragma(t, path, "integrity_check"); ok != "ok" {
				t.Errorf("integrity_check: %s", ok)
			}
		})
	}
}

// The child of TestBulkMergeKilled: with these set, the test binary merges
// the folder into the database, saying when it starts.
const (
	mergeDB     = "PINGWISE_TEST_MERGE_DB"
	mergeFolder = "PINGWISE_TEST_MERGE_FOLDER"
)

func merger(path, folder string) int {
	db, err := store.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer db.Close()
	fmt.Println("merging")
	if err := db.Sync(folder, "thisdevice", "this", nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// writeJournal writes evs into folder as the device "laptop" logs them,
// their ids its own, and returns the journal's length in bytes.
func writeJournal(t *testing.T, folder string, at time.Time, evs []focus.Event) int {
	t.Helper()
	var b bytes.Buffer
	line, _ := journal.DeviceLine("laptop", "laptop", at)
	b.Write(line)
	for _, e := range evs {
		setID(e, "laptop")
		line, err := journal.EventLine(e, "laptop")
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
	}
	if err := os.WriteFile(filepath.Join(folder, journal.FileName("laptop")), b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return b.Len()
}

func TestBulkMergeKilled(t *testing.T) {
	// Killed mid-merge, with the indexes dropped: the store is as it was,
	// indexes included, and the next merge brings everything, once.
	folder := t.TempDir()
	at := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	history := History(at, 1, Density{Sessions: 2, Interruptions: 60, Decisions: 10})
	writeJournal(t, folder, at, history)
	events := len(history)
	path := dbPath(t)
	fresh := open(t, path)
	schema := indexes(t, path)
	fresh.Close()

	cmd, out, stderr := startChild(t, mergeDB+"="+path, mergeFolder+"="+folder)
	if !out.Scan() || out.Text() != "merging" {
		t.Fatalf("the merger did not start: %s", stderr)
	}
	cmd.Process.Kill()
	// Killed, or done first on a fast machine: either leaves a whole store.
	// Said only with a failure: the Wine harness takes any line for one.
	waited := cmd.Wait()
	if idx := indexes(t, path); !reflect.DeepEqual(idx, schema) {
		t.Errorf("indexes after the kill (merger: %v):\n%v\nwant\n%v", waited, idx, schema)
	}
	if ok := pragma(t, path, "integrity_check"); ok != "ok" {
		t.Errorf("integrity_check after the kill: %s", ok)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var rows int
	err = raw.QueryRow(`SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM interruptions)
		+ (SELECT count(*) FROM decisions)`).Scan(&rows)
	raw.Close()
	if err != nil || rows != 0 && rows != events {
		t.Errorf("%d of %d events after the kill (merger: %v; %v): a merge is all or nothing", rows, events, waited, err)
	}

	db := open(t, path)
	if err := db.Sync(folder, "thisdevice", "this", func(m string) { t.Errorf("said %q", m) }); err != nil {
		t.Fatal(err)
	}
	evs, err := db.Events()
	if err != nil || len(evs) != events {
		t.Errorf("%d events after merging again, %v; want %d", len(evs), err, events)
	}
	if idx := indexes(t, path); !reflect.DeepEqual(idx, schema) {
		t.Errorf("indexes after merging again:\n%v\nwant\n%v", idx, schema)
	}
	if strings.Contains(stderr.String(), "panic") {
		t.Errorf("the merger panicked: %s", stderr)
	}
}

func TestBulkMergeCheckpointsInBackground(t *testing.T) {
	// A bulk merge commits without the checkpoint, then has one made on a
	// connection of its own: the rows reach the database file, and the
	// store's connection gets its automatic checkpoints back.
	store.SetBulkLines(t, 0)
	folder := t.TempDir()
	at := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	written := writeJournal(t, folder, at, History(at, 1, Density{Sessions: 1, Interruptions: 10, Decisions: 2}))
	path := dbPath(t)
	db := open(t, path)
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Sync(folder, "thisdevice", "this", func(m string) { t.Errorf("said %q", m) }); err != nil {
		t.Fatal(err)
	}
	store.Settle(db)
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if after.Size() < before.Size()+int64(written)/2 {
		t.Errorf("database file %d bytes after the merge of %d bytes of journal, %d before: not checkpointed",
			after.Size(), written, before.Size())
	}
	if v, err := store.ConnPragma(db, "wal_autocheckpoint"); err != nil || v != "1000" {
		t.Errorf("wal_autocheckpoint after a bulk merge: %s, %v; want 1000", v, err)
	}
}

func TestBulkMergeFailingMidwayChangesNothing(t *testing.T) {
	// A row refused in the middle of a load fails the merge: the store
	// keeps no row of it, its indexes are as they were, and a merge once
	// the cause is gone brings everything.
	store.SetBulkLines(t, 0)
	folder := t.TempDir()
	at := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	evs := History(at, 1, Density{Sessions: 1, Interruptions: 3, Decisions: 1})
	writeJournal(t, folder, at, evs)
	var refused string
	for k, e := range evs {
		if i, ok := e.(*focus.Interruption); ok && refused == "" && k > len(evs)/2 {
			refused = i.ID
		}
	}
	path := dbPath(t)
	open(t, path).Close()
	schema := indexes(t, path)
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON interruptions WHEN NEW.uid = '` + refused + `'
		BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}

	db := open(t, path)
	if err := db.Sync(folder, "thisdevice", "this", nil); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("merge with a refused row: %v; want it refused", err)
	}
	if got, err := db.Events(); err != nil || len(got) != 0 {
		t.Errorf("%d events after the failed merge, %v; want none", len(got), err)
	}
	if idx := indexes(t, path); !reflect.DeepEqual(idx, schema) {
		t.Errorf("indexes after the failed merge:\n%v\nwant\n%v", idx, schema)
	}
	if _, err := raw.Exec(`DROP TRIGGER refuse`); err != nil {
		t.Fatal(err)
	}
	db.Refresh()
	if got, err := db.Events(); err != nil || len(got) != len(evs) {
		t.Errorf("%d events after merging again, %v; want %d", len(got), err, len(evs))
	}
}
