package x11

import (
	"os"

	"github.com/pingwise/pingwise/platform"
)

// Open fills in what an X11 session gives over one connection: the
// hotkey, the app in front and idle time. Under a Wayland compositor X11
// sees only XWayland windows and input to them, so it is not used there;
// platform/desktop decides.
func Open(d *platform.Desktop) *Conn {
	c, err := Dial("")
	if err != nil {
		why := err.Error() + ": bind \"pingwise ask\" in your desktop's keyboard settings"
		for _, s := range []string{platform.HotkeyService, platform.ActiveApp, platform.IdleService} {
			d.Say(s, platform.Missing(why))
		}
		return nil
	}
	d.Hotkey, d.Active = c, activeWatcher{c}
	d.OnClose(func() { c.Close() })
	d.Say(platform.HotkeyService, platform.Works("X11 XGrabKey on "+os.Getenv("DISPLAY")).Said("x11Hotkey", os.Getenv("DISPLAY")))
	d.Say(platform.ActiveApp, platform.Works("X11 _NET_ACTIVE_WINDOW (EWMH)"))
	if c.idleErr != nil {
		d.Say(platform.IdleService, platform.Missing(c.idleErr.Error()))
	} else {
		d.Idle = c
		d.Say(platform.IdleService, platform.Works("X11 MIT-SCREEN-SAVER idle time").Said("x11Idle"))
	}
	return c
}

// activeWatcher reports X11's active window as a platform.Window.
type activeWatcher struct{ c *Conn }

func (a activeWatcher) WatchActive(changed func(platform.Window)) (stop func(), err error) {
	return a.c.WatchActive(func(w Window) {
		changed(platform.Window{AppID: w.Class, Class: w.Class, Instance: w.Instance, Title: w.Title})
	})
}
