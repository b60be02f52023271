package engine

import (
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
	"github.com/pingwise/pingwise/l10n"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/settings"
)

// MaxDeferredShown bounds the deferred list a Snapshot carries; Pending
// counts them all.
const MaxDeferredShown = 10

// Snapshot is everything the UI shows, as of one moment. It is never
// changed after it is published.
type Snapshot struct {
	Seq      uint64 // grows with every snapshot: a UI drops one older than what it shows
	Status   focus.Status
	Deferred []focus.Interruption // the newest MaxDeferredShown deferred interruptions
	Pending  int                  // all deferred interruptions not yet handled
	Presets  []int                // the session lengths the tray offers, in minutes
	Notice   string               // the latest outcome of an action, or ""
	Kept     []string             // what is missing or off: said once, kept in view
}

// PromptKind is what a Prompt asks the UI to do.
type PromptKind int

// The prompts.
const (
	AskPrompt      PromptKind = iota // open the "Sync or async?" popup, prefilled with Ask
	AwayPrompt                       // welcome back: ask what the time away since Since was
	WindowPrompt                     // bring the main window to the front
	StatsPrompt                      // open the Weekly focus window on Week
	SettingsPrompt                   // open the Settings window
	QuitPrompt                       // quit the app
)

// Prompt is a one-shot request to the UI.
type Prompt struct {
	Kind  PromptKind
	Ask   control.Ask   // AskPrompt
	Since time.Time     // AwayPrompt: when input stopped
	Gone  time.Duration // AwayPrompt: how long the person was away
	Week  focus.Week    // StatsPrompt
}

// UI is the one subscriber: the toolkit side. Both methods may be called
// from any goroutine, never with the engine's lock held; a UI hands them
// to its own goroutine.
type UI interface {
	Show(Snapshot)
	Prompt(Prompt)
}

// Engine is the running app.
type Engine struct {
	db     *store.DB
	desk   *platform.Desktop
	clock  Clock
	ui     UI
	stderr io.Writer
	save   func(settings.Settings) error
	tr     *l10n.T // the UI's language, for notifications and what is said

	mu      sync.Mutex
	cfg     settings.Settings
	tracker *focus.Tracker
	seq     uint64
	notice  string
	kept    []string
	release func() // releases the bound hotkey
	hotkey  platform.Status
	tick    Timer
	last    time.Time // the last tick, with its monotonic reading
	asked   map[string]time.Time
	away    away
	quiet   quiet
	stopWin func()   // stops the active-app watch
	early   []Prompt // prompts asked before Open
	opened  bool     // Open has run: the engine may act on the desktop

	calendars  *calendar.Keeper // nil without calendars
	blocks     FocusBlocks      // nil unless focus blocks are asked for
	blockStart time.Time        // the session last written as a focus block

	watchMu  sync.Mutex
	watchers map[chan focus.Status]bool // status --watch
	notifier *notifier
	closed   bool
}

// Config is what an Engine is made of.
type Config struct {
	Store       *store.DB
	Desktop     *platform.Desktop
	Settings    settings.Settings
	Clock       Clock                         // SystemClock{} when nil
	Stderr      io.Writer                     // for whoever started the app from a terminal; io.Discard when nil
	Save        func(settings.Settings) error // writes the settings file; Apply calls it
	Calendars   *calendar.Keeper              // the person's calendars, kept in the background; may be nil
	FocusBlocks FocusBlocks                   // where focus sessions go as busy time; may be nil
	// Language is the UI's ("en", "de", "fr", "es"; English when ""),
	// chosen once at start: notifications, notices and what is kept in
	// view speak it. Doctor's statuses keep their English How for the
	// command line, with a message key for the UI.
	Language string
}

// New makes an engine; Open sets it going.
func New(c Config) *Engine {
	if c.Clock == nil {
		c.Clock = SystemClock{}
	}
	if c.Stderr == nil {
		c.Stderr = io.Discard
	}
	if c.Desktop == nil {
		c.Desktop = &platform.Desktop{}
	}
	e := &Engine{db: c.Store, desk: c.Desktop, clock: c.Clock, stderr: c.Stderr, save: c.Save, cfg: c.Settings,
		calendars: c.Calendars, blocks: c.FocusBlocks, tr: l10n.For(c.Language)}
	e.tracker = focus.NewTracker(e.db, e.clock, c.Settings.Policy())
	e.notifier = newNotifier(c.Desktop.Notifier, c.Settings.Notifications, c.Stderr)
	return e
}

// Open connects the engine to its UI and the desktop: the hotkey, the
// active-app and away watches, quiet focus, the ticker; then publishes the
// first snapshot.
func (e *Engine) Open(ui UI) {
	e.mu.Lock()
	e.ui = ui
	e.last = e.clock.Now()
	e.tick = e.clock.AfterFunc(maxTick, e.onTick)
	e.bindHotkey()
	e.watchActive()
	e.watchAway()
	e.startQuiet()
	e.opened = true
	early := e.early
	e.early = nil
	e.mu.Unlock()
	e.Refresh()
	for _, p := range early {
		ui.Prompt(p)
	}
}

// Close stops the watches and timers and puts the desktop back as it was:
// never a silenced desktop with Pingwise gone.
func (e *Engine) Close() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return
	}
	e.closed = true
	if e.tick != nil {
		e.tick.Stop()
	}
	if e.away.timer != nil {
		e.away.timer.Stop()
	}
	if e.release != nil {
		e.release()
		e.release = nil
	}
	if e.stopWin != nil {
		e.stopWin()
	}
	e.stopQuiet()
}

// Settings returns the settings in effect.
func (e *Engine) Settings() settings.Settings {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.cfg
}

// Tracker returns the focus tracker for the settings in effect. It is safe
// to use from any goroutine.
func (e *Engine) Tracker() *focus.Tracker {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.tracker
}

// Refresh reads the state and publishes it: the ticker's work, and what a
// UI asks for when it (re)appears.
func (e *Engine) Refresh() {
	e.mu.Lock()
	st, err := e.tracker.Status()
	if err != nil {
		e.notice = err.Error()
		snap := e.snapshotLocked(focus.Status{})
		e.mu.Unlock()
		e.show(snap)
		return
	}
	e.actedLocked(st)
}

// actedLocked shows the outcome of a change: Do Not Disturb follows first
// (the end-of-session notification must not be held by the switch the end
// lifts), then what ended is told, then everything is published. It
// unlocks e.mu.
func (e *Engine) actedLocked(st focus.Status) {
	e.followQuiet(st)
	e.followCalendar(st)
	e.react(st)
	e.scheduleTick(st)
	snap := e.snapshotLocked(st)
	e.mu.Unlock()
	e.show(snap)
}

// followQuiet makes Do Not Disturb follow st, once the engine is open. The
// control socket answers from the start, before Open has started counting
// notifications: silencing the desktop then would hold notifications that
// nobody counts. Open's first refresh catches up.
func (e *Engine) followQuiet(st focus.Status) {
	if e.opened {
		e.reconcileQuiet(st)
	}
}

// snapshotLocked builds the snapshot for st.
func (e *Engine) snapshotLocked(st focus.Status) Snapshot {
	list, n, err := e.tracker.Deferred(MaxDeferredShown)
	if err != nil {
		e.notice = err.Error()
	}
	e.seq++
	return Snapshot{Seq: e.seq, Status: st, Deferred: list, Pending: n,
		Presets: slices.Clone(e.cfg.Presets), Notice: e.notice, Kept: slices.Clone(e.kept)}
}

// show publishes s; it runs after the snapshot was built under e.mu, so
// it reads the UI, set once by Open, without it.
func (e *Engine) show(s Snapshot) {
	e.tellWatchers(s.Status)
	if ui := e.uiNow(); ui != nil {
		ui.Show(s)
	}
}

func (e *Engine) uiNow() UI {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.ui
}

// prompt asks the UI for p. Before the UI is there (the control socket
// answers from the start), prompts wait for it: a `pingwise quit` right at
// start must not be lost.
func (e *Engine) prompt(p Prompt) {
	e.mu.Lock()
	ui := e.ui
	if ui == nil {
		e.early = append(e.early, p)
	}
	e.mu.Unlock()
	if ui != nil {
		ui.Prompt(p)
	}
}

// Language is the UI's language, as chosen at start.
func (e *Engine) Language() string { return e.tr.Lang() }

// sayLocked tells the person something that stays true, once: it is kept in
// view, and written to standard error for whoever started the app.
func (e *Engine) sayLocked(msg string) {
	if slices.Contains(e.kept, msg) {
		return
	}
	e.kept = append(e.kept, msg)
	fmt.Fprintln(e.stderr, "pingwise:", msg)
}

// Say is sayLocked for the UI's own findings (no tray, say), published at
// once.
func (e *Engine) Say(msg string) {
	e.mu.Lock()
	e.sayLocked(msg)
	e.mu.Unlock()
	e.Refresh()
}

// do runs a tracker action for the person and publishes the result; a
// failure becomes the notice and brings the main window forward.
func (e *Engine) do(action func(*focus.Tracker) (focus.Status, error)) error {
	e.mu.Lock()
	st, err := action(e.tracker)
	if err != nil {
		e.notice = err.Error()
		snap := e.snapshotLocked(e.statusLocked())
		e.mu.Unlock()
		e.show(snap)
		e.prompt(Prompt{Kind: WindowPrompt})
		return err
	}
	e.actedLocked(st)
	return nil
}

// statusLocked is the current status, or the zero one when the store
// fails (the failure is the notice already).
func (e *Engine) statusLocked() focus.Status {
	st, err := e.settledLocked()
	if err != nil {
		e.notice = err.Error()
	}
	return st
}

// settledLocked reads the state. Reading it may end a session or a break
// that has run its length, and only this read is told: so the end is acted
// on here, whoever asked (Do Not Disturb first, then the notification), and
// the status returned no longer carries it.
func (e *Engine) settledLocked() (focus.Status, error) {
	st, err := e.tracker.Status()
	if err != nil {
		return st, err
	}
	if st.Ended != nil || st.BreakOver {
		e.followQuiet(st)
		e.followCalendar(st)
		e.react(st)
		st.Ended, st.BreakOver = nil, false
	}
	return st, nil
}

// maxTick bounds the ticker's sleep: the state line also catches changes
// other processes made to the store, and a suspend is noticed.
const maxTick = time.Minute

// scheduleTick sets the next tick for what st shows: the countdown shows
// whole minutes, rounded up, so it changes when the time left crosses a
// minute, and the session or break ends when it reaches zero.
func (e *Engine) scheduleTick(st focus.Status) {
	if e.tick == nil || e.closed {
		return
	}
	next := maxTick
	if st.State == focus.Focusing || st.State == focus.OnBreak {
		if d := st.Remaining % time.Minute; d > 0 && d < next {
			next = d
		}
		if st.Remaining < next {
			next = st.Remaining
		}
	}
	e.tick.Reset(max(next, 50*time.Millisecond))
}

// onTick runs on the timer's goroutine.
func (e *Engine) onTick() {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return
	}
	now := e.clock.Now()
	wall, mono := now.Round(0).Sub(e.last.Round(0)), now.Sub(e.last)
	if gap := focus.Asleep(wall, mono); gap > 0 {
		// The lid was shut: that was not focus.
		if err := e.tracker.Slept(now.Add(-gap), now); err != nil {
			e.notice = err.Error()
		}
	}
	e.last = now
	e.mu.Unlock()
	e.Refresh()
}
