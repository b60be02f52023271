package journal_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/journal"
)

var t0 = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

func interruption(id string, k int) *focus.Interruption {
	return &focus.Interruption{ID: id, At: t0.Add(time.Duration(k) * time.Minute), Direction: focus.Incoming,
		Channel: focus.Chat, Outcome: focus.Deferred, People: 1, Count: 1}
}

// str returns a fixture line; making one cannot fail.
func str(b []byte, err error) string {
	if err != nil {
		panic(err)
	}
	return string(b)
}

// readAll reads path from pos and returns the entries and where it stopped.
func readAll(t *testing.T, path string, pos journal.Position) ([]journal.Entry, journal.Position, journal.Problems) {
	t.Helper()
	var got []journal.Entry
	pos, probs, err := journal.Read(path, pos, func(e *journal.Entry) error {
		got = append(got, *e)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, pos, probs
}

func TestReadTakesOnlyCompleteLines(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, journal.FileName("dev1"))
	head := str(journal.DeviceLine("dev1", "laptop", t0))
	first := str(journal.EventLine(interruption("a", 1), "dev1"))
	second := str(journal.EventLine(interruption("b", 2), "dev1"))
	for cut := 0; cut < len(second); cut++ {
		// The file as a sync engine may show it mid-transfer: the second
		// line cut anywhere short of its newline.
		os.WriteFile(path, []byte(head+first+second[:cut]), 0o600)
		got, pos, probs := readAll(t, path, journal.Position{})
		if len(got) != 2 || got[0].Type != journal.TypeDevice || got[1].Event.(*focus.Interruption).ID != "a" {
			t.Fatalf("cut at %d: %d entries %+v", cut, len(got), got)
		}
		if pos.Offset != int64(len(head+first)) || pos.Device != "dev1" || pos.Format != journal.Format || probs != (journal.Problems{}) {
			t.Fatalf("cut at %d: position %+v, problems %+v", cut, pos, probs)
		}
		// The rest arrives: only the new line is read.
		os.WriteFile(path, []byte(head+first+second), 0o600)
		got, end, _ := readAll(t, path, pos)
		if len(got) != 1 || got[0].Event.(*focus.Interruption).ID != "b" || got[0].Device != "dev1" ||
			end.Offset != int64(len(head+first+second)) {
			t.Fatalf("cut at %d, then whole: %+v at %+v", cut, got, end)
		}
	}
}

func TestReadSkipsWhatItCannotUse(t *testing.T) {
	dir := t.TempDir()
	head := str(journal.DeviceLine("dev1", "laptop", t0))
	ev := str(journal.EventLine(interruption("a", 1), "dev1"))
	newer := strings.Replace(head, `"format":1`, `"format":2`, 1)
	tests := []struct {
		name         string
		content      string
		events       int
		newer        int
		damaged      int
		firstDamaged int64
		wantFormat   int
	}{
		{"damaged line in the middle", head + "{\"type\":\"interr\n" + ev, 1, 0, 1, int64(len(head)), 1},
		{"not JSON", head + "hello\n" + ev, 1, 0, 1, int64(len(head)), 1},
		{"a bad event", head + strings.Replace(ev, `"chat"`, `"pigeon"`, 1) + ev, 1, 0, 1, int64(len(head)), 1},
		{"a device id unfit for a file name", head + strings.Replace(ev, `"dev1"`, `"../x"`, 1), 0, 0, 1, int64(len(head)), 1},
		{"a line far too long", head + `{"note":"` + strings.Repeat("x", 2<<20) + "\"}\n" + ev, 1, 0, 1, int64(len(head)), 1},
		{"an unknown type, same format", head + `{"type":"mood","device":"dev1"}` + "\n" + ev, 1, 1, 0, 0, 1},
		{"a newer format", newer + `{"type":"mood","device":"dev1","level":3}` + "\n" +
			strings.Replace(ev, `"type":"interruption"`, `"type":"interruption","tags":["x"]`, 1), 1, 2, 0, 0, 2},
		{"a device record with an id unfit for a file name", strings.Replace(head, `"dev1"`, `"../x"`, 1) + ev, 1, 0, 1, 0, 0},
		{"blank lines", head + "\n\n" + ev, 1, 0, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, journal.FileName("dev1"))
			os.WriteFile(path, []byte(tt.content), 0o600)
			got, pos, probs := readAll(t, path, journal.Position{})
			events := 0
			for _, e := range got {
				if e.Type == "event" {
					events++
				}
			}
			want := journal.Problems{Newer: tt.newer, Damaged: tt.damaged, FirstDamaged: tt.firstDamaged}
			if events != tt.events || probs != want || pos.Format != tt.wantFormat || pos.Offset != int64(len(tt.content)) {
				t.Errorf("%d events, problems %+v, position %+v; want %d events, %+v, format %d, offset %d",
					events, probs, pos, tt.events, want, tt.wantFormat, len(tt.content))
			}
		})
	}
}

func TestReadTombstonesAndLinesWithoutDevice(t *testing.T) {
	path := filepath.Join(t.TempDir(), journal.FileName("dev1"))
	// An export line has no device: it is the file's device's.
	exported := strings.Replace(str(journal.EventLine(interruption("a", 1), "dev1")), `"device":"dev1",`, "", 1)
	content := str(journal.DeviceLine("dev1", "laptop", t0)) + exported +
		str(journal.DeletedLine("a", "dev1", t0.Add(time.Hour)))
	os.WriteFile(path, []byte(content), 0o600)
	got, _, probs := readAll(t, path, journal.Position{})
	if len(got) != 3 || got[1].Device != "dev1" || got[2].Type != journal.TypeDeleted || got[2].ID != "a" ||
		!got[2].At.Equal(t0.Add(time.Hour)) || probs != (journal.Problems{}) {
		t.Fatalf("entries %+v, problems %+v", got, probs)
	}
}

func TestAppendCutsATornLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), journal.FileName("dev1"))
	a := str(journal.EventLine(interruption("a", 1), "dev1"))
	b := str(journal.EventLine(interruption("b", 2), "dev1"))
	end, err := journal.Append(path, 0, []byte(a))
	if err != nil || end != int64(len(a)) {
		t.Fatalf("first append: %d, %v", end, err)
	}
	// kill -9 in the middle of the next append: part of a batch of lines
	// longer than what comes next, no newline at its end.
	f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(strings.Repeat(b, 3)[:2*len(b)+5])
	f.Close()
	if end, err = journal.Append(path, end, []byte(b)); err != nil || end != int64(len(a+b)) {
		t.Fatalf("append after the torn line: %d, %v", end, err)
	}
	if got, _ := os.ReadFile(path); string(got) != a+b {
		t.Errorf("journal\n%s\nwant\n%s", got, a+b)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("journal mode %v, want 0600", info.Mode().Perm())
	}
	// A file shorter than what was read was replaced: never written over.
	if _, err := journal.Append(path, end+10, []byte(b)); err == nil || !strings.Contains(err.Error(), "replaced") {
		t.Errorf("append past the end: %v", err)
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		name              string
		journal, conflict bool
	}{
		{"pingwise-3f2a.jsonl", true, false},
		{"pingwise-3f2a.sync-conflict-20261201-101010-ABCDEFG.jsonl", true, true},
		{"pingwise-3f2a (conflicted copy 2026-12-01).jsonl", true, true},
		{"pingwise-3f2a (Ana's conflicted copy 2026-12-01).jsonl", true, true},
		{".syncthing.pingwise-3f2a.jsonl.tmp", false, false},
		{".pingwise-3f2a.jsonl", false, false},
		{"~syncthing~pingwise-3f2a.jsonl.tmp", false, false},
		{"pingwise.db", false, false},
		{"notes.jsonl", false, false},
	}
	for _, tt := range tests {
		if journal.IsJournal(tt.name) != tt.journal || (tt.journal && journal.IsConflict(tt.name) != tt.conflict) {
			t.Errorf("%q: journal %v, conflict %v; want %v, %v", tt.name, journal.IsJournal(tt.name),
				journal.IsConflict(tt.name), tt.journal, tt.conflict)
		}
	}
}

func TestLocalID(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	id, err := journal.LocalID(dir)
	if err != nil || len(id) != 16 || focus.CheckDevice(id) != nil {
		t.Fatalf("LocalID = %q, %v", id, err)
	}
	if again, err := journal.LocalID(dir); again != id || err != nil {
		t.Errorf("second LocalID = %q, %v; want %q", again, err, id)
	}
	if other, _ := journal.LocalID(t.TempDir()); other == id {
		t.Error("two data folders got the same id")
	}
	os.WriteFile(filepath.Join(dir, "device-id"), []byte("../etc\n"), 0o600)
	if _, err := journal.LocalID(dir); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("damaged id: %v", err)
	}
}

func TestDevices(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, mod time.Time) {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o600)
		os.Chtimes(p, mod, mod)
	}
	ev := str(journal.EventLine(interruption("a", 1), "aaaa"))
	write(journal.FileName("aaaa"), str(journal.DeviceLine("aaaa", "laptop", t0))+ev+
		str(journal.DeviceLine("aaaa", "old laptop", t0.Add(time.Hour))), t0.Add(2*time.Hour))
	write("pingwise-aaaa.sync-conflict-20261124-100000-XYZ.jsonl",
		str(journal.DeviceLine("aaaa", "laptop", t0))+ev, t0.Add(3*time.Hour))
	write(journal.FileName("bbbb"), str(journal.DeviceLine("bbbb", "desk", t0)), t0.Add(time.Hour))
	write(journal.FileName("cccc"), `{"type":"dev`, t0) // still arriving
	write("notes.txt", "not a journal", t0)
	got, err := journal.Devices(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("devices %+v", got)
	}
	desk, laptop := got[0], got[1]
	if desk.ID != "bbbb" || desk.Name != "desk" || !desk.LastWrite.Equal(t0.Add(time.Hour)) || len(desk.Files) != 1 {
		t.Errorf("desk: %+v", desk)
	}
	if laptop.ID != "aaaa" || laptop.Name != "old laptop" || laptop.Format != journal.Format ||
		!laptop.LastWrite.Equal(t0.Add(3*time.Hour)) || len(laptop.Files) != 2 {
		t.Errorf("laptop: %+v", laptop)
	}
	if _, err := journal.Devices(filepath.Join(dir, "none")); err == nil || !strings.Contains(err.Error(), "sync folder") {
		t.Errorf("missing folder: %v", err)
	}
	line, err := journal.Describe(dir)
	if err != nil || !strings.HasPrefix(line, dir+": desk (last wrote ") || !strings.Contains(line, "old laptop (last wrote ") {
		t.Errorf("Describe = %q, %v", line, err)
	}
}
