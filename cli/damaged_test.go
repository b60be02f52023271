package cli_test

import (
	"bytes"
	"database/sql"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// randomBytes returns n bytes from a fixed seed, so a failure repeats.
func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

// sqliteFile makes an SQLite database at path with the driver Pingwise
// uses, running the statements given.
func sqliteFile(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// TestUnusableDatabaseIsLeftAlone: a database Pingwise cannot use is never
// changed, and every command says which file it is and what to do, in one
// line, with exit code 1.
func TestUnusableDatabaseIsLeftAlone(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		make func(t *testing.T, h *testHome)
		want string
	}{
		{"random bytes", func(t *testing.T, h *testHome) {
			os.WriteFile(h.dbPath(), randomBytes(64<<10, 1), 0o600)
		}, "not an SQLite database"},
		{"an SQLite header, then random bytes", func(t *testing.T, h *testHome) {
			b := append([]byte("SQLite format 3\x00"), randomBytes(64<<10, 2)...)
			os.WriteFile(h.dbPath(), b, 0o600)
		}, "database"},
		{"a real database with its pages scrambled", func(t *testing.T, h *testHome) {
			h.ok("log", "chat")
			h.ok("start")
			h.ok("stop")
			b, err := os.ReadFile(h.dbPath())
			if err != nil || len(b) < 8192 {
				t.Fatalf("database: %d bytes, %v", len(b), err)
			}
			copy(b[100:], randomBytes(len(b)-100, 3)) // keep the 100-byte header
			os.WriteFile(h.dbPath(), b, 0o600)
		}, "damaged"},
		{"a newer schema", func(t *testing.T, h *testHome) {
			sqliteFile(t, h.dbPath(), `CREATE TABLE sessions_v99 (x)`, `INSERT INTO sessions_v99 VALUES (1)`,
				`PRAGMA user_version = 99`)
		}, "newer Pingwise"},
		{"a newer schema, in WAL mode", func(t *testing.T, h *testHome) {
			sqliteFile(t, h.dbPath(), `PRAGMA journal_mode = WAL`, `CREATE TABLE sessions_v99 (x)`,
				`PRAGMA user_version = 99`)
		}, "newer Pingwise"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHome(t, "")
			tc.make(t, h)
			before, err := os.ReadFile(h.dbPath())
			if err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"status"}, {"status", "--json"}, {"start"}, {"log", "chat"},
				{"stats"}, {"export"}, {"import", "-"}} {
				stdin := `{"type":"interruption","at":"2026-11-23T08:00:00Z","direction":"incoming","channel":"chat","outcome":"taken"}`
				r := h.run(stdin, args...)
				if r.code != 1 || r.stdout != "" {
					t.Errorf("pingwise %s: %v, want exit 1 and no output", strings.Join(args, " "), r)
				}
				checkOneLine(t, r.stderr)
				// It names the file, says what is wrong and what to do.
				for _, s := range []string{h.dbPath(), tc.want, "has not changed it", "move it aside"} {
					if !strings.Contains(r.stderr, s) {
						t.Errorf("pingwise %s: stderr %q does not say %q", strings.Join(args, " "), r.stderr, s)
					}
				}
				after, err := os.ReadFile(h.dbPath())
				if err != nil || !bytes.Equal(after, before) {
					t.Fatalf("pingwise %s changed the database file (%d bytes before, %d after, %v)",
						strings.Join(args, " "), len(before), len(after), err)
				}
			}
		})
	}
}

// TestBadSettings: a settings file Pingwise cannot read is named, with the
// problem, in one line and exit code 1; it is not rewritten, and no
// command goes on with defaults in its place.
func TestBadSettings(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, file, want string }{
		{"syntax error", "break_minutes = = 5\n", "line 1"},
		{"syntax error further down", "break_minutes = 5\nsession_minutes = 25\npresets = [25, 50\n", "line 3"},
		{"unknown key", "brake_minutes = 5\n", `unknown setting "brake_minutes"`},
		{"unknown table", "[advisor]\nlevel = 1\n", `unknown setting "advisor`},
		{"wrong type", "break_minutes = \"five\"\n", "break_minutes"},
		{"out of range", "break_minutes = 500\n", "break_minutes 500 is out of range"},
		{"unknown time zone", "time_zone = \"Mars/Olympus\"\n", `time_zone "Mars/Olympus"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHome(t, tc.file)
			for _, args := range [][]string{{"status"}, {"start"}, {"break"}, {"log", "chat"}, {"stats"}} {
				r := h.run("", args...)
				if r.code != 1 || r.stdout != "" {
					t.Errorf("pingwise %s: %v, want exit 1", strings.Join(args, " "), r)
				}
				checkOneLine(t, r.stderr)
				for _, s := range []string{h.path("settings.toml"), tc.want} {
					if !strings.Contains(r.stderr, s) {
						t.Errorf("pingwise %s: stderr %q does not say %q", strings.Join(args, " "), r.stderr, s)
					}
				}
			}
			if b, _ := os.ReadFile(h.path("settings.toml")); string(b) != tc.file {
				t.Errorf("settings file rewritten: %q", b)
			}
			// Nothing ran with the defaults instead.
			if _, err := os.Stat(h.dbPath()); err == nil {
				if lines := h.exportLines(); len(lines) != 0 {
					t.Errorf("stored %q", lines)
				}
			}
		})
	}
}
