package store_test

import (
	"database/sql"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
)

var t0 = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

func interruption(at time.Time, note string) *focus.Interruption {
	return &focus.Interruption{ID: focus.NewID(), At: at, Direction: focus.Incoming, Channel: focus.Chat,
		Outcome: focus.Taken, People: 1, Note: note}
}

func completed(start time.Time, length time.Duration) *focus.Session {
	return &focus.Session{ID: focus.NewID(), Start: start, Planned: length, End: start.Add(length), Result: focus.Completed}
}

func TestOpenCreatesPrivateFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows files have ACLs, not modes; the store is in the user's own %LOCALAPPDATA%")
	}
	data := filepath.Join(t.TempDir(), "data")
	path := filepath.Join(data, "pingwise", "pingwise.db")
	db := open(t, path)
	if err := db.AddInterruption(interruption(t0, "")); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]os.FileMode{data: 0o700, filepath.Dir(path): 0o700, path: 0o600, path + "-wal": 0o600} {
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", name, got, want)
		}
	}
	if db.Path() != path {
		t.Errorf("Path() = %q, want %q", db.Path(), path)
	}
}

// The path goes into an SQLite URI, where ?, # and % mean something: the
// store must still open the file it was given and no other.
func TestOpenPathWithURICharacters(t *testing.T) {
	name := "a b#c?d%41e&f=1"
	if runtime.GOOS == "windows" {
		name = "a b#c%41e&f=1" // no ? in a Windows file name
	}
	dir := filepath.Join(t.TempDir(), name)
	path := filepath.Join(dir, "pingwise.db")
	db := open(t, path)
	if err := db.AddInterruption(interruption(t0, "")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = open(t, path)
	if l, err := db.Log(t0, t0.Add(time.Hour)); err != nil || len(l.Interruptions) != 1 {
		t.Fatalf("reopened: %d interruptions, %v", len(l.Interruptions), err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 || entries[0].Name() != filepath.Base(dir) {
		t.Fatalf("files beside the data folder: %v", entries)
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := dbPath(t)
	db := open(t, path)
	clk := &fakeClock{now: t0}
	tr := focus.NewTracker(db, clk, focus.Policy{})
	if _, err := tr.Start(25*time.Minute, "write"); err != nil {
		t.Fatal(err)
	}
	clk.advance(5 * time.Minute)
	if _, err := tr.Pause(); err != nil {
		t.Fatal(err)
	}
	if _, err := tr.LogInterruption(focus.Interruption{Direction: focus.Incoming, Channel: focus.Call, Outcome: focus.Deferred, Who: "Ana"}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	if v := pragma(t, path, "user_version"); v != strconv.Itoa(store.SchemaVersion) {
		t.Errorf("user_version %s, want %d", v, store.SchemaVersion)
	}
	if v := pragma(t, path, "journal_mode"); v != "wal" {
		t.Errorf("journal_mode %s, want wal", v)
	}
	db = open(t, path)
	c, err := db.Current()
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Session; s == nil || s.Intent != "write" || !s.Start.Equal(t0) || !s.PausedAt.Equal(t0.Add(5*time.Minute)) {
		t.Fatalf("reopened, current session %+v", s)
	}
	evs, err := db.Events()
	var in *focus.Interruption
	for _, e := range evs {
		if i, ok := e.(*focus.Interruption); ok {
			in = i
		}
	}
	if err != nil || in == nil || in.Who != "Ana" || !in.InSession {
		t.Fatalf("reopened, interruption %+v, %v", in, err)
	}
}

// populate fills a database with enough rows to span a few hundred pages,
// so that damage in the middle hits data, not the header or the schema.
func populate(t *testing.T, path string) {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var evs []focus.Event
	for k := range 3000 {
		evs = append(evs, interruption(t0.Add(time.Duration(k)*time.Minute), strings.Repeat("n", 300)))
	}
	if _, err := db.Import(evs); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the WAL outlived Close (%v): damaging the main file alone would test nothing", err)
	}
}

func TestOpenRefusesUnusableFiles(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	noise := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	write := func(t *testing.T, path string, b []byte) {
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// damage overwrites two pages in the middle of a valid database.
	damage := func(t *testing.T, path string) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		mid := len(b) / 2 / 4096 * 4096
		copy(b[mid:], noise(2*4096))
		write(t, path, b)
	}
	// rollback switches a database out of WAL, as a copy made by another
	// tool may be: opening must not switch it back before refusing it.
	rollback := func(t *testing.T, path string) {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(`PRAGMA journal_mode = DELETE`); err != nil {
			t.Fatal(err)
		}
	}
	newer := func(t *testing.T, path string) {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(`PRAGMA user_version = ` + strconv.Itoa(store.SchemaVersion+1)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		why  string
	}{
		{"random bytes", func(t *testing.T, p string) { write(t, p, noise(8192)) }, "not an SQLite database"},
		{"text file", func(t *testing.T, p string) { write(t, p, []byte("refocus_minutes = 23\nbreak = 5\n")) }, "not an SQLite database"},
		{"start of the header only", func(t *testing.T, p string) { write(t, p, []byte("SQLite format")) }, "not an SQLite database"},
		{"header then noise", func(t *testing.T, p string) { write(t, p, append([]byte("SQLite format 3\x00"), noise(4080)...)) }, ""},
		{"truncated", func(t *testing.T, p string) {
			populate(t, p)
			if err := os.Truncate(p, fileSize(t, p)/2+100); err != nil {
				t.Fatal(err)
			}
		}, "damaged"},
		{"damaged middle pages", func(t *testing.T, p string) { populate(t, p); damage(t, p) }, "damaged"},
		{"damaged, rollback journal", func(t *testing.T, p string) { populate(t, p); rollback(t, p); damage(t, p) }, "damaged"},
		{"newer schema", func(t *testing.T, p string) { populate(t, p); newer(t, p) }, "newer Pingwise"},
		{"newer schema, rollback journal", func(t *testing.T, p string) { populate(t, p); rollback(t, p); newer(t, p) }, "newer Pingwise"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := dbPath(t)
			tt.make(t, path)
			before, size := fileHash(t, path), fileSize(t, path)
			db, err := store.Open(path)
			if err == nil {
				// A WAL database at the current schema opens without a
				// full scan; the scan the app runs at start must refuse it.
				err = db.Check()
				db.Close()
				if err == nil {
					t.Fatal("opened and passed Check")
				}
			}
			if !errors.Is(err, store.ErrUnusable) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.why) {
				t.Errorf("error %q: want ErrUnusable naming %s and saying %q", err, path, tt.why)
			}
			if fileHash(t, path) != before || fileSize(t, path) != size {
				t.Error("the refused file was changed")
			}
		})
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

func TestUpdateIsAtomic(t *testing.T) {
	db := open(t, dbPath(t))
	boom := errors.New("boom")
	err := db.Update(func(c *focus.Current) error {
		if err := c.StartSession(t0, 25*time.Minute, "first"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want fn's error", err)
	}
	if c, _ := db.Current(); c.Session != nil {
		t.Fatalf("a failed update saved %+v", c.Session)
	}

	if err := db.Update(func(c *focus.Current) error { return c.StartSession(t0, 25*time.Minute, "kept") }); err != nil {
		t.Fatal(err)
	}
	// Stopping, starting a break and then failing must leave the session
	// running and no break.
	err = db.Update(func(c *focus.Current) error {
		c.Stop(t0.Add(10*time.Minute), 5*time.Minute)
		return boom
	})
	c, _ := db.Current()
	if !errors.Is(err, boom) || c.Session == nil || c.Session.Intent != "kept" || !c.Session.Active() || c.Break != nil {
		t.Fatalf("after a failed stop: %v, session %+v, break %+v", err, c.Session, c.Break)
	}
}

func TestLogRange(t *testing.T) {
	db := open(t, dbPath(t))
	berlin, _ := time.LoadLocation("Europe/Berlin")
	from := time.Date(2026, 11, 23, 0, 0, 0, 0, berlin)
	to := from.AddDate(0, 0, 7)
	var evs []focus.Event
	// In reverse, so that the order comes from the store, not the input.
	for _, at := range []time.Time{to, to.Add(-time.Millisecond), from.Add(time.Hour), from, from.Add(-time.Millisecond)} {
		evs = append(evs, completed(at, 25*time.Minute), interruption(at, ""),
			&focus.Decision{ID: focus.NewID(), At: at, Recommended: focus.Async, Chosen: focus.Async, People: 2})
	}
	if _, err := db.Import(evs); err != nil {
		t.Fatal(err)
	}
	l, err := db.Log(from, to)
	if err != nil {
		t.Fatal(err)
	}
	want := []time.Time{from, from.Add(time.Hour), to.Add(-time.Millisecond)}
	var starts, ats, decided []time.Time
	for _, s := range l.Sessions {
		starts = append(starts, s.Start)
	}
	for _, i := range l.Interruptions {
		ats = append(ats, i.At)
	}
	for _, d := range l.Decisions {
		decided = append(decided, d.At)
	}
	for name, got := range map[string][]time.Time{"sessions": starts, "interruptions": ats, "decisions": decided} {
		if !slices.EqualFunc(got, want, time.Time.Equal) {
			t.Errorf("%s at %v, want %v", name, got, want)
		}
	}
}

func TestEachCompletedEnd(t *testing.T) {
	db := open(t, dbPath(t))
	before := t0.AddDate(0, 0, 10)
	var evs []focus.Event
	var want []time.Time
	for d := range 5 {
		s := completed(t0.AddDate(0, 0, d), 25*time.Minute)
		evs = append(evs, s)
		want = append([]time.Time{s.End}, want...)
	}
	last := completed(before.Add(-25*time.Minute-time.Millisecond), 25*time.Minute) // ends 1 ms before
	want = append([]time.Time{last.End}, want...)
	abandoned := completed(t0.AddDate(0, 0, 6), 25*time.Minute)
	abandoned.Result = focus.Abandoned
	evs = append(evs, last, abandoned, completed(before.Add(-25*time.Minute), 25*time.Minute))
	if _, err := db.Import(evs); err != nil {
		t.Fatal(err)
	}

	var got []time.Time
	if err := db.EachCompletedEnd(before, func(end time.Time) bool { got = append(got, end); return true }); err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(got, want, time.Time.Equal) {
		t.Fatalf("ends %v\nwant %v (latest first, completed only, before %s)", got, want, before)
	}

	calls := 0
	err := db.EachCompletedEnd(before, func(time.Time) bool { calls++; return calls < 2 })
	if err != nil || calls != 2 {
		t.Fatalf("stopping at the second: %d calls, %v", calls, err)
	}
}

func TestSessionAt(t *testing.T) {
	db := open(t, dbPath(t))
	if _, err := db.Import([]focus.Event{completed(t0, 25*time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(c *focus.Current) error { return c.StartSession(t0.Add(2*time.Hour), time.Hour, "") }); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		at   time.Duration
		want bool
	}{
		{-time.Millisecond, false}, {0, true}, {25*time.Minute - time.Millisecond, true}, {25 * time.Minute, false},
		{2*time.Hour - time.Millisecond, false}, {2 * time.Hour, true}, {20 * time.Hour, true},
	} {
		if got, err := db.SessionAt(t0.Add(tt.at)); err != nil || got != tt.want {
			t.Errorf("SessionAt(start%+v) = %v, %v; want %v", tt.at, got, err, tt.want)
		}
	}
}

// sample returns ended events of every kind with every field set, at whole
// milliseconds, which is what the store keeps.
func sample() []focus.Event {
	return []focus.Event{
		&focus.Session{ID: "s1", Start: t0, Planned: 25 * time.Minute, Intent: "write ✓", Paused: 90500 * time.Millisecond,
			End: t0.Add(27 * time.Minute), Result: focus.Completed},
		&focus.Interruption{ID: "i1", At: t0.Add(3 * time.Minute), Direction: focus.Outgoing, Channel: focus.Email,
			Outcome: focus.Deferred, People: 7, Who: "Ana", Note: "budget, \"v2\"", InSession: true, Handled: t0.Add(40 * time.Minute),
			App: "Thunderbird", Count: 3},
		&focus.Decision{ID: "d1", At: t0.Add(5 * time.Minute), Recommended: focus.Async, Chosen: focus.Sync,
			Channel: "video call", People: 4, Minutes: 45, Reasons: []string{"four people", "a decision"}, InSession: true},
		&focus.Session{ID: "s2", Start: t0.Add(time.Hour), Planned: time.Hour, End: t0.Add(time.Hour + 10*time.Minute),
			Result: focus.Abandoned},
		&focus.Interruption{ID: "i2", At: t0.Add(time.Hour + 5*time.Minute), Direction: focus.Incoming,
			Channel: focus.InPerson, Outcome: focus.Taken, People: 1, Count: 1},
	}
}

// utc copies events with their times in UTC: the store reads times back in
// the local zone, and only the instant matters.
func utc(evs []focus.Event) []focus.Event {
	out := make([]focus.Event, len(evs))
	for i, e := range evs {
		switch e := e.(type) {
		case *focus.Session:
			c := *e
			c.Start, c.End, c.PausedAt = c.Start.UTC(), c.End.UTC(), c.PausedAt.UTC()
			out[i] = &c
		case *focus.Interruption:
			c := *e
			c.At, c.Handled = c.At.UTC(), c.Handled.UTC()
			out[i] = &c
		case *focus.Decision:
			c := *e
			c.At = c.At.UTC()
			out[i] = &c
		}
	}
	return out
}

func TestEventsImportRoundTrip(t *testing.T) {
	a := open(t, dbPath(t))
	in := sample()
	if n, err := a.Import(in); err != nil || n != len(in) {
		t.Fatalf("Import = %d, %v; want %d", n, err, len(in))
	}
	// A running session is not history yet.
	if err := a.Update(func(c *focus.Current) error { return c.StartSession(t0.Add(2*time.Hour), time.Hour, "") }); err != nil {
		t.Fatal(err)
	}
	out, err := a.Events()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(utc(out), utc(in)) {
		t.Fatalf("Events gave\n%+v\nwant\n%+v", utc(out), utc(in))
	}

	// Through the export format, as `pingwise export | pingwise import` does.
	var back []focus.Event
	for _, e := range out {
		r := focus.RecordOf(e)
		ev, err := r.Event()
		if err != nil {
			t.Fatal(err)
		}
		back = append(back, ev)
	}
	b := open(t, dbPath(t))
	if n, err := b.Import(back); err != nil || n != len(in) {
		t.Fatalf("Import of the export = %d, %v", n, err)
	}
	if n, err := b.Import(back); err != nil || n != 0 {
		t.Fatalf("second Import = %d, %v; want 0 added", n, err)
	}
	again, _ := b.Events()
	if !reflect.DeepEqual(utc(again), utc(in)) {
		t.Fatalf("after export and import\n%+v\nwant\n%+v", utc(again), utc(in))
	}
}

func TestImportWithoutIDsIsIdempotent(t *testing.T) {
	db := open(t, dbPath(t))
	records := []focus.Record{
		{Type: "interruption", At: "2026-11-24T10:00:00Z", Direction: "incoming", Channel: "chat", Outcome: "taken"},
		{Type: "decision", At: "2026-11-24T10:05:00Z", Recommended: "async", Chosen: "async", People: 3, Minutes: 30},
		{Type: "session", Start: "2026-11-24T09:00:00Z", End: "2026-11-24T09:25:00Z", PlannedMinutes: 25, Outcome: "completed"},
	}
	read := func() []focus.Event {
		var evs []focus.Event
		for _, r := range records {
			e, err := r.Event()
			if err != nil {
				t.Fatal(err)
			}
			evs = append(evs, e)
		}
		return evs
	}
	if n, err := db.Import(read()); err != nil || n != 3 {
		t.Fatalf("first import: %d, %v", n, err)
	}
	if n, err := db.Import(read()); err != nil || n != 0 {
		t.Fatalf("second import of the same file: %d added, %v", n, err)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	db := open(t, dbPath(t))
	if _, err := db.Import([]focus.Event{interruption(t0, "already there")}); err != nil {
		t.Fatal(err)
	}
	bad := interruption(t0.Add(2*time.Minute), "")
	bad.Direction = "sideways" // not validated here: the schema's CHECK refuses it
	n, err := db.Import([]focus.Event{
		interruption(t0.Add(time.Minute), "new"),
		completed(t0, 25*time.Minute),
		bad,
	})
	if err == nil || n != 0 {
		t.Fatalf("Import with a bad event = %d, %v; want an error and nothing added", n, err)
	}
	if evs, _ := db.Events(); len(evs) != 1 {
		t.Fatalf("%d events after a failed import, want only the 1 from before", len(evs))
	}

	dup := interruption(t0.Add(time.Hour), "")
	if n, err := db.Import([]focus.Event{dup, dup}); err != nil || n != 1 {
		t.Fatalf("an event twice in one import: %d added, %v; want 1", n, err)
	}
}

// The tray app and the command line are separate processes: what one does,
// the other must see, down to the tracker's settled state.
func TestTrackerOnStore(t *testing.T) {
	path := dbPath(t)
	berlin, _ := time.LoadLocation("Europe/Berlin")
	clk := &fakeClock{now: time.Date(2026, 3, 29, 1, 50, 0, 0, berlin)} // ten minutes before the clocks go forward
	app := focus.NewTracker(open(t, path), clk, focus.Policy{Break: 5 * time.Minute, Refocus: 23.25})
	cli := focus.NewTracker(open(t, path), clk, focus.Policy{Break: 5 * time.Minute, Refocus: 23.25})

	if _, err := app.Start(25*time.Minute, "spring"); err != nil {
		t.Fatal(err)
	}
	if _, err := cli.Start(time.Hour, ""); !errors.Is(err, focus.ErrActive) {
		t.Fatalf("second session from the other process: %v", err)
	}
	clk.advance(20 * time.Minute)
	for _, tr := range []*focus.Tracker{app, cli} {
		if _, err := tr.LogInterruption(focus.Interruption{Direction: focus.Incoming, Channel: focus.Chat, Outcome: focus.Deferred}); err != nil {
			t.Fatal(err)
		}
	}
	clk.advance(5 * time.Minute)
	st, err := cli.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.State != focus.OnBreak || st.Ended == nil || st.Ended.Result != focus.Completed {
		t.Fatalf("the other process sees %+v", st)
	}
	if st, _ := app.Status(); st.State != focus.OnBreak || st.Ended != nil {
		t.Fatalf("the app sees %+v, want the break, settled once", st)
	}

	s, err := app.Week(focus.WeekOf(clk.now))
	if err != nil {
		t.Fatal(err)
	}
	// 01:50 CET + 25 minutes of focus is 03:15 CEST, the same Sunday.
	sun := s.Days[6]
	if s.Week != "2026-W13" || sun.Date != "2026-03-29" || sun.FocusMinutes != 25 || sun.SessionsCompleted != 1 ||
		sun.InterruptionsDeferred != 2 || s.RefocusMinutesSaved != 46.5 || s.StreakDays != 1 {
		t.Fatalf("week %s, Sunday %+v, saved %g, streak %d", s.Week, sun, s.RefocusMinutesSaved, s.StreakDays)
	}
}
