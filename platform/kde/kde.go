// Package kde is KDE Plasma on Wayland: the app in front comes from a small
// KWin script that Pingwise loads over org.kde.kwin.Scripting and that
// calls Pingwise back over D-Bus on each window activation; idle time from
// the Wayland idle protocol (platform/wayland), since
// org.freedesktop.ScreenSaver.GetSessionIdleTime answers NotSupported on
// KWin Wayland. The hotkey is the GlobalShortcuts portal's (platform/portal).
package kde

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/wayland"
)

const (
	kwinName    = "org.kde.KWin"
	scriptingIf = "org.kde.kwin.Scripting"
	scriptIf    = "org.kde.kwin.Script"
	pluginName  = "pingwise-focus"

	callbackPath = dbus.ObjectPath("/io/github/pingwise/KWin")
	callbackIf   = "io.github.pingwise.KWin"
)

// script is the KWin script. KWin 6 renamed clientActivated to
// windowActivated and activeClient to activeWindow; it takes either. It
// calls back the connection whose unique name replaces SERVICE, with the
// report's number as a string (D-Bus calls may be handled out of order;
// a JavaScript number would reach D-Bus as a double), the
// window's desktop file name, resource class (a Wayland window's app id, or
// X11 class), resource name and caption, and again when the caption of the
// window in front changes.
const script = `var service = SERVICE;
var watched = null;
var seq = 0;
function str(v) { return v ? String(v) : ""; }
function report(w) {
    seq++;
    callDBus(service, "/io/github/pingwise/KWin", "io.github.pingwise.KWin", "Activated", String(seq),
        w ? str(w.desktopFileName) : "", w ? str(w.resourceClass) : "",
        w ? str(w.resourceName) : "", w ? str(w.caption) : "");
}
function activated(w) {
    if (watched) watched.captionChanged.disconnect(captionChanged);
    watched = w;
    if (w) w.captionChanged.connect(captionChanged);
    report(w);
}
function captionChanged() { report(watched); }
(workspace.windowActivated || workspace.clientActivated).connect(activated);
activated(workspace.activeWindow || workspace.activeClient);
`

// Options are what Open takes from the environment; tests give their own.
type Options struct {
	Bus       *dbus.Conn // the session bus
	Wayland   string     // the compositor's Wayland socket
	ScriptDir string     // where the script file is written for KWin to read
}

// Open fills in the app in front and idle time for KDE Plasma on Wayland.
// Call it after platform/portal, which binds the hotkey.
func Open(d *platform.Desktop) {
	o := Options{}
	o.Wayland, _ = wayland.SessionSocket() // OpenIdle reports the empty path
	o.ScriptDir = os.Getenv("XDG_RUNTIME_DIR")
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		d.Say(platform.ActiveApp, platform.Missing(fmt.Sprintf("no session bus, so no KWin scripting: %v", err)))
	} else {
		d.OnClose(func() { conn.Close() })
		o.Bus = conn
	}
	OpenWith(d, o)
}

// OpenWith is Open with the options given.
func OpenWith(d *platform.Desktop, o Options) {
	if d.Name == "" {
		d.Name = "KDE Plasma on Wayland"
	}
	if o.Bus != nil {
		if d.Active == nil {
			d.Active = &Active{conn: o.Bus, dir: o.ScriptDir}
		}
		d.Say(platform.ActiveApp, platform.Works("a KWin script loaded over org.kde.kwin.Scripting reports window activations over D-Bus").Said("kwinActive"))
	}
	idle, err := wayland.OpenIdle(o.Wayland, nil)
	if err != nil {
		d.Say(platform.IdleService, platform.Missing(fmt.Sprintf("%v: Plasma 5.27 and later offer it; update Plasma", err)))
		return
	}
	d.OnClose(func() { _ = idle.Close() })
	if d.Idle == nil {
		d.Idle = idle
	}
	d.Say(platform.IdleService, platform.Works("Wayland "+idle.Protocol+" idle notifications").Said("waylandIdle", idle.Protocol))
}

// Active follows the window in front through the KWin script.
type Active struct {
	conn *dbus.Conn
	dir  string
}

// receiver is the object the script calls.
type receiver struct {
	kwin    string // KWin's unique name: only its calls count
	mu      sync.Mutex
	last    platform.Window
	seq     int64 // the number of the last report passed on
	changed func(platform.Window)
}

// Activated is the D-Bus method the script calls.
func (r *receiver) Activated(sender dbus.Sender, number, desktopFile, class, name, caption string) *dbus.Error {
	if string(sender) != r.kwin {
		return dbus.NewError("org.freedesktop.DBus.Error.AccessDenied", []any{"only KWin reports windows"})
	}
	seq, err := strconv.ParseInt(number, 10, 64)
	if err != nil {
		return dbus.MakeFailedError(fmt.Errorf("report number %q: %w", number, err))
	}
	w := platform.Window{AppID: class, Class: class, Instance: name, Title: caption}
	if w.AppID == "" {
		w.AppID = desktopFile
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if seq <= r.seq || (r.seq > 0 && w == r.last) {
		r.seq = max(r.seq, seq)
		return nil
	}
	r.seq, r.last = seq, w
	// On a goroutine of godbus's, one report at a time.
	r.changed(w)
	return nil
}

// WatchActive loads the script into KWin and calls changed with each
// window it reports, starting with the one in front. stop unloads it.
func (a *Active) WatchActive(changed func(platform.Window)) (stop func(), err error) {
	var kwin string
	if err := a.conn.BusObject().Call("org.freedesktop.DBus.GetNameOwner", 0, kwinName).Store(&kwin); err != nil {
		return nil, fmt.Errorf("kde: KWin is not on the session bus: %w", err)
	}
	r := &receiver{kwin: kwin, changed: changed}
	if err := a.conn.ExportMethodTable(map[string]any{"Activated": r.Activated}, callbackPath, callbackIf); err != nil {
		return nil, fmt.Errorf("kde: %w", err)
	}
	unexport := func() { _ = a.conn.ExportMethodTable(nil, callbackPath, callbackIf) }
	path := filepath.Join(a.dir, "pingwise-kwin-focus.js")
	text := strings.Replace(script, "SERVICE", strconv.Quote(a.conn.Names()[0]), 1)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		unexport()
		return nil, fmt.Errorf("kde: write the KWin script: %w", err)
	}
	kw := a.conn.Object(kwinName, "/Scripting")
	// A script of an earlier run that ended without unloading it would
	// make loadScript refuse the name.
	_ = kw.Call(scriptingIf+".unloadScript", 0, pluginName).Err
	var id int32
	if err := kw.Call(scriptingIf+".loadScript", 0, path, pluginName).Store(&id); err != nil || id < 0 {
		unexport()
		os.Remove(path)
		return nil, fmt.Errorf("kde: KWin did not load the script (id %d): %v", id, err)
	}
	// KWin 5 puts a script at /<id>, KWin 6 at /Scripting/Script<id>;
	// Scripting.start runs every loaded script on either.
	if err := kw.Call(scriptingIf+".start", 0).Err; err != nil {
		unexport()
		os.Remove(path)
		return nil, fmt.Errorf("kde: KWin did not run the script: %w", err)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			_ = kw.Call(scriptingIf+".unloadScript", 0, pluginName).Err // gone with KWin
			unexport()
			os.Remove(path)
		})
	}, nil
}
