package desktop

import (
	"os"
	"strings"

	"github.com/pingwise/pingwise/home"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/freedesktop"
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
		openWayland(d)
		// Fyne draws through XWayland: the popup is an X11 window, and X11
		// can still present it. Its hotkey, window and idle views would
		// see only XWayland clients, so they are not used.
		if display {
			if c, err := x11.Dial(""); err == nil {
				d.Presenter = c
				d.OnClose(func() { c.Close() })
			}
		}
		why := "this Wayland compositor offers no way Pingwise knows: bind \"pingwise ask\" to a shortcut in your desktop's keyboard settings"
		for _, s := range []string{platform.HotkeyService, platform.ActiveApp, platform.IdleService} {
			d.Say(s, platform.Missing(why))
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

// openWayland fills in what the Wayland compositor offers, by family.
func openWayland(d *platform.Desktop) {}

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
