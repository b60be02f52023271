package focus_test

import (
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // the DST cases must not depend on the machine's zoneinfo

	"github.com/pingwise/pingwise/focus"
)

// fakeClock is a Clock the test moves by hand, so no test ever sleeps.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time          { return c.now }
func (c *fakeClock) advance(d time.Duration) { c.now = c.now.Add(d) }

// memStore keeps events in memory with the semantics focus.Store promises,
// so that the tracker is tested without SQLite. The embedded interface keeps
// it compiling while other methods are added to focus.Store; calling one it
// does not implement panics, which fails the test loudly.
type memStore struct {
	focus.Store
	sessions      []focus.Session
	breaks        []focus.Break
	interruptions []focus.Interruption
	decisions     []focus.Decision
}

func (m *memStore) Current() (focus.Current, error) {
	var c focus.Current
	for _, s := range m.sessions {
		if s.Active() {
			c.Session = &s
		}
	}
	for _, b := range m.breaks {
		if b.End.IsZero() {
			c.Break = &b
		}
	}
	return c, nil
}

// Update saves nothing when fn fails, as a transaction would.
func (m *memStore) Update(fn func(*focus.Current) error) error {
	c, _ := m.Current()
	if err := fn(&c); err != nil {
		return err
	}
	for _, s := range []*focus.Session{c.Ended, c.Session} {
		if s != nil {
			m.sessions = upsert(m.sessions, *s, func(o focus.Session) bool { return o.ID == s.ID })
		}
	}
	for _, b := range []*focus.Break{c.EndedBreak, c.Break} {
		if b != nil {
			m.breaks = upsert(m.breaks, *b, func(o focus.Break) bool { return o.ID == b.ID })
		}
	}
	return nil
}

func upsert[T any](list []T, v T, same func(T) bool) []T {
	if i := slices.IndexFunc(list, same); i >= 0 {
		list[i] = v
		return list
	}
	return append(list, v)
}

func (m *memStore) AddInterruption(i *focus.Interruption) error {
	m.interruptions = append(m.interruptions, *i)
	return nil
}

func (m *memStore) AddDecision(d *focus.Decision) error {
	m.decisions = append(m.decisions, *d)
	return nil
}

func (m *memStore) SessionAt(t time.Time) (bool, error) {
	for _, s := range m.sessions {
		if !s.Start.After(t) && (s.Active() || s.End.After(t)) {
			return true, nil
		}
	}
	return false, nil
}

func (m *memStore) Log(from, to time.Time) (focus.Log, error) {
	in := func(t time.Time) bool { return !t.Before(from) && t.Before(to) }
	var l focus.Log
	for _, s := range m.sessions {
		if in(s.Start) {
			l.Sessions = append(l.Sessions, s)
		}
	}
	for _, i := range m.interruptions {
		if in(i.At) {
			l.Interruptions = append(l.Interruptions, i)
		}
	}
	for _, d := range m.decisions {
		if in(d.At) {
			l.Decisions = append(l.Decisions, d)
		}
	}
	return l, nil
}

func (m *memStore) EachCompletedEnd(before time.Time, fn func(time.Time) bool) error {
	var ends []time.Time
	for _, s := range m.sessions {
		if s.Result == focus.Completed && s.End.Before(before) {
			ends = append(ends, s.End)
		}
	}
	slices.SortFunc(ends, func(a, b time.Time) int { return b.Compare(a) })
	for _, e := range ends {
		if !fn(e) {
			break
		}
	}
	return nil
}

// completed adds a session that ran its planned length and ended at end.
func (m *memStore) completed(end time.Time, planned time.Duration) {
	m.sessions = append(m.sessions, focus.Session{ID: focus.NewID(), Start: end.Add(-planned),
		Planned: planned, End: end, Result: focus.Completed})
}

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// at reads "2006-01-02 15:04:05" in loc.
func at(t testing.TB, loc *time.Location, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation(time.DateTime, s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func mustWeek(t testing.TB, s string, loc *time.Location) focus.Week {
	t.Helper()
	w, err := focus.ParseWeek(s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return w
}
