package freedesktop

import (
	"errors"
	"testing"
)

type fakeSwitch struct {
	on   bool
	sets []bool
	fail error
}

func (f *fakeSwitch) Kind() string        { return "fake" }
func (f *fakeSwitch) On() (bool, error)   { return f.on, f.fail }
func (f *fakeSwitch) CriticalShows() bool { return true }
func (f *fakeSwitch) Set(on bool) error   { f.sets = append(f.sets, on); f.on = on; return f.fail }

type memRecords map[string]string

func (m memRecords) State(k string) (string, bool, error) { v, ok := m[k]; return v, ok, nil }
func (m memRecords) SetState(k, v string) error           { m[k] = v; return nil }
func (m memRecords) DeleteState(k string) error           { delete(m, k); return nil }

func TestEngageAndRestore(t *testing.T) {
	for _, tc := range []struct {
		name     string
		before   bool
		wantSets []bool
	}{
		{"off before: on for the session, off after", false, []bool{true, false}},
		{"on before: left on, and on after", true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sw, rec := &fakeSwitch{on: tc.before}, memRecords{}
			if err := Engage(sw, rec, "dnd"); err != nil {
				t.Fatal(err)
			}
			if !sw.on {
				t.Error("DND is off during the session")
			}
			if _, ok := rec["dnd"]; !ok {
				t.Error("no record kept")
			}
			if err := Engage(sw, rec, "dnd"); err != nil { // a resume: engaged already
				t.Fatal(err)
			}
			if err := Restore(sw, rec, "dnd"); err != nil {
				t.Fatal(err)
			}
			if sw.on != tc.before {
				t.Errorf("after: DND %v, the person had %v", sw.on, tc.before)
			}
			if len(sw.sets) != len(tc.wantSets) {
				t.Errorf("switch set %v, want %v", sw.sets, tc.wantSets)
			}
			if _, ok := rec["dnd"]; ok {
				t.Error("the record outlived the restore")
			}
		})
	}
}

// The record is written before the switch is touched: a crash right after
// Set(true) still leaves what is needed to put it back.
func TestRecordComesFirst(t *testing.T) {
	rec := memRecords{}
	sw := &fakeSwitch{}
	failing := &failAfterRecord{fakeSwitch: sw, rec: rec}
	if err := Engage(failing, rec, "dnd"); err == nil {
		t.Fatal("want the Set error")
	}
	if _, ok := rec["dnd"]; !ok {
		t.Fatal("no record although the switch may have changed")
	}
	// The next start restores from it.
	if err := Restore(sw, rec, "dnd"); err != nil || sw.on {
		t.Errorf("restore: %v, on %v", err, sw.on)
	}
}

type failAfterRecord struct {
	*fakeSwitch
	rec memRecords
}

func (f *failAfterRecord) Set(on bool) error {
	if _, ok := f.rec["dnd"]; !ok {
		return errors.New("switched before recording")
	}
	f.fakeSwitch.on = on
	return errors.New("crash")
}
