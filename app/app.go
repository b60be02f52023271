// Package app is Pingwise's toolkit side, and Fyne's only user: the tray
// icon and menu, the main window, the settings window, the popup and the
// stats window. It renders what package engine publishes and hands the
// person's actions back to it; it keeps no state of its own that the engine
// does not have. Its words come from package l10n, in the language chosen
// at start (useLanguage). Work from other goroutines reaches widgets only
// through bridge.go.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/pingwise/pingwise/app/popup"
	"github.com/pingwise/pingwise/app/stats"
	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/engine"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
	"github.com/pingwise/pingwise/home"
	"github.com/pingwise/pingwise/journal"
	"github.com/pingwise/pingwise/l10n"
	"github.com/pingwise/pingwise/platform"
	pdesktop "github.com/pingwise/pingwise/platform/desktop"
	"github.com/pingwise/pingwise/platform/xdg"
	"github.com/pingwise/pingwise/settings"
)

// Run starts the tray app and returns the exit code when it quits.
func Run(dirs home.Dirs, stderr io.Writer) int {
	say := func(format string, args ...any) { fmt.Fprintf(stderr, "pingwise: "+format+"\n", args...) }
	// Fyne panics with a stack trace when it cannot open the display:
	// check first, and say which display and why in one line.
	if err := checkDisplay(); err != nil {
		say("%v; use the command line, see pingwise --help", err)
		return 1
	}
	if err := keepHeap(); err != nil {
		say("%v; frames painted in software may be slower", err)
	}
	// First the single-instance lock: a second start hands over to the
	// running app before it opens the store or the desktop's services (a
	// hotkey it would find taken, a merge of the sync folder).
	srv, err := control.Listen(dirs.Lock(), dirs.Socket())
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
	cfg, err := settings.Load(dirs.Settings())
	if err != nil {
		// The file is the person's: keep it as it is and run on defaults.
		say("%v; using the defaults until it is fixed", err)
		cfg = settings.Defaults()
	}
	// Before any goroutine starts: the choice sets the environment for a
	// moment.
	language := useLanguage(cfg.Language)
	db, err := store.Open(dirs.DB())
	if err != nil {
		say("%v", err)
		return 1
	}
	defer db.Close()
	// Several devices: every event this app logs goes to this device's
	// journal in the sync folder too, and reads merge the others'. Before
	// any other goroutine uses the store.
	if folder, err := cfg.SyncDir(); err != nil {
		say("%v", err)
	} else if folder != "" {
		id, err := journal.LocalID(dirs.Data)
		if err == nil {
			err = db.Sync(folder, id, cfg.DeviceName, func(msg string) { say("%s", msg) })
		}
		if err != nil {
			say("%v", err)
			return 1
		}
	}

	exe, err := os.Executable()
	if err != nil {
		say("cannot find the running program: %v", err)
		return 1
	}
	desk := pdesktop.Open(dirs, exe)
	defer desk.Close()
	cals, blocks, stopCals := openCalendars(dirs, cfg, say)
	defer stopCals()
	eng := engine.New(engine.Config{Store: db, Desktop: desk, Settings: cfg, Stderr: stderr, Language: language,
		Save:      func(c settings.Settings) error { return settings.Save(dirs.Settings(), c) },
		Calendars: cals, FocusBlocks: blocks})
	defer eng.Close()

	srv.Serve(eng)
	defer srv.Close() // again, to stop answering before the engine closes
	// Once a day in the tray is worth a full read of the store: damage is
	// found before the app writes to it, not months later.
	if err := db.Check(); err != nil {
		say("%v", err)
		return 1
	}

	a := fyneapp.NewWithID(xdg.ID)
	s := newShell(dirs, a, eng, desk)
	s.start()
	a.Run()
	return 0
}

// calendarSync is how often the calendars are synced in the background.
const calendarSync = 15 * time.Minute

// openCalendars starts keeping the person's calendars, when there are any,
// and the calendar focus sessions are written to, when one is named. A
// calendar that fails is said and the rest go on.
func openCalendars(dirs home.Dirs, cfg settings.Settings, say func(string, ...any)) (*calendar.Keeper, engine.FocusBlocks, func()) {
	if len(cfg.Calendars) == 0 {
		return nil, nil, func() {}
	}
	sy := &calendar.Syncer{Dir: filepath.Join(dirs.Data, "calendars"), Secrets: calendar.Keyring{}, Clock: focus.SystemClock{}}
	k := calendar.NewKeeper(sy)
	k.SetSources(cfg.Calendars)
	ctx, cancel := context.WithCancel(context.Background())
	tick := time.NewTicker(calendarSync)
	go k.Run(ctx, tick.C)
	stop := func() { cancel(); tick.Stop() }
	if cfg.CalendarFocusBlocks == "" {
		return k, nil, stop
	}
	src := cfg.Calendar(cfg.CalendarFocusBlocks)
	if src == nil {
		return k, nil, stop // settings.Load refuses this; a file edited since is read at the next start
	}
	fb, err := sy.NewFocusBlocks(*src, cfg.CalendarFocusIntent, cfg.CalendarFocusPublic)
	if err != nil {
		say("%v: focus sessions are not written to it", err)
		return k, nil, stop
	}
	return k, fb, stop
}

// useLanguage chooses the UI's language, the setting's or else the
// system's (Fyne's lang.SystemLocale), and registers the catalogs with
// Fyne in it, so Fyne's own dialogs speak it too. Fyne picks its language
// from the environment each time translations are added, and offers no
// other way to choose one: so the environment names the chosen language
// for that one call, and is put back after it, leaving the programs
// Pingwise starts the person's own locale. (On Windows and macOS Fyne reads
// the system's setting instead: there its dialogs keep the system's
// language, while Pingwise's own words follow the setting.) The choice is
// made once: a new language applies at the next start, as every window is
// built in it.
func useLanguage(setting string) string {
	chosen := l10n.Choose(setting, string(lang.SystemLocale()))
	vars := []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}
	saved := make(map[string]*string, len(vars))
	for _, v := range vars {
		if val, ok := os.LookupEnv(v); ok {
			saved[v] = &val
		} else {
			saved[v] = nil
		}
		os.Unsetenv(v)
	}
	os.Setenv("LANGUAGE", chosen)
	os.Setenv("LANG", chosen) // a LANG of C would make LANGUAGE be ignored
	err := lang.AddTranslationsFS(l10n.Files, l10n.Dir)
	for _, v := range vars {
		if val := saved[v]; val != nil {
			os.Setenv(v, *val)
		} else {
			os.Unsetenv(v)
		}
	}
	if err != nil {
		fyne.LogError("pingwise: the UI's catalogs", err) // the app's own words come from l10n all the same
	}
	return chosen
}

// shell is the running app's toolkit side. Its fields belong to Fyne's
// goroutine.
type shell struct {
	dirs   home.Dirs
	app    fyne.App
	eng    *engine.Engine
	tr     *l10n.T // the UI's language
	desk   *platform.Desktop
	tray   desktop.App // nil without a tray
	trayOK bool

	main     *mainWindow
	prefs    fyne.Window
	custom   fyne.Window
	statsWin *stats.Window
	popup    *popup.Popup
	awayWin  fyne.Window

	started  bool // Fyne's loop runs: a Quit before it would be lost
	quitting bool // asked to quit before the loop ran

	snap     engine.Snapshot // the latest shown
	lastMenu string          // what the tray menu shows, to send it again only on change
	icon     focus.State
	title    string
}

func newShell(dirs home.Dirs, a fyne.App, eng *engine.Engine, desk *platform.Desktop) *shell {
	return &shell{dirs: dirs, app: a, eng: eng, desk: desk, tr: l10n.For(eng.Language())}
}

// start builds the UI: the tray when there is one, the main window always
// (shown when the tray is missing), then connects to the engine.
func (s *shell) start() {
	s.app.Lifecycle().SetOnStarted(func() {
		s.started = true
		if s.quitting {
			s.quitFyne()
			return
		}
		s.popup.Prepare()
	})
	s.app.SetIcon(appIcon())
	s.main = newMainWindow(s)
	s.popup = s.newPopup()
	tray := s.desk.Status[platform.Tray]
	if da, ok := s.app.(desktop.App); ok && canTray() {
		// Without a session bus Fyne's systray panics on Quit, so the tray
		// is only set up when a bus answers; with a bus but no tray host
		// it is still set up, and appears when a panel starts.
		s.tray = da
	}
	s.trayOK = tray.Available
	if !tray.Available {
		s.main.win.Show()
	}
	s.eng.Open(bridge{s})
	if !tray.Available {
		s.eng.Say(engine.How(s.tr, tray))
	}
	// A tray app lives all day and allocates little once started: a tighter
	// heap target costs no noticeable CPU and keeps it small, and start-up
	// garbage (drawing icons, opening the store, measuring text) would
	// otherwise stay resident all day.
	debug.SetGCPercent(40)
	time.AfterFunc(3*time.Second, debug.FreeOSMemory)
}

// render shows a snapshot everywhere: tray menu, icon, title, tooltip and
// main window. A snapshot older than the one shown is dropped.
func (s *shell) render(snap engine.Snapshot) {
	if snap.Seq < s.snap.Seq {
		return
	}
	s.snap = snap
	v := view{status: snap.Status, deferred: snap.Deferred, pending: snap.Pending, presets: snap.Presets}
	if s.tray != nil {
		// The menu is sent again only when what the person can click
		// changes: each new layout makes GNOME's and KDE's hosts re-read it,
		// and an open menu can close under the pointer.
		if key := v.key(); key != s.lastMenu {
			s.tray.SetSystemTrayMenu(buildMenu(v, s, s.tr))
			s.lastMenu = key
		}
		if st := snap.Status.State; st != s.icon || s.icon == "" {
			s.tray.SetSystemTrayIcon(trayIcons()[st])
			s.icon = st
		}
		s.setTrayText(snap.Status)
	}
	s.main.show(snap)
}

// prompt does what the engine asks.
func (s *shell) prompt(p engine.Prompt) {
	switch p.Kind {
	case engine.AskPrompt:
		s.askWith(p.Ask)
	case engine.AwayPrompt:
		s.askAway(p.Since, p.Gone)
	case engine.WindowPrompt:
		s.main.present()
	case engine.StatsPrompt:
		s.showStats(p.Week)
	case engine.SettingsPrompt:
		s.showSettings()
	case engine.QuitPrompt:
		s.quit()
	}
}

// quit quits the app; asked before Fyne's loop runs (a `pingwise quit`
// right at start), it quits as soon as the loop does.
func (s *shell) quit() {
	if !s.started {
		s.quitting = true
		return
	}
	s.quitFyne()
}

// quitFyne quits Fyne's loop. Fyne 2.7 panics as the last step of Quit
// when it could not watch its settings file at start (no inotify instance
// left: "too many open files"): it closes the watcher it never made. Its
// loop has been told to end by then, so that panic is said in one line
// instead of a stack trace, and the app ends as asked.
func (s *shell) quitFyne() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(os.Stderr, "pingwise: Fyne failed as it quit:", r)
		}
	}()
	s.app.Quit()
}
