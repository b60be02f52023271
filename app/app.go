// Package app is Pingwise's desktop side: the tray icon and menu, the main
// window, the settings window, notifications, and the control socket's
// handler. It draws what package focus computes and keeps no state of its
// own that focus does not have; background work reaches widgets only through
// bridge.go.
package app

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/pingwise/pingwise/app/popup"
	"github.com/pingwise/pingwise/app/stats"
	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
	"github.com/pingwise/pingwise/home"
	"github.com/pingwise/pingwise/platform/x11"
	"github.com/pingwise/pingwise/platform/xdg"
	"github.com/pingwise/pingwise/settings"
)

// Run starts the tray app and returns the exit code when it quits.
func Run(dirs home.Dirs, stderr io.Writer) int {
	say := func(format string, args ...any) { fmt.Fprintf(stderr, "pingwise: "+format+"\n", args...) }
	if !hasDisplay() {
		say("no display (DISPLAY and WAYLAND_DISPLAY are unset): use the command line, see pingwise --help")
		return 1
	}
	cfg, err := settings.Load(dirs.Settings())
	if err != nil {
		// The file is the person's: keep it as it is and run on defaults.
		say("%v; using the defaults until it is fixed", err)
		cfg = settings.Defaults()
	}
	db, err := store.Open(dirs.DB())
	if err != nil {
		say("%v", err)
		return 1
	}
	defer db.Close()

	s := newShell(dirs, db, cfg)
	s.stderr = stderr
	srv, err := control.Listen(dirs.Lock(), dirs.Socket(), handler{s})
	if errors.Is(err, control.ErrRunning) {
		// One app, one truth: ask the running one to show itself.
		if c, err := control.Dial(dirs.Socket()); err == nil {
			if _, err := c.Do(control.Request{Op: control.OpShow}); err == nil {
				say("already running: showed its window")
				return 0
			}
		}
		say("already running, but not answering on %s", dirs.Socket())
		return 1
	}
	if err != nil {
		say("%v", err)
		return 1
	}
	defer srv.Close()
	// Once a day in the tray is worth a full read of the store: damage is
	// found before the app writes to it, not months later.
	if err := db.Check(); err != nil {
		say("%v", err)
		return 1
	}

	a := fyneapp.NewWithID(xdg.ID)
	s.start(a, probeDesktop())
	if s.desk.missing() != "" {
		say("%s", s.desk.missing())
	}
	a.Run()
	s.stopQuiet()
	if s.x != nil {
		s.x.Close()
	}
	return 0
}

// shell is the running app. Its fields belong to the UI goroutine; the
// tracker is safe to use from any goroutine.
type shell struct {
	dirs     home.Dirs
	db       *store.DB
	tracker  atomic.Pointer[focus.Tracker]
	settings settings.Settings

	app      fyne.App
	desk     environment
	tray     desktop.App // nil without a tray
	main     *mainWindow
	prefs    fyne.Window
	custom   fyne.Window
	notify   *notifier
	ticker   *ticker
	lastKey  string // what the tray menu shows, to rebuild it only on change
	icon     focus.State
	statsWin *stats.Window
	popup    *popup.Popup

	x          *x11.Conn // nil without X11
	releaseKey func()    // releases the grabbed hotkey
	said       map[string]bool
	stderr     io.Writer
	asked      map[string]time.Time // when each watched app last brought the popup
	away       away
	quiet      quietFocus
}

func newShell(dirs home.Dirs, db *store.DB, cfg settings.Settings) *shell {
	s := &shell{dirs: dirs, db: db, settings: cfg, stderr: io.Discard}
	s.setPolicy(cfg)
	return s
}

func (s *shell) setPolicy(cfg settings.Settings) {
	s.tracker.Store(focus.NewTracker(s.db, focus.SystemClock{}, cfg.Policy()))
}

func (s *shell) track() *focus.Tracker { return s.tracker.Load() }

// start builds the UI: the tray when there is one, the main window always
// (shown when the tray is missing), then the first refresh.
func (s *shell) start(a fyne.App, d environment) {
	s.app, s.desk = a, d
	a.SetIcon(appIcon())
	s.notify = newNotifier(d.bus, s.settings.Notifications)
	s.main = newMainWindow(s)
	s.popup = s.newPopup()
	if da, ok := a.(desktop.App); ok && d.bus {
		// Without a session bus Fyne's systray panics on Quit, so the tray
		// is only set up when a bus answers; with a bus but no tray host
		// it is still set up, and appears when a panel starts.
		s.tray = da
	}
	if d.missing() != "" && !(d.wayland && d.tray) {
		s.main.keep(d.missing())
		s.main.win.Show()
	}
	s.ticker = newTicker(s)
	s.openX()
	s.grabHotkey()
	s.watchWindows()
	s.watchAway()
	s.startQuiet()
	s.refresh()
	// A tray app lives all day and allocates little once started: a tighter
	// heap target costs no noticeable CPU and keeps it small, and start-up
	// garbage (drawing icons, opening the store, measuring text) would
	// otherwise stay resident all day.
	debug.SetGCPercent(40)
	time.AfterFunc(3*time.Second, debug.FreeOSMemory)
}

// refresh shows the current state everywhere: tray menu, icon, title,
// tooltip and main window. It runs on the UI goroutine.
func (s *shell) refresh() {
	st, err := s.track().Status()
	if err != nil {
		s.main.notice(err.Error())
		return
	}
	s.reconcileQuiet(st) // before react: see acted
	s.react(st)
	list, n, err := s.track().Deferred(maxDeferredShown)
	if err != nil {
		s.main.notice(err.Error())
	}
	v := view{status: st, deferred: list, pending: n, presets: s.settings.Presets}
	if s.tray != nil {
		if key := v.key(); key != s.lastKey {
			s.tray.SetSystemTrayMenu(buildMenu(v, s))
			s.lastKey = key
		}
		if st.State != s.icon || s.icon == "" {
			s.tray.SetSystemTrayIcon(trayIcons()[st.State])
			s.icon = st.State
		}
		setTrayText(st)
	}
	s.main.show(v)
	s.ticker.schedule(st)
}

// react tells the person what just ended on its own.
func (s *shell) react(st focus.Status) {
	if e := st.Ended; e != nil && e.Result == focus.Completed {
		list, pending, _ := s.track().Deferred(maxDeferredShown)
		s.notify.send(sessionDone(e, list, pending))
	}
	if st.BreakOver {
		s.notify.send(note{title: "Break over", body: "Ready for another focus session?"})
	}
}

// do runs a tracker action from the UI and shows the result.
func (s *shell) do(action func(*focus.Tracker) (focus.Status, error)) {
	st, err := action(s.track())
	if err != nil {
		s.main.notice(err.Error())
		s.main.win.Show()
		return
	}
	s.acted(st)
}

// acted shows the outcome of an action: Do Not Disturb follows first (the
// end-of-session notification must not be held by the switch the end
// lifts), then what ended is told, then everything is redrawn.
func (s *shell) acted(st focus.Status) {
	s.reconcileQuiet(st)
	s.react(st)
	s.refresh()
}

func (s *shell) startFocus(d time.Duration) {
	s.do(func(t *focus.Tracker) (focus.Status, error) { return t.Start(d, s.main.intent()) })
}

func (s *shell) quit() { s.app.Quit() }
