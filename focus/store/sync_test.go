package store_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
	"github.com/pingwise/pingwise/journal"
)

// device is one computer: its own store, its own copy of the synced folder.
type device struct {
	t      testing.TB
	db     *store.DB
	id     string
	folder string

	mu    sync.Mutex
	notes []string
}

func newDevice(t testing.TB, name string) *device {
	t.Helper()
	d := &device{t: t, db: open(t, dbPath(t)), folder: t.TempDir()}
	id, err := journal.LocalID(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	d.id = id
	if err := d.db.Sync(d.folder, id, name, d.note); err != nil {
		t.Fatal(err)
	}
	return d
}

func (d *device) note(msg string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.notes = append(d.notes, msg)
}

func (d *device) said() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.notes...)
}

func (d *device) own() string { return filepath.Join(d.folder, journal.FileName(d.id)) }

// copyTo copies the file name from d's folder into to's, as a sync engine
// would; with cut > 0, only its first cut bytes, as a file mid-transfer.
func (d *device) copyTo(to *device, name, as string, cut int) {
	d.t.Helper()
	b, err := os.ReadFile(filepath.Join(d.folder, name))
	if err != nil {
		d.t.Fatal(err)
	}
	if cut > 0 {
		b = b[:cut]
	}
	if err := os.WriteFile(filepath.Join(to.folder, as), b, 0o600); err != nil {
		d.t.Fatal(err)
	}
}

// exchange carries each device's own journal into the other's folder.
func exchange(a, b *device) {
	a.copyTo(b, journal.FileName(a.id), journal.FileName(a.id), 0)
	b.copyTo(a, journal.FileName(b.id), journal.FileName(b.id), 0)
}

var week = focus.Week{Year: 2026, Number: 48, Loc: time.UTC}

func (d *device) log() focus.Log {
	d.t.Helper()
	l, err := d.db.Log(week.Start(), week.End())
	if err != nil {
		d.t.Fatal(err)
	}
	return l
}

func (d *device) interrupt(k int) *focus.Interruption {
	d.t.Helper()
	i := &focus.Interruption{ID: focus.NewID(), At: week.Start().Add(time.Duration(k) * time.Minute),
		Direction: focus.Incoming, Channel: focus.Chat, Outcome: focus.Deferred, People: 1, InSession: true,
		Note: fmt.Sprintf("#%d", k)}
	if err := d.db.AddInterruption(i); err != nil {
		d.t.Fatal(err)
	}
	return i
}

// session runs a session from start for length on the device's clock.
func (d *device) session(start time.Time, length time.Duration) {
	d.t.Helper()
	clock := &fakeClock{now: start}
	tr := focus.NewTracker(d.db, clock, focus.Policy{})
	if _, err := tr.Start(length, "write"); err != nil {
		d.t.Fatal(err)
	}
	clock.advance(length) // it completes, and is history
	if _, err := tr.Status(); err != nil {
		d.t.Fatal(err)
	}
}

// ids returns the interruptions' notes in a log, by device.
func byDevice(l focus.Log) map[string]int {
	n := map[string]int{}
	for _, i := range l.Interruptions {
		n[i.Device]++
	}
	for _, s := range l.Sessions {
		n[s.Device+" sessions"]++
	}
	return n
}

func TestTwoDevicesOneWeek(t *testing.T) {
	laptop, desk := newDevice(t, "laptop"), newDevice(t, "desk")
	laptop.interrupt(1)
	laptop.interrupt(2)
	desk.interrupt(3)
	// The same hour on both: counted once in the week.
	laptop.session(week.Start().Add(9*time.Hour), time.Hour)
	desk.session(week.Start().Add(9*time.Hour), time.Hour)
	exchange(laptop, desk)
	want := map[string]int{laptop.id: 2, desk.id: 1, laptop.id + " sessions": 1, desk.id + " sessions": 1}
	for _, d := range []*device{laptop, desk} {
		if got := byDevice(d.log()); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s sees %v, want %v", d.id, got, want)
		}
		st, err := focus.NewTracker(d.db, &fakeClock{now: week.End()}, focus.Policy{}).Week(week)
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]string{}
		for _, dt := range st.Devices {
			names[dt.Device] = fmt.Sprintf("%s %d min %d interruptions", dt.Name, dt.FocusMinutes, dt.Interruptions)
		}
		if st.FocusMinutes != 60 || st.Interruptions != 3 || names[laptop.id] != "laptop 60 min 2 interruptions" ||
			names[desk.id] != "desk 60 min 1 interruptions" {
			t.Errorf("%s: focus %d, interruptions %d, devices %v", d.id, st.FocusMinutes, st.Interruptions, names)
		}
		evs, err := d.db.Events()
		if err != nil || len(evs) != 5 {
			t.Errorf("%s exports %d events, %v", d.id, len(evs), err)
		}
		if notes := d.said(); len(notes) > 0 {
			t.Errorf("%s said %q", d.id, notes)
		}
	}
}

func TestHistoryBeforeSyncGoesIntoTheJournal(t *testing.T) {
	path := dbPath(t)
	db := open(t, path)
	for k := range 3 {
		if err := db.AddInterruption(&focus.Interruption{ID: fmt.Sprintf("old-%d", k), At: week.Start().Add(time.Minute),
			Direction: focus.Incoming, Channel: focus.Call, Outcome: focus.Taken, People: 1}); err != nil {
			t.Fatal(err)
		}
	}
	folder := t.TempDir()
	if err := db.Sync(folder, "laptop1", "laptop", nil); err != nil {
		t.Fatal(err)
	}
	desk := newDevice(t, "desk")
	b, err := os.ReadFile(filepath.Join(folder, journal.FileName("laptop1")))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(desk.folder, journal.FileName("laptop1")), b, 0o600)
	if got := byDevice(desk.log()); got["laptop1"] != 3 {
		t.Errorf("desk sees %v, want laptop1's 3 interruptions from before sync", got)
	}
	// A new name is a new device record.
	db.Close()
	db = open(t, path)
	if err := db.Sync(folder, "laptop1", "work laptop", nil); err != nil {
		t.Fatal(err)
	}
	devs, err := journal.Devices(folder)
	if err != nil || len(devs) != 1 || devs[0].Name != "work laptop" {
		t.Errorf("devices %+v, %v", devs, err)
	}
}

func TestBothLoggingAtOnce(t *testing.T) {
	laptop, desk := newDevice(t, "laptop"), newDevice(t, "desk")
	const n = 150
	var wg sync.WaitGroup
	for _, d := range []*device{laptop, desk} {
		wg.Go(func() {
			for k := range n {
				i := &focus.Interruption{ID: focus.NewID(), At: week.Start().Add(time.Duration(k) * time.Second),
					Direction: focus.Incoming, Channel: focus.Chat, Outcome: focus.Taken, People: 1}
				if err := d.db.AddInterruption(i); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	// Meanwhile the sync engine carries the files over as they grow, mid-line
	// at times, and each side reads what has arrived.
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		exchange(laptop, desk)
		laptop.log()
		desk.log()
	}
	exchange(laptop, desk)
	for _, d := range []*device{laptop, desk} {
		got := byDevice(d.log())
		if got[laptop.id] != n || got[desk.id] != n {
			t.Errorf("%s sees %v, want %d from each", d.id, got, n)
		}
		if notes := d.said(); len(notes) > 0 {
			t.Errorf("%s said %q", d.id, notes)
		}
	}
}

func TestKilledMidAppend(t *testing.T) {
	laptop, desk := newDevice(t, "laptop"), newDevice(t, "desk")
	laptop.interrupt(1)
	laptop.interrupt(2)
	name := journal.FileName(laptop.id)
	size := func() int {
		info, err := os.Stat(laptop.own())
		if err != nil {
			t.Fatal(err)
		}
		return int(info.Size())
	}
	// The desk gets the file cut inside the last line: it reads the lines
	// before, and the cut one once it is whole.
	full := size()
	laptop.copyTo(desk, name, name, full-10)
	if got := byDevice(desk.log()); got[laptop.id] != 1 {
		t.Errorf("desk sees %v, want one interruption from the cut file", got)
	}
	laptop.copyTo(desk, name, name, 0)
	if got := byDevice(desk.log()); got[laptop.id] != 2 {
		t.Errorf("desk sees %v, want both", got)
	}
	// The laptop dies in the middle of an append: half a line, no newline.
	f, err := os.OpenFile(laptop.own(), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"type":"interruption","id":"never-acknowledged","at":"2026-11-2`)
	f.Close()
	laptop.copyTo(desk, name, name, 0)
	desk.log()
	// After the restart, the next event cuts the torn line and follows.
	laptop.interrupt(3)
	laptop.copyTo(desk, name, name, 0)
	if got := byDevice(desk.log()); got[laptop.id] != 3 {
		t.Errorf("desk sees %v, want three", got)
	}
	if b, _ := os.ReadFile(laptop.own()); strings.Contains(string(b), "never-acknowledged") {
		t.Error("the torn line is still in the journal")
	}
	for _, d := range []*device{laptop, desk} {
		if notes := d.said(); len(notes) > 0 {
			t.Errorf("%s said %q", d.id, notes)
		}
	}
}

func TestAppendedButNotCommitted(t *testing.T) {
	// The process died after its journal append and before its commit:
	// the journal has an event the store does not. The next read takes it
	// back, so the journal and the store agree.
	laptop := newDevice(t, "laptop")
	laptop.interrupt(1)
	lost := &focus.Interruption{ID: "appended-only", At: week.Start().Add(time.Hour), Direction: focus.Incoming,
		Channel: focus.Email, Outcome: focus.Taken, People: 1}
	b, _ := journal.EventLine(lost, laptop.id)
	f, err := os.OpenFile(laptop.own(), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(b)
	f.Close()
	laptop.interrupt(2)
	if got := byDevice(laptop.log()); got[laptop.id] != 3 {
		t.Errorf("laptop sees %v, want its 3 interruptions", got)
	}
	evs, err := laptop.db.Events()
	if err != nil || len(evs) != 3 {
		t.Errorf("export %d events, %v", len(evs), err)
	}
}

func TestConflictCopies(t *testing.T) {
	laptop, desk := newDevice(t, "laptop"), newDevice(t, "desk")
	laptop.interrupt(1)
	name := journal.FileName(laptop.id)
	// An old state of the journal kept by the sync engine as a conflict
	// copy, beside the newer one, and a copy with a line the journal lost.
	laptop.copyTo(desk, name, "pingwise-"+laptop.id+".sync-conflict-20261124-101010-ABCDEFG.jsonl", 0)
	laptop.interrupt(2)
	laptop.copyTo(desk, name, name, 0)
	extra := &focus.Interruption{ID: "only-in-the-copy", At: week.Start().Add(3 * time.Hour), Direction: focus.Incoming,
		Channel: focus.Call, Outcome: focus.Taken, People: 1}
	line, _ := journal.EventLine(extra, laptop.id)
	b, _ := os.ReadFile(laptop.own())
	os.WriteFile(filepath.Join(desk.folder, "pingwise-"+laptop.id+" (conflicted copy 2026-11-24).jsonl"), append(b, line...), 0o600)
	if got := byDevice(desk.log()); got[laptop.id] != 3 {
		t.Errorf("desk sees %v, want 3: each event once", got)
	}
	devs, err := journal.Devices(desk.folder)
	if err != nil || len(devs) != 2 {
		t.Fatalf("devices %+v, %v", devs, err)
	}
}

func TestNewerJournal(t *testing.T) {
	desk := newDevice(t, "desk")
	ev, _ := journal.EventLine(&focus.Interruption{ID: "x1", At: week.Start(), Direction: focus.Incoming,
		Channel: focus.Chat, Outcome: focus.Taken, People: 1}, "future1")
	content := `{"type":"device","device":"future1","name":"tablet","format":3,"at":"2026-11-24T09:00:00Z"}` + "\n" +
		`{"type":"mood","device":"future1","level":"calm"}` + "\n" +
		strings.Replace(string(ev), `"type":"interruption"`, `"type":"interruption","tags":["x"]`, 1)
	path := filepath.Join(desk.folder, journal.FileName("future1"))
	os.WriteFile(path, []byte(content), 0o600)
	if got := byDevice(desk.log()); got["future1"] != 1 {
		t.Errorf("desk sees %v, want the interruption it understands", got)
	}
	// It grows: still said only once.
	f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(`{"type":"mood","device":"future1","level":"busy"}` + "\n")
	f.Close()
	desk.log()
	notes := desk.said()
	if len(notes) != 1 || !strings.Contains(notes[0], "newer Pingwise (format 3, this one reads 1)") {
		t.Errorf("said %q, want the newer format once", notes)
	}
	// Said once also across restarts: another process on the same store.
	again := open(t, desk.db.Path())
	var more []string
	if err := again.Sync(desk.folder, desk.id, "desk", func(m string) { more = append(more, m) }); err != nil {
		t.Fatal(err)
	}
	f, _ = os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(`{"type":"mood","device":"future1","level":"calm"}` + "\n")
	f.Close()
	again.Refresh()
	if len(more) != 0 {
		t.Errorf("said again after a restart: %q", more)
	}
}

func TestEditsAndDeletesTravel(t *testing.T) {
	laptop, desk := newDevice(t, "laptop"), newDevice(t, "desk")
	a, b := laptop.interrupt(1), laptop.interrupt(2)
	name := journal.FileName(laptop.id)
	laptop.copyTo(desk, name, "pingwise-"+laptop.id+".sync-conflict-20261124-101010-OLD.jsonl", 0)
	if err := laptop.db.MarkHandled(week.Start().Add(time.Hour), a.ID); err != nil {
		t.Fatal(err)
	}
	if err := laptop.db.Delete(b.ID, week.Start().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := laptop.db.Delete("no-such-event", week.Start()); err == nil {
		t.Error("deleting an unknown event succeeded")
	}
	laptop.copyTo(desk, name, name, 0)
	// The old copy, with b alive and a pending, is read after the journal:
	// neither brings the old state back.
	for _, d := range []*device{laptop, desk} {
		pending, n, err := d.db.Deferred(10)
		if err != nil {
			t.Fatal(err)
		}
		evs, _ := d.db.Events()
		if n != 0 || len(pending) != 0 || len(evs) != 1 {
			t.Errorf("%s: %d pending, %d events; want a handled, b deleted", d.id, n, len(evs))
		}
	}
	// An old export does not bring the deleted event back either.
	if n, err := desk.db.Import([]focus.Event{b}); n != 0 || err != nil {
		t.Errorf("import of a deleted event: %d added, %v", n, err)
	}
	// The desk answers too, later: the earliest answer stands on both.
	if err := desk.db.MarkHandled(week.Start().Add(2*time.Hour), a.ID); err != nil {
		t.Fatal(err)
	}
	exchange(laptop, desk)
	for _, d := range []*device{laptop, desk} {
		evs, _ := d.db.Events()
		if len(evs) != 1 || !evs[0].(*focus.Interruption).Handled.Equal(week.Start().Add(time.Hour)) {
			t.Errorf("%s: %+v, want a handled at 01:00", d.id, evs)
		}
	}
}

func TestFolderOutOfReach(t *testing.T) {
	laptop := newDevice(t, "laptop")
	laptop.interrupt(1)
	away := laptop.folder + ".unmounted"
	if err := os.Rename(laptop.folder, away); err != nil {
		t.Fatal(err)
	}
	laptop.interrupt(2) // still logged
	laptop.interrupt(3)
	if notes := laptop.said(); len(notes) != 1 || !strings.Contains(notes[0], "waits in this device's store") {
		t.Errorf("said %q, want one line about the folder", notes)
	}
	if err := os.Rename(away, laptop.folder); err != nil {
		t.Fatal(err)
	}
	laptop.log() // a read finds the folder back and writes what waited
	desk := newDevice(t, "desk")
	laptop.copyTo(desk, journal.FileName(laptop.id), journal.FileName(laptop.id), 0)
	if got := byDevice(desk.log()); got[laptop.id] != 3 {
		t.Errorf("desk sees %v, want all 3", got)
	}
	b, _ := os.ReadFile(laptop.own())
	if n := strings.Count(string(b), `"type":"interruption"`); n != 3 {
		t.Errorf("the journal holds %d interruptions, want each once", n)
	}
}

func TestTwoProcessesOneDevice(t *testing.T) {
	// The app and a command on one device write one journal: appends take
	// turns under the store's write lock, and each process's offset of the
	// journal stays true.
	laptop := newDevice(t, "laptop")
	other := open(t, laptop.db.Path())
	if err := other.Sync(laptop.folder, laptop.id, "laptop", nil); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, db := range []*store.DB{laptop.db, other} {
		wg.Go(func() {
			for k := range 50 {
				if err := db.AddInterruption(&focus.Interruption{ID: focus.NewID(), At: week.Start().Add(time.Duration(k) * time.Second),
					Direction: focus.Incoming, Channel: focus.Chat, Outcome: focus.Taken, People: 1}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	desk := newDevice(t, "desk")
	laptop.copyTo(desk, journal.FileName(laptop.id), journal.FileName(laptop.id), 0)
	if got := byDevice(desk.log()); got[laptop.id] != 100 {
		t.Errorf("desk sees %v, want 100", got)
	}
	if notes := desk.said(); len(notes) > 0 {
		t.Errorf("desk said %q", notes)
	}
	f, _ := os.Open(laptop.own())
	defer f.Close()
	b, _ := io.ReadAll(f)
	if n := strings.Count(string(b), "\n"); n != 101 {
		t.Errorf("journal has %d lines, want the device record and 100", n)
	}
}
