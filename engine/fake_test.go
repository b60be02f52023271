package engine

import (
	"errors"
	"runtime"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus/store"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/link"
	"github.com/pingwise/pingwise/settings"
)

// fakeClock is a clock whose time moves only when the test says, firing
// the timers that fall due, in order, on the test's goroutine.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	c    *fakeClock
	due  time.Time
	f    func()
	live bool
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{c: c, due: c.now.Add(d), f: f, live: true}
	c.timers = append(c.timers, t)
	return t
}

func (t *fakeTimer) Stop() bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	was := t.live
	t.live = false
	return was
}

func (t *fakeTimer) Reset(d time.Duration) bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	was := t.live
	t.live, t.due = true, t.c.now.Add(d)
	return was
}

// Advance moves the time by d, firing each timer as its time comes.
func (c *fakeClock) Advance(d time.Duration) {
	end := c.Now().Add(d)
	for {
		c.mu.Lock()
		var next *fakeTimer
		live := c.timers[:0]
		for _, t := range c.timers {
			if t.live {
				live = append(live, t)
			}
		}
		c.timers = live
		sort.SliceStable(live, func(i, j int) bool { return live[i].due.Before(live[j].due) })
		if len(live) > 0 && !live[0].due.After(end) {
			next = live[0]
			next.live = false
			c.now = next.due
		}
		if next == nil {
			c.now = end
			c.mu.Unlock()
			return
		}
		c.mu.Unlock()
		next.f()
	}
}

// fakeUI records what the engine published.
type fakeUI struct {
	mu      sync.Mutex
	snaps   []Snapshot
	prompts []Prompt
}

func (u *fakeUI) Show(s Snapshot) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.snaps = append(u.snaps, s)
}

func (u *fakeUI) Prompt(p Prompt) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.prompts = append(u.prompts, p)
}

// last is the newest snapshot by Seq.
func (u *fakeUI) last(t *testing.T) Snapshot {
	t.Helper()
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.snaps) == 0 {
		t.Fatal("no snapshot published")
	}
	s := slices.MaxFunc(u.snaps, func(a, b Snapshot) int { return int(a.Seq) - int(b.Seq) })
	return s
}

func (u *fakeUI) takePrompts() []Prompt {
	u.mu.Lock()
	defer u.mu.Unlock()
	p := u.prompts
	u.prompts = nil
	return p
}

// fakeDesk is every platform service, recording how it was used.
type fakeDesk struct {
	mu       sync.Mutex
	pressed  func()
	bindErr  error
	bound    []string
	released int
	changed  func(platform.Window)
	idle     time.Duration
	notes    []string
	dnd      *fakeDND
	seen     func(platform.Notification)
	handed   []string
	autorun  []bool
}

func (f *fakeDesk) Bind(spec string, pressed func()) (func(), error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.bindErr != nil {
		return nil, f.bindErr
	}
	f.bound = append(f.bound, spec)
	f.pressed = pressed
	return func() { f.mu.Lock(); f.released++; f.mu.Unlock() }, nil
}

func (f *fakeDesk) WatchActive(changed func(platform.Window)) (func(), error) {
	f.changed = changed
	return func() {}, nil
}

func (f *fakeDesk) Idle() (time.Duration, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.idle, nil
}

func (f *fakeDesk) setIdle(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.idle = d
}

func (f *fakeDesk) Notify(title, body string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.notes = append(f.notes, title+": "+body)
	return nil
}

// waitNotes returns the notifications once n have arrived (they are sent
// off the engine's goroutine), or what came within 5 s.
func (f *fakeDesk) waitNotes(t *testing.T, n int) []string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		f.mu.Lock()
		notes := slices.Clone(f.notes)
		f.mu.Unlock()
		if len(notes) >= n || time.Now().After(deadline) {
			return notes
		}
		runtime.Gosched()
	}
}

func (f *fakeDesk) Switch() (platform.DND, error) {
	if f.dnd == nil {
		return nil, errors.New("no server")
	}
	return f.dnd, nil
}

func (f *fakeDesk) Monitor(seen func(platform.Notification)) (func() error, error) {
	f.seen = seen
	return func() error { return nil }, nil
}

func (f *fakeDesk) HandOff(l link.Link) error {
	f.handed = append(f.handed, l.URL)
	return nil
}

func (f *fakeDesk) SetAutostart(on bool) error {
	f.autorun = append(f.autorun, on)
	return nil
}

type fakeDND struct {
	mu  sync.Mutex
	on  bool
	set []bool
}

func (*fakeDND) Kind() string        { return "fake" }
func (*fakeDND) CriticalShows() bool { return true }
func (d *fakeDND) On() (bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.on, nil
}
func (d *fakeDND) Set(on bool) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.on = on
	d.set = append(d.set, on)
	return nil
}

// rig is an engine over a store in a temporary folder, a fake clock and a
// fake desktop.
type rig struct {
	e     *Engine
	clock *fakeClock
	ui    *fakeUI
	desk  *fakeDesk
	db    *store.DB
	saved []settings.Settings
}

func newRig(t *testing.T, edit func(*settings.Settings)) *rig {
	t.Helper()
	return newRigIn(t, "", edit)
}

// newRigIn is newRig with the UI in a language.
func newRigIn(t *testing.T, lang string, edit func(*settings.Settings)) *rig {
	t.Helper()
	db, err := store.Open(t.TempDir() + "/pingwise.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cfg := settings.Defaults()
	if edit != nil {
		edit(&cfg)
	}
	r := &rig{clock: newFakeClock(), ui: &fakeUI{}, desk: &fakeDesk{dnd: &fakeDND{}}, db: db}
	d := &platform.Desktop{Hotkey: r.desk, Active: r.desk, Idle: r.desk, Notifier: r.desk,
		Quiet: r.desk, Links: r.desk, Autostart: r.desk}
	d.Say(platform.HotkeyService, platform.Works("a fake"))
	r.e = New(Config{Store: db, Desktop: d, Settings: cfg, Clock: r.clock, Language: lang,
		Save: func(s settings.Settings) error { r.saved = append(r.saved, s); return nil }})
	r.e.Open(r.ui)
	t.Cleanup(r.e.Close)
	return r
}
