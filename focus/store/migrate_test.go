package store_test

import (
	"database/sql"
	"strconv"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
)

// A database written by the first release comes up at the current schema
// with everything in it kept.
func TestMigrateFromVersion1(t *testing.T) {
	path := dbPath(t)
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	for _, q := range []string{
		`PRAGMA journal_mode = WAL`,
		store.Migrations()[0],
		`PRAGMA user_version = 1`,
		`INSERT INTO interruptions (uid, at, direction, channel, outcome, people, who, note, in_session)
		 VALUES ('old-1', ` + strconv.FormatInt(at.UnixMilli(), 10) + `, 'incoming', 'chat', 'deferred', 1, 'Dana', '', 1)`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	db := open(t, path)
	evs, err := db.Events()
	if err != nil || len(evs) != 1 {
		t.Fatalf("events after migrating: %v, %v", evs, err)
	}
	i := evs[0].(*focus.Interruption)
	if i.ID != "old-1" || i.Who != "Dana" || i.Count != 1 || i.App != "" {
		t.Errorf("migrated interruption = %+v", i)
	}
	// The uids stay unique through the indexes that replaced the
	// constraints: importing the same event again adds nothing.
	if n, err := db.Import([]focus.Event{i}); n != 0 || err != nil {
		t.Errorf("importing a migrated event again: %d added, %v", n, err)
	}
	if err := db.SetState("dnd", `{"kind":"dunst"}`); err != nil {
		t.Fatalf("the state table is missing: %v", err)
	}
	if err := db.Coalesce("old-1"); err != nil {
		t.Fatal(err)
	}
	if n, err := db.HeldSince(at.Add(-time.Hour)); err != nil || n != 0 {
		t.Errorf("HeldSince counts a hand-logged interruption: %d, %v", n, err)
	}
}

func TestStateAndCoalesce(t *testing.T) {
	db := open(t, dbPath(t))
	if _, ok, err := db.State("dnd"); ok || err != nil {
		t.Fatalf("State of a new store: %v, %v", ok, err)
	}
	if err := db.SetState("dnd", "a"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetState("dnd", "b"); err != nil {
		t.Fatal(err)
	}
	if v, ok, err := db.State("dnd"); v != "b" || !ok || err != nil {
		t.Errorf("State = %q, %v, %v", v, ok, err)
	}
	if err := db.DeleteState("dnd"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.State("dnd"); ok {
		t.Error("DeleteState kept it")
	}

	at := time.Now().Add(-time.Minute)
	held := &focus.Interruption{ID: "h1", At: at, Direction: focus.Incoming, Channel: focus.Chat,
		Outcome: focus.Deferred, People: 1, App: "Slack", Who: "Lee", Count: 1}
	if err := db.AddInterruption(held); err != nil {
		t.Fatal(err)
	}
	for range 4 {
		if err := db.Coalesce("h1"); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := db.HeldSince(at.Add(-time.Second)); n != 5 || err != nil {
		t.Errorf("HeldSince = %d, %v; want 5", n, err)
	}
	if err := db.Coalesce("nope"); err == nil {
		t.Error("Coalesce of an unknown id did not fail")
	}
}
