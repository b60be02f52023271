package app

import (
	"os"

	"github.com/godbus/dbus/v5"
)

// environment is what the session offers: each missing piece is said once and
// worked around, never a crash.
type environment struct {
	bus     bool // a D-Bus session bus answers
	tray    bool // a StatusNotifierItem host (a panel's tray) is registered
	wayland bool // a Wayland session: no global keys, no X11 window watching
}

func probeDesktop() environment {
	d := environment{wayland: os.Getenv("WAYLAND_DISPLAY") != "" || os.Getenv("XDG_SESSION_TYPE") == "wayland"}
	conn, err := dbus.SessionBus()
	if err != nil {
		return d
	}
	d.bus = true
	var has bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.kde.StatusNotifierWatcher").Store(&has)
	d.tray = err == nil && has
	return d
}

// missing says what is missing, in one line, or "" when nothing is.
func (d environment) missing() string {
	switch {
	case !d.bus:
		return "No D-Bus session bus: no tray icon or notifications. Pingwise runs in this window instead."
	case !d.tray:
		return "No system tray found (on GNOME, the AppIndicator extension adds one). Pingwise runs in this window; its tray icon appears when a tray does."
	case d.wayland:
		return "Wayland session: no app may grab a global key or watch other windows, so the hotkey, app watching and away detection are off. Bind the command \"pingwise ask\" to a shortcut in your desktop's keyboard settings."
	}
	return ""
}

// hasDisplay reports whether there is a screen to draw on.
func hasDisplay() bool {
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}
