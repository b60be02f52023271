package desktop

import (
	"os"
	"strings"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/home"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/freedesktop"
	"github.com/pingwise/pingwise/platform/gnome"
	"github.com/pingwise/pingwise/platform/hyprland"
	"github.com/pingwise/pingwise/platform/kde"
	"github.com/pingwise/pingwise/platform/portal"
	"github.com/pingwise/pingwise/platform/sway"
	"github.com/pingwise/pingwise/platform/wayland"
	"github.com/pingwise/pingwise/platform/x11"
	"github.com/pingwise/pingwise/platform/xdg"
)

// Open finds what this Linux session offers. exe is the running program,
// for start at login and for key bindings that run `pingwise ask`.
func Open(dirs home.Dirs, exe string) *platform.Desktop {
	d := &platform.Desktop{Name: sessionName()}
	wayland := os.Getenv("WAYLAND_DISPLAY") != "" || os.Getenv("XDG_SESSION_TYPE") == "wayland"
	display := os.Getenv("DISPLAY") != ""
	switch {
	case wayland:
		openWayland(d, dirs, exe)
		// Fyne draws through XWayland: the popup is an X11 window, and X11
		// can still present it, without waiting (see PresentAhead). Its
		// hotkey, window and idle views would see only XWayland clients, so
		// they are not used.
		if display {
			if c, err := x11.Dial(""); err == nil {
				c.PresentAhead()
				d.Presenter = c
				d.OnClose(func() { c.Close() })
			}
		}
		// Only where no family spoke: a family's own reason (the GNOME
		// extension not enabled yet) names the one step left.
		why := "this Wayland compositor offers no way Pingwise knows: bind \"pingwise ask\" to a shortcut in your desktop's keyboard settings"
		for _, s := range []string{platform.HotkeyService, platform.ActiveApp, platform.IdleService} {
			if _, said := d.Status[s]; !said {
				d.Say(s, platform.Missing(why))
			}
		}
	case display:
		if c := x11.Open(d); c != nil {
			d.Presenter = c
		}
	default:
		why := "no display: $DISPLAY and $WAYLAND_DISPLAY are unset (the command line still works)"
		for _, s := range []string{platform.HotkeyService, platform.ActiveApp, platform.IdleService} {
			d.Say(s, platform.Missing(why))
		}
	}
	freedesktop.Open(d)
	xdg.Open(d, dirs, exe)
	d.Fill("not available on this desktop")
	return d
}

// openWayland fills in what the Wayland compositor offers, by family: the
// compositor's own IPC where it has one (sway, Hyprland), else the
// GlobalShortcuts portal for the hotkey and the desktop's own way for the
// app in front and idle time (KDE Plasma, GNOME), else the idle protocol
// alone. Each family fills only what an earlier one left empty.
func openWayland(d *platform.Desktop, dirs home.Dirs, exe string) {
	current := strings.ToUpper(os.Getenv("XDG_CURRENT_DESKTOP"))
	switch {
	case os.Getenv("SWAYSOCK") != "":
		o := sway.EnvOptions()
		o.Exe, o.Home = exe, dirs.Home
		sway.OpenWith(d, o)
	case os.Getenv("HYPRLAND_INSTANCE_SIGNATURE") != "":
		o := hyprland.EnvOptions()
		o.Exe, o.Home = exe, dirs.Home
		hyprland.OpenWith(d, o)
	case strings.Contains(current, "KDE"):
		portal.Open(d)
		kde.Open(d)
	case strings.Contains(current, "GNOME"):
		portal.Open(d)
		if conn, err := dbus.ConnectSessionBus(); err == nil {
			d.OnClose(func() { conn.Close() })
			gnome.OpenWith(d, gnome.Options{Bus: conn, Exe: exe, Home: dirs.Home})
		} else {
			gnome.Open(d) // says why, for each service
		}
	default:
		portal.Open(d)
		wayland.Open(d)
	}
}

// sessionName says which session this is, as a person knows it.
func sessionName() string {
	kind := "X11"
	switch {
	case os.Getenv("WAYLAND_DISPLAY") != "" || os.Getenv("XDG_SESSION_TYPE") == "wayland":
		kind = "Wayland"
	case os.Getenv("DISPLAY") == "":
		kind = "no display"
	}
	if de := os.Getenv("XDG_CURRENT_DESKTOP"); de != "" {
		return kind + " (" + strings.ReplaceAll(de, ":", ", ") + ")"
	}
	return kind
}
